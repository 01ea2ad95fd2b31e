import fs from 'node:fs';
import type { BrowserContextOptions } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildResult } from '../helpers/build.ts';
import { serveStatic } from '../helpers/static-server.ts';
import { extrasContent } from '../helpers/extras-fixture.ts';
import { axeViolations } from './axe.ts';
import { openPage, useBrowser } from './browser.ts';

useBrowser();

type Page = Awaited<ReturnType<typeof openPage>>;

// The glossary previews are tested on the extras build (../helpers/extras-fixture.ts), which has a
// note that uses a term in running text; the shared fixture site need not have one.
let content: string;
let extras: BuildResult;
let server: Awaited<ReturnType<typeof serveStatic>>;
beforeAll(async () => {
  content = extrasContent();
  extras = buildSite(content);
  if (extras.status !== 0) throw new Error(`extras build failed:\n${extras.output}`);
  server = await serveStatic(extras.outDir);
});
afterAll(async () => {
  await server?.close();
  fs.rmSync(extras.outDir, { recursive: true, force: true });
  fs.rmSync(content, { recursive: true, force: true });
});

/** A page of the extras build, watched for console errors and CSP violations like every other page. */
async function openExtras(route: string, options: BrowserContextOptions = {}): Promise<Page> {
  const page = await openPage('/', options);
  await page.goto(`${server.url}${route}`);
  return page;
}

const GLOSSARY_NOTE = '/notes/extras-chapter-one/';
const preview = (page: Page) => page.locator('.glossary-preview').first();
const term = (page: Page) => page.locator('a.glossary-term').first();

describe('glossary definition preview', () => {
  it('appears on hover, stays while the pointer moves onto it, and goes away after', async () => {
    const page = await openExtras(GLOSSARY_NOTE, { viewport: { width: 1280, height: 900 } });
    expect(await preview(page).isVisible()).toBe(false);
    await term(page).hover();
    expect(await preview(page).isVisible()).toBe(true);
    const box = await preview(page).boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 1280).toBe(true);
    // Across the gap and onto the definition: it must not close on the way.
    await page.mouse.move((box?.x ?? 0) + 20, (box?.y ?? 0) - 2);
    expect(await preview(page).isVisible()).toBe(true);
    await page.mouse.move((box?.x ?? 0) + 20, (box?.y ?? 0) + (box?.height ?? 0) / 2);
    expect(await preview(page).isVisible()).toBe(true);
    await page.mouse.move(5, 5);
    expect(await preview(page).isVisible()).toBe(false);
    await page.context().close();
  });

  it('appears on keyboard focus, and the link is described by the definition', async () => {
    const page = await openExtras(GLOSSARY_NOTE);
    const focusedIsTerm = () => page.evaluate(() => document.activeElement?.classList.contains('glossary-term') ?? false);
    for (let i = 0; i < 60 && !(await focusedIsTerm()); i++) await page.keyboard.press('Tab');
    expect(await focusedIsTerm()).toBe(true);
    expect(await preview(page).isVisible()).toBe(true);
    const described = await term(page).evaluate(
      (link) => document.getElementById(link.getAttribute('aria-describedby') ?? '')?.textContent ?? '',
    );
    expect(described.length).toBeGreaterThan(20);
    expect(await preview(page).textContent()).toBe(described);
    await page.keyboard.press('Tab');
    expect(await preview(page).isVisible()).toBe(false);
    await page.context().close();
  });

  it('passes axe while shown, in light and dark, and fits a phone screen', async () => {
    for (const [colorScheme, width] of [
      ['light', 1280],
      ['dark', 1280],
      ['light', 320],
    ] as const) {
      const page = await openExtras(GLOSSARY_NOTE, { colorScheme, viewport: { width, height: 700 } });
      await term(page).focus();
      expect(await preview(page).isVisible()).toBe(true);
      const box = await preview(page).boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= width, `${colorScheme} ${width}`).toBe(true);
      expect(await axeViolations(page), `${colorScheme} ${width}`).toEqual([]);
      await page.context().close();
    }
  });

  it('is left out of print', async () => {
    const page = await openExtras(GLOSSARY_NOTE);
    await page.emulateMedia({ media: 'print' });
    await term(page).focus();
    expect(await preview(page).isVisible()).toBe(false);
    await page.context().close();
  });
});

