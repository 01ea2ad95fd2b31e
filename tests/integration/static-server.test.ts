/**
 * The server of `npm start`, `npm run preview` and the browser tests, over HTTP: pages, the 404
 * page, the base path, content types, and nothing outside the built folder.
 */
import fs from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stripBase } from '../../src/lib/static-server.ts';
import { serveStatic } from '../helpers/static-server.ts';

// A folder with a secret beside the built site, to prove requests cannot reach it.
const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'serve-'));
const root = path.join(parent, 'dist');
const files: Record<string, string> = {
  'index.html': '<h1>home</h1>',
  '404.html': '<h1>Not here</h1>',
  'notes/a/index.html': '<h1>a</h1>',
  'notes/a.md': '# a\n',
  'llms.txt': 'the site\n',
  'worksheets/play.pdf': '%PDF-1.7\n',
  'og/a.png': 'png',
  '_astro/app.js': 'export {};\n',
  '_astro/site.css': 'body{}\n',
  'rss.xml': '<rss/>',
  'pagefind/wasm.en.pagefind': 'x',
};
for (const [file, text] of Object.entries(files)) {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), text);
}
fs.writeFileSync(path.join(parent, 'package.json'), '{"secret": true}');
fs.mkdirSync(path.join(parent, 'dist-private'));
fs.writeFileSync(path.join(parent, 'dist-private/secret.txt'), 'secret');

/** GET with the path sent as written (fetch would resolve `..` before sending). */
function get(origin: string, requestPath: string): Promise<{ status: number; type: string | null; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(origin), { path: requestPath }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'] ?? null, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('static server at the root', () => {
  let server: Awaited<ReturnType<typeof serveStatic>>;
  beforeAll(async () => {
    server = await serveStatic(root);
  });
  afterAll(async () => {
    await server.close();
  });

  it.each([
    ['/', 'home'],
    ['/notes/a/', 'a'],
    ['/notes/a', 'a'],
    ['/notes/a/?q=1', 'a'],
  ])('serves %s', async (request, heading) => {
    const response = await get(server.url, request);
    expect(response).toMatchObject({ status: 200, type: 'text/html;charset=utf-8', body: `<h1>${heading}</h1>` });
  });

  it('answers a missing page with status 404 and the site’s 404 page', async () => {
    expect(await get(server.url, '/missing/')).toEqual({ status: 404, type: 'text/html; charset=utf-8', body: '<h1>Not here</h1>' });
  });

  it.each([
    ['/notes/a.md', 'text/markdown; charset=utf-8'],
    ['/llms.txt', 'text/plain; charset=utf-8'],
    ['/worksheets/play.pdf', 'application/pdf'],
    ['/og/a.png', 'image/png'],
    ['/_astro/app.js', 'text/javascript; charset=utf-8'],
    ['/_astro/site.css', 'text/css; charset=utf-8'],
    ['/rss.xml', 'application/xml; charset=utf-8'],
  ])('types %s as %s', async (request, type) => {
    const response = await get(server.url, request);
    expect(response.status).toBe(200);
    expect(response.type).toBe(type);
  });

  it.each([
    '/../package.json',
    '/../../package.json',
    '/%2e%2e/package.json',
    '/%2E%2E/%2e%2e/package.json',
    '/..%2fpackage.json',
    '/notes/../../package.json',
    '/../dist-private/secret.txt',
    '/%2e%2e%2fdist-private%2fsecret.txt',
    '//../package.json',
    '/..\\package.json',
  ])('serves nothing outside the built folder: %s', async (request) => {
    const response = await get(server.url, request);
    expect(response.status).toBe(404);
    expect(response.body).not.toContain('secret');
  });
});

describe('static server under a base path', () => {
  let server: Awaited<ReturnType<typeof serveStatic>>;
  beforeAll(async () => {
    server = await serveStatic(root, '/playbook');
  });
  afterAll(async () => {
    await server.close();
  });

  it.each([
    ['/playbook/', 200],
    ['/playbook', 200],
    ['/playbook/notes/a/', 200],
    ['/playbook/notes/a.md', 200],
    ['/', 404],
    ['/notes/a/', 404],
    ['/playbookx/notes/a/', 404],
    ['/playbook/../package.json', 404],
    ['/playbook/%2e%2e/package.json', 404],
  ])('%s → %i', async (request, status) => {
    expect((await get(server.url, request)).status).toBe(status);
  });

  it('answers outside the base path with the 404 page', async () => {
    expect((await get(server.url, '/elsewhere/')).body).toBe('<h1>Not here</h1>');
  });
});

describe('stripBase', () => {
  it.each([
    ['/', '/notes/a/', '/notes/a/'],
    ['/playbook', '/playbook/notes/a/?q=1', '/notes/a/?q=1'],
    ['/playbook/', '/playbook/', '/'],
    ['/playbook', '/playbook', '/'],
    ['/playbook', '/playbook?q=1', '/?q=1'],
    ['/playbook', '/playbooks/', null],
    ['/playbook', '/', null],
  ])('base %s, request %s → %s', (base, url, expected) => {
    expect(stripBase(base, url)).toBe(expected);
  });
});
