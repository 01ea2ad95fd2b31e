import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { metaPolicy } from '../../src/security/headers.ts';
import { buildSite, listFiles } from '../helpers/build.ts';
import { contentWithOverlay } from '../helpers/fixtures.ts';

/**
 * A rebuild renders only what changed, and what it writes is what a cold build
 * of the same content writes, byte for byte.
 */
const cleanup: string[] = [];
afterAll(() => cleanup.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

const site = contentWithOverlay();
cleanup.push(site);
let outDir = '';

/**
 * Every step, every time (`--full`): these tests are about what Astro keeps and renders again. The
 * build that only puts note bodies in place has tests of its own (in-place.test.ts).
 */
function build(contentDir: string, into?: string, env: Record<string, string> = {}) {
  const result = buildSite(contentDir, env, into, ['--full']);
  if (!into) cleanup.push(result.outDir);
  expect(result.status, result.output).toBe(0);
  return result;
}

/** Every file of two builds, compared by content; the search index's file names are hashes, so its files are compared as a set. */
function expectSameOutput(a: string, b: string) {
  const files = listFiles(a);
  expect(files).toEqual(listFiles(b));
  const differing = files.filter((file) => !fs.readFileSync(path.join(a, file)).equals(fs.readFileSync(path.join(b, file))));
  expect(differing).toEqual([]);
}

describe('incremental builds', () => {
  it('a first build renders every note', () => {
    const first = build(site);
    outDir = first.outDir;
    expect(first.output).toMatch(/rendered 6 of 6 notes/);
  });

  it('writes _headers with a policy that allows every hash any page allows', () => {
    const headers = fs.readFileSync(path.join(outDir, '_headers'), 'utf8');
    const pages = listFiles(outDir).filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(10);
    for (const file of pages) {
      const policy = metaPolicy(fs.readFileSync(path.join(outDir, file), 'utf8')) ?? '';
      for (const hash of policy.match(/'sha\d+-[^']+'/g) ?? []) expect(headers, `${file} allows ${hash}`).toContain(hash);
    }
    expect(headers).toContain("frame-ancestors 'none'");
  });

  it('a rebuild with no change renders no note and keeps every entry page', () => {
    const again = build(site, outDir);
    expect(again.output).toMatch(/rendered 0 of 6 notes/);
    expect(again.output).toMatch(/\/notes\/alpha-note\/index\.html \(restored\)/);
    // The map's force layout is not run again either (src/pages/map/[...page].astro).
    expect(again.output).toMatch(/\/map\/index\.html \(restored\)/);
  });

  it('after one body edit, renders that note and its pages again, and writes what a cold build writes', () => {
    fs.appendFileSync(path.join(site, 'notes/gamma-note.mdx'), '\nA closing paragraph, added for the rebuild.\n');
    const edited = build(site, outDir);
    expect(edited.output).toMatch(/rendered 1 of 6 notes/);
    expect(edited.output).not.toMatch(/\/notes\/gamma-note\/index\.html \(restored\)/);
    expect(edited.output).toMatch(/\/notes\/alpha-note\/index\.html \(restored\)/);
    expect(fs.readFileSync(path.join(outDir, 'notes/gamma-note/index.html'), 'utf8')).toContain(
      'A closing paragraph, added for the rebuild.',
    );
    // The same content in a new folder has a cache of its own: a cold build.
    const copy = contentWithOverlay();
    cleanup.push(copy);
    fs.cpSync(site, copy, { recursive: true });
    const cold = build(copy);
    expect(cold.output).toMatch(/rendered 6 of 6 notes/);
    expectSameOutput(outDir, cold.outDir);
  });

  it('after the sentence around a link changes, the page it links to shows the new sentence in its Connections', () => {
    const file = path.join(site, 'notes/beta-note.md');
    const before = fs.readFileSync(file, 'utf8');
    expect(before).toContain('It links back to [[alpha-note]]');
    fs.writeFileSync(file, before.replace('It links back to [[alpha-note]]', 'It points readers back to [[alpha-note]]'));
    const edited = build(site, outDir);
    expect(edited.output).toMatch(/rendered 1 of 6 notes/);
    // alpha's own body did not change, but its "Linked from" quotes beta's sentence.
    expect(edited.output).not.toMatch(/\/notes\/alpha-note\/index\.html \(restored\)/);
    expect(fs.readFileSync(path.join(outDir, 'notes/alpha-note/index.html'), 'utf8')).toContain('It points readers back to');
  });

  it('after a title change, the pages that show the title are rendered again', () => {
    const file = path.join(site, 'notes/alpha-note.mdx');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Alpha, renamed for the rebuild'));
    const renamed = build(site, outDir);
    expect(renamed.output).not.toMatch(/\(restored\)/);
    expect(fs.readFileSync(path.join(outDir, 'notes/gamma-note/index.html'), 'utf8')).toContain('Alpha, renamed for the rebuild');
  });

  it('after a site setting from the environment changes (REPO_URL), no page is kept from the last build', () => {
    const rebuilt = build(site, outDir, { REPO_URL: 'https://github.com/example/playbook' });
    expect(rebuilt.output).not.toMatch(/\(restored\)/);
    expect(fs.readFileSync(path.join(outDir, 'notes/alpha-note/index.html'), 'utf8')).toContain(
      'https://github.com/example/playbook/edit/main/content/notes/alpha-note.mdx',
    );
  });
});
