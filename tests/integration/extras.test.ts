/**
 * The reader extras in a real build of the fixture site plus a few extra
 * entries (../helpers/extras-fixture.ts): concept map, neighbourhoods, timeline,
 * glossary links, reading paths, social images, theme books and their PDF.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSiteGraph } from '../../src/graph/site-graph.ts';
import { ogCards } from '../../src/og/cards.ts';
import { renderCard } from '../../src/og/render.ts';
import { buildSite, listFiles, read, ROOT, type BuildResult } from '../helpers/build.ts';
import { projectHtmlValidator } from '../helpers/html-validate.ts';
import { brokenLinks } from '../helpers/dist-links.ts';
import { extrasContent } from '../helpers/extras-fixture.ts';

let content: string;
let site: BuildResult;
beforeAll(() => {
  content = extrasContent();
  site = buildSite(content);
  if (site.status !== 0) throw new Error(`extras build failed:\n${site.output}`);
});
afterAll(() => {
  fs.rmSync(site.outDir, { recursive: true, force: true });
  fs.rmSync(content, { recursive: true, force: true });
});

const html = (file: string) => read(site.outDir, file);
const published = () => loadSiteGraph(content).byCollection.notes.filter((n) => !n.draft);
/** HTML plus linked stylesheets, gzipped: the note page budget. */
const gzipBytes = (file: string) => {
  const page = html(file);
  const css = [...page.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => read(site.outDir, (m[1] ?? '').replace(/^\//, '')));
  return gzipSync(page).length + css.reduce((sum, text) => sum + gzipSync(text).length, 0);
};

describe('build', () => {
  it('has no broken links or fragments, and no JavaScript on the new pages', () => {
    expect(brokenLinks(site.outDir)).toEqual([]);
    for (const page of [
      'map/index.html',
      'timeline/index.html',
      'themes/sears-to-amazon/book/index.html',
      'paths/fixture-path/index.html',
      'notes/beta-note/index.html',
    ]) {
      expect(html(page), page).not.toMatch(/<script/i);
    }
  });

  it('passes the HTML validator on every new page type', async () => {
    // The project's rules, loaded explicitly (a file-system loader finds no config beside a temporary folder).
    const validator = projectHtmlValidator();
    const problems: string[] = [];
    for (const file of [
      'map/index.html',
      'timeline/index.html',
      'themes/sears-to-amazon/book/index.html',
      'paths/fixture-path/index.html',
      'notes/extras-chapter-one/index.html',
      'glossary/index.html',
    ]) {
      const report = await validator.validateFile(path.join(site.outDir, file));
      for (const result of report.results)
        for (const m of result.messages) problems.push(`${file}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
    expect(problems).toEqual([]);
  });
});

describe('concept map', () => {
  const page = () => html('map/index.html');
  const svg = () => /<svg[\s\S]*?<\/svg>/.exec(page())?.[0] ?? '';

  it('links every published note from the SVG, each with a title', () => {
    for (const note of published()) {
      expect(svg(), note.id).toMatch(new RegExp(`<a href="/notes/${note.id}/"[^>]*><title>[^<]+</title>`));
    }
    expect(svg()).not.toContain('draft-note');
    expect(svg()).toMatch(/viewBox="0 0 1120 \d+"/);
  });

  it('shows a note’s links and neighbours on hover and focus, from CSS alone', () => {
    // Chapter one's link holds its own highlight: its edges and its neighbours' names, hidden until hovered or focused.
    const node = new RegExp('<a href="/notes/extras-chapter-one/"[^>]*>[\\s\\S]*?</a>').exec(svg())?.[0] ?? '';
    expect(node).toMatch(/<title>Chapter one\. Linked with: [^<]*Chapter two[^<]*<\/title>/);
    expect(node).toMatch(/<g class="near"[^>]*aria-hidden="true"[^>]*><path d="M[^"]+"/);
    expect(node).toMatch(/<text[^>]*>Chapter two<\/text>/);
    expect(page()).not.toMatch(/<script/);
  });

  it('has the same map as a text list, note by note with the notes it is linked with', () => {
    const list = page().slice(page().indexOf('id="map-list"'));
    for (const note of published()) expect(list, note.id).toContain(`href="/notes/${note.id}/"`);
    expect(list).toMatch(/Chapter one<\/a>[\s\S]*?Linked with: [\s\S]*?Chapter two/);
  });

  it('is the same, byte for byte, in a second build', () => {
    const again = buildSite(content);
    try {
      expect(read(again.outDir, 'map/index.html')).toBe(page());
    } finally {
      fs.rmSync(again.outDir, { recursive: true, force: true });
    }
  });
});

describe('note pages', () => {
  it('link the first use of a glossary term, with its definition as a preview', () => {
    const page = html('notes/extras-chapter-one/index.html');
    const links = [...page.matchAll(/<a href="\/glossary\/#fixture-term" class="glossary-term" aria-describedby="([^"]+)">([^<]+)<\/a>/g)];
    expect(links.map((m) => m[2])).toEqual(['fixture term']);
    expect(page).toContain(`<span id="${links[0]?.[1]}" role="tooltip" class="glossary-preview">A word defined only`);
    expect(page).toContain('later the fixture term again');
  });

  it('leave glossary terms alone in a note with `glossaryLinks: false`', () => {
    const page = html('notes/extras-opt-out/index.html');
    expect(page).toContain('This fixture term stays plain text.');
    expect(page).not.toContain('class="glossary-term"');
  });

  it('end with one Next: the theme’s order, or the path’s next step when the address names the path', () => {
    const nav = /<nav class="note-next"[\s\S]*?<\/nav>/.exec(html('notes/beta-note/index.html'))?.[0] ?? '';
    // The path's choice, shown by CSS when the address is #path-fixture-path, before the theme's.
    expect(nav).toMatch(
      /<div class="via"[^>]* id="path-fixture-path"[^>]*>[\s\S]*?Step 2 of 3 in <a href="\/paths\/fixture-path\/"[^>]*>A fixture path<\/a>/,
    );
    expect(nav).toMatch(/rel="next" href="\/notes\/gamma-note\/#path-fixture-path"/);
    expect(nav).toMatch(/<div class="default"[^>]*>[\s\S]*?Next in Cheng and chi/);
    expect(nav.indexOf('class="via"')).toBeLessThan(nav.indexOf('class="default"'));
    // No competing pager, and the path's step links carry the path.
    expect(html('notes/beta-note/index.html')).not.toContain('rel="prev"');
    expect(html('notes/beta-note/index.html')).not.toContain('class="pager"');
    expect(html('paths/fixture-path/index.html')).toContain('href="/notes/beta-note/#path-fixture-path"');
    expect(html('notes/extras-chapter-two/index.html')).not.toContain('class="via"');
  });

  it('have one Connections block: each linking page once, with the sentence around its link', () => {
    const page = html('notes/extras-chapter-two/index.html');
    const block = /<section class="connections"[\s\S]*?<\/section>/.exec(page)?.[0] ?? '';
    expect(block).toMatch(/Linked from<\/h3>/);
    expect(block).toMatch(/<a href="\/notes\/extras-chapter-one\/"[^>]*>Chapter one<\/a>/);
    expect(block).toMatch(/<p class="context"[^>]*>Read Chapter two next, and [^<]+ for a note without glossary links\.<\/p>/);
    expect(block).toContain('href="/map/#note-extras-chapter-two"');
    expect(block.match(/href="\/notes\/extras-chapter-one\/"/g), 'chapter one is listed once').toHaveLength(1);
    // "Linked from" lives in the block (its heading keeps the old list's id, for links to it); the old lists are gone.
    expect(page.match(/id="note-backlinks"/g)).toHaveLength(1);
    expect(block).toContain('id="note-backlinks"');
    for (const gone of ['id="note-map"', 'id="note-related"', '<nav class="path-nav"']) expect(page).not.toContain(gone);
  });

  it('wrap a wide table in a labelled region that scrolls on its own', () => {
    const page = html('notes/extras-chapter-one/index.html');
    const tables = page.match(/<table[\s\S]*?<\/table>/g) ?? [];
    expect(tables).toHaveLength(1);
    for (const table of tables)
      expect(page.slice(0, page.indexOf(table))).toMatch(
        /<section class="table-scroll" tabindex="0" aria-label="Table: Chapter, What it holds">$/,
      );
  });

  it('stay within 14 kB gzip (HTML plus CSS), every one of them', () => {
    const sizes = Object.fromEntries(published().map((n) => [n.id, gzipBytes(`notes/${n.id}/index.html`)]));
    for (const [id, bytes] of Object.entries(sizes)) expect(bytes, id).toBeLessThanOrEqual(14 * 1024);
    console.info(`note pages, gzip HTML+CSS: alpha-note ${sizes['alpha-note']} B, largest ${Math.max(...Object.values(sizes))} B`);
  });
});

describe('timeline', () => {
  it('puts events in era bands, in date order, each linking to its notes', () => {
    const page = html('timeline/index.html');
    const bands = [...page.matchAll(/<li class="band era-(\w+)"/g)].map((m) => m[1]);
    expect(bands).toEqual(['sears', 'amazon', 'service']);
    expect(page.indexOf('id="fixture-event"')).toBeLessThan(page.indexOf('id="extras-catalog"'));
    expect(page).toMatch(/id="extras-amazon"[\s\S]*?href="\/notes\/extras-chapter-one\/"[\s\S]*?href="\/notes\/extras-chapter-two\/"/);
    expect(page).toContain('<time datetime="1995-07"');
  });
});

describe('social images', () => {
  const cards = () => ogCards(loadSiteGraph(content));

  it('exist for every note, play and theme, 1200×630, at most 60 kB', () => {
    const sizes: number[] = [];
    for (const card of cards()) {
      const png = fs.readFileSync(path.join(site.outDir, `og/${card.kind}/${card.id}.png`));
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], card.id).toEqual([1200, 630]);
      expect(png.length, card.id).toBeLessThanOrEqual(60 * 1024);
      sizes.push(png.length);
    }
    expect(cards().filter((c) => c.kind === 'notes')).toHaveLength(published().length);
    console.info(`social images: ${sizes.length}, ${Math.min(...sizes)}–${Math.max(...sizes)} bytes`);
  });

  it('are byte-identical to a fresh render of the same card', async () => {
    for (const card of cards().slice(0, 3)) {
      const built = fs.readFileSync(path.join(site.outDir, `og/${card.kind}/${card.id}.png`));
      expect((await renderCard(card, 'playbook.example')).equals(built), card.id).toBe(true);
    }
  });

  it('are named in each page’s meta, by absolute URL', () => {
    expect(html('notes/alpha-note/index.html')).toContain(
      '<meta property="og:image" content="https://playbook.example/og/notes/alpha-note.png">',
    );
    expect(html('plays/fixture-play/index.html')).toContain('content="https://playbook.example/og/plays/fixture-play.png"');
    expect(html('glossary/index.html')).toContain('content="https://playbook.example/og/site/playbook.png"');
  });
});

describe('theme books', () => {
  const book = () => html('themes/sears-to-amazon/book/index.html');

  it('have a cover, a table of contents and every note of the theme, each in its own chapter', () => {
    const notes = published().filter((n) => (n.raw.data as { theme?: string }).theme === 'sears-to-amazon');
    expect(notes.length).toBeGreaterThan(2);
    expect(book()).toMatch(/<h1 id="book-title"[^>]*>From Sears to Amazon<\/h1>/);
    for (const note of notes) {
      expect(book(), note.id).toContain(`<a href="#chapter-${note.id}"`);
      expect(book(), note.id).toMatch(new RegExp(`<h2 id="chapter-${note.id}" class="chapter-title"[^>]*>${note.title}</h2>`));
    }
    // The body of each note is rendered, not only its title.
    expect(book()).toContain('The same heading as in chapter one.');
  });

  it('give each chapter ids of its own, though the notes share headings', () => {
    const ids = [...book().matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(ids).toEqual(expect.arrayContaining(['n-extras-chapter-one--the-idea', 'n-extras-chapter-two--the-idea']));
    expect(book()).toContain('href="#n-extras-chapter-two--the-idea"');
    expect(book()).not.toContain('data-scope');
  });

  it('start each chapter on a new page when printed', () => {
    const css =
      [...book().matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('') +
      [...book().matchAll(/<link rel="stylesheet" href="([^"]+)"/g)]
        .map((m) => read(site.outDir, (m[1] ?? '').replace(/^\//, '')))
        .join('');
    expect(css).toMatch(/@media print\{[^@]*?\.chapter\[[^\]]+\]\{[^}]*break-before:page/);
  });
});

describe('npm run pdf', () => {
  const pdf = (...args: string[]) =>
    spawnSync(process.execPath, [path.join(ROOT, 'scripts/pdf.ts'), '--dist', site.outDir, ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });

  it('refuses an unknown theme with exit code 2 and the nearest id', () => {
    const result = pdf('--theme', 'cheng-chii');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('there is no theme "cheng-chii". Did you mean `cheng-chi`?');
  });

  it('says how to install Chromium when it is missing (exit code 1)', () => {
    const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts/pdf.ts'), '--dist', site.outDir, '--theme', 'cheng-chi'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, CHROMIUM_PATH: '/no/such/chromium' },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('apt-get install -y chromium');
  });

  it.skipIf(!fs.existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'))(
    'prints a book: a page per chapter, the same bytes every time',
    () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'playbook-pdf-'));
      try {
        const first = pdf('--theme', 'sears-to-amazon', '--out', path.join(dir, 'a.pdf'));
        expect(first.status, first.stderr).toBe(0);
        expect(first.stdout).toMatch(/^pdf: wrote .*a\.pdf \(\d+ pages, \d+ kB\)/);
        const second = pdf('--theme', 'sears-to-amazon', '--out', path.join(dir, 'b.pdf'));
        expect(second.status, second.stderr).toBe(0);
        const bytes = fs.readFileSync(path.join(dir, 'a.pdf'));
        expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
        expect(bytes.equals(fs.readFileSync(path.join(dir, 'b.pdf')))).toBe(true);
        // Cover, contents, the theme's essay, then one page or more per note.
        const pages = Number(/\((\d+) pages/.exec(first.stdout)?.[1]);
        const notes = published().filter((n) => (n.raw.data as { theme?: string }).theme === 'sears-to-amazon').length;
        expect(pages).toBeGreaterThanOrEqual(3 + notes);
        // Links point at the public site, not at the local server that printed the page.
        expect(bytes.toString('latin1')).toContain('/URI (https://playbook.example/notes/');
        expect(bytes.toString('latin1')).not.toContain('127.0.0.1');
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});

describe('listing', () => {
  it('publishes the new pages', () => {
    const files = listFiles(site.outDir);
    for (const file of ['map/index.html', 'themes/cheng-chi/book/index.html', 'og/site/playbook.png', 'og/notes/alpha-note.png'])
      expect(files).toContain(file);
  });
});
