/**
 * Every page type at 320, 768 and 1280 px, in the light and the dark scheme:
 * no horizontal overflow, no console error, no axe violation. A screenshot of
 * each view goes to test-results/screenshots/ (git-ignored; CI uploads it) so
 * a reviewer can look. One browser context per scheme, resized per width, the
 * two schemes side by side, so the 96 views stay fast.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations } from './axe.ts';
import { RESPONSIVE_PAGES } from './page-types.ts';

/** Pages with a script that renders after load: the test waits for the network to settle there. */
const ISLANDS = new Set(['play run', 'composer', 'search']);

const WIDTHS = [320, 768, 1280] as const;
const SCHEMES = ['light', 'dark'] as const;
export const SCREENSHOTS = path.resolve(import.meta.dirname, '../../test-results/screenshots');

const slug = (type: string) => type.replace(/[^a-z0-9]+/gi, '-').toLowerCase();

let browser: Browser;
/** One context and page per scheme, reused for every page type and width. */
const views: { scheme: (typeof SCHEMES)[number]; context: BrowserContext; page: Page; problems: string[] }[] = [];

beforeAll(async () => {
  browser = await chromium.connect(inject('wsEndpoint'));
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  for (const scheme of SCHEMES) {
    const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    views.push({ scheme, context, page, problems });
  }
});
afterAll(async () => {
  for (const { context } of views) await context.close();
  await browser?.close();
});

/** Loads `route` at each width in one scheme; returns what went wrong, each line naming width and scheme. */
async function check(view: (typeof views)[number], type: string, route: string): Promise<string[]> {
  const { page, problems, scheme } = view;
  const found: string[] = [];
  for (const width of WIDTHS) {
    problems.length = 0;
    await page.setViewportSize({ width, height: 900 });
    // Pages with an island or search results settle first; the others are done at `load`.
    await page.goto(`${inject('baseUrl')}${route}`, { waitUntil: ISLANDS.has(type) ? 'networkidle' : 'load' });
    const at = `${width} px, ${scheme}`;
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (overflow > 0) found.push(`${at}: ${overflow} px wider than the viewport`);
    for (const violation of await axeViolations(page)) found.push(`${at}: axe ${violation}`);
    for (const problem of problems) found.push(`${at}: ${problem}`);
    // The first screenful: what a reader sees on arrival (a full page at 320 px is many screens, and slow to take).
    await page.screenshot({ path: path.join(SCREENSHOTS, `${slug(type)}-${width}-${scheme}.png`) });
  }
  return found;
}

describe('every page type at 320, 768 and 1280 px, light and dark', () => {
  // The two schemes run side by side, each in its own page; axe is most of the time.
  it.each(Object.entries(RESPONSIVE_PAGES))('%s: no overflow, no console error, no axe violation', async (type, route) => {
    const found = (await Promise.all(views.map((view) => check(view, type, route)))).flat();
    expect(found).toEqual([]);
  });
});
