/**
 * Markdown twins and llms.txt over the fixture site, compared with expected
 * files in tests/fixtures/twins/ (regenerate with UPDATE_TWINS=1 after a
 * deliberate change, and read the diff).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse } from 'yaml';
import { bodyTree } from '../../src/graph/body.ts';
import { loadSiteGraph } from '../../src/graph/site-graph.ts';
import type { DiskCache } from '../../src/lib/disk-cache.ts';
import { siteTwins, type Twin } from '../../src/twins/entries.ts';
import { twinFiles } from '../../src/twins/write.ts';
import { FIXTURES, SITE_FIXTURE } from '../helpers/fixtures.ts';

const EXPECTED = path.join(FIXTURES, 'twins');
const SITE = { title: 'Customer Obsession Playbook', description: 'A fixture site for the twin tests.' };
const graph = loadSiteGraph(SITE_FIXTURE);
const publicFiles = twinFiles(graph, { base: '/', publicUrl: 'https://playbook.example', site: SITE });

/** The fixture's expected files, one per kind of twin, and the two llms files. */
const CASES = [
  'notes/alpha-note.md',
  'notes/beta-note.md',
  'themes/cheng-chi.md',
  'plays/fixture-play.md',
  'glossary/fixture-term.md',
  'llms.txt',
  'llms-full.txt',
];

describe('Markdown twins of the fixture site', () => {
  it.each(CASES)('%s is the expected file', (file) => {
    const actual = publicFiles.get(file);
    expect(actual, `${file} was not made`).toBeDefined();
    const expectedFile = path.join(EXPECTED, file);
    if (process.env.UPDATE_TWINS) {
      fs.mkdirSync(path.dirname(expectedFile), { recursive: true });
      fs.writeFileSync(expectedFile, actual ?? '');
    }
    expect(actual).toBe(fs.readFileSync(expectedFile, 'utf8'));
  });

  it('makes one twin per published note, theme, play and term, and none for drafts', () => {
    const twins = [...publicFiles.keys()].filter((file) => file.endsWith('.md')).sort();
    const published = (['notes', 'themes', 'plays', 'glossary'] as const)
      .flatMap((collection) =>
        graph.byCollection[collection].filter((entry) => !entry.draft).map((entry) => `${collection}/${entry.id}.md`),
      )
      .sort();
    expect(twins).toEqual(published);
    expect(twins).not.toContain('notes/draft-note.md');
    expect(graph.entries.get('notes/draft-note')?.draft).toBe(true);
  });

  it('gives every twin front matter with title, the page URL and its sources', () => {
    for (const [file, text] of publicFiles) {
      if (!file.endsWith('.md')) continue;
      const match = /^---\n([\s\S]*?)\n---\n\n# (.+)\n/.exec(text);
      expect(match, file).not.toBeNull();
      const front = parse(match?.[1] ?? '') as { title: string; url: string; sources: unknown[] };
      expect(front.title).toBe(match?.[2]);
      expect(front.url).toMatch(/^https:\/\/playbook\.example\/(notes|themes|plays|glossary)\//);
      expect(Array.isArray(front.sources)).toBe(true);
    }
  });

  it('writes no wikilink, no MDX component and no HTML', () => {
    for (const [file, text] of publicFiles) {
      expect(text, file).not.toMatch(/\[\[|<Quote|<Aside|<\/?[a-z][^>]*>/i);
    }
  });

  it('addresses are root-relative with the base path when the origin is not public', () => {
    const files = twinFiles(graph, { base: '/playbook', publicUrl: null, site: SITE });
    const alpha = files.get('notes/alpha-note.md') ?? '';
    expect(alpha).toContain('url: /playbook/notes/alpha-note/');
    expect(alpha).toContain('[Beta note](/playbook/notes/beta-note/)');
    expect(alpha).not.toContain('localhost');
    expect(files.get('llms.txt')).toContain('[Alpha note](/playbook/notes/alpha-note.md)');
  });

  it('is the same twice and leaves the graph’s parsed tree unchanged', () => {
    const alpha = graph.entries.get('notes/alpha-note');
    if (!alpha) throw new Error('no alpha note');
    const before = structuredClone(bodyTree(alpha.raw));
    const again = twinFiles(graph, { base: '/', publicUrl: 'https://playbook.example', site: SITE });
    expect([...again]).toEqual([...publicFiles]);
    expect(bodyTree(alpha.raw)).toEqual(before);
  });

  it('reads back as the same text: CommonMark parses the twin into the note’s words', () => {
    const alpha = siteTwins({ graph, base: '/', publicUrl: null }).notes.find((twin) => twin.id === 'alpha-note');
    const tree = unified()
      .use(remarkParse)
      .parse(alpha?.body ?? '');
    const words = toString(tree);
    expect(words).toContain('Customers first, always and in every way.');
    expect(words).toContain('— A Person, in A fixture text');
    expect(tree.children.filter((node) => node.type === 'blockquote')).toHaveLength(2);
  });

  it('writes a < in text as &lt;, so a pasted twin cannot carry HTML after a bare address', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'playbook-twins-'));
    fs.cpSync(SITE_FIXTURE, dir, { recursive: true });
    const note = path.join(dir, 'notes/beta-note.md');
    fs.writeFileSync(
      note,
      fs
        .readFileSync(note, 'utf8')
        .replace('Beta is plain Markdown.', 'Beta is plain Markdown: https://x.org/ \\<img src=x onerror=alert(1)>.'),
    );
    const twin = twinFiles(loadSiteGraph(dir, { fresh: true }), { base: '/', publicUrl: null, site: SITE }).get('notes/beta-note.md') ?? '';
    expect(twin).toContain('&lt;img');
    expect(twin).not.toMatch(/\\?<img/);
  });
});

