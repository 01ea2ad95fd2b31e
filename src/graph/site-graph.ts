/**
 * The link graph, built once per build from the raw content: every entry's
 * route and anchors, every link resolved, backlinks, tags. Pages, remark
 * plugins and the checker all read this one structure.
 */
import fs from 'node:fs';
import path from 'node:path';
import { COLLECTIONS, COLLECTION_NAMES, type CollectionData, type CollectionName } from '../schema/index.ts';
import { referencesOf } from '../schema/references.ts';
import { listCollectionFiles, loadContent, readDataFile, type RawDataFile, type RawEntry } from '../content/load.ts';
import { REDIRECTS_FILE } from '../schema/redirects.ts';
import { EMPTY_REDIRECTS, resolveRedirects, type RedirectTable } from './redirects.ts';
import { didYouMean } from '../util/nearest.ts';
import { normalizeRoute, RESERVED_ROUTES, STATIC_ROUTES } from './routes.ts';
import type { ParseResult } from '../content/parse.ts';
import type { SafetyIssue } from '../content/safety.ts';
import type { Finding } from '../content/finding.ts';
import { validateSchema } from './schema-findings.ts';
import { analyseBody } from './body.ts';
import type { BodyHeading, BodyLink, BodyQuote } from './extract.ts';

export interface GraphEntry {
  key: string;
  collection: CollectionName;
  id: string;
  raw: RawEntry;
  /** Title-like field of the entry (`title`, or `term` for glossary). */
  title: string;
  /** Page route without base path (glossary and timeline entries route to an anchor). */
  route: string;
  /** Whether the entry is a draft (not published, cannot be linked to). */
  draft: boolean;
  /** Read from the parsed body (./body.ts), with the file's line numbers; the tree itself is parsed again only to render. */
  headings: BodyHeading[];
  links: BodyLink[];
  quotes: BodyQuote[];
  /** Violations of the safety policy in the body. */
  safety: SafetyIssue[];
  /** Why the body could not be parsed, if it could not. */
  parseProblem?: Extract<ParseResult, { ok: false }>;
  /** The entry's data as its collection's schema outputs it; undefined when it did not validate. */
  data: CollectionData[CollectionName] | undefined;
  /** Why the data did not validate (or the file was refused by the reader). */
  schemaFindings: Finding[];
}

/** An entry of one collection, with that collection's data type. */
export type EntryOf<C extends CollectionName> = GraphEntry & { collection: C; data: CollectionData[C] };

/** Narrows an entry to a collection with valid data, so its fields are typed. */
export function isEntryOf<C extends CollectionName>(entry: GraphEntry | undefined, collection: C): entry is EntryOf<C> {
  return entry !== undefined && entry.collection === collection && entry.data !== undefined;
}

export type Resolution =
  | { ok: true; key: string | null; route: string; anchor: string | null; external: false }
  | { ok: true; external: true }
  | {
      ok: false;
      rule: 'unknown-link' | 'unknown-anchor' | 'link-outside-content' | 'unsafe-url' | 'image-source' | 'image-format';
      message: string;
      fix: string;
    };

export interface ResolvedLink extends BodyLink {
  resolution: Resolution;
}

export interface SiteGraph {
  root: string;
  entries: Map<string, GraphEntry>;
  /** Entries per collection, sorted by id. Drafts included. */
  byCollection: Record<CollectionName, GraphEntry[]>;
  /** Published route → entry key (or null for static routes). */
  routes: Map<string, string | null>;
  /** Anchors a route offers: headings, glossary terms, timeline events. */
  anchors: Map<string, Set<string>>;
  /** Outgoing links per entry key, in order of appearance. */
  outgoing: Map<string, ResolvedLink[]>;
  /** Entry key → sorted keys of published entries that link to it (body links and frontmatter references). */
  backlinks: Map<string, string[]>;
  /** Tag → sorted note ids. */
  tags: Map<string, string[]>;
  /** Files whose id is already taken by another file of the same collection. */
  duplicates: RawEntry[];
  /** Entries whose page would land on a route another page already has. */
  routeClashes: { entry: GraphEntry; route: string }[];
  /** Old addresses of merged or renamed entries (`redirects.yaml`), checked against the entries: ./redirects.ts. */
  redirects: RedirectTable;
}

