/**
 * Run mode (/plays/<id>/run/ and /plays/compose/run/) with a controlled clock:
 * playwright's page.clock replaces Date and the timers, so minutes pass on
 * demand. Times are read in UTC (timezoneId), like the clock we install.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { axeViolations } from './axe.ts';
import { openPage, useBrowser } from './browser.ts';

useBrowser();

const NINE = new Date('2026-12-07T09:00:00Z');

/** Opens a run page with the clock installed and paused at `time` before any script of the page runs. */
async function openRun(route: string, options: BrowserContextOptions = {}, time = NINE): Promise<Page> {
  const page = await openPage('/404.html', { timezoneId: 'UTC', viewport: { width: 1280, height: 900 }, ...options });
  // Installed a little before `time` and paused at it: from then on time moves only when a test
  // moves it, so every countdown below is exact.
  await page.clock.install({ time: new Date(time.getTime() - 5000) });
  await page.clock.pauseAt(time);
  await page.goto(new URL(route, page.url()).href);
  return page;
}

const text = (page: Page, selector: string) => page.locator(selector).textContent();
const agendaRows = (page: Page) =>
  page.locator('[data-agenda] tr').evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent).join(' | ')));

describe('run mode of one play', () => {
  it('counts down, cues at 20% and at the end, re-flows later steps after an overrun, and survives a reload', async () => {
    const page = await openRun('/plays/fixture-play/run/');
    expect(await text(page, '[data-position]')).toBe('Step 1 of 2');
    expect(await text(page, '[data-title]')).toBe('Warm up');
    expect(await text(page, '[data-countdown]')).toBe('10:00');
    expect(await text(page, '[data-instructions]')).toBe('Each person answers the first two prompts alone.');
    expect(await text(page, '[data-facilitator-text]')).toBe('Keep this silent so quieter people get their thoughts down.');
    expect(await page.locator('[data-prompt-list] li').allTextContents()).toEqual([
      'Question 1: Who are our customers, in one sentence?Free text, 3 lines',
      'Question 2: How well do we know what they need?Scale from 1 (Not at all) to 5 (Very well)',
    ]);
    expect(await agendaRows(page)).toEqual(['09:00–09:10 | 09:00–09:10 | Warm up', '09:10–09:30 | 09:10–09:30 | Discuss']);

    await page.keyboard.press('Space');
    expect(await text(page, '[data-status]')).toBe('Running.');
    expect(await text(page, '[data-toggle]')).toBe('Pause');

    // 8 minutes in, 20% of 10 minutes is left: no cue a second before, the cue from then on.
    await page.clock.runFor('07:59');
    expect(await text(page, '[data-countdown]')).toBe('2:01');
    expect(await page.locator('[data-cue-text]').isVisible()).toBe(false);
    expect(await page.locator('[data-stage]').getAttribute('data-cue')).toBe('none');
    await page.clock.runFor(2000);
    expect(await page.locator('[data-cue-text]').isVisible()).toBe(true);
    expect(await text(page, '[data-cue-text]')).toBe('Nearly time: 1:59 left');
    expect(await page.locator('[data-stage]').getAttribute('data-cue')).toBe('warning');
    expect(await text(page, '[data-live]')).toBe('Warm up: nearly time, 20% left.');

    // Overrun by three minutes: the countdown counts up, the later step moves.
    await page.clock.runFor('05:00');
    expect(await text(page, '[data-countdown]')).toBe('+3:01');
    expect(await text(page, '[data-countdown-label]')).toBe('Over time');
    expect(await text(page, '[data-cue-text]')).toBe('Time is up');
    expect(await page.locator('[data-stage]').getAttribute('data-cue')).toBe('over');
    expect(await text(page, '[data-live]')).toBe('Warm up: time is up.');
    expect(await agendaRows(page)).toEqual(['09:00–09:10 | 09:00–09:13 | Warm up', '09:10–09:30 | 09:13–09:33 | Discuss']);
    expect(await text(page, '[data-delta]')).toBe('3 min behind');
    expect(await text(page, '[data-now]')).toBe('09:13');

    // Arrow right: the next step, announced once.
    await page.keyboard.press('ArrowRight');
    expect(await text(page, '[data-title]')).toBe('Discuss');
    expect(await text(page, '[data-position]')).toBe('Step 2 of 2');
    expect(await text(page, '[data-live]')).toBe('Step 2 of 2: Discuss, 20 min.');
    expect(await text(page, '[data-countdown]')).toBe('20:00');
    expect(await page.locator('[data-facilitator]').isVisible()).toBe(false);
    await page.clock.runFor('01:00');
    expect(await text(page, '[data-countdown]')).toBe('19:00');
    expect(await text(page, '[data-live]')).toBe('Step 2 of 2: Discuss, 20 min.');

    // A reload keeps the step and the running countdown; time went on meanwhile.
    await page.reload();
    expect(await text(page, '[data-title]')).toBe('Discuss');
    expect(await text(page, '[data-status]')).toBe('Running.');
    await page.clock.runFor('01:00');
    expect(await text(page, '[data-countdown]')).toBe('18:00');
    expect((await agendaRows(page))[0]).toBe('09:00–09:10 | 09:00–09:13 | Warm up');

    // Space pauses: the countdown stops while the clock goes on, so the session falls behind.
    await page.locator('body').press('Space');
    expect(await text(page, '[data-status]')).toBe('Paused.');
    expect(await text(page, '[data-toggle]')).toBe('Resume');
    const frozen = await text(page, '[data-countdown]');
    await page.clock.runFor('04:00');
    expect(await text(page, '[data-countdown]')).toBe(frozen);
    expect(await text(page, '[data-delta]')).toBe('7 min behind');

    // Arrow left goes back to the first step, which is over time.
    await page.keyboard.press('ArrowLeft');
    expect(await text(page, '[data-title]')).toBe('Warm up');
    expect(await text(page, '[data-countdown]')).toBe('+3:01');
    await page.context().close();
  });

  it('does not resume a run started more than 12 hours ago', async () => {
    const page = await openRun('/plays/fixture-play/run/');
    await page.keyboard.press('Space');
    await page.clock.fastForward('11:00:00');
    await page.reload();
    expect(await text(page, '[data-status]')).toBe('Running.');
    await page.clock.fastForward('02:00:00');
    await page.reload();
    expect(await text(page, '[data-status]')).toBe('Ready: press Space or Start.');
    expect(await text(page, '[data-countdown]')).toBe('10:00');
    await page.context().close();
  });

  it('works by buttons and finishes the session', async () => {
    const page = await openRun('/plays/second-fixture-play/run/');
    expect(await page.getByRole('button', { name: 'Previous', exact: true }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.clock.runFor('40:00');
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    // Five minutes early: the session is ahead and the last step's times moved earlier.
    expect(await text(page, '[data-delta]')).toBe('5 min ahead');
    expect((await agendaRows(page))[1]).toBe('09:45–10:15 | 09:40–10:10 | Rank them');
    // After a click, Space is the page's again: it pauses and resumes rather than pressing Next.
    await page.keyboard.press('Space');
    expect(await text(page, '[data-status]')).toBe('Paused.');
    expect(await text(page, '[data-title]')).toBe('Rank them');
    await page.keyboard.press('Space');
    expect(await text(page, '[data-status]')).toBe('Running.');
    // A focused button takes Space itself: one press, one action.
    await page.getByRole('button', { name: 'Pause', exact: true }).focus();
    await page.keyboard.press('Space');
    expect(await text(page, '[data-status]')).toBe('Paused.');
    await page.getByRole('button', { name: 'Resume', exact: true }).click();
    await page.getByRole('button', { name: 'Finish', exact: true }).click();
    expect(await text(page, '[data-status]')).toBe('Session complete.');
    expect(await text(page, '[data-live]')).toBe('Session complete.');
    expect(await page.getByRole('button', { name: 'Finish', exact: true }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Start', exact: true }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Start over' }).click();
    expect(await text(page, '[data-status]')).toBe('Ready: press Space or Start.');
    expect(await text(page, '[data-title]')).toBe('Gather ideas');
    await page.context().close();
  });

  it('goes full screen and back', async () => {
    const page = await openRun('/plays/fixture-play/run/');
    await page.getByRole('button', { name: 'Full screen' }).click();
    await expect.poll(() => page.evaluate(() => document.fullscreenElement?.hasAttribute('data-run') ?? false)).toBe(true);
    await page.getByRole('button', { name: 'Leave full screen' }).click();
    await expect.poll(() => page.evaluate(() => document.fullscreenElement)).toBeNull();
    expect(await page.getByRole('button', { name: 'Full screen' }).isVisible()).toBe(true);
    await page.context().close();
  });

  it('holds a screen wake lock while running and releases it on pause', async () => {
    const page = await openPage('/404.html', { timezoneId: 'UTC' });
    await page.context().addInitScript(() => {
      const log: string[] = [];
      (window as unknown as { wakeLog: string[] }).wakeLog = log;
      Object.defineProperty(navigator, 'wakeLock', {
        value: {
          request: () => {
            log.push('request');
            const sentinel = Object.assign(new EventTarget(), {
              release: () => {
                log.push('release');
                sentinel.dispatchEvent(new Event('release'));
                return Promise.resolve();
              },
            });
            return Promise.resolve(sentinel);
          },
        },
      });
    });
    await page.goto(new URL('/plays/fixture-play/run/', page.url()).href);
    const log = () => page.evaluate(() => (window as unknown as { wakeLog: string[] }).wakeLog);
    expect(await log()).toEqual([]);
    await page.keyboard.press('Space');
    await expect.poll(log).toEqual(['request']);
    expect(await page.locator('[data-wake]').isVisible()).toBe(true);
    await page.keyboard.press('Space');
    await expect.poll(log).toEqual(['request', 'release']);
    expect(await page.locator('[data-wake]').isVisible()).toBe(false);
    await page.context().close();
  });

  it('makes no request once open, even offline', async () => {
    const page = await openRun('/plays/fixture-play/run/');
    await page.waitForLoadState('networkidle');
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.context().setOffline(true);
    await page.keyboard.press('Space');
    await page.clock.runFor('12:00');
    await page.keyboard.press('ArrowRight');
    expect(await text(page, '[data-title]')).toBe('Discuss');
    expect(requests).toEqual([]);
    await page.context().close();
  });
});

describe('run mode of a session', () => {
  it('runs the plays picked in the composer, with its clock times and breaks', async () => {
    const page = await openRun('/plays/compose/', {}, new Date('2026-12-07T09:25:00Z'));
    await page.getByLabel('Second fixture play (75 min)').check();
    await page.getByLabel('Fixture play (30 min)').check();
    await page.getByLabel('Break between plays (minutes)').fill('10');
    const composed = await page
      .locator('[data-agenda] tbody tr')
      .evaluateAll((rows) => rows.map((row) => row.children[0]?.textContent ?? ''));
    await page.getByRole('link', { name: 'Run this session' }).click();
    await page.waitForURL('**/plays/compose/run/**');
    expect(new URL(page.url()).search).toBe('?plays=second-fixture-play,fixture-play&start=09:30&break=10');
    expect(await agendaRows(page)).toEqual([
      'Second fixture play',
      '09:30–10:15 | 09:30–10:15 | Gather ideas',
      '10:15–10:45 | 10:15–10:45 | Rank them',
      '10:45–10:55 | 10:45–10:55 | Break',
      'Fixture play',
      '10:55–11:05 | 10:55–11:05 | Warm up',
      '11:05–11:25 | 11:05–11:25 | Discuss',
    ]);
    // The planned times are the composer's, row for row.
    expect((await agendaRows(page)).map((row) => row.split(' | ')[0])).toEqual(composed);
    expect(await text(page, '[data-position]')).toBe('Step 1 of 2 · Second fixture play');
    // Starting at 09:40, ten minutes after the planned start: behind from the first minute.
    await page.clock.runFor('15:00');
    await page.keyboard.press('Space');
    expect(await text(page, '[data-delta]')).toBe('10 min behind');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await text(page, '[data-position]')).toBe('Break');
    expect(await text(page, '[data-instructions]')).toBe('Time for a break. The next step is “Warm up”.');
    expect(await page.getByRole('link', { name: 'Change the session' }).getAttribute('href')).toBe(
      '/plays/compose/?plays=second-fixture-play,fixture-play&start=09:30&break=10',
    );
    await page.context().close();
  });

  it('explains an empty, unknown or impossible session', async () => {
    const page = await openRun('/plays/compose/run/');
    expect(await text(page, '[data-notice]')).toMatch(/No plays chosen/);
    expect(await page.locator('[data-body]').isVisible()).toBe(false);
    await page.goto(new URL('/plays/compose/run/?plays=nope,fixture-play', page.url()).href);
    expect(await text(page, '[data-notice]')).toBe('Not found and left out: nope.');
    expect(await text(page, '[data-title]')).toBe('Warm up');
    await page.goto(new URL('/plays/compose/run/?plays=second-fixture-play&start=23:00', page.url()).href);
    expect(await text(page, '[data-notice]')).toMatch(/past midnight/);
    await page.context().close();
  });
});

describe('run mode pages', () => {
  const VIEWS = [
    { name: 'light', colorScheme: 'light' as const, viewport: { width: 1280, height: 900 } },
    { name: 'dark', colorScheme: 'dark' as const, viewport: { width: 1280, height: 900 } },
    { name: '320 px', colorScheme: 'light' as const, viewport: { width: 320, height: 640 } },
  ];
  const ROUTES = ['/plays/fixture-play/run/', '/plays/compose/run/?plays=fixture-play,second-fixture-play&start=09:00&break=5'];

  describe.each(VIEWS)('axe (WCAG 2.2 A and AA), $name', (view) => {
    it.each(ROUTES)('%s has no violations ready, at the 20% cue and over time', async (route) => {
      const page = await openRun(route, { colorScheme: view.colorScheme, viewport: view.viewport });
      // axe waits on timers of its own: let time flow.
      await page.clock.resume();
      const check = async (state: string) => {
        expect((await axeViolations(page)).map((violation) => `${state}: ${violation}`)).toEqual([]);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${state}: no horizontal scrolling`).toBeLessThanOrEqual(0);
      };
      await check('ready');
      await page.keyboard.press('Space');
      await page.clock.fastForward('08:30');
      expect(await page.locator('[data-stage]').getAttribute('data-cue')).toBe('warning');
      await check('warning');
      await page.clock.fastForward('03:00');
      expect(await page.locator('[data-stage]').getAttribute('data-cue')).toBe('over');
      await check('over');
      await page.context().close();
    });
  });

  it('without JavaScript, says so and links to the play with every step', async () => {
    const page = await openPage('/plays/fixture-play/run/', { javaScriptEnabled: false });
    expect(await page.locator('[data-body]').isVisible()).toBe(false);
    expect(await page.locator('main').textContent()).toContain('Run mode needs JavaScript for its timer.');
    expect(await page.getByRole('link', { name: 'Back to the play' }).last().getAttribute('href')).toBe('/plays/fixture-play/');
    await page.context().close();
  });

  it('ships its script on the run pages only', () => {
    const outDir = inject('outDir');
    const pages: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name.endsWith('.html') && /<script[^>]+src="[^"]*RunMode[^"]*"/.test(fs.readFileSync(full, 'utf8')))
          pages.push(path.relative(outDir, full));
      }
    };
    walk(outDir);
    expect(pages.sort()).toEqual([
      'plays/compose/run/index.html',
      'plays/fixture-play/run/index.html',
      'plays/second-fixture-play/run/index.html',
    ]);
  });
});
