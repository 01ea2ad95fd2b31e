import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/cli/check.ts';
import { isError, WARNING_RULES } from '../../src/content/finding.ts';
import { buildEnv, buildSite, ROOT } from '../helpers/build.ts';
import { contentWithOverlay, INVALID_CASES } from '../helpers/fixtures.ts';

/**
 * The checker and the build read content the same way: every invalid fixture
 * is run through `npm run check` and through `astro build` on its own (Astro's
 * loading path, without the build pipeline's content-check phase), and both
 * must report the same errors, file, line, column and rule.
 */
const OVERLAYS = [...new Set(INVALID_CASES.filter((c) => !WARNING_RULES.has(c.rule)).map((c) => c.overlay))];

const cleanup: string[] = [];
afterAll(() => cleanup.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** `astro build` of a content folder, as the build pipeline's pages step runs it. */
function astroBuild(contentDir: string) {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'playbook-astro-'));
  cleanup.push(outDir);
  const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir], {
    cwd: ROOT,
    env: buildEnv(contentDir),
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, outDir };
}

/** `file:line:column  rule` of every error line the build printed. */
const errorLines = (output: string) =>
  [...new Set([...output.matchAll(/^(?:.*\] )?(\S+:\d+:\d+) {2}([a-z-]+) {2}/gm)].map((m) => `${m[1]}  ${m[2]}`))].sort();

describe('the build refuses exactly what the checker refuses', () => {
  it.each(OVERLAYS)('%s', (overlay) => {
    fs.rmSync('/tmp/playbook-pwned-expression', { force: true });
    const dir = contentWithOverlay(overlay);
    cleanup.push(dir);
    const expected = runCheck(dir)
      .findings.filter(isError)
      .map((f) => `${f.file}:${f.line}:${f.column}  ${f.rule}`)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    const result = astroBuild(dir);
    expect(result.status, result.output).not.toBe(0);
    expect(errorLines(result.output)).toEqual(expected);
    expect(fs.existsSync(path.join(result.outDir, 'index.html'))).toBe(false);
    expect(fs.existsSync('/tmp/playbook-pwned-expression')).toBe(false);
  });
});

describe('npm run build', () => {
  it('fails on bad content, naming file, line and rule', () => {
    const dir = contentWithOverlay('unknown-link');
    cleanup.push(dir);
    const result = buildSite(dir);
    cleanup.push(result.outDir);
    expect(result.status, result.output).not.toBe(0);
    expect(result.output).toMatch(/broken-wikilink\.mdx:11:15 {2}unknown-link/);
    expect(result.output).toMatch(/the pages step failed/);
    expect(fs.existsSync(path.join(result.outDir, 'index.html'))).toBe(false);
  });
});
