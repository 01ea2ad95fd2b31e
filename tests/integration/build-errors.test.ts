import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite } from '../helpers/build.ts';
import { contentWithOverlay, INVALID_CASES } from '../helpers/fixtures.ts';

/**
 * The build refuses content the checker refuses, and names file and line:
 * the build runs the rules itself, so a skipped `npm run check` changes nothing.
 */
const BUILD_CASES = INVALID_CASES.filter((c) =>
  [
    'frontmatter-schema',
    'unknown-reference',
    'duplicate-id',
    'duplicate-route',
    'unknown-link',
    'unknown-link-markdown',
    'unknown-anchor',
    'mdx-expression',
    'mdx-script',
    'mdx-import-export',
  ].includes(c.overlay),
).filter((c, i, all) => all.findIndex((o) => o.overlay === c.overlay) === i);

const cleanup: string[] = [];
afterAll(() => cleanup.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

describe('the build fails on invalid content', () => {
  it.each(BUILD_CASES)('$overlay: names $file:$line and $rule', ({ overlay, rule, file, line }) => {
    fs.rmSync('/tmp/playbook-pwned-expression', { force: true });
    const dir = contentWithOverlay(overlay);
    const result = buildSite(dir);
    cleanup.push(dir, result.outDir);
    expect(result.status, result.output).not.toBe(0);
    expect(result.output).toContain(`${file}:${line}:`);
    expect(result.output).toContain(rule);
    expect(fs.existsSync(`${result.outDir}/index.html`)).toBe(false);
    expect(fs.existsSync('/tmp/playbook-pwned-expression')).toBe(false);
  });
});
