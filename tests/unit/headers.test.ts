import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatPolicy, headersFile, mergePolicies, metaPolicy, parsePolicy } from '../../src/security/headers.ts';

const page = (policy: string) =>
  `<!doctype html><html><head><meta http-equiv="content-security-policy" content="${policy}"></head><body></body></html>`;

describe('Content Security Policy for every response', () => {
  it('reads the policy of a page’s <meta> tag', () => {
    expect(metaPolicy(page("default-src 'self'"))).toBe("default-src 'self'");
    expect(metaPolicy('<html><head></head></html>')).toBeNull();
  });

  it('merges the pages’ policies: every directive, every hash once, sorted', () => {
    const merged = mergePolicies([
      parsePolicy("default-src 'self'; script-src 'self' 'sha256-b'; style-src 'self' 'sha256-x'"),
      parsePolicy("default-src 'self';script-src 'self' 'wasm-unsafe-eval' 'sha256-a' 'sha256-b'"),
    ]);
    expect(formatPolicy(merged)).toBe(
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-a' 'sha256-b'; style-src 'self' 'sha256-x'",
    );
  });

  it('writes a _headers rule for every path, with frame-ancestors (which a <meta> cannot carry) and nosniff', () => {
    const file = headersFile(parsePolicy("default-src 'self'"));
    expect(file).toMatch(/^\/\*$/m);
    expect(file).toContain("  Content-Security-Policy: default-src 'self'; frame-ancestors 'none'\n");
    expect(file).toContain('  X-Content-Type-Options: nosniff\n');
  });
});

describe('scripts/headers.ts', () => {
  const run = (...args: string[]) => spawnSync(process.execPath, [path.resolve('scripts/headers.ts'), ...args], { encoding: 'utf8' });

  it('writes <site>/_headers from every page’s policy', () => {
    const site = fs.mkdtempSync(path.join(os.tmpdir(), 'headers-'));
    fs.mkdirSync(path.join(site, 'notes/a'), { recursive: true });
    fs.writeFileSync(path.join(site, 'index.html'), page("default-src 'self'; script-src 'self' 'sha256-home'"));
    fs.writeFileSync(path.join(site, 'notes/a/index.html'), page("default-src 'self'; script-src 'self' 'sha256-note'"));
    const result = run('--site', site);
    expect(result.status, result.stderr).toBe(0);
    expect(fs.readFileSync(path.join(site, '_headers'), 'utf8')).toContain("script-src 'self' 'sha256-home' 'sha256-note'");
    fs.rmSync(site, { recursive: true, force: true });
  });

  it('fails with a cause when no page carries a policy, and with exit code 2 on a bad flag', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'headers-'));
    const result = run('--site', empty);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/no page .* carries a Content Security Policy/);
    expect(fs.existsSync(path.join(empty, '_headers'))).toBe(false);
    expect(run('--nope').status).toBe(2);
    fs.rmSync(empty, { recursive: true, force: true });
  });
});
