/**
 * The search index of real builds: the fixture site as `npm run build` makes
 * it, searched from Node with the same `pagefind.js` the search page loads
 * (served over HTTP, main thread instead of a worker), and a generated site of
 * 5,000 notes for the index budget.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateNotes, writeOurCorpus } from '../../src/bench/corpus.ts';
import { loadSiteGraph } from '../../src/graph/site-graph.ts';
import { buildSearchIndex } from '../../src/search/indexer.ts';
import { PAGE_SIZE, type PagefindApi, type PagefindResultData } from '../../src/search/pagefind-api.ts';
import { searchRecords } from '../../src/search/records.ts';
import { buildSite, digest, listFiles, ROOT, type BuildResult } from '../helpers/build.ts';
import { SITE_FIXTURE } from '../helpers/fixtures.ts';
import { serveStatic } from '../helpers/static-server.ts';

interface NodeSearch {
  pf: PagefindApi & { filters: () => Promise<Record<string, Record<string, number>>>; destroy: () => Promise<void> };
  origin: string;
  /** Index files fetched since the last `reset`, with their sizes on disk (the server does not compress). */
  fetched: () => { file: string; bytes: number }[];
  reset: () => void;
  /** The first `count` results of a query, loaded. */
  top: (query: string, count?: number, filters?: Record<string, string>) => Promise<PagefindResultData[]>;
  close: () => Promise<void>;
}

let instances = 0;

/** Serves a built site and loads its pagefind.js in Node; every fetch is counted. */
async function openSearch(siteDir: string, basePath = '/'): Promise<NodeSearch> {
  const server = await serveStatic(siteDir, basePath);
  const prefix = basePath.replace(/\/$/, '');
  let urls: string[] = [];
  const original = globalThis.fetch;
  globalThis.fetch = (input: string | URL | Request, init?: RequestInit) => {
    urls.push(String(input instanceof Request ? input.url : input));
    return original(input, init);
  };
  // A module instance per call: Pagefind takes its bundle path once, when it first loads.
  const module = `${pathToFileURL(path.join(siteDir, 'pagefind/pagefind.js')).href}?instance=${++instances}`;
  const pf = (await import(module)) as NodeSearch['pf'];
  await (pf as unknown as { options: (o: object) => Promise<void> }).options({
    basePath: `${server.url}${prefix}/pagefind/`,
    noWorker: true,
  });
  return {
    pf,
    origin: server.url,
    fetched: () =>
      urls
        .map((url) => new URL(url).pathname.slice(prefix.length))
        .filter((file) => /\.pf_\w+$/.test(file))
        .map((file) => ({ file, bytes: fs.statSync(path.join(siteDir, file)).size })),
    reset: () => {
      urls = [];
    },
    top: async (query, count = PAGE_SIZE, filters = {}) => {
      const response = await pf.search(query, { filters });
      return Promise.all(response.results.slice(0, count).map((result) => result.data()));
    },
    close: async () => {
      await pf.destroy();
      globalThis.fetch = original;
      await server.close();
    },
  };
}

const indexScript = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['scripts/search-index.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CONTENT_DIR: SITE_FIXTURE, ...env },
    timeout: 120_000,
  });

const temp: string[] = [];
const tempDir = (name: string) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `search-${name}-`));
  temp.push(dir);
  return dir;
};

let site: BuildResult;
let search: NodeSearch;
beforeAll(async () => {
  site = buildSite(SITE_FIXTURE);
  if (site.status !== 0) throw new Error(`fixture build failed:\n${site.output}`);
  search = await openSearch(site.outDir);
});
afterAll(async () => {
  await search?.close();
  fs.rmSync(site.outDir, { recursive: true, force: true });
  temp.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true }));
});

