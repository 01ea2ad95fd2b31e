/**
 * Per-file access to the shared Chromium. `openPage` fails the test on any
 * console error, page error or Content Security Policy violation.
 */
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';

let browser: Browser;
const problems: string[] = [];

export function useBrowser() {
  beforeAll(async () => {
    browser = await chromium.connect(inject('wsEndpoint'));
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(() => {
    const seen = problems.splice(0);
    expect(seen, 'console errors or CSP violations').toEqual([]);
  });
}

export const baseUrl = (): string => inject('baseUrl');

export async function openPage(route: string, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  // A full address opens another site (a test's own build); a route opens the shared fixture build.
  await page.goto(/^https?:\/\//.test(route) ? route : `${baseUrl()}${route}`);
  return page;
}
