import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, listFiles, read, type BuildResult } from '../helpers/build.ts';
import { brokenLinks } from '../helpers/dist-links.ts';
import { SITE_FIXTURE } from '../helpers/fixtures.ts';

let site: BuildResult;
beforeAll(() => {
  site = buildSite(SITE_FIXTURE, { REPO_URL: 'https://github.com/example/playbook' });
  if (site.status !== 0) throw new Error(`fixture build failed:\n${site.output}`);
});
afterAll(() => fs.rmSync(site.outDir, { recursive: true, force: true }));

const html = (file: string) => read(site.outDir, file);

describe('fixture site build', () => {
  it('finishes without warnings', () => {
    expect(site.output).not.toMatch(/\[WARN\]|warning/i);
  });

  it('publishes every page type', () => {
    const files = listFiles(site.outDir);
    for (const page of [
      'index.html',
      '404.html',
      'notes/index.html',
      'notes/alpha-note/index.html',
      'notes/beta-note/index.html',
      'themes/index.html',
      'themes/cheng-chi/index.html',
      'tags/index.html',
      'tags/trust/index.html',
      'sources/index.html',
      'sources/fixture-text/index.html',
      'glossary/index.html',
      'timeline/index.html',
      'paths/fixture-path/index.html',
      'plays/index.html',
      'plays/fixture-play/index.html',
      'plays/fixture-play/worksheet/index.html',
      'rss.xml',
      'sitemap-index.xml',
    ]) {
      expect(files, page).toContain(page);
    }
  });

  it('keeps drafts out of pages, lists, the feed and the sitemap', () => {
    expect(fs.existsSync(path.join(site.outDir, 'notes/draft-note'))).toBe(false);
    expect(html('notes/index.html')).not.toContain('Draft note');
    expect(html('rss.xml')).not.toContain('draft-note');
    expect(html('sitemap-0.xml')).not.toContain('draft-note');
  });

  it('serves a redirect page at the old address of a merged note (content/redirects.yaml), and lists it nowhere else', () => {
    const page = html('notes/old-alpha-note/index.html');
    expect(page).toContain('<meta http-equiv="refresh" content="0; url=/notes/alpha-note/">');
    expect(page).toContain('<link rel="canonical" href="https://playbook.example/notes/alpha-note/">');
    expect(page).toContain('<meta name="robots" content="noindex">');
    expect(page).toMatch(/<a href="\/notes\/alpha-note\/">Alpha note<\/a>/);
    expect(html('_redirects')).toContain(
      '/notes/old-alpha-note/ /notes/alpha-note/ 301\n/notes/old-alpha-note.md /notes/alpha-note.md 301',
    );
    for (const file of ['sitemap-0.xml', 'rss.xml', 'llms.txt', 'llms-full.txt', 'notes/index.html'])
      expect(html(file), file).not.toContain('old-alpha-note');
    expect(fs.existsSync(path.join(site.outDir, 'notes/old-alpha-note.md'))).toBe(false);
  });

  it('has no broken internal links or fragments', () => {
    expect(brokenLinks(site.outDir)).toEqual([]);
  });

  it('ships no JavaScript on pages that do not need it', () => {
    // The search page, the composer and run mode (/plays/<id>/run/, /plays/compose/run/) have islands.
    const pages = listFiles(site.outDir).filter(
      (f) => f.endsWith('.html') && !f.startsWith('search/') && !f.startsWith('plays/compose/') && !/^plays\/[^/]+\/run\//.test(f),
    );
    for (const page of pages) expect(html(page), page).not.toMatch(/<script/i);
  });

  it('sets a strict Content Security Policy on every page: no inline scripts or styles beyond hashes', () => {
    for (const page of listFiles(site.outDir).filter((f) => f.endsWith('.html'))) {
      const policy = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html(page))?.[1] ?? '';
      expect(policy, page).toMatch(/default-src 'self'/);
      expect(policy, page).toMatch(/object-src 'none'/);
      expect(policy, page).not.toContain('unsafe-inline');
    }
  });

  it('keeps a note page within one TCP window: HTML plus CSS at most 14 kB gzip', () => {
    const page = html('notes/alpha-note/index.html');
    const css = [...page.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => read(site.outDir, (m[1] ?? '').replace(/^\//, '')));
    const bytes = gzipSync(page).length + css.reduce((sum, text) => sum + gzipSync(text).length, 0);
    expect(bytes).toBeLessThanOrEqual(14 * 1024);
  });
});

describe('a note page', () => {
  const page = () => html('notes/alpha-note/index.html');

  it('shows title, summary, reading time and last update', () => {
    expect(page()).toContain('<h1 data-pagefind-weight="10">Alpha note</h1>');
    expect(page()).toContain('The first fixture note;');
    expect(page()).toMatch(/\d+ min read/);
    expect(page()).toContain('<time datetime="2026-11-20">20 November 2026</time>');
  });

  it('resolves wikilinks to routes and labels them with the target title', () => {
    expect(page()).toContain('<a href="/notes/beta-note/">Beta note</a>');
    expect(page()).toContain('<a href="/notes/beta-note/#second-section">a heading in beta</a>');
    expect(page()).toContain('<a href="/glossary/#fixture-term">Fixture term</a>');
    expect(page()).toContain('<a href="/plays/fixture-play/">Fixture play</a>');
  });

  it('marks external links and keeps them from reaching back', () => {
    expect(page()).toMatch(/<a href="https:\/\/example\.org\/" class="external" rel="noopener noreferrer">/);
  });

  it('gives headings ids and anchor links, and lists them in a table of contents', () => {
    expect(page()).toMatch(/<h2 id="first-section">First section<a class="heading-anchor"[^>]*href="#first-section"/);
    expect(page()).toMatch(/<nav class="toc"[\s\S]*href="#first-section"[\s\S]*href="#a-subsection"/);
  });

  it('renders the quotation with person and source, the aside and the footnote', () => {
    expect(page()).toMatch(
      /<figure class="quote"><blockquote><p>Customers first, always and in every way\.<\/p><\/blockquote><figcaption>— A Person, in <a href="\/sources\/fixture-text\/">A fixture text<\/a>/,
    );
    expect(page()).toContain('<aside class="aside aside-tip"');
    expect(page()).toContain('data-footnotes');
  });

  it('lists reflection questions, sources with locators, plays, related notes and backlinks', () => {
    expect(page()).toContain('What would change if we asked customers first?');
    expect(page()).toMatch(/<a href="\/sources\/fixture-text\/">A fixture text<\/a>: <span>first paragraph<\/span>/);
    const backlinks = /<h3 id="note-backlinks"[^>]*>Linked from<\/h3>\s*<ul[^>]*>([\s\S]*?)<\/ul>/.exec(page())?.[1] ?? '';
    expect(backlinks).toContain('/notes/beta-note/');
    expect(backlinks).toContain('/notes/gamma-note/');
    expect(backlinks).not.toContain('draft-note');
    expect(page()).toMatch(/id="note-plays"[\s\S]*Fixture play/);
  });

  it('offers "edit this page" from REPO_URL', () => {
    expect(page()).toContain('https://github.com/example/playbook/edit/main/content/notes/alpha-note.mdx');
  });

  it('carries canonical and Open Graph meta from SITE_URL', () => {
    expect(page()).toContain('<link rel="canonical" href="https://playbook.example/notes/alpha-note/">');
    expect(page()).toContain('<meta property="og:title" content="Alpha note">');
  });
});

describe('other pages', () => {
  it('groups notes by theme on /notes/', () => {
    const notes = html('notes/index.html');
    expect(notes.indexOf('Alpha note')).toBeLessThan(notes.indexOf('Beta note'));
    expect(notes).toMatch(/id="theme-cheng-chi"[\s\S]*Beta note/);
  });

  it('lists what cites a source, with locators', () => {
    expect(html('sources/fixture-text/index.html')).toMatch(/Alpha note<\/a><span class="meta"> \(first paragraph\)/);
    expect(html('sources/fixture-work/index.html')).toContain('November 2013');
  });

  it('renders the plain-Markdown note like the MDX one', () => {
    expect(html('notes/beta-note/index.html')).toMatch(/<h2 id="second-section">Second section/);
  });
});

describe('BASE_PATH', () => {
  let sub: BuildResult;
  beforeAll(() => {
    sub = buildSite(SITE_FIXTURE, { BASE_PATH: '/playbook' });
    if (sub.status !== 0) throw new Error(sub.output);
  });
  afterAll(() => fs.rmSync(sub.outDir, { recursive: true, force: true }));

  it('prefixes every internal link, including links written in content', () => {
    const page = read(sub.outDir, 'notes/alpha-note/index.html');
    expect(page).toContain('<a href="/playbook/notes/beta-note/">Beta note</a>');
    expect(page).toContain('href="/playbook/_astro/');
    expect(brokenLinks(sub.outDir, '/playbook/')).toEqual([]);
  });
});
