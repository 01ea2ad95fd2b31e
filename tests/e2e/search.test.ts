/**
 * The search page in Chromium, under the site's Content Security Policy (any
 * console error or CSP violation fails a test), against the fixture build and
 * its index. Budgets are measured from what the browser fetched, sized from
 * the built files (the test server does not compress, so gzip is computed).
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { axeViolations } from './axe.ts';
import { openPage, useBrowser } from './browser.ts';

useBrowser();

const status = (page: Page) => page.locator('[data-status]');
const resultLinks = (page: Page) => page.locator('[data-results] li h2 a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
const query = (page: Page) => new URL(page.url()).search;

/** Waits until the status reports a finished search (or its absence) and returns it. */
async function settled(page: Page, expected: string | RegExp): Promise<void> {
  // Pagefind starts its WebAssembly on the first query: on a loaded machine that takes seconds, not one.
  await expect.poll(() => status(page).textContent(), { timeout: 20_000 }).toMatch(expected);
  await expect.poll(() => page.locator('[data-results]').getAttribute('aria-busy')).toBeNull();
}

/** The built file behind a URL of the test server. */
const builtFile = (url: string) => {
  const pathname = decodeURIComponent(new URL(url).pathname);
  return path.join(inject('outDir'), pathname.endsWith('/') ? `${pathname}index.html` : pathname);
};

describe('finding things', () => {
  it('puts the note that explains "Schwerpunkt" first, above a passing mention', async () => {
    const page = await openPage('/search/?q=Schwerpunkt');
    await settled(page, '2 results for “Schwerpunkt”.');
    expect(await resultLinks(page)).toEqual(['/notes/delta-note/', '/notes/epsilon-note/']);
    const first = page.locator('[data-results] li').first();
    expect(await first.locator('h2').textContent()).toBe('Schwerpunkt: the point of main effort');
    expect(await first.locator('.meta span').allTextContents()).toEqual(['Note', 'Cheng and chi']);
    expect(await first.locator('.excerpt mark').first().textContent()).toMatch(/^Schwerpunkt/);
    await page.context().close();
  });

  it('gives a glossary term a result of its own, linking to its entry in the glossary', async () => {
    const page = await openPage('/search/?q=fixture+term');
    await settled(page, /results? for “fixture term”\./);
    expect((await resultLinks(page))[0]).toBe('/glossary/#fixture-term');
    expect(await page.locator('[data-results] li .meta span').first().textContent()).toBe('Glossary term');
    await page.context().close();
  });

  it('finds a note by two words of its text, as they are typed; Back returns to the empty search', async () => {
    const page = await openPage('/search/');
    await page.getByLabel('Search for').fill('catalog parcels');
    await settled(page, '1 result for “catalog parcels”.');
    expect(await resultLinks(page)).toEqual(['/notes/epsilon-note/']);
    expect(query(page)).toBe('?q=catalog+parcels');
    await page.goBack();
    await expect.poll(() => page.locator('[data-empty]').isVisible()).toBe(true);
    expect(await page.getByLabel('Search for').inputValue()).toBe('');
    expect(await page.locator('[data-results] li').count()).toBe(0);
    await page.context().close();
  });

  it('goes from any page to a result in two steps: the header search box, then the result', async () => {
    const page = await openPage('/notes/alpha-note/');
    await page.locator('#site-search').fill('railway');
    await page.locator('#site-search').press('Enter');
    await settled(page, '1 result for “railway”.');
    expect(query(page)).toBe('?q=railway');
    await page.locator('[data-results] a').first().click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/notes/epsilon-note/');
    await page.context().close();
  });
});

