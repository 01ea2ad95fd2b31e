/**
 * Writes a built site's `_headers` file from the policies its pages carry
 * (./headers.ts), after `astro build`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { walkTree } from '../util/walk-tree.ts';
import { headersFile, mergePolicies, metaPolicy, parsePolicy } from './headers.ts';

/** The file name hosts that read it expect at the site's root. */
export const HEADERS_FILE = '_headers';

export class HeadersError extends Error {
  override name = 'HeadersError';
}

/** The site's HTML files, relative and sorted; `pagefind/`, the search index's folder, holds none. */
const htmlFiles = (site: string): string[] =>
  walkTree(site)
    .filter((entry) => entry.file && entry.absolute.endsWith('.html'))
    .map((entry) => path.relative(site, entry.absolute))
    .filter((file) => !file.startsWith(`pagefind${path.sep}`))
    .sort();

/** Writes `<site>/_headers` from every page's policy; returns how many pages carry one. Throws HeadersError when none does. */
export function writeSiteHeaders(site: string): number {
  const pages = htmlFiles(site);
  const policies = pages.flatMap((file) => {
    const text = metaPolicy(fs.readFileSync(path.join(site, file), 'utf8'));
    return text ? [parsePolicy(text)] : [];
  });
  if (policies.length === 0) throw new HeadersError(`no page in ${site} carries a Content Security Policy; build the site first.`);
  fs.writeFileSync(path.join(site, HEADERS_FILE), headersFile(mergePolicies(policies)));
  return policies.length;
}
