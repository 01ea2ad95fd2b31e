/**
 * Printed material leads somewhere or nowhere, never to localhost: the origin
 * rule, the build's warning, and every worksheet file (PDF text, QR code,
 * Markdown) with and without a public SITE_URL.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { siteUrlCheck } from '../../src/cli/build.ts';
import { isPublicOrigin, readSiteConfig, siteUrlProblem } from '../../src/config.ts';
import { generate, planPackFiles, planPlayFiles } from '../../src/worksheets/generate.ts';
import { loadWorksheetContent } from '../../src/worksheets/load.ts';
import type { ModelContext } from '../../src/worksheets/model.ts';
import { RENDERERS } from '../../src/worksheets/renderers/index.ts';
import { SITE_FIXTURE } from '../helpers/fixtures.ts';
import { pdfObjectsText } from '../helpers/pdf-objects.ts';

const content = loadWorksheetContent(SITE_FIXTURE);
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('isPublicOrigin', () => {
  it.each([
    'https://example.org',
    'https://playbook.example',
    'http://intranet.corp.example.com:8080',
    'https://192.168.1.20',
    'https://user.github.io',
  ])('accepts %s', (url) => {
    expect(isPublicOrigin(url)).toBe(true);
  });
  it.each([
    'http://localhost:4321',
    'http://LOCALHOST',
    'http://app.localhost:3000',
    'http://127.0.0.1:4321',
    'http://127.1.2.3',
    'http://[::1]:4321',
    'http://0.0.0.0',
    'http://my-mac.local',
    'https://site.invalid',
    'https://site.test',
    'ftp://example.org',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isPublicOrigin(url)).toBe(false);
  });
});

describe('SITE_URL in the config and the build', () => {
  it('falls back to the local server, with no public URL, when SITE_URL is unset or empty', () => {
    for (const env of [{}, { SITE_URL: '' }]) {
      const config = readSiteConfig(env);
      expect(config.siteUrl).toBe('http://localhost:4321');
      expect(config.publicUrl).toBeNull();
    }
    expect(readSiteConfig({ SITE_URL: 'https://example.org/' }).publicUrl).toBe('https://example.org');
    expect(readSiteConfig({ SITE_URL: 'http://127.0.0.1:8080' }).publicUrl).toBeNull();
  });

  it('names the problem: unset, or an address no one else can open', () => {
    expect(siteUrlProblem({})).toMatch(/SITE_URL is not set.*http:\/\/localhost:4321.*QR code/);
    expect(siteUrlProblem({ SITE_URL: 'http://localhost:4321' })).toMatch(
      /SITE_URL is http:\/\/localhost:4321, an address only this machine/,
    );
    expect(siteUrlProblem({ SITE_URL: 'https://example.org' })).toBeNull();
  });

  it('warns by default and stops the build with --public', () => {
    expect(siteUrlCheck(null, true)).toEqual({ level: 'ok' });
    expect(siteUrlCheck('SITE_URL is not set', false)).toEqual({ level: 'warning', message: 'SITE_URL is not set' });
    expect(siteUrlCheck('SITE_URL is not set', true)).toMatchObject({ level: 'error' });
  });
});

/** Every worksheet, guide and a pack of the fixture content, as PDF and Markdown. */
async function writeAll(env: Record<string, string>) {
  const config = readSiteConfig(env);
  const ctx: ModelContext = { siteUrl: config.siteUrl, basePath: config.basePath, titles: content.titles };
  const options = { views: ['participant', 'facilitator'] as const, papers: ['a4'] as const, renderers: RENDERERS };
  const planned = [
    ...planPlayFiles(content.plays, ctx, options),
    ...planPackFiles(content.plays, { start: '09:00', breakMinutes: 10 }, ctx, options),
  ];
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'site-url-'));
  dirs.push(outDir);
  const files = await generate(planned, { outDir, created: new Date(0) });
  return files.map((file) => {
    const bytes = fs.readFileSync(file.file);
    const text =
      file.format === 'pdf' ? execFileSync('pdftotext', ['-enc', 'UTF-8', file.file, '-'], { encoding: 'utf8' }) : bytes.toString('utf8');
    // The QR code is a form XObject named QR1, QR2…, placed on the page with `/QR1 Do`.
    const qrCodes = file.format === 'pdf' ? (pdfObjectsText(bytes).match(/\/QR\d+ \d+ 0 R/g) ?? []).length : 0;
    return { path: file.path, format: file.format, text, qrCodes };
  });
}

describe('worksheets and the site address', () => {
  it('print no address and no QR code without SITE_URL, and never localhost', async () => {
    const files = await writeAll({});
    expect(files.length).toBeGreaterThanOrEqual(10);
    for (const file of files) {
      expect(file.text, file.path).not.toMatch(/localhost|127\.0\.0\.1|http:\/\/|https:\/\//);
      expect(file.qrCodes, file.path).toBe(0);
    }
  }, 60_000);

  it('print the address and a QR code on every PDF with a public SITE_URL', async () => {
    const files = await writeAll({ SITE_URL: 'https://playbook.example' });
    for (const file of files) {
      if (file.format === 'pdf') {
        expect(file.text.replace(/\s+/g, ''), file.path).toMatch(
          /https:\/\/playbook\.example\/plays\/(fixture-play|second-fixture-play|compose)/,
        );
        expect(file.qrCodes, file.path).toBeGreaterThan(0);
      }
      // The facilitator guide names the play's page in its facts, in both formats.
      if (file.path.includes('facilitator')) expect(file.text.replace(/\s+/g, ''), file.path).toContain('https://playbook.example/plays/');
      expect(file.text, file.path).not.toContain('localhost');
    }
  }, 60_000);
});