describe('reading path navigation', () => {
  it('walks a path from its page with one Next, and says where the reader is', async () => {
    const page = await openPage('/paths/fixture-path/');
    const shown = page.locator('nav.note-next > div:visible');
    await page.locator('main').getByRole('link', { name: 'Alpha note' }).first().click();
    await expect.poll(() => page.url()).toMatch(/\/notes\/alpha-note\/#path-fixture-path$/);
    // One Next shows: the path's, not the theme's; and the page opens at its top, not at the Next block.
    expect(await shown.count()).toBe(1);
    expect(await shown.locator('.label').textContent()).toBe('Step 1 of 3 in A fixture path');
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await shown.getByRole('link', { name: /Beta note/ }).click();
    await expect.poll(() => page.url()).toMatch(/\/notes\/beta-note\/#path-fixture-path$/);
    expect(await shown.locator('.label').textContent()).toBe('Step 2 of 3 in A fixture path');
    // By keyboard too.
    await shown.getByRole('link', { name: /Gamma note/ }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toMatch(/\/notes\/gamma-note\/#path-fixture-path$/);
    expect(await shown.locator('.label').textContent()).toBe('Step 3 of 3, the last, in A fixture path');
    await shown.getByRole('link', { name: 'A fixture path' }).click();
    await expect.poll(() => page.url()).toMatch(/\/paths\/fixture-path\/$/);
    await page.context().close();
  });

  it("shows the theme's Next to a reader who did not come from a path", async () => {
    const page = await openPage('/notes/beta-note/');
    const shown = page.locator('nav.note-next > div:visible');
    expect(await shown.count()).toBe(1);
    expect(await shown.locator('.label').textContent()).toBe('Next in Cheng and chi');
    await page.context().close();
  });
});

describe('concept map', () => {
  it('opens a note from its dot, and every dot is reachable by keyboard with a visible focus', async () => {
    const page = await openPage('/map/');
    const dots = page.locator('svg a.map-node');
    expect(await dots.count()).toBeGreaterThanOrEqual(3);
    const focusedDot = () =>
      page.evaluate(() => {
        const el = document.activeElement;
        return el?.matches('svg a.map-node') ? getComputedStyle(el).outlineStyle : null;
      });
    for (let i = 0; i < 40 && !(await focusedDot()); i++) await page.keyboard.press('Tab');
    expect(await focusedDot()).toBe('solid');
    await page.locator('svg a.map-node[href="/notes/alpha-note/"] circle.dot').click();
    await expect.poll(() => page.url()).toMatch(/\/notes\/alpha-note\/$/);
    await page.context().close();
  });
});

describe('theme book', () => {
  it('prints without the site chrome, with each chapter on a new page', async () => {
    const page = await openPage('/themes/cheng-chi/book/', { viewport: { width: 794, height: 1123 } });
    expect(await page.locator('.hint').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['.site-header', '.site-footer', '.hint'])
      expect(await page.locator(hidden).first().isVisible(), hidden).toBe(false);
    expect(await page.locator('.print-only').isVisible()).toBe(true);
    const breaks = await page.locator('article.chapter').evaluateAll((chapters) => chapters.map((c) => getComputedStyle(c).breakBefore));
    expect(breaks.length).toBeGreaterThanOrEqual(2);
    expect(new Set(breaks)).toEqual(new Set(['page']));
    await page.context().close();
  });

  it.each(['/themes/customer-obsession/book/', '/notes/alpha-note/'])('%s prints the addresses of external links only', async (route) => {
    const page = await openPage(route, { viewport: { width: 794, height: 1123 } });
    await page.emulateMedia({ media: 'print' });
    const printed = (selector: string) =>
      page.locator(selector).evaluateAll((links) => links.map((link) => getComputedStyle(link, '::after').content));
    // A site-relative address ("/glossary/#fixture-term") leads nowhere on paper.
    for (const selector of ['.prose a[href^="/glossary/"]', '.prose a[href^="/notes/"]', '.prose a[href^="/plays/"]']) {
      const contents = await printed(selector);
      expect(contents.length, selector).toBeGreaterThan(0);
      for (const content of contents) expect(content, selector).not.toContain('/');
    }
    const external = await printed('.prose a[href="https://example.org/"]');
    expect(external.length).toBeGreaterThan(0);
    for (const content of external) expect(content).toContain('https://example.org/');
    await page.context().close();
  });
});