describe('the search index of the fixture site', () => {
  it('is built by the site build, which reports what was indexed, how long it took and what was written', () => {
    expect(site.output).toMatch(
      /search-index: indexed 15 records \(5 notes, 2 plays, 1 glossary term, 1 timeline event, 2 sources, 3 themes, 1 reading path\) in \d+\.\d s/,
    );
    expect(site.output).toMatch(
      /search-index: wrote \d+ files, [\d.]+ kB \(index data [\d.]+ kB, vocabulary \d+ words in [\d.]+ kB\), to \S+pagefind\//,
    );
  });

  it('ships what the search page uses, not Pagefind’s ready-made UIs', () => {
    const files = listFiles(path.join(site.outDir, 'pagefind'));
    for (const file of ['pagefind.js', 'pagefind-worker.js', 'pagefind-entry.json', 'wasm.en.pagefind']) expect(files).toContain(file);
    for (const kind of ['index', 'fragment', 'filter'])
      expect(
        files.some((f) => f.startsWith(`${kind}/`)),
        kind,
      ).toBe(true);
    expect(files.filter((f) => /pagefind-(ui|modular-ui|component-ui|highlight)\./.test(f))).toEqual([]);
  });

  it('gives every entry a result of its own, with filters type and theme and meta title, summary and type', async () => {
    for (const record of searchRecords(loadSiteGraph(SITE_FIXTURE, { fresh: true }))) {
      const results = await search.top(record.title, 20);
      const found = results.find((r) => r.url === `${search.origin}${record.url}`);
      expect(found, `${record.key} searching "${record.title}"`).toBeDefined();
      expect(found?.meta).toMatchObject({ title: record.title, summary: record.summary, type: record.type });
      expect(found?.filters).toEqual({ type: [record.type], theme: record.themes });
    }
    const filters = await search.pf.filters();
    expect(filters.type).toEqual({ notes: 5, plays: 2, glossary: 1, timeline: 1, sources: 2, themes: 3, paths: 1 });
    expect(filters.theme).toEqual({ 'customer-obsession': 7, 'cheng-chi': 6, 'sears-to-amazon': 6 });
  });

  it('indexes main content only: no navigation, skip link, footer, note furniture, tags or backlinks', async () => {
    const alpha = (await search.top('Alpha opens the fixture')).find((r) => r.url.endsWith('/notes/alpha-note/'));
    const text = (alpha as PagefindResultData & { content: string }).content;
    expect(text).toMatch(/^Alpha note\. The first fixture note;.*Alpha opens the fixture\..*What would change/);
    for (const furniture of [
      'Reflect',
      'Sources',
      'Skip to content',
      'Timeline',
      'min read',
      'Last updated',
      'Customer obsession',
      'Linked from',
      'Related notes',
      'Tags',
      'loyalty',
      'Edit this page',
      'Written in our own words',
      'RSS',
    ]) {
      expect(text, furniture).not.toContain(furniture);
    }
    expect(await search.top('rss')).toEqual([]);
  });

  it('keeps result addresses right under a base path', async () => {
    const sub = await openSearch(site.outDir, '/playbook/');
    try {
      const urls = (await sub.top('fixture term')).map((r) => r.url.slice(sub.origin.length));
      expect(urls).toContain('/playbook/glossary/#fixture-term');
      expect(urls).toContain('/playbook/notes/alpha-note/');
    } finally {
      await sub.close();
    }
  });

  it('writes the same index for the same site, and clears what an earlier run left behind', () => {
    const dir = tempDir('rerun');
    fs.cpSync(site.outDir, dir, { recursive: true });
    const before = digest(path.join(dir, 'pagefind'));
    fs.writeFileSync(path.join(dir, 'pagefind/index/stale.pf_index'), 'old');
    const again = indexScript(['--site', dir]);
    expect(again.status, again.stderr).toBe(0);
    expect(digest(path.join(dir, 'pagefind'))).toEqual(before);
  });

  it('does the work it is given alongside before writing the index, which is the same; an error there ends it, as thrown', async () => {
    const dir = tempDir('alongside');
    fs.cpSync(site.outDir, dir, { recursive: true });
    const before = digest(path.join(dir, 'pagefind'));
    fs.rmSync(path.join(dir, 'pagefind'), { recursive: true });
    const seen: boolean[] = [];
    await buildSearchIndex({
      siteDir: dir,
      contentDir: SITE_FIXTURE,
      alongside: () => void seen.push(fs.existsSync(path.join(dir, 'pagefind'))),
    });
    expect(seen).toEqual([false]);
    expect(digest(path.join(dir, 'pagefind'))).toEqual(before);

    const failing = tempDir('alongside-fails');
    fs.cpSync(site.outDir, failing, { recursive: true });
    fs.rmSync(path.join(failing, 'pagefind'), { recursive: true });
    const broken = new Error('the twins could not be written');
    await expect(
      buildSearchIndex({
        siteDir: failing,
        contentDir: SITE_FIXTURE,
        alongside: () => {
          throw broken;
        },
      }),
    ).rejects.toBe(broken);
    expect(fs.existsSync(path.join(failing, 'pagefind'))).toBe(false);
  });
});

