/**
 * Markdown twins in real builds of the fixture site: every note, theme, play
 * and term has its twin, llms.txt and llms-full.txt are at the root, two clean
 * builds give the same bytes, and each page's "View as Markdown" link leads to
 * its twin.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { twinRoute } from '../../src/twins/routes.ts';
import { buildSite, listFiles, read, type BuildResult } from '../helpers/build.ts';
import { brokenLinks } from '../helpers/dist-links.ts';
import { SITE_FIXTURE } from '../helpers/fixtures.ts';

let first: BuildResult;
let second: BuildResult;
beforeAll(() => {
  first = buildSite(SITE_FIXTURE);
  second = buildSite(SITE_FIXTURE);
  for (const build of [first, second]) if (build.status !== 0) throw new Error(build.output);
});
afterAll(() => [first, second].forEach((build) => fs.rmSync(build.outDir, { recursive: true, force: true })));

const TWINS = [
  'notes/alpha-note.md',
  'notes/beta-note.md',
  'notes/gamma-note.md',
  'notes/delta-note.md',
  'notes/epsilon-note.md',
  'themes/cheng-chi.md',
  'themes/customer-obsession.md',
  'themes/sears-to-amazon.md',
  'plays/fixture-play.md',
  'plays/second-fixture-play.md',
  'glossary/fixture-term.md',
];

/** The `href` of the page's "View as Markdown" links. */
const twinLinks = (html: string) =>
  [...html.matchAll(/<a class="twin-link" href="([^"]+)"[^>]*>View as Markdown<\/a>/g)].map((match) => match[1]);

describe('Markdown twins in the built site', () => {
  it('writes every twin, llms.txt and llms-full.txt, and keeps the pages beside them', () => {
    const files = listFiles(first.outDir);
    expect(files.filter((file) => file.endsWith('.md') && !file.startsWith('worksheets/')).sort()).toEqual([...TWINS].sort());
    expect(files).toContain('llms.txt');
    expect(files).toContain('llms-full.txt');
    // Merged into the output, not moved over it: the pages are still there.
    expect(files).toContain('notes/alpha-note/index.html');
    expect(files).toContain('worksheets/index.json');
    expect(read(first.outDir, 'notes/alpha-note.md')).toMatch(
      /^---\ntitle: Alpha note\nurl: https:\/\/playbook\.example\/notes\/alpha-note\/\n/,
    );
    expect(read(first.outDir, 'llms.txt')).toMatch(/^# Customer Obsession Playbook\n\n> /);
    expect(read(first.outDir, 'llms.txt')).toContain('- [Alpha note](https://playbook.example/notes/alpha-note.md): ');
    expect(read(first.outDir, 'llms-full.txt')).toContain('Customers first, always and in every way.');
  });

  it('two clean builds give byte-identical twins and llms files', () => {
    for (const file of [...TWINS, 'llms.txt', 'llms-full.txt']) {
      expect(fs.readFileSync(path.join(second.outDir, file)).equals(fs.readFileSync(path.join(first.outDir, file))), file).toBe(true);
    }
  });

  it('links each page to its own twin, and the links resolve', () => {
    for (const [page, collection, id] of [
      ['notes/alpha-note/index.html', 'notes', 'alpha-note'],
      ['themes/cheng-chi/index.html', 'themes', 'cheng-chi'],
      ['plays/fixture-play/index.html', 'plays', 'fixture-play'],
    ] as const) {
      expect(twinLinks(read(first.outDir, page)), page).toEqual([twinRoute(collection, id)]);
    }
    expect(twinLinks(read(first.outDir, 'glossary/index.html'))).toEqual([twinRoute('glossary', 'fixture-term')]);
    expect(brokenLinks(first.outDir).filter((link) => link.href.endsWith('.md'))).toEqual([]);
  });
});
