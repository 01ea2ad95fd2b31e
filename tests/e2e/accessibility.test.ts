import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe.ts';
import { openPage, useBrowser } from './browser.ts';
import { PAGE_TYPES, RESPONSIVE_PAGES } from './page-types.ts';

useBrowser();

/**
 * The page types the responsive test (responsive.test.ts) does not open: it runs axe on the others at
 * 320, 768 and 1280 px in both schemes already, so they are not checked twice.
 */
const OTHER_PAGE_TYPES = Object.entries(PAGE_TYPES).filter(([, route]) => !Object.values(RESPONSIVE_PAGES).includes(route));

const VIEWS = [
  { name: 'light', colorScheme: 'light' as const, viewport: { width: 1280, height: 900 } },
  { name: 'dark', colorScheme: 'dark' as const, viewport: { width: 1280, height: 900 } },
  { name: '320 px', colorScheme: 'light' as const, viewport: { width: 320, height: 640 } },
];

describe('the axe check itself', () => {
  it('reports a violation, naming the rule and the element', async () => {
    const page = await openPage('/404.html');
    await page.setContent('<!doctype html><html lang="en"><title>t</title><main><img src="data:," id="bare"></main></html>');
    expect(await axeViolations(page)).toContainEqual(expect.stringMatching(/^image-alt: .*\(#bare\)$/));
    await page.context().close();
  });
});

describe.each(VIEWS)('axe (WCAG 2.2 A and AA), $name', (view) => {
  it.each(OTHER_PAGE_TYPES)('%s has no violations', async (_type, route) => {
    const page = await openPage(route, { colorScheme: view.colorScheme, viewport: view.viewport });
    // Pages with an island or search results settle first.
    await page.waitForLoadState('networkidle');
    expect(await axeViolations(page)).toEqual([]);
    if (view.name === '320 px') {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, 'no horizontal scrolling at 320 px').toBeLessThanOrEqual(0);
    }
    await page.context().close();
  });
});

describe('keyboard', () => {
  it.each([
    ['home', '/'],
    ['note', '/notes/alpha-note/'],
    ['play', '/plays/fixture-play/'],
  ])('every Tab stop on the %s page is visibly focused', async (_name, route) => {
    const page = await openPage(route);
    const count = await page.evaluate(
      () => document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])').length,
    );
    const unfocused: string[] = [];
    for (let i = 0; i < count; i++) {
      await page.keyboard.press('Tab');
      const state = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        // A card's link draws its ring with ::after, around the whole card.
        const drawn = (style: CSSStyleDeclaration) => style.outlineStyle !== 'none' && style.outlineWidth !== '0px';
        return {
          label: `${el.tagName} ${el.textContent?.trim().slice(0, 30) ?? ''}`,
          outline: drawn(getComputedStyle(el)) || drawn(getComputedStyle(el, '::after')),
        };
      });
      if (state && !state.outline) unfocused.push(state.label);
    }
    expect(unfocused).toEqual([]);
    await page.context().close();
  });
});
