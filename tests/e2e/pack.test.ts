/**
 * "Download the pack" on the composer, in Chromium, against a build of the
 * site fixture with a third play: the pack is made in the browser, read back,
 * and compared byte for byte with what `npm run worksheets -- --pack` makes
 * from the same content and choices. Also the page's weight before the click,
 * and that no pack code or font is fetched until then.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, ROOT } from '../helpers/build.ts';
import { SITE_FIXTURE } from '../helpers/fixtures.ts';
import { serveStatic } from '../helpers/static-server.ts';
import { openPage, useBrowser } from './browser.ts';

useBrowser();

const THIRD_PLAY = `title: Third fixture play
purpose: A short play that shares a material with the first, so the pack's materials list has to merge them.
outcome: One sentence about our customers that the whole group agrees with.
theme: customer-obsession
notes: [alpha-note]
prepMinutes: 0
runMinutes: 15
groupSize: { min: 2, max: 6 }
materials: [pens, Sticky notes]
steps:
  - title: Agree on one sentence
    minutes: 15
    instructions: The group writes one sentence about its customers together.
    prompts: [sentence]
prompts:
  - id: sentence
    question: Which sentence did the group agree on?
    kind: lines
    lines: 2
sources:
  - id: fixture-text
    locator: first paragraph
`;

const PLAYS = ['Fixture play (30 min)', 'Second fixture play (75 min)', 'Third fixture play (15 min)'];
/** The session after moving the third play up one place. */
const ORDER = ['fixture-play', 'third-fixture-play', 'second-fixture-play'];
const CHOICES = { start: '13:00', break: '10', title: 'Support offsite', team: 'Zoë Łukasz Ærø', date: '2027-01-15' };
const SITE_URL = 'https://playbook.example';

let temp: string;
let content: string;
let origin: string;
let distDir: string;
let closeServer: () => Promise<void>;

beforeAll(() => {
  temp = fs.mkdtempSync(path.join(os.tmpdir(), 'playbook-pack-'));
  content = path.join(temp, 'content');
  fs.cpSync(SITE_FIXTURE, content, { recursive: true });
  fs.writeFileSync(path.join(content, 'plays/third-fixture-play.yaml'), THIRD_PLAY);
  const site = buildSite(content, { SITE_URL });
  if (site.status !== 0) throw new Error(`fixture build failed:\n${site.output}`);
  distDir = site.outDir;
  return serveStatic(distDir).then((server) => {
    origin = server.url;
    closeServer = server.close;
  });
}, 300_000);

afterAll(async () => {
  await closeServer?.();
  for (const dir of [temp, distDir]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** The pack as the CLI makes it from the same content: A4 and Letter PDFs and the Markdown. */
function cliPack(): Record<'a4' | 'letter' | 'md', Buffer> {
  const out = path.join(temp, 'cli');
  const args = [
    '--content',
    content,
    '--out',
    out,
    '--pack',
    `plays=${ORDER.join(',')}`,
    '--start',
    CHOICES.start,
    '--break',
    CHOICES.break,
    '--title',
    CHOICES.title,
    '--team',
    CHOICES.team,
    '--date',
    CHOICES.date,
    '--paper',
    'both',
    '--format',
    'all',
  ];
  const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts/worksheets.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, SITE_URL },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`worksheets --pack failed:\n${result.stdout}\n${result.stderr}`);
  const file = (name: string) => fs.readFileSync(path.join(out, 'packs', name));
  return {
    a4: file(`session-${CHOICES.date}-a4.pdf`),
    letter: file(`session-${CHOICES.date}-letter.pdf`),
    md: file(`session-${CHOICES.date}.md`),
  };
}

/** Presses "Download the pack" and returns the file the browser saves, its name, and how long making it took. */
async function downloadPack(page: Page): Promise<{ name: string; bytes: Buffer; milliseconds: number }> {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.getByRole('button', { name: 'Download the pack' }).click(),
  ]);
  const file = path.join(temp, `download-${Date.now()}`);
  await download.saveAs(file);
  await expect.poll(() => page.locator('[data-pack-status]').textContent(), { timeout: 10_000 }).toMatch(/^Done: /);
  const milliseconds = Number(await page.locator('[data-composer]').getAttribute('data-pack-milliseconds'));
  return { name: download.suggestedFilename(), bytes: fs.readFileSync(file), milliseconds };
}

const agendaTimes = (page: Page) => page.locator('[data-agenda] tbody tr:not(.play) td:first-child').allTextContents();

