/**
 * Typed, sorted access to the collections for pages. Thin: ordering lives in
 * src/lib/collections.ts and link data in the site graph.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { loadSiteGraph, type SiteGraph } from '../graph/site-graph.ts';
import { readSiteConfig } from '../config.ts';
import { sortBy } from '../lib/collections.ts';
import { THEME_IDS } from '../schema/index.ts';
import { withBase } from '../graph/routes.ts';

export const config = readSiteConfig();
export const graph = (): SiteGraph => loadSiteGraph(config.contentDir);

/** A site route with the base path, e.g. `/notes/x/` → `/playbook/notes/x/`. */
export const url = (route: string): string => withBase(config.basePath, route);

export type Note = CollectionEntry<'notes'>;
export type Theme = CollectionEntry<'themes'>;
export type Play = CollectionEntry<'plays'>;
export type Source = CollectionEntry<'sources'>;
export type Term = CollectionEntry<'glossary'>;
export type Event = CollectionEntry<'timeline'>;
export type ReadingPath = CollectionEntry<'paths'>;

/**
 * Sorted collections are asked for on every page; in a build the content does
 * not change, so each list is computed once (at 1,000 notes, re-sorting per
 * page was measurable). The dev server recomputes, so edits show up.
 */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let cached: Promise<T> | undefined;
  return () => (import.meta.env.DEV ? load() : (cached ??= load()));
}

/** Published notes, by title. */
export const notes = once(async (): Promise<Note[]> => sortBy(await getCollection('notes', (n) => !n.data.draft), (n) => n.data.title));
/** Themes, in their set order. */
/** Ids of the published notes (a lookup every note page makes). */
export const publishedNoteIds = once(async (): Promise<ReadonlySet<string>> => new Set((await notes()).map((note) => note.id)));
export const themes = once(async (): Promise<Theme[]> => [...(await getCollection('themes'))].sort((a, b) => a.data.order - b.data.order));
export const plays = once(async (): Promise<Play[]> => sortBy(await getCollection('plays'), (p) => p.data.title));
export const sources = once(async (): Promise<Source[]> => sortBy(await getCollection('sources'), (s) => s.data.title));
export const terms = once(async (): Promise<Term[]> => sortBy(await getCollection('glossary'), (t) => t.data.term));
/** Timeline events, oldest first. */
export const events = once(async (): Promise<Event[]> =>
  [...(await getCollection('timeline'))].sort((a, b) =>
    a.data.when < b.data.when ? -1 : a.data.when > b.data.when ? 1 : a.id < b.id ? -1 : 1,
  ),
);
/** Reading paths in theme order (customer obsession first), then by title. */
export const readingPaths = once(async (): Promise<ReadingPath[]> =>
  sortBy(await getCollection('paths'), (p) => `${THEME_IDS.indexOf(p.data.theme)} ${p.data.title}`),
);

/** Title and URL of any entry key (`notes/x`), for lists of links. */
export function linkTo(key: string): { title: string; href: string; collection: string } | null {
  const entry = graph().entries.get(key);
  if (!entry || entry.draft) return null;
  return { title: entry.title, href: url(entry.route), collection: entry.collection };
}
