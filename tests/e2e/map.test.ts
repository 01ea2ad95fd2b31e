/**
 * The concept map of the real content (content/), measured in Chromium: at
 * 1280 px no two visible labels overlap and they read at 13 px; pointing at a
 * note or focusing it with Tab shows its neighbours; at 375 px nothing scrolls
 * sideways, neither the page nor a box inside it, and the list stands in.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildSite, ROOT } from '../helpers/build.ts';
import { serveStatic } from '../helpers/static-server.ts';

let browser: Browser;
let server: { url: string; close: () => Promise<void> };
let outDir: string;

beforeAll(async () => {
  const site = buildSite(path.join(ROOT, 'content'));
  if (site.status !== 0) throw new Error(`content build failed:\n${site.output}`);
  outDir = site.outDir;
  server = await serveStatic(outDir);
  browser = await chromium.connect(inject('wsEndpoint'));
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
});

async function openMap(width: number): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width, height: 900 } })).newPage();
  await page.goto(`${server.url}/map/`);
  return page;
}

/** Visible labels of the map (a hidden one shows only on hover or focus), with their boxes on screen. */
const visibleLabels = (page: Page) =>
  page.$$eval('.map-node > text', (texts) =>
    texts
      .filter((t) => getComputedStyle(t).visibility === 'visible')
      .map((t) => {
        const box = t.getBoundingClientRect();
        return {
          text: t.textContent ?? '',
          left: box.left,
          right: box.right,
          top: box.top,
          bottom: box.bottom,
          size: parseFloat(getComputedStyle(t).fontSize),
        };
      }),
  );

describe('the concept map of the real content', () => {
  it('has readable labels at 1280 px, no two of them overlapping', async () => {
    const page = await openMap(1280);
    const labels = await visibleLabels(page);
    const notes = await page.$$eval('.map-node', (nodes) => nodes.length);
    expect(notes).toBeGreaterThan(20);
    // Nearly every label finds a free spot (src/map/labels.ts hides one, until hover or focus, only when none is free).
    expect(labels.length).toBeGreaterThanOrEqual(Math.ceil(notes * 0.9));
    const overlaps: string[] = [];
    for (const [i, a] of labels.entries()) {
      for (const b of labels.slice(i + 1)) {
        if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) overlaps.push(`${a.text} / ${b.text}`);
      }
    }
    expect(overlaps).toEqual([]);
    // 13 px type, drawn at about its size: the view box is as wide as the column at 1280 px.
    const scale = await page.$eval(
      '.map-box svg',
      (svg) => svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width,
    );
    expect(scale).toBeGreaterThan(0.95);
    expect(Math.min(...labels.map((l) => l.size * scale))).toBeGreaterThanOrEqual(12.5);
    await page.context().close();
  });

  it('shows a note’s links and neighbours on hover and on keyboard focus, and fades the rest', async () => {
    const page = await openMap(1280);
    const node = page.locator('.map-node', { has: page.locator('text.label', { hasText: /^Cheng and chi$/ }) });
    const near = node.locator('.near');
    expect(await near.isVisible()).toBe(false);
    await node.locator('.dot').hover();
    expect(await near.isVisible()).toBe(true);
    const names = await near.locator('text').allTextContents();
    expect(names.length).toBeGreaterThan(2);
    await page.mouse.move(0, 0);
    expect(await near.isVisible()).toBe(false);
    // Keyboard: Tab through the map's links until the note has the focus; the same neighbours show.
    await page.locator('.map-node').first().focus();
    for (let i = 0; i < 60 && !(await node.evaluate((n) => n === document.activeElement)); i++) await page.keyboard.press('Tab');
    expect(await node.evaluate((n) => n === document.activeElement)).toBe(true);
    expect(await near.isVisible()).toBe(true);
    expect(await near.locator('text').allTextContents()).toEqual(names);
    const faded = await page.$$eval(
      '.map-node',
      (nodes) => nodes.filter((n) => n !== document.activeElement && getComputedStyle(n).opacity === '0.25').length,
    );
    expect(faded).toBe((await page.locator('.map-node').count()) - 1);
    await page.context().close();
  });

  it('is a list on a phone: nothing scrolls sideways at 375 px, the page or a box in it', async () => {
    const page = await openMap(375);
    const sideways = await page.evaluate(() =>
      [document.documentElement, ...document.querySelectorAll('main *')]
        .filter((el) => el.scrollWidth > el.clientWidth + 1 && ['auto', 'scroll'].includes(getComputedStyle(el).overflowX))
        .map((el) => el.tagName),
    );
    expect(sideways).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await page.locator('.map-box').isVisible()).toBe(false);
    expect(await page.locator('#map-list').isVisible()).toBe(true);
    // Every note with its neighbours, as links.
    expect(await page.locator('#map-list ~ ul li .linked a').count()).toBeGreaterThan(20);
    await page.context().close();
  });
});

// The fixture site has short titles and few steps; real plays and notes are where a page grows too wide
// (a run page's session table did, at 326-352 px, before its clock ranges could wrap).
describe('every page of the real content at 320 px', () => {
  it('is no wider than the screen', async () => {
    const pages = fs
      .readdirSync(outDir, { recursive: true })
      .map(String)
      .filter((file) => file.endsWith('index.html') && !fs.readFileSync(path.join(outDir, file), 'utf8').includes('http-equiv="refresh"'))
      .map((file) => `/${file.replace(/index\.html$/, '')}`);
    expect(pages.length).toBeGreaterThan(100);
    const page = await (await browser.newContext({ viewport: { width: 320, height: 700 } })).newPage();
    const wide: string[] = [];
    for (const route of pages) {
      await page.goto(`${server.url}${route}`);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 320) wide.push(`${route} (${width} px)`);
    }
    expect(wide).toEqual([]);
    await page.context().close();
  }, 180_000);
});