describe('one model for the web and print', () => {
  // Built files only, no browser: this build has a play page and the worksheets for three plays.
  const ids = ['fixture-play', 'second-fixture-play', 'third-fixture-play'];
  const built = (file: string) => fs.readFileSync(path.join(distDir, file), 'utf8');
  const decode = (html: string) => html.replaceAll('&#39;', "'").replaceAll('&amp;', '&').replaceAll('&quot;', '"').trim();

  it.each(ids)('%s: the play page’s step times are the facilitator guide’s, and its questions are numbered as on the worksheet', (id) => {
    const page = built(`plays/${id}/index.html`);
    const pageTimes = [...page.matchAll(/<span class="clock"[^>]*>([^<]*)<\/span>/g)].map((m) => m[1]);
    const guide = built(`worksheets/${id}/facilitator.md`);
    const guideTimes = [...guide.matchAll(/^\| (\d+:\d\d–\d+:\d\d) \|/gm)].map((m) => m[1]);
    expect(pageTimes.length).toBeGreaterThan(0);
    expect(pageTimes).toEqual(guideTimes);
    const pageQuestions = [...page.matchAll(/<li id="prompt-[^"]*"[^>]*>([^<]*)/g)].map((m) => decode(m[1] ?? ''));
    const sheetQuestions = [...built(`worksheets/${id}/participant.md`).matchAll(/^### (\d+)\. (.*)$/gm)].map((m) => [Number(m[1]), m[2]]);
    expect(sheetQuestions.map(([n]) => n)).toEqual(sheetQuestions.map((_, i) => i + 1));
    expect(pageQuestions).toEqual(sheetQuestions.map(([, q]) => q));
  });
});

describe('Download the pack', () => {
  it('weighs at most 30 kB gzip before the click and fetches no pack code, data or font until then', async () => {
    const page = await openPage(`${origin}/plays/compose/?plays=fixture-play,second-fixture-play`, { acceptDownloads: true });
    const fetched: { url: string; gzip: number }[] = [];
    page.on('response', (response) => {
      void response.body().then(
        (body) => fetched.push({ url: response.url(), gzip: gzipSync(body).length }),
        () => fetched.push({ url: response.url(), gzip: 0 }),
      );
    });
    await page.reload({ waitUntil: 'networkidle' });
    await expect.poll(() => fetched.length).toBeGreaterThan(2);
    const before = fetched.splice(0);
    const total = before.reduce((sum, r) => sum + r.gzip, 0);
    console.info(
      `composer before the click: ${before.length} files, ${(total / 1024).toFixed(1)} kB gzip (${before.map((r) => `${new URL(r.url).pathname} ${r.gzip}`).join(', ')})`,
    );
    expect(total).toBeLessThanOrEqual(30 * 1024);
    const isPackCode = (url: string) => /pack-download|\.ttf$|pack\.json$/.test(new URL(url).pathname);
    expect(before.filter((r) => isPackCode(r.url))).toEqual([]);
    await downloadPack(page);
    expect(
      fetched.map((r) => new URL(r.url).pathname).filter((p) => /pack-download|\.ttf$|pack\.json$/.test(p)).length,
    ).toBeGreaterThanOrEqual(5);
    await page.context().close();
  });

  it('picks three plays, reorders them by keyboard, and makes the same A4 and Letter PDFs and Markdown as the CLI', async () => {
    const page = await openPage(`${origin}/plays/compose/`, { acceptDownloads: true });
    for (const label of PLAYS) await page.getByLabel(label).check();
    await page.getByLabel('Start time').fill(CHOICES.start);
    await page.getByLabel('Break between plays (minutes)').fill(CHOICES.break);
    await page.getByLabel('Title (optional)').fill(CHOICES.title);
    await page.getByLabel('Team (optional)').fill(CHOICES.team);
    await page.getByLabel('Date (optional)').fill(CHOICES.date);
    // Keyboard only: focus "Move Third fixture play up" and press Enter; focus stays with the play.
    await page.getByRole('button', { name: 'Move Third fixture play up' }).focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('[data-order] li span').allTextContents()).toEqual([
      'Fixture play',
      'Third fixture play',
      'Second fixture play',
    ]);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Move Third fixture play up');
    expect(await page.locator('[data-order-status]').textContent()).toBe('Third fixture play is now play 2 of 3.');
    const query = new URLSearchParams(new URL(page.url()).search);
    expect(Object.fromEntries(query)).toEqual({
      plays: ORDER.join(','),
      start: CHOICES.start,
      break: CHOICES.break,
      title: CHOICES.title,
      team: CHOICES.team,
      date: CHOICES.date,
    });
    expect(await page.locator('[data-cli]').textContent()).toContain(
      `--pack plays=${ORDER.join(',')} --start 13:00 --break 10 --title 'Support offsite'`,
    );

    // A reload keeps every choice.
    await page.reload();
    expect(await page.locator('[data-order] li span').allTextContents()).toEqual([
      'Fixture play',
      'Third fixture play',
      'Second fixture play',
    ]);
    expect(await page.getByLabel('Team (optional)').inputValue()).toBe(CHOICES.team);

    const a4 = await downloadPack(page);
    expect(a4.name).toBe(`session-${CHOICES.date}.pdf`);
    await page.getByLabel('Paper').selectOption('letter');
    const letter = await downloadPack(page);
    await page.getByLabel('Format').selectOption('md');
    const md = await downloadPack(page);
    expect(md.name).toBe(`session-${CHOICES.date}.md`);
    expect(new URL(page.url()).search).toContain('paper=letter&format=md');
    console.info(
      `pack made in the browser: A4 PDF ${a4.bytes.length} B in ${a4.milliseconds} ms (fonts and pdfkit fetched first), Letter PDF ${letter.bytes.length} B in ${letter.milliseconds} ms, Markdown ${md.bytes.length} B in ${md.milliseconds} ms`,
    );

    const cli = cliPack();
    expect(a4.bytes.equals(cli.a4), 'A4 PDF: browser and CLI differ').toBe(true);
    expect(letter.bytes.equals(cli.letter), 'Letter PDF: browser and CLI differ').toBe(true);
    expect(md.bytes.toString('utf8')).toBe(cli.md.toString('utf8'));
    await page.context().close();
  }, 120_000);

  it('reads back: tagged, fillable, every play’s fields, and the agenda’s clock times equal to the page’s', async () => {
    const page = await openPage(`${origin}/plays/compose/?plays=${ORDER.join(',')}&start=13:00&break=10&team=Support&date=2027-01-15`, {
      acceptDownloads: true,
    });
    const { bytes } = await downloadPack(page);
    const file = path.join(temp, 'read-back.pdf');
    fs.writeFileSync(file, bytes);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/Form:\s+AcroForm/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    // A cover, then a guide and a worksheet for each of three plays.
    expect(pages).toBeGreaterThanOrEqual(7);
    expect(bytes.length / ORDER.length).toBeLessThanOrEqual(60_000);
    const fields = (await PDFDocument.load(bytes))
      .getForm()
      .getFields()
      .map((f) => f.getName());
    for (const id of ORDER)
      expect(
        fields.some((name) => name.startsWith(`${id}.`)),
        id,
      ).toBe(true);
    expect(fields).toContain('third-fixture-play.sentence');

    // The agenda table on the cover: each row's start and end, as pdftotext lays them out.
    const text = execFileSync('pdftotext', ['-layout', '-f', '1', '-l', '2', file, '-'], { encoding: 'utf8' });
    const pdfTimes = [...text.matchAll(/^\s*(\d\d:\d\d)\s+(\d\d:\d\d)\s/gm)].map((m) => `${m[1]}–${m[2]}`);
    const pageTimes = await agendaTimes(page);
    expect(pageTimes[0]).toBe('13:00–13:10');
    expect(pdfTimes).toEqual(pageTimes);
    expect(text).toContain('Materials for the session');
    await page.context().close();
  });

  it('shows an error when the pack cannot be made, and the button works again', async () => {
    const page = await openPage(`${origin}/plays/compose/?plays=second-fixture-play&start=23:00`, { acceptDownloads: true });
    await page.getByRole('button', { name: 'Download the pack' }).click();
    // Loading the pack code first can take seconds on a busy machine.
    await expect
      .poll(() => page.getByRole('alert').textContent(), { timeout: 30_000 })
      .toMatch(/^The pack could not be made: the session would run past midnight/);
    expect(await page.locator('[data-pack-status]').textContent()).toBe('');
    expect(await page.getByRole('button', { name: 'Download the pack' }).getAttribute('aria-disabled')).toBe('false');
    await page.getByLabel('Start time').fill('09:00');
    await downloadPack(page);
    expect(await page.locator('[data-pack-error]').textContent()).toBe('');
    await page.context().close();
  });

  it('without JavaScript, still shows the CLI command and no pack controls', async () => {
    const page = await openPage(`${origin}/plays/compose/?plays=fixture-play`, { javaScriptEnabled: false });
    expect(await page.getByRole('button', { name: 'Download the pack' }).isVisible()).toBe(false);
    expect(await page.locator('[data-cli]').textContent()).toMatch(/^npm run worksheets -- --pack plays=/);
    await page.context().close();
  });
});
