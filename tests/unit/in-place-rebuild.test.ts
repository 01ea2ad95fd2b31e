/**
 * The in-place rebuild's pure parts (src/rebuild/plan.ts, src/rebuild/in-place.ts, src/rebuild/record.ts),
 * and the fact it rests on: which pages show a note's rendered body.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planRebuild, recordMismatch } from '../../src/rebuild/plan.ts';
import { replaceOnce } from '../../src/rebuild/in-place.ts';
import { readSiteConfig } from '../../src/config.ts';
import {
  BUILD_ENVIRONMENT,
  contentFiles,
  outputFingerprint,
  readRecord,
  RECORD_FORMAT,
  settingsDigest,
  writeRecord,
  type BuildRecord,
  type ContentState,
} from '../../src/rebuild/record.ts';
import { tempDirs } from '../helpers/temp-dirs.ts';

const tempDir = tempDirs('inPlace-');

const state: ContentState = {
  files: { 'notes/a.mdx': 'a1', 'notes/b.md': 'b1', 'themes/t.mdx': 't1', 'sources.yaml': 's1' },
  catalogue: 'cat1',
  digests: { 'notes/a': 'da1', 'notes/b': 'db1', 'themes/t': 'dt1' },
};
const record: BuildRecord = { format: RECORD_FORMAT, code: 'c', settings: 's', output: 'o', ...state };
const notes = new Map([
  ['notes/a.mdx', 'notes/a'],
  ['notes/b.md', 'notes/b'],
]);
const withChanges = (change: Partial<{ files: Record<string, string>; digests: Record<string, string>; catalogue: string }>) => ({
  files: { ...state.files, ...change.files },
  digests: { ...state.digests, ...change.digests },
  catalogue: change.catalogue ?? state.catalogue,
});

describe('the rebuild plan', () => {
  it('needs every step without a record, or when the code, settings or output differ from it', () => {
    const now = { code: 'c', settings: 's', output: 'o' };
    expect(recordMismatch(record, now)).toBeNull();
    expect(recordMismatch(undefined, now)).toMatch(/no record/);
    expect(recordMismatch(record, { ...now, code: 'other' })).toMatch(/code changed/);
    expect(recordMismatch(record, { ...now, settings: 'other' })).toMatch(/settings changed/);
    expect(recordMismatch(record, { ...now, output: 'other' })).toMatch(/output folder changed/);
  });

  it('has nothing to do when no file changed', () => {
    expect(planRebuild(record, withChanges({}), notes)).toEqual({ kind: 'unchanged' });
  });

  it("puts bodies in place when only notes' bytes and renderings changed", () => {
    const now = withChanges({ files: { 'notes/b.md': 'b2', 'notes/a.mdx': 'a2' }, digests: { 'notes/b': 'db2', 'notes/a': 'da2' } });
    expect(planRebuild(record, now, notes)).toEqual({ kind: 'bodies', keys: ['notes/a', 'notes/b'] });
  });

  it('runs every step, naming the file, when a file other than a note changed, came or went', () => {
    expect(planRebuild(record, withChanges({ files: { 'themes/t.mdx': 't2' } }), notes)).toEqual({
      kind: 'full',
      reason: "themes/t.mdx changed, and only a note's body is rebuilt in place",
    });
    expect(planRebuild(record, withChanges({ files: { 'notes/c.mdx': 'c1' } }), notes)).toMatchObject({ reason: 'notes/c.mdx was added' });
    const { 'sources.yaml': _gone, ...fewer } = state.files;
    expect(planRebuild(record, { ...state, files: fewer }, notes)).toMatchObject({ reason: 'sources.yaml was removed' });
  });

  it('runs every step when the catalogue (data, links, link sentences) changed, even if only a note file did', () => {
    const now = withChanges({ files: { 'notes/a.mdx': 'a2' }, digests: { 'notes/a': 'da2' }, catalogue: 'cat2' });
    expect(planRebuild(record, now, notes)).toMatchObject({ kind: 'full', reason: expect.stringMatching(/links/) });
  });

  it("runs every step when a rendering other than a note's changed", () => {
    expect(planRebuild(record, withChanges({ digests: { 'themes/t': 'dt2' } }), notes)).toMatchObject({
      kind: 'full',
      reason: expect.stringMatching(/themes\/t/),
    });
  });
});

describe('replaceOnce', () => {
  it('replaces the one occurrence', () => {
    expect(replaceOnce('<main><p>old</p></main>', '<p>old</p>', '<p>new</p>')).toBe('<main><p>new</p></main>');
  });

  it('refuses when the old text is missing, repeated or empty', () => {
    expect(replaceOnce('<p>other</p>', '<p>old</p>', 'x')).toBeNull();
    expect(replaceOnce('<p>old</p><p>old</p>', '<p>old</p>', 'x')).toBeNull();
    expect(replaceOnce('<p>old</p>', '', 'x')).toBeNull();
  });
});

describe('the build record', () => {
  it('tells settings apart: the site settings, the output folder and SOURCE_DATE_EPOCH (the PDFs carry it)', () => {
    const env = { SITE_URL: 'https://playbook.example', SOURCE_DATE_EPOCH: '1700000000' };
    const config = readSiteConfig(env);
    const base = settingsDigest(config, '/tmp/out', env);
    expect(settingsDigest(readSiteConfig(env), '/tmp/out', { ...env })).toBe(base);
    expect(settingsDigest(config, '/tmp/out', { ...env, SOURCE_DATE_EPOCH: '1800000000' })).not.toBe(base);
    expect(settingsDigest(config, '/tmp/other', env)).not.toBe(base);
    expect(settingsDigest(readSiteConfig({ ...env, REPO_URL: 'https://github.com/example/playbook' }), '/tmp/out', env)).not.toBe(base);
  });

  it('knows every variable of the environment the code reads: each is a site setting, in the record, or read by no build step', () => {
    const files = ['src', 'scripts'].flatMap((dir) =>
      fs
        .readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((dirent) => dirent.isFile() && /\.(ts|astro|mjs)$/.test(dirent.name))
        .map((dirent) => path.join(dirent.parentPath, dirent.name)),
    );
    const read = new Set(
      files.flatMap((file) => [...fs.readFileSync(file, 'utf8').matchAll(/(?<!meta\.)\benv\.([A-Z][A-Z0-9_]+)/g)].map((m) => m[1] ?? '')),
    );
    const siteSettings = ['SITE_URL', 'BASE_PATH', 'CONTENT_DIR', 'REPO_URL'];
    // Read by tools that are not build steps: the PDF printer's browser, the local server's port, the checker's
    // source texts, the dev benchmark's log. (`import.meta.env` is Astro's mode, not the environment.)
    const notTheBuild = ['CHROMIUM_PATH', 'PORT', 'SOURCES_DIR', 'BENCH_DEV_LOG'];
    expect([...read].sort()).toEqual([...siteSettings, ...BUILD_ENVIRONMENT, ...notTheBuild].sort());
  });

  it('is read back as written, and not at all when it is broken or of another format', () => {
    const file = path.join(tempDir(), 'sub', 'record.json');
    expect(readRecord(file)).toBeUndefined();
    writeRecord(file, record);
    expect(readRecord(file)).toEqual(record);
    fs.writeFileSync(file, '{"format": 1, "code": ');
    expect(readRecord(file)).toBeUndefined();
    writeRecord(file, { ...record, format: RECORD_FORMAT + 1 });
    expect(readRecord(file)).toBeUndefined();
  });

  it("the output's fingerprint changes when a file is written again, added or removed", () => {
    const out = tempDir();
    fs.mkdirSync(path.join(out, 'notes'));
    fs.writeFileSync(path.join(out, 'notes/a.html'), 'a');
    const first = outputFingerprint(out);
    expect(outputFingerprint(out)).toBe(first);
    fs.utimesSync(path.join(out, 'notes/a.html'), new Date(0), new Date(0));
    const touched = outputFingerprint(out);
    expect(touched).not.toBe(first);
    fs.writeFileSync(path.join(out, 'b.html'), 'b');
    expect(outputFingerprint(out)).not.toBe(touched);
    expect(outputFingerprint(path.join(out, 'missing'))).not.toBe(first);
  });

  it('hashes every content file, and marks a symbolic link, to a file or a folder, without following it', () => {
    const content = tempDir();
    const outside = tempDir();
    fs.mkdirSync(path.join(content, 'notes'));
    fs.writeFileSync(path.join(content, 'notes/a.mdx'), 'a');
    fs.writeFileSync(path.join(outside, 'secret.mdx'), 'secret');
    fs.symlinkSync(path.join(outside, 'secret.mdx'), path.join(content, 'notes/link.mdx'));
    // Node's recursive readdir would list (and this would then read) the files of a linked folder.
    fs.symlinkSync(outside, path.join(content, 'linked'));
    const files = contentFiles(content);
    expect(Object.keys(files)).toEqual(['linked', 'notes/a.mdx', 'notes/link.mdx']);
    expect(files['linked']).toBe('not-a-file');
    expect(files['notes/link.mdx']).toBe('not-a-file');
    fs.writeFileSync(path.join(outside, 'secret.mdx'), 'changed');
    expect(contentFiles(content)).toEqual(files);
  });
});

/**
 * The in-place rebuild replaces a note's HTML in its own page and its theme's book only. That holds
 * while those are the only places that render an entry (`render` from astro:content), the book's
 * chapters are shown nowhere else, no page reads an entry's `rendered` field directly, and the note
 * page reads nothing of the rendering beside the HTML but its headings and reading time. A page
 * that breaks one of these needs src/rebuild/in-place.ts to learn about it: this test says so.
 */
