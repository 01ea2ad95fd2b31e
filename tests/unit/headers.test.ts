import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatPolicy, headersFile, mergePolicies, metaPolicy, parsePolicy } from '../../src/security/headers.ts';
import { HeadersError, writeSiteHeaders } from '../../src/security/site-headers.ts';
import { tempDirs } from '../helpers/temp-dirs.ts';

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

describe('writeSiteHeaders', () => {
  const tempDir = tempDirs('headers-');

  it('writes <site>/_headers from every page’s policy, and skips pagefind/', () => {
    const site = tempDir();
    fs.mkdirSync(path.join(site, 'notes/a'), { recursive: true });
    fs.mkdirSync(path.join(site, 'pagefind'));
    fs.writeFileSync(path.join(site, 'index.html'), page("default-src 'self'; script-src 'self' 'sha256-home'"));
    fs.writeFileSync(path.join(site, 'notes/a/index.html'), page("default-src 'self'; script-src 'self' 'sha256-note'"));
    fs.writeFileSync(path.join(site, 'pagefind/stray.html'), page("default-src 'self'; script-src 'self' 'sha256-stray'"));
    expect(writeSiteHeaders(site)).toBe(2);
    const file = fs.readFileSync(path.join(site, '_headers'), 'utf8');
    expect(file).toContain("script-src 'self' 'sha256-home' 'sha256-note'");
    expect(file).not.toContain('sha256-stray');
  });

  it('fails with what to do when no page carries a policy, and writes nothing', () => {
    const empty = tempDir();
    fs.writeFileSync(path.join(empty, 'index.html'), '<!doctype html><title>no policy</title>');
    expect(() => writeSiteHeaders(empty)).toThrow(HeadersError);
    expect(() => writeSiteHeaders(empty)).toThrow(/no page .* carries a Content Security Policy; build the site first/);
    expect(fs.existsSync(path.join(empty, '_headers'))).toBe(false);
    expect(() => writeSiteHeaders(path.join(empty, 'missing'))).toThrow(HeadersError);
  });
});
