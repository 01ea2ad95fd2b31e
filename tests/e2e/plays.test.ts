import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseUrl, openPage, useBrowser } from './browser.ts';

useBrowser();

const agendaRows = (page: Awaited<ReturnType<typeof openPage>>) =>
  page
    .locator('[data-agenda] tbody tr')
    .evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent).join(' | ')));

describe('session composer', () => {
  it('restores the session from the address and shows the agenda with clock times', async () => {
    const page = await openPage('/plays/compose/?plays=second-fixture-play,fixture-play&start=09:30&break=10');
    expect(await agendaRows(page)).toEqual([
      'Second fixture play',
      '09:30–10:15 | Gather ideas | 45',
      '10:15–10:45 | Rank them | 30',
      '10:45–10:55 | Break | 10',
      'Fixture play',
      '10:55–11:05 | Warm up | 10',
      '11:05–11:25 | Discuss | 20',
    ]);
    expect(await page.locator('[data-summary]').textContent()).toBe('2 plays, 1 h 55 min: 09:30 to 11:25.');
    expect(await page.getByLabel('Fixture play (30 min)').isChecked()).toBe(true);
    expect(await page.getByLabel('Break between plays (minutes)').inputValue()).toBe('10');
    expect(await page.locator('[data-cli]').textContent()).toBe(
      'npm run worksheets -- --pack plays=second-fixture-play,fixture-play --start 09:30 --break 10',
    );
    await page.context().close();
  });

  it('keeps every change in the address, and a reload restores it', async () => {
    const page = await openPage('/plays/compose/');
    expect(await page.locator('[data-summary]').textContent()).toBe('Pick at least one play to see the agenda.');
    await page.getByLabel('Fixture play (30 min)').check();
    await expect.poll(() => new URL(page.url()).search).toBe('?plays=fixture-play&start=09:30');
    await page.getByLabel('Second fixture play (75 min)').check();
    await page.getByLabel('Start time').fill('14:00');
    await page.getByLabel('Break between plays (minutes)').fill('15');
    await expect.poll(() => new URL(page.url()).search).toBe('?plays=fixture-play,second-fixture-play&start=14:00&break=15');
    await page.getByLabel('Fixture play (30 min)').uncheck();
    await expect.poll(() => new URL(page.url()).search).toBe('?plays=second-fixture-play&start=14:00&break=15');
    await page.reload();
    expect(await page.getByLabel('Fixture play (30 min)').isChecked()).toBe(false);
    expect(await page.getByLabel('Second fixture play (75 min)').isChecked()).toBe(true);
    expect(await page.getByLabel('Start time').inputValue()).toBe('14:00');
    expect(await page.locator('[data-summary]').textContent()).toBe('1 play, 1 h 15 min: 14:00 to 15:15.');
    await page.context().close();
  });

  it('leaves out unknown plays and bad values, and says which plays it left out', async () => {
    const page = await openPage('/plays/compose/?plays=nope,fixture-play&start=25:00&break=lots');
    expect(await page.locator('[data-notice]').textContent()).toBe(
      'Not found and left out: nope. Not used from the address (check the value): start, break.',
    );
    expect(await agendaRows(page)).toEqual(['Fixture play', '09:30–09:40 | Warm up | 10', '09:40–10:00 | Discuss | 20']);
    await page.context().close();
  });

  it('explains a session that would run past midnight', async () => {
    const page = await openPage('/plays/compose/?plays=second-fixture-play&start=23:00');
    expect(await page.locator('[data-summary]').textContent()).toMatch(/past midnight/);
    expect(await page.locator('[data-agenda] table').isVisible()).toBe(false);
    await page.context().close();
  });

  it('prints the agenda without the controls', async () => {
    const page = await openPage('/plays/compose/?plays=fixture-play&start=09:30');
    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['.site-header', '.site-footer', '[data-controls]', '[data-print]', '#compose-cli', 'h1']) {
      expect(await page.locator(hidden).first().isVisible(), hidden).toBe(false);
    }
    expect(await page.getByRole('heading', { name: 'Session agenda' }).isVisible()).toBe(true);
    expect(await page.locator('[data-agenda] table').isVisible()).toBe(true);
    await page.context().close();
  });

  it('without JavaScript, shows how to build the pack with the CLI', async () => {
    const page = await openPage('/plays/compose/?plays=fixture-play', { javaScriptEnabled: false });
    expect(await page.locator('[data-controls]').isVisible()).toBe(false);
    expect(await page.locator('[data-agenda]').isVisible()).toBe(false);
    expect(await page.locator('[data-cli]').textContent()).toBe(
      'npm run worksheets -- --pack plays=fixture-play,second-fixture-play --start 09:30',
    );
    expect(await page.getByRole('row', { name: /Second fixture play/ }).textContent()).toContain('75 min');
    await page.context().close();
  });
});

describe('worksheet print page', () => {
  it('prints without site navigation and with every answer area', async () => {
    // About A4 at 96 dpi, the size a print preview lays the page out at.
    const page = await openPage('/plays/fixture-play/worksheet/', { viewport: { width: 794, height: 1123 } });
    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['.site-header', '.site-footer', 'nav', '.intro'])
      expect(await page.locator(hidden).first().isVisible(), hidden).toBe(false);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Fixture play');
    expect(await page.locator('.answer').count()).toBe(6);
    for (const answer of await page.locator('.answer').all()) expect(await answer.isVisible()).toBe(true);
    expect(await page.locator('.line').count()).toBe(3);
    expect(await page.locator('.print-only').isVisible()).toBe(true);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(os.tmpdir(), 'playbook-worksheet-print.png'), fullPage: true });
    await page.context().close();
  });

  it('shows the print hint on screen', async () => {
    const page = await openPage('/plays/fixture-play/worksheet/');
    expect(await page.locator('.intro').textContent()).toMatch(/Print command/);
    expect(await page.locator('.print-only').isVisible()).toBe(false);
    await page.context().close();
  });
});

describe('plays index', () => {
  it('filters without JavaScript, by keyboard', async () => {
    const page = await openPage('/plays/', { javaScriptEnabled: false });
    const focusedText = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    for (let i = 0; i < 40 && !(await focusedText()).startsWith('Cheng and chi'); i++) await page.keyboard.press('Tab');
    expect(await focusedText()).toBe('Cheng and chi (1)');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toBe(`${baseUrl()}/plays/filter/cheng-chi/any-length/any-size/#filter-theme`);
    expect(await page.locator('.card h3').allTextContents()).toEqual(['Second fixture play']);
    expect(await page.locator('#filter-theme [aria-current="page"]').textContent()).toBe('Cheng and chi (1)');
    // The page opens at the filter just used, so the next Tab stays among the filters.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('.play-filters') !== null)).toBe(true);
    await page.context().close();
  });
});