describe('typos and excerpts', () => {
  it('finds what a misspelt query meant, says so, and offers the spelling as a search of its own', async () => {
    const page = await openPage('/search/');
    await page.getByLabel('Search for').pressSequentially('swerpunkt', { delay: 20 });
    await settled(page, 'No results for “swerpunkt”. Showing 2 results for “schwerpunkt”.');
    expect(await resultLinks(page)).toEqual(['/notes/delta-note/', '/notes/epsilon-note/']);
    const offer = page.locator('[data-suggest]');
    expect(await offer.textContent()).toBe('Did you mean schwerpunkt?');
    // The vocabulary came only after the query that found nothing.
    expect(
      await page.evaluate(
        () => performance.getEntriesByType('resource').filter((entry) => entry.name.endsWith('/pagefind/vocabulary.txt')).length,
      ),
    ).toBe(1);
    await offer.getByRole('link', { name: 'schwerpunkt' }).click();
    await settled(page, '2 results for “schwerpunkt”.');
    expect(query(page)).toBe('?q=schwerpunkt');
    expect(await page.getByLabel('Search for').inputValue()).toBe('schwerpunkt');
    expect(await offer.isVisible()).toBe(false);
    await page.context().close();
  });

  it('says plainly when even a corrected query finds nothing', async () => {
    const page = await openPage('/search/?q=qwertyuiop');
    await settled(page, 'No results for “qwertyuiop”.');
    expect(await page.locator('[data-suggest]').isVisible()).toBe(false);
    await page.context().close();
  });

  it('starts an excerpt at a sentence and never runs a heading into it', async () => {
    const page = await openPage('/search/?q=footnote');
    await settled(page, /results? for “footnote”\./);
    const excerpt = await page
      .locator('[data-results] li')
      .filter({ has: page.locator('a[href="/notes/alpha-note/"]') })
      .locator('.excerpt')
      .textContent();
    // Pagefind's own: "text with a footnote. 1. A subsection. More text, … Second section. Try it. …"
    expect(excerpt).toMatch(/^Body text with a footnote\./);
    expect(excerpt).not.toMatch(/A subsection|Second section|First section/);
    await page.context().close();
  });
});

