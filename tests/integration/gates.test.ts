import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, digest, listFiles, type BuildResult } from '../helpers/build.ts';
import { SITE_FIXTURE } from '../helpers/fixtures.ts';
import { projectHtmlValidator } from '../helpers/html-validate.ts';

let first: BuildResult;
let second: BuildResult;
beforeAll(() => {
  first = buildSite(SITE_FIXTURE);
  second = buildSite(SITE_FIXTURE);
  for (const build of [first, second]) if (build.status !== 0) throw new Error(build.output);
});
afterAll(() => [first, second].forEach((b) => fs.rmSync(b.outDir, { recursive: true, force: true })));

describe('quality gates on the built fixture site', () => {
  it('builds reproducibly: two clean builds give byte-identical dist/', () => {
    expect(digest(second.outDir)).toEqual(digest(first.outDir));
  });

  it('passes the HTML validator with 0 errors on every page', async () => {
    // The project's rules, loaded explicitly: a file-system loader would look for a
    // config beside the temporary build folder, find none, and check nothing.
    const validator = projectHtmlValidator();
    const problems: string[] = [];
    for (const file of listFiles(first.outDir).filter((f) => f.endsWith('.html'))) {
      const report = await validator.validateFile(path.join(first.outDir, file));
      for (const result of report.results)
        for (const m of result.messages) problems.push(`${file}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
    expect(problems).toEqual([]);
  });

  it('the HTML validator really runs the project rules (it catches a broken page)', async () => {
    const validator = projectHtmlValidator();
    const report = await validator.validateString(
      '<!doctype html><html lang="en"><head><title>x</title></head><body><p><div>bad nesting</div></p><img src="a.png"></body></html>',
    );
    expect(report.valid).toBe(false);
  });
});
