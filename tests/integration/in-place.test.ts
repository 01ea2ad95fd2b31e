import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CACHE_MAX_AGE_DAYS } from '../../src/lib/cache-prune.ts';
import { buildSite, listFiles } from '../helpers/build.ts';
import { contentWithOverlay } from '../helpers/fixtures.ts';

/**
 * The build that puts new note bodies in place (src/rebuild/in-place.ts): when only
 * notes' bodies changed since the last complete build into the same folder, it
 * rewrites the pages that show them, the twins and the search index, and what it
 * leaves is what a cold build of the same content writes, byte for byte. Any
 * other change runs every step, and says why: which changes those are is the
 * plan's unit test (tests/unit/in-place-rebuild.test.ts), and a title change
 * through Astro is incremental.test.ts.
 */
const cleanup: string[] = [];
afterAll(() => cleanup.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

const site = contentWithOverlay();
cleanup.push(site);
let outDir = '';

function build(contentDir: string, into?: string) {
  const result = buildSite(contentDir, {}, into);
  if (!into) cleanup.push(result.outDir);
  return result;
}

function expectBuilt(result: { status: number | null; output: string }) {
  expect(result.status, result.output).toBe(0);
}

/** Every file of two builds, compared by content. */
function expectSameOutput(a: string, b: string) {
  const files = listFiles(a);
  expect(files).toEqual(listFiles(b));
  const differing = files.filter((file) => !fs.readFileSync(path.join(a, file)).equals(fs.readFileSync(path.join(b, file))));
  expect(differing).toEqual([]);
}

/** A cold build of the content as it is now, in a folder of its own. */
function coldBuildOf(contentDir: string) {
  const copy = contentWithOverlay();
  cleanup.push(copy);
  fs.rmSync(copy, { recursive: true, force: true });
  fs.cpSync(contentDir, copy, { recursive: true });
  const cold = build(copy);
  expectBuilt(cold);
  expect(cold.output).toMatch(/running every step: no record of an earlier complete build/);
  return cold.outDir;
}

const edit = (file: string, change: (text: string) => string) =>
  fs.writeFileSync(path.join(site, file), change(fs.readFileSync(path.join(site, file), 'utf8')));

/** Modification time of every file of the output, to tell which a build wrote. */
const mtimes = (dir: string) => Object.fromEntries(listFiles(dir).map((file) => [file, fs.statSync(path.join(dir, file)).mtimeMs]));

describe('the in-place rebuild of note bodies', () => {
  it('a first build runs every step, says why, and prunes values no build has used for the limit', () => {
    // In the project's own cache, as a real build's; named so no build ever reads it, and aged past the limit.
    const stale = path.join(process.cwd(), 'node_modules/.cache/playbook-bodies/zz', `in-place-test-${process.pid}.json`);
    fs.mkdirSync(path.dirname(stale), { recursive: true });
    fs.writeFileSync(stale, '{}');
    const longAgo = new Date(Date.now() - (CACHE_MAX_AGE_DAYS + 1) * 24 * 60 * 60 * 1000);
    fs.utimesSync(stale, longAgo, longAgo);
    const first = build(site);
    expectBuilt(first);
    outDir = first.outDir;
    expect(first.output).toMatch(/running every step: no record of an earlier complete build into this folder/);
    expect(first.output).toMatch(/rendered 6 of 6 notes/);
    // (Another test's build may have pruned it first: the message is not asserted, the result is.)
    expect(fs.existsSync(stale)).toBe(false);
  });

  it('with no change, writes nothing', () => {
    const before = mtimes(outDir);
    const again = build(site, outDir);
    expectBuilt(again);
    expect(again.output).toMatch(/nothing changed since the last build \(rendered 0 of 6 notes\)/);
    expect(again.output).not.toMatch(/\[build\]/);
    expect(mtimes(outDir)).toEqual(before);
  });

  it("after two notes' bodies change, puts them in their pages and book, and writes what a cold build writes", () => {
    edit('notes/gamma-note.mdx', (text) => `${text}\nA closing paragraph, added for the in-place rebuild.\n`);
    edit('notes/epsilon-note.md', (text) => text.replace('\n\n', '\n\nAn opening sentence, added for the in-place rebuild.\n\n'));
    const before = mtimes(outDir);
    const edited = build(site, outDir);
    expectBuilt(edited);
    expect(edited.output).toContain(
      'only note bodies changed: rendered 2 of 6 notes, put in place in notes/epsilon-note/index.html, notes/gamma-note/index.html, themes/sears-to-amazon/book/index.html.',
    );
    // Astro did not run, and the pages of notes whose bodies did not change were not written.
    expect(edited.output).not.toMatch(/\[build\]/);
    const after = mtimes(outDir);
    expect(after['notes/alpha-note/index.html']).toBe(before['notes/alpha-note/index.html']);
    expect(after['og/notes/gamma-note.png']).toBe(before['og/notes/gamma-note.png']);
    expect(fs.readFileSync(path.join(outDir, 'notes/gamma-note/index.html'), 'utf8')).toContain(
      'A closing paragraph, added for the in-place rebuild.',
    );
    expect(fs.readFileSync(path.join(outDir, 'notes/gamma-note.md'), 'utf8')).toContain(
      'A closing paragraph, added for the in-place rebuild.',
    );
    expectSameOutput(outDir, coldBuildOf(site));
  });

  it("after a draft's body changes, writes no file of the output, and the next build finds nothing changed", () => {
    edit('notes/draft-note.mdx', (text) => `${text}\nA paragraph the draft gained, which no published page shows.\n`);
    const before = mtimes(outDir);
    const edited = build(site, outDir);
    expectBuilt(edited);
    expect(edited.output).toContain("only drafts' bodies changed: rendered 1 of 6 notes; no published page shows them.");
    expect(edited.output).not.toMatch(/\[build\]|search-index/);
    expect(mtimes(outDir)).toEqual(before);
    expect(build(site, outDir).output).toMatch(/nothing changed since the last build/);
    expectSameOutput(outDir, coldBuildOf(site));
  });

  it('after a body edit that adds a heading (the table of contents changes), runs every step', () => {
    edit('notes/gamma-note.mdx', (text) => `${text}\n## A heading added for the rebuild\n\nAnd a paragraph under it.\n`);
    const rebuilt = build(site, outDir);
    expectBuilt(rebuilt);
    expect(rebuilt.output).toMatch(/running every step: the headings or reading time of notes\/gamma-note changed/);
    expect(fs.readFileSync(path.join(outDir, 'notes/gamma-note/index.html'), 'utf8')).toContain('A heading added for the rebuild');
  });

  it('after a file of the output changed or went, runs every step and puts it back', () => {
    fs.rmSync(path.join(outDir, 'llms.txt'));
    const rebuilt = build(site, outDir);
    expectBuilt(rebuilt);
    expect(rebuilt.output).toMatch(/running every step: files in the output folder changed since the last build/);
    expect(fs.existsSync(path.join(outDir, 'llms.txt'))).toBe(true);
  });

  it('after a body edit that breaks a content rule, runs every step, which fails and names the file and line', () => {
    // Raw HTML changes no link or data (the catalogue), only the body: the plan says "bodies", the check says no.
    edit('notes/epsilon-note.md', (text) => `${text}\n<img src="x" onerror="alert(1)">\n`);
    const line = fs.readFileSync(path.join(site, 'notes/epsilon-note.md'), 'utf8').trimEnd().split('\n').length;
    const failed = build(site, outDir);
    expect(failed.status).not.toBe(0);
    expect(failed.output).toMatch(/running every step: the content has errors/);
    expect(failed.output).toContain(`notes/epsilon-note.md:${line}`);
  });
});