describe('filters and the address', () => {
  it('narrows results by theme, and shows the theme in the address', async () => {
    const page = await openPage('/search/?q=Schwerpunkt');
    await settled(page, '2 results for “Schwerpunkt”.');
    await page.getByLabel('Theme').selectOption('sears-to-amazon');
    await settled(page, '1 result for “Schwerpunkt” in From Sears to Amazon.');
    expect(query(page)).toBe('?q=Schwerpunkt&theme=sears-to-amazon');
    expect(await resultLinks(page)).toEqual(['/notes/epsilon-note/']);
    await page.context().close();
  });

  it('narrows results by type and theme together; the back button steps back through them', async () => {
    const page = await openPage('/search/?q=fixture');
    await settled(page, /^\d+ results for “fixture”\.$/);
    const all = await status(page).textContent();
    await page.getByLabel('Type').selectOption('glossary');
    await settled(page, '1 result for “fixture” in Glossary terms.');
    expect(query(page)).toBe('?q=fixture&type=glossary');
    expect(await resultLinks(page)).toEqual(['/glossary/#fixture-term']);

    await page.getByLabel('Type').selectOption('notes');
    await page.getByLabel('Theme').selectOption('cheng-chi');
    await settled(page, '2 results for “fixture” in Notes, Cheng and chi.');
    expect(query(page)).toBe('?q=fixture&type=notes&theme=cheng-chi');
    expect((await resultLinks(page)).sort()).toEqual(['/notes/beta-note/', '/notes/delta-note/']);

    await page.goBack();
    await settled(page, /^\d+ results for “fixture” in Notes\.$/);
    expect(await page.getByLabel('Theme').inputValue()).toBe('');
    expect(await page.getByLabel('Type').inputValue()).toBe('notes');
    await page.goBack();
    await settled(page, '1 result for “fixture” in Glossary terms.');
    expect(await page.getByLabel('Type').inputValue()).toBe('glossary');
    await page.goBack();
    await settled(page, all ?? '');
    expect(query(page)).toBe('?q=fixture');
    await page.context().close();
  });

  it('restores the query, filters and results when the address is opened or reloaded', async () => {
    const page = await openPage('/search/?q=Schwerpunkt&type=notes&theme=cheng-chi');
    await settled(page, '1 result for “Schwerpunkt” in Notes, Cheng and chi.');
    expect(await page.getByLabel('Search for').inputValue()).toBe('Schwerpunkt');
    expect(await page.getByLabel('Type').inputValue()).toBe('notes');
    expect(await page.getByLabel('Theme').inputValue()).toBe('cheng-chi');
    await page.reload();
    await settled(page, '1 result for “Schwerpunkt” in Notes, Cheng and chi.');
    expect(await resultLinks(page)).toEqual(['/notes/delta-note/']);
    await page.context().close();
  });

  it('says when nothing matches and points to the glossary and the notes index', async () => {
    const page = await openPage('/search/?q=zebraquux');
    await settled(page, 'No results for “zebraquux”.');
    const help = page.locator('[data-none]');
    expect(await help.isVisible()).toBe(true);
    expect(await help.getByRole('link', { name: 'the glossary' }).getAttribute('href')).toBe('/glossary/');
    expect(await help.getByRole('link', { name: 'the notes index' }).getAttribute('href')).toBe('/notes/');
    expect(await help.locator('[data-clear]').isVisible()).toBe(false);
    expect(await page.locator('[data-results] li').count()).toBe(0);
    await page.context().close();
  });

  it('offers to drop the filters when they leave nothing', async () => {
    const page = await openPage('/search/?q=Schwerpunkt&type=timeline');
    await settled(page, 'No results for “Schwerpunkt” in Timeline events.');
    await page.locator('[data-clear]').click();
    await settled(page, '2 results for “Schwerpunkt”.');
    expect(query(page)).toBe('?q=Schwerpunkt');
    await page.context().close();
  });

  it('shows the filters and suggestions before a query', async () => {
    const page = await openPage('/search/');
    expect(await page.getByLabel('Type').isVisible()).toBe(true);
    expect(await page.getByLabel('Theme').isVisible()).toBe(true);
    const suggestions = page.locator('[data-empty]');
    expect(await suggestions.isVisible()).toBe(true);
    expect(await suggestions.getByRole('link', { name: 'Fixture term' }).getAttribute('href')).toBe('/search/?q=Fixture%20term');
    expect(await status(page).textContent()).toBe('');
    await suggestions.getByRole('link', { name: 'Fixture term' }).click();
    await settled(page, /results? for “Fixture term”\./);
    expect(await suggestions.isVisible()).toBe(false);
    await page.context().close();
  });
});

describe('keyboard and screen readers', () => {
  it('announces the count in a live region, and the results are links reached with Tab', async () => {
    const page = await openPage('/search/?q=Schwerpunkt');
    await settled(page, '2 results for “Schwerpunkt”.');
    expect(await status(page).getAttribute('role')).toBe('status');
    await page.getByLabel('Search for').focus();
    const stops: string[] = [];
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Tab');
      stops.push(
        await page.evaluate(
          () => (document.activeElement as HTMLElement | null)?.getAttribute('href') ?? document.activeElement?.tagName ?? '',
        ),
      );
    }
    expect(stops).toEqual(['BUTTON', 'SELECT', 'SELECT', ...(await resultLinks(page))]);
    await page.context().close();
  });

  it('shows ten results at first; "Show more" adds the rest and moves focus to the first new one', async () => {
    const page = await openPage('/search/?q=fixture');
    await settled(page, /^\d+ results for “fixture”\.$/);
    const total = Number((await status(page).textContent())?.split(' ')[0]);
    expect(total).toBeGreaterThan(10);
    expect(await page.locator('[data-results] li').count()).toBe(10);
    await page.getByRole('button', { name: 'Show more results' }).click();
    await expect.poll(() => page.locator('[data-results] li').count()).toBe(total);
    expect(await page.evaluate(() => document.activeElement === document.querySelectorAll('[data-results] li h2 a')[10])).toBe(true);
    expect(await page.getByRole('button', { name: 'Show more results' }).isVisible()).toBe(false);
    await page.context().close();
  });

  it.each(['light', 'dark'] as const)('has no axe violations with results (%s)', async (colorScheme) => {
    const page = await openPage('/search/?q=Schwerpunkt', { colorScheme });
    await settled(page, '2 results for “Schwerpunkt”.');
    expect(await axeViolations(page, ['best-practice'])).toEqual([]);
    await page.context().close();
  });
});