describe('the search-index script fails with a cause', () => {
  it('when there is no built site', () => {
    const result = indexScript(['--site', path.join(os.tmpdir(), 'no-such-site')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/no built site in .*no-such-site: run `npm run build` first/);
  });

  it('when the site was built from other content', () => {
    const result = indexScript(['--site', site.outDir, '--content', path.join(ROOT, 'content')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/\d+ pages cannot be indexed:\n {2}- notes\/[a-z0-9-]+: no notes\/[a-z0-9-]+\/index\.html in /);
    expect(result.stderr).toMatch(/Build the site from the same content folder/);
  });

  it('when a page does not mark its main content', () => {
    const dir = tempDir('unmarked');
    fs.cpSync(site.outDir, dir, { recursive: true });
    const file = path.join(dir, 'notes/beta-note/index.html');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replaceAll(' data-pagefind-body', ''));
    const result = indexScript(['--site', dir]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'a page cannot be indexed:\n  - notes/beta-note/index.html: it marks no main content with data-pagefind-body',
    );
  });

  it('on an unknown option, with exit code 2', () => {
    const result = indexScript(['--sites', 'dist']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/unknown option --sites.*`--site`/);
  });
});

describe('index budget at 5,000 notes', () => {
  const NOTES = 5000;
  let big: NodeSearch;
  let dir = '';
  beforeAll(async () => {
    // Generated notes of 500-800 words from a small vocabulary, so a query word is on
    // nearly every page: the worst case for the size of an index chunk. Pages are
    // written in the shape of ours (main content marked, furniture ignored) without
    // an Astro build, which would take minutes at this size.
    dir = tempDir('5000');
    const content = path.join(dir, 'content');
    const siteDir = path.join(dir, 'site');
    writeOurCorpus(content, NOTES);
    const page = (title: string, body: string) =>
      `<!doctype html><html lang="en"><body><nav><a href="/notes/">Notes</a></nav><main><article data-pagefind-body><h1 data-pagefind-weight="10">${title}</h1>${body}</article></main><footer>Footer</footer></body></html>`;
    const html = (markdown: string) =>
      markdown
        .split(/\n\n+/)
        .map((block) => block.replace(/\[([^\]]+)\]\([^)]+\)/g, '$1').replace(/^[#>|-]+ ?/gm, ''))
        .map((block) => `<p>${block}</p>`)
        .join('');
    fs.mkdirSync(siteDir, { recursive: true });
    fs.writeFileSync(path.join(siteDir, 'index.html'), page('Home', ''));
    for (const note of generateNotes(NOTES)) {
      fs.mkdirSync(path.join(siteDir, 'notes', note.slug), { recursive: true });
      fs.writeFileSync(path.join(siteDir, 'notes', note.slug, 'index.html'), page(note.title, html(note.body)));
    }
    for (const theme of ['customer-obsession', 'cheng-chi', 'sears-to-amazon']) {
      fs.mkdirSync(path.join(siteDir, 'themes', theme), { recursive: true });
      fs.writeFileSync(path.join(siteDir, 'themes', theme, 'index.html'), page('Theme', '<p>Generated notes.</p>'));
    }
    const report = await buildSearchIndex({ siteDir, contentDir: content });
    expect(report.total).toBe(NOTES + 3);
    big = await openSearch(siteDir);
  }, 240_000);
  afterAll(async () => {
    await big?.close();
  });

  it.each(['customer', 'threshold', 'quiet'])(
    'a one-word query ("%s") fetches at most 150 kB of index chunks and fragments',
    async (query) => {
      big.reset();
      const results = await big.top(query);
      expect(results.length).toBe(PAGE_SIZE);
      const index = big.fetched().filter((f) => /\.pf_(index|fragment)$/.test(f.file));
      const bytes = index.reduce((sum, f) => sum + f.bytes, 0);
      expect(bytes).toBeLessThanOrEqual(150 * 1024);
    },
  );
});
