/**
 * Cache keys for Astro's incremental builds (`experimental.incrementalBuild`):
 * a pre-rendered page is kept from the last build when its key and its code
 * are unchanged. A page's key is the site settings, the catalogue digest (every entry's data and
 * links: src/graph/catalogue.ts) plus the store digest of each entry whose
 * rendered body it shows, which covers the body's bytes, what its HTML reads of
 * other entries and the renderer's code (src/astro/loader.ts).
 */
import { createHash } from 'node:crypto';
import { catalogueDigest } from '../graph/catalogue.ts';
import { config, graph } from './site.ts';

export function pageKey(...bodies: readonly { digest?: string | number | undefined }[]): string {
  // The site settings that pages read from the environment (REPO_URL, SITE_URL's public origin) are not in Astro's own config hash.
  const hash = createHash('sha256').update(JSON.stringify(config)).update('\0').update(catalogueDigest(graph()));
  for (const body of bodies) hash.update('\0').update(String(body.digest ?? ''));
  return hash.digest('hex').slice(0, 32);
}
