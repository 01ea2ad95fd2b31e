/**
 * Issue 15's smaller faults, on a real build of the fixture site plus
 * tests/fixtures/faults (a note naming a quoted title with a glossary term in
 * it and ending with a "Try it" aside; a path titled "Start here: …").
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, listFiles, read, type BuildResult } from '../helpers/build.ts';
import { FIXTURES, SITE_FIXTURE } from '../helpers/fixtures.ts';
import { projectHtmlValidator } from '../helpers/html-validate.ts';

let build: BuildResult;
let content: string;
beforeAll(() => {
  content = fs.mkdtempSync(path.join(os.tmpdir(), 'playbook-faults-'));
  fs.cpSync(SITE_FIXTURE, content, { recursive: true });
  fs.cpSync(path.join(FIXTURES, 'faults'), content, { recursive: true });
  build = buildSite(content);
  if (build.status !== 0) throw new Error(build.output);
});
afterAll(() => [build?.outDir, content].forEach((dir) => dir && fs.rmSync(dir, { recursive: true, force: true })));

describe('smaller faults (issue 15)', () => {
  it('theme pages say "Start here" once on a path button', () => {
    const page = read(build.outDir, 'themes/customer-obsession/index.html');
    expect(page).toMatch(/<a class="button" href="\/paths\/start-here-path\/"[^>]*>Start here: the fixture<\/a>/);
    expect(page).toMatch(/>Start here: A fixture path<\/a>/);
    expect(page).not.toContain('Start here: Start here');
  });

  it('links no glossary term inside a quoted title, but the first use outside it', () => {
    const page = read(build.outDir, 'notes/quoted-title-note/index.html');
    expect(page).toContain('The essay “Fixture term of art” says');
    expect(page).toMatch(/the <span class="glossary"><a href="\/glossary\/#fixture-term" class="glossary-term"[^>]*>fixture term<\/a>/);
  });

  it('gives the theme book 0 html-validate errors, with landmarks named after their chapters', async () => {
    const validator = projectHtmlValidator();
    const file = path.join(build.outDir, 'themes/customer-obsession/book/index.html');
    const report = await validator.validateFile(file);
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`))).toEqual([]);
    const labels = [...fs.readFileSync(file, 'utf8').matchAll(/<aside [^>]*aria-label="([^"]*)"/g)].map((m) => m[1]);
    expect(labels).toEqual(['Try it: Alpha note', 'Try it: Quoted title note']);
  });

  it('points every canonical link at a page that exists, and gives the 404 page none', () => {
    const pages = listFiles(build.outDir).filter((file) => file.endsWith('.html'));
    const missing: string[] = [];
    for (const file of pages) {
      const href = /<link rel="canonical" href="([^"]+)"/.exec(read(build.outDir, file))?.[1];
      if (!href) continue;
      const route = new URL(href).pathname;
      const target = route.endsWith('/') ? `${route}index.html` : route;
      if (!fs.existsSync(path.join(build.outDir, target))) missing.push(`${file} → ${href}`);
    }
    expect(missing).toEqual([]);
    expect(read(build.outDir, '404.html')).not.toMatch(/rel="canonical"|property="og:url"/);
    expect(read(build.outDir, 'notes/alpha-note/index.html')).toContain(
      '<link rel="canonical" href="https://playbook.example/notes/alpha-note/">',
    );
  });
});
