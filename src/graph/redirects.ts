/**
 * Redirects from the old addresses of merged or renamed entries
 * (`content/redirects.yaml`, read by the one reader and shaped by
 * src/schema/redirects.ts), checked against the site: the new id names a
 * published entry of the same collection, the old id is no entry and no page
 * of the site, and no redirect leads to another (a chain) or back to itself (a
 * loop). The build and the checker both read the result from the site graph,
 * so they refuse the same file; only valid redirects get a page.
 */
import type { z } from 'astro/zod';
import type { Finding } from '../content/finding.ts';
import { suggestId, type RawDataFile } from '../content/load.ts';
import { COLLECTIONS } from '../schema/index.ts';
import { REDIRECT_COLLECTIONS, REDIRECTS_FILE, redirectsSchema, type RedirectCollection } from '../schema/redirects.ts';
import { didYouMean } from '../util/nearest.ts';
import { withBase } from './routes.ts';
import { describeValue } from './schema-findings.ts';

export interface Redirect {
  collection: RedirectCollection;
  /** The old id, which has no file any more. */
  from: string;
  /** The id of the entry that took its place. */
  to: string;
  /** `notes/old-id`. */
  fromKey: string;
  /** `notes/new-id`. */
  toKey: string;
  /** The old page, without base path: `/notes/old-id/`. */
  fromRoute: string;
  /** The new page, without base path. */
  toRoute: string;
  /** Line of the redirect in the file. */
  line: number;
}

export interface RedirectTable {
  /** The file, relative to the working directory, or null when the content folder has none. */
  file: string | null;
  /** Valid redirects, in the file's order: each gets a page at its old address. */
  redirects: Redirect[];
  /** Old key (`notes/old-id`) → its valid redirect, to tell a link to an old id where it went. */
  byKey: Map<string, Redirect>;
  /** Old route (`/notes/old-id/`) → its valid redirect. */
  byRoute: Map<string, Redirect>;
  /** Problems of the file and of each redirect; rule `redirect` unless the reader refused the file. */
  findings: Finding[];
}

/** What the table needs to know of the site. */
export interface RedirectSite {
  /** Entry key → whether it is a draft. */
  entries: ReadonlyMap<string, { draft: boolean }>;
  /** Every published route of the site (static pages, entries, tag pages). */
  routes: ReadonlyMap<string, unknown>;
  /** Routes under which the site makes pages of its own. */
  reserved: ReadonlySet<string>;
}

export const EMPTY_REDIRECTS: RedirectTable = { file: null, redirects: [], byKey: new Map(), byRoute: new Map(), findings: [] };

const FORMAT = 'write one group per kind of entry (notes, plays, sources, paths), each with one `old-id: new-id` line per redirect';

export function resolveRedirects(raw: RawDataFile | null, site: RedirectSite): RedirectTable {
  if (!raw) return EMPTY_REDIRECTS;
  const table: RedirectTable = { file: raw.file, redirects: [], byKey: new Map(), byRoute: new Map(), findings: [] };
  const report = (line: number, message: string, fix: string, rule = 'redirect') =>
    table.findings.push({ file: raw.file, line, column: 1, rule, severity: 'error', message, fix });
  if (raw.problem) {
    const { rule, message, fix, line } = raw.problem;
    report(line, message, fix, rule);
    return table;
  }
  // The schema is the one definition of the file's shape; a pair it refuses is reported and left out,
  // and the other pairs are still checked, so one typo does not hide every other problem.
  const parsed = redirectsSchema.safeParse(raw.data);
  const refused = new Set<string>();
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) report(raw.lineOf([...issue.path, key]), ...unknownGroup(key));
        continue;
      }
      refused.add(issue.path.slice(0, 2).map(String).join('/'));
      report(raw.lineOf(issue.path), ...schemaMessage(issue, raw.data));
    }
  }
  const data = (raw.data !== null && typeof raw.data === 'object' && !Array.isArray(raw.data) ? raw.data : {}) as Record<string, unknown>;
  const pairs = REDIRECT_COLLECTIONS.flatMap((collection) => {
    const group = data[collection];
    if (refused.has(collection) || group === null || typeof group !== 'object' || Array.isArray(group)) return [];
    return Object.entries(group as Record<string, unknown>)
      .filter((pair): pair is [string, string] => !refused.has(`${collection}/${pair[0]}`) && typeof pair[1] === 'string')
      .map(([from, to]) => ({ collection, from, to, line: raw.lineOf([collection, from]) }));
  });
  const next = new Map(pairs.map((pair) => [`${pair.collection}/${pair.from}`, pair]));
  for (const pair of pairs) {
    const { collection, from, to, line } = pair;
    const kind = collection === 'notes' ? 'note' : collection.replace(/s$/, '');
    const fromKey = `${collection}/${from}`;
    const toKey = `${collection}/${to}`;
    const fromRoute = COLLECTIONS[collection].route(from);
    const toRoute = COLLECTIONS[collection].route(to);
    const folder = `content/${COLLECTIONS[collection].folder}/`;
    if (from === to) {
      report(
        line,
        `the ${kind} "${from}" redirects to itself`,
        `remove the line; a redirect names the old id and the id of the ${kind} that replaced it`,
      );
      continue;
    }
    const live = site.entries.get(fromKey);
    if (live) {
      report(
        line,
        `the old id "${from}" is still ${live.draft ? 'a draft' : 'an entry'} in ${folder}, so its address cannot redirect to "${to}"`,
        `once its text is merged into "${to}", delete ${folder}${from}.* ; or remove this line if the ${kind} stays`,
      );
      continue;
    }
    if (site.routes.has(fromRoute) || [...site.reserved].some((route) => fromRoute.startsWith(route))) {
      report(
        line,
        `the old id "${from}" would put a redirect at ${fromRoute}, which is a page of the site`,
        'remove the line: no entry ever had that address',
      );
      continue;
    }
    const hop = next.get(toKey);
    if (hop) {
      // Follow the chain: a loop comes back to an id already seen; a chain ends where no redirect goes on.
      const seen = [from, to];
      let step: typeof hop | undefined = hop;
      while (step && !seen.includes(step.to)) {
        seen.push(step.to);
        step = next.get(`${collection}/${step.to}`);
      }
      if (step) {
        report(
          line,
          `the redirects of ${collection} go round in a loop: ${[...seen, step.to].join(' → ')}`,
          'point each old id at the live entry that replaced it; an id in a loop has no page to end on',
        );
      } else {
        const end = seen[seen.length - 1] ?? to;
        report(
          line,
          `"${from}" redirects to "${to}", which itself redirects (line ${hop.line}): ${seen.join(' → ')}`,
          `point "${from}" straight at "${end}": one hop, no chain`,
        );
      }
      continue;
    }
    const target = site.entries.get(toKey);
    if (!target || target.draft) {
      const known = [...site.entries]
        .filter(([key, entry]) => key.startsWith(`${collection}/`) && !entry.draft)
        .map(([key]) => key.slice(collection.length + 1));
      report(
        line,
        `"${from}" redirects to ${target ? 'a draft' : 'no'} ${kind} "${to}".${target ? '' : didYouMean(to, known)}`,
        target
          ? `publish "${to}" first, or point "${from}" at a published ${kind}`
          : `use the id (file name) of a published entry in ${folder}`,
      );
      continue;
    }
    const redirect: Redirect = { collection, from, to, fromKey, toKey, fromRoute, toRoute, line };
    table.redirects.push(redirect);
    table.byKey.set(fromKey, redirect);
    table.byRoute.set(fromRoute, redirect);
  }
  return table;
}

