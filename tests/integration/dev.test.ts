import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/build.ts';
import { contentWithOverlay } from '../helpers/fixtures.ts';

/**
 * `npm run dev` follows edits: a contributor saves a file and the next page
 * load is right, on every page the change touches. Runs the real dev server
 * on a copy of the fixture site.
 */
let server: ChildProcess | undefined;
let origin = '';
let output = '';
const site = contentWithOverlay();

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

async function get(route: string): Promise<{ status: number; html: string }> {
  const response = await fetch(`${origin}${route}`);
  return { status: response.status, html: await response.text() };
}

/** Polls a page until `ready` holds (the dev server applies a change asynchronously); returns the page and how long it took. */
async function until(route: string, ready: (page: { status: number; html: string }) => boolean, timeoutMs = 20_000) {
  const started = performance.now();
  for (;;) {
    const page = await get(route);
    if (ready(page)) return { ...page, ms: performance.now() - started };
    if (performance.now() - started > timeoutMs)
      throw new Error(`${route} did not change in ${timeoutMs} ms; last status ${page.status}\n${output.slice(-2000)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const withoutVitest = (env: NodeJS.ProcessEnv) =>
  Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('VITEST') && name !== 'TEST'));

/**
 * Saves a change as an editor would. The file watcher (chokidar, under Vite) drops a second
 * change event for the same file within 50 ms of the first; a person never saves that fast, so
 * the test waits that long between saves of one file.
 */
async function edit(file: string, change: (text: string) => string) {
  await new Promise((resolve) => setTimeout(resolve, 150));
  fs.writeFileSync(path.join(site, file), change(fs.readFileSync(path.join(site, file), 'utf8')));
}

beforeAll(async () => {
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  server = spawn(
    process.execPath,
    [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port)],
    {
      cwd: ROOT,
      // The dev server must not see Vitest's variables: with VITEST set, Astro's dev server serves no pages.
      env: {
        ...withoutVitest(process.env),
        NODE_ENV: 'development',
        CONTENT_DIR: site,
        SITE_URL: 'https://playbook.example',
        ASTRO_TELEMETRY_DISABLED: '1',
        NO_COLOR: '1',
        FORCE_COLOR: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  server.stdout?.on('data', (chunk) => (output += String(chunk)));
  server.stderr?.on('data', (chunk) => (output += String(chunk)));
  const started = performance.now();
  while (!/watching for file changes/.test(output)) {
    if (performance.now() - started > 90_000 || server.exitCode !== null) throw new Error(`astro dev did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  // The first request compiles the page modules.
  const first = await get('/notes/gamma-note/');
  expect(first.status, `${output}\n${first.html.slice(0, 3000)}`).toBe(200);
}, 120_000);

afterAll(() => {
  server?.kill();
  fs.rmSync(site, { recursive: true, force: true });
});

describe('astro dev follows edits', () => {
  it('shows a changed title on the pages that link to the entry', async () => {
    expect((await get('/notes/gamma-note/')).html).toContain('Alpha note');
    await edit('notes/alpha-note.mdx', (text) => text.replace(/^title: .*$/m, 'title: Alpha, as renamed'));
    // Collections sync one after another: wait until every part of the page has the new title.
    const page = await until('/notes/gamma-note/', ({ html }) => html.includes('Alpha, as renamed') && !/>Alpha note</.test(html));
    console.log(`dev: a new title showed on a linking page ${Math.round(page.ms)} ms after the save`);
  });

  it('shows a new link in the target’s "Linked from"', async () => {
    const backlinks = (html: string) => /id="note-backlinks"[\s\S]*?<\/ul>/.exec(html)?.[0] ?? '';
    expect(backlinks((await get('/notes/beta-note/')).html)).not.toContain('/notes/gamma-note/');
    await edit('notes/gamma-note.mdx', (text) => `${text}\nCompare [[beta-note]].\n`);
    const page = await until('/notes/beta-note/', ({ html }) => backlinks(html).includes('/notes/gamma-note/'));
    expect(page.status).toBe(200);
  });

  it('shows a content error in the browser, naming file, line, rule and fix, and recovers', async () => {
    await edit('notes/gamma-note.mdx', (text) => `${text}\nSee [[no-such-note]].\n`);
    const page = await until('/notes/alpha-note/', ({ status }) => status === 500);
    expect(page.html).toMatch(/gamma-note\.mdx:\d+:5<\/code> <strong>unknown-link<\/strong>/);
    expect(page.html).toContain('Fix: use the id (file name) of an existing entry');
    await edit('notes/gamma-note.mdx', (text) => text.replace('\nSee [[no-such-note]].\n', ''));
    expect((await until('/notes/alpha-note/', ({ status }) => status === 200)).html).toContain('Alpha, as renamed');
  });

  it('takes a deleted note’s page away and reports the links to it', async () => {
    fs.rmSync(path.join(site, 'notes/delta-note.mdx'));
    const page = await until('/notes/', ({ status }) => status === 500);
    expect(page.html).toMatch(/epsilon-note\.md:\d+:\d+<\/code> <strong>unknown-link<\/strong>/);
    await edit('notes/epsilon-note.md', (text) => text.replace(', and [[delta-note]] for the idea of a main effort', ''));
    await until('/notes/', ({ status, html }) => status === 200 && !html.includes('/notes/delta-note/'));
    expect((await get('/notes/delta-note/')).status).toBe(404);
  });
});