/** What resolving a link needs of the graph; without `redirects`, a link to an old id is reported as unknown. */
type LinkGraph = Pick<SiteGraph, 'routes' | 'anchors' | 'entries'> & Partial<Pick<SiteGraph, 'redirects'>>;

const PREFIXES = new Set<string>(COLLECTION_NAMES);
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/** The title-like field of valid data (`term` for glossary terms); the id when the data did not validate. */
const titleOf = (id: string, data: CollectionData[CollectionName] | undefined): string =>
  !data ? id : 'title' in data ? data.title : 'term' in data ? data.term : id;

/** Resolves one link found in `from`. Pure: depends only on the graph's routes and anchors. */
export function resolveLink(graph: LinkGraph, from: GraphEntry, link: BodyLink): Resolution {
  if (link.kind === 'wiki') return resolveWiki(graph, from, link.target);
  const href = link.target;
  if (href.includes('\\')) {
    return {
      ok: false,
      rule: 'unsafe-url',
      message: `"${href}" holds a backslash, which browsers read as a slash (\\\\host is another server)`,
      fix: 'use forward slashes, or a full https:// address',
    };
  }
  if (link.kind === 'image') return resolveImage(href);
  if (SCHEME.test(href)) {
    const scheme = href.slice(0, href.indexOf(':') + 1).toLowerCase();
    if (SAFE_SCHEMES.has(scheme)) return { ok: true, external: true };
    return {
      ok: false,
      rule: 'unsafe-url',
      message: `the URL scheme "${scheme}" is not allowed`,
      fix: 'link with https:// or to a page of this site',
    };
  }
  if (href.startsWith('//')) return { ok: true, external: true };

  let url: URL;
  let route: string;
  let anchor: string | null;
  try {
    url = new URL(href, `https://site.invalid${from.route}`);
    if (url.origin !== 'https://site.invalid') return { ok: true, external: true };
    route = normalizeRoute(decodeURI(url.pathname));
    anchor = url.hash ? decodeURIComponent(url.hash.slice(1)) : null;
  } catch {
    // A malformed %-escape (`%E0%A4%A`) or an address no browser would read: reported, never thrown.
    return {
      ok: false,
      rule: 'unknown-link',
      message: `"${href}" is not a valid address (a malformed %-escape?)`,
      fix: 'write the address plainly; [[note-id]] is the simplest link to a note',
    };
  }
  if (/\.mdx?$/.test(route) || route.includes('/../')) {
    return {
      ok: false,
      rule: 'link-outside-content',
      message: `"${href}" points at a file, not a page`,
      fix: 'link to the page instead, e.g. [[note-id]] or ../note-id/',
    };
  }
  return checkRoute(graph, route, anchor, href);
}

/** Image files a page may show: raster formats, served from the site's own `public/` folder. */
export const IMAGE_EXTENSIONS = ['.png', '.jpg', '.jpeg', '.webp', '.avif', '.gif'] as const;
const IMAGE_FIX = `put the image in public/images/ as ${IMAGE_EXTENSIONS.join(', ')} and write ![what it shows](/images/name.png)`;

