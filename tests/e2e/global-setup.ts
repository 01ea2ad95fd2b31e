/**
 * Builds the fixture site once, serves it, and launches one Chromium that every
 * browser test connects to. Debian's Chromium (`apt-get install chromium`);
 * CHROMIUM_PATH overrides the location.
 */
import fs from 'node:fs';
import { chromium, type BrowserServer } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { buildSite } from '../helpers/build.ts';
import { SITE_FIXTURE } from '../helpers/fixtures.ts';
import { serveStatic } from '../helpers/static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    wsEndpoint: string;
    outDir: string;
  }
}

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default async function setup(project: TestProject) {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}: run \`apt-get install -y chromium\` or set CHROMIUM_PATH.`);
  const site = buildSite(SITE_FIXTURE);
  if (site.status !== 0) throw new Error(`fixture build failed:\n${site.output}`);
  const server = await serveStatic(site.outDir);
  const browser: BrowserServer = await chromium.launchServer({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  project.provide('baseUrl', server.url);
  project.provide('wsEndpoint', browser.wsEndpoint());
  project.provide('outDir', site.outDir);
  return async () => {
    await browser.close();
    await server.close();
    fs.rmSync(site.outDir, { recursive: true, force: true });
  };
}
