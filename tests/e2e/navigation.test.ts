import { describe, expect, it } from 'vitest';
import { openPage, useBrowser } from './browser.ts';

useBrowser();

describe('reading the site', () => {
  it('goes home → note → backlink → back', async () => {
    const page = await openPage('/');
    await page.getByRole('link', { name: 'Alpha note' }).first().click();
    await page.waitForURL(/\/notes\/alpha-note\/$/, { waitUntil: 'load' });
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Alpha note');
    await page.locator('section[aria-labelledby="note-connections"]').getByRole('link', { name: 'Gamma note' }).click();
    // Wait for the new page to load, not only for its URL: going back while a document is still committing fails in Chromium.
    await page.waitForURL(/\/notes\/gamma-note\/$/, { waitUntil: 'load' });
    await page.goBack({ waitUntil: 'load' });
    await expect.poll(() => page.url()).toMatch(/\/notes\/alpha-note\/$/);
    await page.context().close();
  });

  it('offers a skip link as the first Tab stop, which moves focus to the main content', async () => {
    const page = await openPage('/notes/alpha-note/');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({
      text: document.activeElement?.textContent,
      visible: document.activeElement?.getBoundingClientRect().top ?? -1,
    }));
    expect(focused.text).toBe('Skip to content');
    expect(focused.visible).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.context().close();
  });

  it('follows the system dark scheme', async () => {
    const light = await openPage('/notes/alpha-note/', { colorScheme: 'light' });
    const dark = await openPage('/notes/alpha-note/', { colorScheme: 'dark' });
    const background = (page: typeof light) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await background(light)).toBe('rgb(253, 252, 250)');
    expect(await background(dark)).toBe('rgb(21, 23, 27)');
    await light.context().close();
    await dark.context().close();
  });

  it('prints without navigation, with the address of external links only', async () => {
    const page = await openPage('/notes/alpha-note/');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('.site-footer').isVisible()).toBe(false);
    const printed = (selector: string) =>
      page.evaluate((s) => getComputedStyle(document.querySelector(s) as Element, '::after').content, selector);
    // A link within the site prints no address: on paper it leads nowhere (issue 15).
    expect(await printed('.prose a[href^="/notes/beta-note/"]')).not.toContain('/notes/beta-note/');
    // An external link does.
    expect(await printed('.prose a[href="https://example.org/"]')).toContain('https://example.org/');
    await page.context().close();
  });
});
