/**
 * The design system's promises (docs/design.md): the header's one row and its menu
 * without JavaScript, whole-card links, heading anchors on hover and focus only, and
 * one button style.
 */
import { describe, expect, it } from 'vitest';
import { openPage, useBrowser } from './browser.ts';

useBrowser();

const box = async (page: Awaited<ReturnType<typeof openPage>>, selector: string) => {
  const found = await page.locator(selector).first().boundingBox();
  if (!found) throw new Error(`${selector} is not shown`);
  return found;
};

describe('the header', () => {
  it.each([1024, 1280])('is one row with the navigation and the search field at %i px', async (width) => {
    const page = await openPage('/notes/alpha-note/', { viewport: { width, height: 800 } });
    const header = await box(page, '.site-header');
    expect(header.height).toBeLessThanOrEqual(64);
    for (const selector of ['.brand', '.nav-list a[href="/map/"]', '#site-search', '.search-form button']) {
      const item = await box(page, selector);
      expect(item.y, selector).toBeGreaterThanOrEqual(header.y);
      expect(item.y + item.height, selector).toBeLessThanOrEqual(header.y + header.height);
    }
    expect(await page.locator('.menu > summary').isVisible()).toBe(false);
    await page.context().close();
  });

  it.each([320, 375])(
    'at %i px is at most 64 px tall, with the navigation in a closed menu that opens from the keyboard',
    async (width) => {
      const page = await openPage('/notes/alpha-note/', { viewport: { width, height: 700 } });
      expect((await box(page, '.site-header')).height).toBeLessThanOrEqual(64);
      expect(await page.locator('details.menu').evaluate((menu) => (menu as HTMLDetailsElement).open)).toBe(false);
      expect(await page.locator('.nav-list a[href="/plays/"]').isVisible()).toBe(false);
      expect(await page.locator('#site-search').isVisible()).toBe(false);
      // Skip link, brand, then the menu button.
      for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY');
      await page.keyboard.press('Enter');
      expect(await page.locator('.nav-list a[href="/plays/"]').isVisible()).toBe(true);
      expect(await page.locator('#site-search').isVisible()).toBe(true);
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('/notes/');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.context().close();
    },
  );

  it('opens its menu without JavaScript', async () => {
    const page = await openPage('/', { viewport: { width: 375, height: 700 }, javaScriptEnabled: false });
    await page.locator('.menu > summary').click();
    await page.locator('.nav-list a[href="/glossary/"]').click();
    await page.waitForURL(/\/glossary\/$/, { waitUntil: 'load' });
    await page.context().close();
  });
});

describe('cards', () => {
  it('are links as a whole: a click near the bottom edge opens the entry', async () => {
    const page = await openPage('/notes/');
    const card = page.locator('.card', { has: page.getByRole('link', { name: 'Beta note' }) });
    const area = await card.boundingBox();
    if (!area) throw new Error('no card');
    await page.mouse.click(area.x + 8, area.y + area.height - 6);
    await page.waitForURL(/\/notes\/beta-note\/$/, { waitUntil: 'load' });
    await page.context().close();
  });

  it('hold one link each, with a title in the text colour and a focus ring around the card', async () => {
    const page = await openPage('/notes/');
    const card = page.locator('.card').first();
    expect(await card.locator('a').count()).toBe(1);
    const colours = await page.evaluate(() => {
      const link = document.querySelector('.card .card-link') as HTMLElement;
      return {
        link: getComputedStyle(link).color,
        body: getComputedStyle(document.body).color,
        underline: getComputedStyle(link).textDecorationLine,
      };
    });
    expect(colours.link).toBe(colours.body);
    expect(colours.underline).toBe('none');
    await card.locator('a').focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const ring = await page.evaluate(() => {
      const link = document.activeElement as HTMLElement;
      const after = getComputedStyle(link, '::after');
      const card = link.closest('.card') as HTMLElement;
      return { style: after.outlineStyle, width: after.width, cardWidth: `${card.getBoundingClientRect().width}px` };
    });
    expect(ring.style).toBe('solid');
    expect(Number.parseFloat(ring.width)).toBeGreaterThanOrEqual(Number.parseFloat(ring.cardWidth) - 1);
    await page.context().close();
  });
});

describe('heading anchors', () => {
  it('show on hover and on keyboard focus only, and keep their label', async () => {
    const page = await openPage('/notes/alpha-note/');
    const anchor = page.locator('h2#first-section .heading-anchor');
    const opacity = () => anchor.evaluate((el) => getComputedStyle(el).opacity);
    expect(await opacity()).toBe('0');
    expect(await anchor.getAttribute('aria-label')).toMatch(/First section/);
    await page.locator('h2#first-section').hover();
    expect(await opacity()).toBe('1');
    await page.mouse.move(0, 0);
    expect(await opacity()).toBe('0');
    // Reach it with the Tab key.
    for (let i = 0; i < 40 && !(await anchor.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('heading-anchor');
    expect(await opacity()).toBe('1');
    await page.context().close();
  });
});

describe('buttons', () => {
  it('share one font and one shape across the site', async () => {
    const styles: { where: string; font: string; radius: string; weight: string }[] = [];
    for (const route of ['/plays/fixture-play/', '/search/', '/plays/fixture-play/run/', '/plays/compose/?plays=fixture-play']) {
      const page = await openPage(route);
      await page.waitForLoadState('networkidle');
      styles.push(
        ...(await page.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>('button, .button')]
            .filter((el) => el.getClientRects().length > 0 && !el.closest('.site-header details:not([open]) > summary'))
            .map((el) => {
              const style = getComputedStyle(el);
              return {
                where: `${location.pathname} ${el.textContent?.trim()}`,
                font: style.fontFamily,
                radius: style.borderTopLeftRadius,
                weight: style.fontWeight,
              };
            }),
        )),
      );
      await page.context().close();
    }
    const labels = styles.map((style) => style.where).join('\n');
    for (const needed of ['Print the worksheet', 'Search', 'Start']) expect(labels).toContain(needed);
    expect(new Set(styles.map((style) => style.font)), labels).toHaveProperty('size', 1);
    expect(new Set(styles.map((style) => style.radius)), labels).toHaveProperty('size', 1);
    expect(new Set(styles.map((style) => style.weight)), labels).toHaveProperty('size', 1);
  });
});

describe('print', () => {
  it('leaves out the header, its menu and every button', async () => {
    const page = await openPage('/');
    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['.site-header', '.menu', '.door .button'])
      expect(await page.locator(hidden).first().isVisible(), hidden).toBe(false);
    expect(await page.locator('.door').first().isVisible()).toBe(true);
    await page.context().close();
  });
});

describe('the home page', () => {
  it('offers the plays as prominently as the notes, side by side above the fold', async () => {
    const page = await openPage('/', { viewport: { width: 1280, height: 800 } });
    const notes = await box(page, '.door:has(#door-notes)');
    const plays = await box(page, '.door:has(#door-plays)');
    expect(Math.abs(notes.y - plays.y)).toBeLessThan(1);
    expect(Math.abs(notes.width - plays.width)).toBeLessThan(1);
    expect(plays.y).toBeLessThan(800);
    expect(await page.locator('.door:has(#door-plays) a[href="/plays/"]').isVisible()).toBe(true);
    await page.context().close();
  });
});