describe('budgets', () => {
  it('loads at most 30 kB gzip of JavaScript and CSS before the first query, and no search code until then', async () => {
    const page = await openPage('/search/');
    await page.waitForLoadState('networkidle');
    const loaded = await page.evaluate(() => ({
      files: performance
        .getEntriesByType('resource')
        .map((entry) => entry.name)
        .filter((name) => /\.(m?js|css)(\?|$)/.test(name)),
      inline: [...document.querySelectorAll('style, script:not([src])')].map((node) => node.textContent ?? ''),
    }));
    expect(loaded.files.some((name) => name.includes('/pagefind/'))).toBe(false);
    expect(await page.evaluate(() => performance.getEntriesByType('resource').some((entry) => entry.name.includes('/pagefind/')))).toBe(
      false,
    );
    const bytes =
      loaded.files.reduce((sum, url) => sum + gzipSync(fs.readFileSync(builtFile(url))).length, 0) +
      loaded.inline.reduce((sum, text) => sum + gzipSync(text).length, 0);
    expect(bytes).toBeGreaterThan(1024);
    expect(bytes).toBeLessThanOrEqual(30 * 1024);

    await page.getByLabel('Search for').fill('railway');
    await settled(page, '1 result for “railway”.');
    expect(
      await page.evaluate(() => performance.getEntriesByType('resource').some((entry) => entry.name.endsWith('/pagefind/pagefind.js'))),
    ).toBe(true);
    await page.context().close();
  });

  // The form appears when the island runs and results when Pagefind answers; neither
  // may push what is already in view (Lighthouse's Cumulative Layout Shift, issue 8).
  it.each([
    ['a phone', { viewport: { width: 412, height: 823 }, isMobile: true }],
    ['a desktop', { viewport: { width: 1350, height: 940 } }],
  ])('moves nothing in view on %s as the form and the results appear', async (_, options) => {
    const page = await openPage('/search/?q=customers', options);
    await settled(page, /^\d+ results? for “customers”\.$/);
    const shift = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let total = 0;
          // Buffered: the shifts already recorded since navigation are delivered too.
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) total += (entry as PerformanceEntry & { value: number }).value;
          }).observe({ type: 'layout-shift', buffered: true });
          setTimeout(() => resolve(total), 250);
        }),
    );
    expect(shift).toBeLessThan(0.01);
    await page.context().close();
  });

  it('fetches at most 100 kB of index (word chunks and fragments) for a one-word query', async () => {
    const page = await openPage('/search/');
    const index: string[] = [];
    // Pagefind fetches from a worker; Playwright reports a dedicated worker's requests on its page.
    page.on('request', (request) => {
      if (/\.pf_(index|fragment)$/.test(new URL(request.url()).pathname)) index.push(request.url());
    });
    await page.getByLabel('Search for').fill('customers');
    await settled(page, /^\d+ results? for “customers”\.$/);
    expect(index.some((url) => url.endsWith('.pf_index'))).toBe(true);
    const bytes = index.reduce((sum, url) => sum + fs.statSync(builtFile(url)).size, 0);
    expect(bytes).toBeLessThanOrEqual(100 * 1024);
    await page.context().close();
  });
});