/** Images come only from `public/`, in a raster format; whether the file is there is checked by the validator. */
function resolveImage(href: string): Resolution {
  if (SCHEME.test(href) || href.startsWith('//')) {
    return { ok: false, rule: 'image-source', message: `the image "${href}" is not a file of this site`, fix: IMAGE_FIX };
  }
  let pathname: string;
  try {
    pathname = decodeURI(href.split(/[?#]/)[0] ?? '');
  } catch {
    return { ok: false, rule: 'image-source', message: `the image path "${href}" is not a valid address`, fix: IMAGE_FIX };
  }
  if (!pathname.startsWith('/') || pathname.split('/').some((segment) => segment === '..' || segment === '.')) {
    return { ok: false, rule: 'image-source', message: `the image "${href}" is not an address in public/`, fix: IMAGE_FIX };
  }
  const extension = pathname.slice(pathname.lastIndexOf('.')).toLowerCase();
  if (extension === '.svg' || extension === '.svgz') {
    return {
      ok: false,
      rule: 'image-format',
      message: `the image "${href}" is an SVG, which can carry script`,
      fix: `export it as PNG or WebP; ${IMAGE_FIX}`,
    };
  }
  if (!(IMAGE_EXTENSIONS as readonly string[]).includes(extension)) {
    return { ok: false, rule: 'image-format', message: `"${href}" is not a raster image`, fix: IMAGE_FIX };
  }
  return { ok: true, key: null, route: pathname, anchor: null, external: false };
}

function resolveWiki(graph: LinkGraph, from: GraphEntry, target: string): Resolution {
  const [pathPart = '', anchorPart] = target.split('#');
  if (pathPart === '') return checkRoute(graph, from.route.split('#')[0] ?? from.route, anchorPart ?? null, target);
  const slash = pathPart.indexOf('/');
  const prefix = slash > 0 ? pathPart.slice(0, slash) : 'notes';
  const id = slash > 0 ? pathPart.slice(slash + 1) : pathPart;
  if (slash > 0 && !PREFIXES.has(prefix)) {
    return {
      ok: false,
      rule: 'unknown-link',
      message: `[[${target}]]: "${prefix}" is not a kind of entry`,
      fix: `prefix with one of: ${COLLECTION_NAMES.join(', ')} (or nothing, for a note)`,
    };
  }
  const key = `${prefix}/${id}`;
  const entry = graph.entries.get(key);
  const moved = entry ? undefined : graph.redirects?.byKey.get(key);
  if (moved) {
    const written = `[[${moved.collection === 'notes' && slash < 0 ? '' : `${moved.collection}/`}${moved.to}${anchorPart === undefined ? '' : `#${anchorPart}`}]]`;
    return {
      ok: false,
      rule: 'unknown-link',
      message: `[[${target}]] links to the old id "${id}", which now redirects to "${moved.to}" (${graph.redirects?.file ?? 'redirects.yaml'}:${moved.line})`,
      fix: `link to the new id: ${written}`,
    };
  }
  if (!entry || entry.draft) {
    const known = [...graph.entries.values()].filter((e) => e.collection === prefix && !e.draft).map((e) => e.id);
    return {
      ok: false,
      rule: 'unknown-link',
      message: `[[${target}]] links to ${entry?.draft ? 'a draft' : 'no'} ${prefix === 'notes' ? 'note' : `${prefix} entry`} "${id}".${didYouMean(id, known)}`,
      fix: entry?.draft
        ? 'publish that entry first, or remove the link'
        : `use the id (file name) of an existing entry in content/${COLLECTIONS[prefix as CollectionName].folder}/`,
    };
  }
  const [route, ownAnchor] = entry.route.split('#');
  const resolution = checkRoute(graph, route ?? entry.route, anchorPart ?? ownAnchor ?? null, target);
  // Glossary terms and timeline events live on shared pages: the link still points at the entry.
  return resolution.ok && !resolution.external ? { ...resolution, key: entry.key } : resolution;
}

function checkRoute(
  graph: Pick<LinkGraph, 'routes' | 'anchors' | 'redirects'>,
  route: string,
  anchor: string | null,
  written: string,
): Resolution {
  const moved = graph.routes.has(route) ? undefined : graph.redirects?.byRoute.get(route);
  if (moved) {
    return {
      ok: false,
      rule: 'unknown-link',
      message: `"${written}" links to ${route}, the old address of "${moved.to}" (${graph.redirects?.file ?? 'redirects.yaml'}:${moved.line})`,
      fix: `link to the new address: ${moved.toRoute}${anchor ? `#${anchor}` : ''}, or [[${moved.collection === 'notes' ? '' : `${moved.collection}/`}${moved.to}]]`,
    };
  }
  if (!graph.routes.has(route)) {
    const known = [...graph.routes.keys()];
    return {
      ok: false,
      rule: 'unknown-link',
      message: `"${written}" resolves to ${route}, which is not a page of this site.${didYouMean(route, known)}`,
      fix: 'link to an existing page; [[note-id]] is the simplest way to link to a note',
    };
  }
  if (anchor) {
    const anchors = graph.anchors.get(route);
    if (!anchors?.has(anchor)) {
      return {
        ok: false,
        rule: 'unknown-anchor',
        message: `"${written}": ${route} has no heading or anchor "#${anchor}".${didYouMean(anchor, anchors ?? [])}`,
        fix: anchors?.size
          ? 'use one of the page’s heading ids (lowercase, hyphenated heading text)'
          : 'link to the page without a #fragment',
      };
    }
  }
  return { ok: true, key: graph.routes.get(route) ?? null, route, anchor, external: false };
}

/**
 * Builds the graph from raw entries. With `bodies: false` no body is read: entries have their data,
 * routes and titles but no headings or links (enough for a step that needs only the catalogue,
 * such as the social images, without parsing every body again in a process of its own).
 */
export function buildSiteGraph(
  root: string,
  raws: readonly RawEntry[],
  { bodies = true, redirects = null }: { bodies?: boolean; redirects?: RawDataFile | null } = {},
): SiteGraph {
  const entries = new Map<string, GraphEntry>();
  const byCollection = Object.fromEntries(COLLECTION_NAMES.map((name) => [name, [] as GraphEntry[]])) as Record<
    CollectionName,
    GraphEntry[]
  >;
  const routes = new Map<string, string | null>(STATIC_ROUTES.map((route) => [route, null]));
  const anchors = new Map<string, Set<string>>();
  const tags = new Map<string, string[]>();
  const duplicates: RawEntry[] = [];
  const routeClashes: { entry: GraphEntry; route: string }[] = [];
  const reserved = new Set<string>(RESERVED_ROUTES);
  const claim = (route: string, entry: GraphEntry) => {
    if (routes.has(route) || reserved.has(route)) routeClashes.push({ entry, route });
    else routes.set(route, entry.key);
  };
  const addAnchor = (route: string, anchor: string) => {
    const set = anchors.get(route) ?? new Set<string>();
    set.add(anchor);
    anchors.set(route, set);
  };

  for (const raw of raws) {
    if (entries.has(raw.key)) {
      duplicates.push(raw); // reported by the validator
      continue;
    }
    // Each entry is validated here, once; the checker, the build and the renderers read the result.
    const validation = validateSchema(raw);
    const validData = validation.data as CollectionData[CollectionName] | undefined;
    // An entry whose data did not validate still gets its route, so links to it are not reported twice.
    const spec = COLLECTIONS[raw.collection];
    const body = bodies && spec.body && raw.body && !raw.problem ? analyseBody(raw) : undefined;
    const route = spec.route(raw.id) ?? '';
    const entry: GraphEntry = {
      key: raw.key,
      collection: raw.collection,
      id: raw.id,
      raw,
      title: titleOf(raw.id, validData),
      route,
      draft: validData !== undefined && 'draft' in validData && validData.draft,
      headings: body?.headings ?? [],
      links: body?.links ?? [],
      quotes: body?.quotes ?? [],
      safety: body?.safety ?? [],
      ...(body?.problem && { parseProblem: body.problem }),
      data: validData,
      schemaFindings: validation.findings,
    };
    entries.set(raw.key, entry);
    byCollection[raw.collection].push(entry);
    if (entry.draft) continue;
    const [page, anchor] = route.split('#');
    if (anchor) addAnchor(page ?? route, anchor);
    else claim(route, entry);
    for (const heading of entry.headings) addAnchor(route, heading.slug);
    if (raw.collection === 'plays') claim(`${route}worksheet/`, entry);
    if (raw.collection === 'themes') claim(`${route}book/`, entry);
    if (isEntryOf(entry, 'notes')) {
      for (const tag of entry.data.tags) {
        tags.set(tag, [...(tags.get(tag) ?? []), raw.id]);
        routes.set(`/tags/${tag}/`, null);
      }
    }
  }
  for (const list of Object.values(byCollection)) list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const [tag, ids] of tags) tags.set(tag, [...ids].sort());

  const redirectTable = redirects ? resolveRedirects(redirects, { entries, routes, reserved }) : EMPTY_REDIRECTS;
  const graph: SiteGraph = {
    root,
    entries,
    byCollection,
    routes,
    anchors,
    outgoing: new Map(),
    backlinks: new Map(),
    tags,
    duplicates,
    routeClashes,
    redirects: redirectTable,
  };
  const inbound = new Map<string, Set<string>>();
  const link = (from: string, to: string) => {
    if (from === to) return;
    const set = inbound.get(to) ?? new Set<string>();
    set.add(from);
    inbound.set(to, set);
  };
  for (const entry of entries.values()) {
    const resolved = entry.links.map((scanned) => ({ ...scanned, resolution: resolveLink(graph, entry, scanned) }));
    graph.outgoing.set(entry.key, resolved);
    if (entry.draft) continue;
    for (const { resolution } of resolved) if (resolution.ok && !resolution.external && resolution.key) link(entry.key, resolution.key);
    for (const target of frontmatterReferences(entry)) link(entry.key, target);
  }
  for (const [key, from] of inbound) graph.backlinks.set(key, [...from].sort());
  return graph;
}

/** Keys of entries an entry's frontmatter makes backlinks to (related notes, a play's notes, …): see src/schema/references.ts. */
export function frontmatterReferences(entry: GraphEntry): string[] {
  return referencesOf(entry.collection, entry.data)
    .filter((reference) => reference.declaration.backlink)
    .map((reference) => `${reference.declaration.target}/${reference.id}`);
}

const CACHE = Symbol.for('customer-obsession-playbook.site-graph');
interface CachedGraph {
  graph: SiteGraph;
  /** Size and modification time of each file when it was read, to tell a new change from one already loaded. */
  stamps: Map<string, string>;
}
type GraphCache = Map<string, CachedGraph>;

const cacheOf = (): GraphCache => {
  const store = globalThis as unknown as Record<symbol, GraphCache | undefined>;
  return (store[CACHE] ??= new Map<string, CachedGraph>());
};

function stampOf(file: string): string | null {
  try {
    const stat = fs.lstatSync(file);
    return `${stat.size}:${stat.mtimeMs}`;
  } catch {
    return null;
  }
}

/**
 * Loads the graph of a content folder once per process. Astro evaluates the
 * config and the pages in separate module graphs, so the cache lives on
 * `globalThis` to be shared between them. In `astro dev` the content loader's
 * watcher calls `forgetSiteGraph` when a file changes.
 */
export function loadSiteGraph(root: string, { fresh = false } = {}): SiteGraph {
  const cache = cacheOf();
  const cached = cache.get(root);
  if (cached && !fresh) return cached.graph;
  // Stamped before they are read: a file saved while the graph loads then differs from its stamp,
  // so its change event drops the graph. (Stamped after, the graph kept the old text for good.)
  const stamps = new Map<string, string>();
  const files = [...COLLECTION_NAMES.flatMap((collection) => listCollectionFiles(root, collection)), path.join(root, REDIRECTS_FILE)];
  for (const file of files) stamps.set(file, stampOf(file) ?? '');
  const raws = loadContent(root);
  const redirects = readDataFile(root, REDIRECTS_FILE);
  const graph = buildSiteGraph(root, raws, { redirects });
  cache.set(root, { graph, stamps });
  return graph;
}

/**
 * Drops the cached graph of `root` when `file` changed since it was read. Every
 * collection's watcher reports the same change; only the first drops the graph,
 * the others find the reloaded graph already has the file as it is now.
 */
export function forgetSiteGraph(root: string, file: string): void {
  const cache = cacheOf();
  const cached = cache.get(root);
  if (!cached) return;
  const now = stampOf(path.resolve(file));
  const then = cached.stamps.get(path.resolve(file)) ?? null;
  if (now !== then) cache.delete(root);
}
