/**
 * A build without SITE_URL (a local look) says so, and nothing a reader prints
 * or a search engine reads claims a localhost address: no canonical link, no
 * printed address on worksheet print pages or theme books, none in the
 * worksheet files. `--public`, which the deploy workflow uses, refuses to build.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, listFiles, read, ROOT, type BuildResult } from '../helpers/build.ts';
import { SITE_FIXTURE } from '../helpers/fixtures.ts';

let site: BuildResult;
beforeAll(() => {
  site = buildSite(SITE_FIXTURE, { SITE_URL: '' });
  if (site.status !== 0) throw new Error(`fixture build failed:\n${site.output}`);
});
afterAll(() => fs.rmSync(site.outDir, { recursive: true, force: true }));

/** What a page shows or prints: the body, scripts and styles aside. */
const body = (html: string) => (/<body[\s\S]*<\/body>/.exec(html)?.[0] ?? '').replace(/<(script|style)[\s\S]*?<\/\1>/g, '');

describe('a build without SITE_URL', () => {
  it('warns, naming the variable, at the start and the end', () => {
    const warnings = site.output.split('\n').filter((line) => line.startsWith('build: warning:'));
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/SITE_URL is not set/);
  });

  it('claims no canonical or Open Graph address on any page', () => {
    const pages = listFiles(site.outDir).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(10);
    for (const page of pages) {
      const html = read(site.outDir, page);
      expect(html, page).not.toMatch(/rel="canonical"|property="og:url"/);
      expect(body(html), page).not.toContain('localhost');
    }
  });

  it('prints no address on worksheet print pages and theme books, and none in the worksheets', () => {
    const files = listFiles(site.outDir);
    const printPages = files.filter((f) => /^(plays\/[^/]+\/worksheet|themes\/[^/]+\/book)\/index\.html$/.test(f));
    expect(printPages.some((f) => f.startsWith('themes/'))).toBe(true);
    expect(printPages.some((f) => f.startsWith('plays/'))).toBe(true);
    for (const page of printPages)
      expect(body(read(site.outDir, page)), page).not.toMatch(/https?:\/\/[a-z0-9.-]+(:\d+)?\/(plays|themes|notes)\//);
    const worksheets = files.filter((f) => f.startsWith('worksheets/') && /\.(md|pdf)$/.test(f));
    expect(worksheets.length).toBeGreaterThan(4);
    for (const file of worksheets) {
      const full = path.join(site.outDir, file);
      const text = file.endsWith('.pdf')
        ? execFileSync('pdftotext', ['-enc', 'UTF-8', full, '-'], { encoding: 'utf8' })
        : fs.readFileSync(full, 'utf8');
      expect(text, file).not.toMatch(/localhost|https?:\/\//);
    }
  });
});

describe('npm run build -- --public', () => {
  it('refuses a localhost SITE_URL before building anything', () => {
    const result = spawnSync(process.execPath, ['scripts/build.ts', '--public', '--out', path.join(site.outDir, 'never')], {
      cwd: ROOT,
      env: { ...process.env, SITE_URL: 'http://localhost:4321', CONTENT_DIR: SITE_FIXTURE },
      encoding: 'utf8',
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/SITE_URL is http:\/\/localhost:4321.*--public/);
    expect(fs.existsSync(path.join(site.outDir, 'never'))).toBe(false);
  });
});