describe('twins kept between builds (src/twins/cache.ts)', () => {
  /** A cache in memory that counts what was made, standing in for the disk. */
  const memoryCache = () => {
    const kept = new Map<string, Twin>();
    const made: string[] = [];
    const store: DiskCache<Twin> = {
      get: (key) => kept.get(key),
      has: (key) => kept.has(key),
      set: (key, twin) => {
        made.push(twin.id);
        kept.set(key, structuredClone(twin));
      },
      flush: () => Promise.resolve(),
    };
    return { store, made };
  };
  const copyOfSite = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'playbook-twin-cache-'));
    fs.cpSync(SITE_FIXTURE, dir, { recursive: true });
    return dir;
  };
  const options = (store: DiskCache<Twin>) => ({
    base: '/',
    publicUrl: 'https://playbook.example',
    site: SITE,
    cache: { store, version: 'v1' },
  });

  it('writes the same files from the cache as without it, and makes nothing again when nothing changed', () => {
    const { store, made } = memoryCache();
    expect([...twinFiles(graph, options(store))]).toEqual([...publicFiles]);
    const first = made.length;
    expect(first).toBeGreaterThan(0);
    expect([...twinFiles(graph, options(store))]).toEqual([...publicFiles]);
    expect(made).toHaveLength(first);
  });

  it('makes a note again when the title of a note it links to changes, and only the notes that show it', () => {
    const dir = copyOfSite();
    const { store, made } = memoryCache();
    twinFiles(loadSiteGraph(dir, { fresh: true }), options(store));
    made.length = 0;
    const gamma = path.join(dir, 'notes/gamma-note.mdx');
    fs.writeFileSync(gamma, fs.readFileSync(gamma, 'utf8').replace(/^title: .*$/m, 'title: Gamma renamed'));
    const files = twinFiles(loadSiteGraph(dir, { fresh: true }), options(store));
    // beta and epsilon link to gamma by [[gamma-note]], whose label is gamma's title; alpha and delta do not.
    expect(made.sort()).toEqual(['beta-note', 'epsilon-note', 'gamma-note']);
    expect(files.get('notes/beta-note.md')).toContain('Gamma renamed');
    expect(files.get('llms-full.txt')).toContain('Gamma renamed');
  });

  it('makes nothing from the cache made by other twin code', () => {
    const { store, made } = memoryCache();
    twinFiles(graph, options(store));
    const first = made.length;
    twinFiles(graph, { ...options(store), cache: { store, version: 'v2' } });
    expect(made).toHaveLength(first * 2);
  });
});