/** A top-level key that is not a kind of entry with pages. */
function unknownGroup(key: string): [string, string] {
  const anchored = key === 'glossary' || key === 'timeline';
  return [
    anchored
      ? `${REDIRECTS_FILE} cannot redirect ${key} entries: they are anchors on one shared page, and a static site cannot redirect a #fragment`
      : `${REDIRECTS_FILE} has no group "${key}".${didYouMean(key, [...REDIRECT_COLLECTIONS])}`,
    anchored ? `remove the group and update the links to the old ${key} id` : `use one of: ${REDIRECT_COLLECTIONS.join(', ')}`,
  ];
}

/** A schema issue of the file as a message and a fix. */
function schemaMessage(issue: z.core.$ZodIssue, data: unknown): [string, string] {
  const [group, key] = issue.path.map(String);
  if (issue.code === 'invalid_key') {
    return [
      `the old id "${key ?? ''}" in ${group ?? 'the file'} is not a valid id (lowercase letters and digits in words joined by single hyphens, at most 80 characters)`,
      `write the id the entry's file had, e.g. "${suggestId(key ?? '')}"`,
    ];
  }
  if (issue.code === 'invalid_type') {
    let value: unknown = data;
    for (const part of issue.path)
      value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[part] : undefined;
    const what = group === undefined ? REDIRECTS_FILE : key === undefined ? `the group "${group}"` : `the new id of "${key}" in ${group}`;
    const expected = key === undefined ? 'a group of `old-id: new-id` lines' : 'an id';
    return [`${what} must be ${expected}, but it is ${describeValue(value)}`, FORMAT];
  }
  return [
    `the new id of "${key ?? ''}" in ${group ?? 'the file'} is not a valid id: ${issue.message.replace(/^use an id: /, '')}`,
    'write the id of the entry that replaced the old one, as its file is named',
  ];
}

/**
 * The redirects as a `_redirects` file (Netlify, Cloudflare Pages): `old new 301` per line, with
 * the base path, and a line for the Markdown twin where `twin` gives its route. Empty when there
 * are none, so no file is written.
 */
export function redirectsFile(
  redirects: readonly Redirect[],
  base: string,
  twin?: (collection: RedirectCollection, id: string) => string | null,
): string {
  if (redirects.length === 0) return '';
  const lines = redirects.flatMap((r) => {
    const page = `${withBase(base, r.fromRoute)} ${withBase(base, r.toRoute)} 301`;
    // A page's Markdown twin (/notes/<id>.md, listed in llms.txt) moves with it; a static host can redirect it only here.
    const [from, to] = [twin?.(r.collection, r.from), twin?.(r.collection, r.to)];
    return from && to ? [page, `${withBase(base, from)} ${withBase(base, to)} 301`] : [page];
  });
  return `# Old addresses of merged or renamed entries (content/redirects.yaml).\n${lines.join('\n')}\n`;
}

/** Whether a page URL of the sitemap is the old address of a redirect (those stay out of it). */
export function isRedirectPage(redirects: readonly Redirect[], base: string, page: string): boolean {
  const pathname = new URL(page, 'https://site.invalid').pathname;
  return redirects.some((r) => withBase(base, r.fromRoute) === pathname);
}