describe('the pages that show a rendered body', () => {
  const root = path.resolve('src');
  const sources = fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((dirent) => dirent.isFile() && /\.(astro|ts)$/.test(dirent.name))
    .map((dirent) => {
      const file = path.join(dirent.parentPath, dirent.name);
      return { file: path.relative(root, file).split(path.sep).join('/'), text: fs.readFileSync(file, 'utf8') };
    });
  const matching = (pattern: RegExp) =>
    sources
      .filter(({ text }) => pattern.test(text))
      .map(({ file }) => file)
      .sort();

  it("are a note's page, a theme's page and the theme book's chapters", () => {
    expect(matching(/import \{[^}]*\brender\b[^}]*\} from 'astro:content'/)).toEqual([
      'components/book/BookChapter.astro',
      'pages/notes/[id].astro',
      'pages/themes/[id].astro',
    ]);
    expect(matching(/import BookChapter /)).toEqual(['pages/themes/[id]/book.astro']);
  });

  it("no page reads an entry's rendered HTML but through render()", () => {
    expect(matching(/\.rendered\b/)).toEqual(['astro/loader.ts']);
  });

  it('the note page reads only the headings and reading time beside the HTML', () => {
    const page = sources.find(({ file }) => file === 'pages/notes/[id].astro')?.text ?? '';
    expect([...page.matchAll(/remarkPluginFrontmatter\.(\w+)/g)].map((m) => m[1])).toEqual(['readingMinutes']);
    expect(page).toMatch(/const \{ Content, headings, remarkPluginFrontmatter \} = await render\(note\)/);
  });
});
