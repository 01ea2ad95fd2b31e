/**
 * Site settings read from the environment, in one place.
 *
 * - `SITE_URL`: the public origin, for canonical URLs, the sitemap, RSS and QR codes.
 * - `BASE_PATH`: a sub-path to host under, e.g. `/playbook`.
 * - `CONTENT_DIR`: the content folder to build (tests and benchmarks point it elsewhere).
 * - `REPO_URL`: the repository's web address; enables "Edit this page" links.
 */
import path from 'node:path';

export interface SiteConfig {
  siteUrl: string;
  basePath: string;
  contentDir: string;
  repoUrl: string | null;
}

export function readSiteConfig(env: Record<string, string | undefined> = process.env): SiteConfig {
  const siteUrl = (env.SITE_URL ?? 'http://localhost:4321').replace(/\/+$/, '');
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
  };
}
