/**
 * Site settings read from the environment, in one place.
 *
 * - `SITE_URL`: the public origin, for canonical URLs, the sitemap, RSS and QR codes.
 * - `BASE_PATH`: a sub-path to host under, e.g. `/playbook`.
 * - `CONTENT_DIR`: the content folder to build (tests and benchmarks point it elsewhere).
 * - `REPO_URL`: the repository's web address; enables "Edit this page" links.
 */
import path from 'node:path';
import { isPublicOrigin } from './lib/origin.ts';

export { isPublicOrigin };

/** The origin a build without `SITE_URL` uses: the local server of `npm start`. */
export const LOCAL_SITE_URL = 'http://localhost:4321';

export interface SiteConfig {
  siteUrl: string;
  basePath: string;
  contentDir: string;
  repoUrl: string | null;
  /**
   * `siteUrl` when others can open it, else null (unset, `localhost`, `127.x`,
   * `.local`…). Printed addresses, QR codes and canonical links use only this.
   */
  publicUrl: string | null;
}

export function readSiteConfig(env: Record<string, string | undefined> = process.env): SiteConfig {
  const siteUrl = (env.SITE_URL || LOCAL_SITE_URL).replace(/\/+$/, '');
  try {
    new URL(siteUrl);
  } catch {
    throw new Error(`SITE_URL must be a full URL such as https://example.org, got "${env.SITE_URL}"`);
  }
  const rawBase = env.BASE_PATH ?? '/';
  const basePath = `/${rawBase.replace(/^\/+|\/+$/g, '')}`.replace(/^\/$/, '/');
  return {
    siteUrl,
    basePath,
    contentDir: path.resolve(env.CONTENT_DIR ?? 'content'),
    repoUrl: env.REPO_URL ? env.REPO_URL.replace(/\/+$/, '') : null,
    publicUrl: isPublicOrigin(siteUrl) ? siteUrl : null,
  };
}

/**
 * What is wrong with `SITE_URL` for a site others will read, or null when it is
 * a public origin. The build prints it as a warning (a local look needs no
 * address); `npm run build -- --public`, which the deploy workflow runs, fails on it.
 */
export function siteUrlProblem(env: Record<string, string | undefined> = process.env): string | null {
  const value = env.SITE_URL?.trim();
  const consequence =
    'PDFs, print pages and theme books carry no QR code or web address, pages carry no canonical link, and the sitemap and RSS point at it';
  if (!value)
    return `SITE_URL is not set, so the site is built for ${LOCAL_SITE_URL}: ${consequence}. Set it to the public origin, e.g. SITE_URL=https://example.org npm run build.`;
  if (!isPublicOrigin(value))
    return `SITE_URL is ${value}, an address only this machine (or no one) can open: ${consequence}. Set it to the public origin, e.g. SITE_URL=https://example.org npm run build.`;
  return null;
}
