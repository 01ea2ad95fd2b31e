/**
 * The search vocabulary shared by the indexer (Node) and the search page
 * (browser). Nothing here imports a schema or Node module, so the browser
 * bundle stays small.
 */
import type { CollectionName, ThemeId } from '../schema/index.ts';

/**
 * Every kind of entry search can return, in the order the type filter lists
 * them. The values are the collection names, so `?type=glossary` reads like
 * the site's own sections.
 */
export const SEARCH_TYPES = [
  'notes',
  'plays',
  'glossary',
  'timeline',
  'sources',
  'themes',
  'paths',
] as const satisfies readonly CollectionName[];
export type SearchType = (typeof SEARCH_TYPES)[number];

/** The Pagefind filter keys every record carries. */
export const FILTER_KEYS = ['type', 'theme'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** The Pagefind metadata every record carries. */
export interface RecordMeta {
  title: string;
  summary: string;
  type: SearchType;
}

/** One search result: a page, or an entry on a shared page (a glossary term, a timeline event). */
export interface SearchRecord {
  /** `collection/id`, as in the site graph. */
  key: string;
  type: SearchType;
  /** Site route without the base path; Pagefind adds the base at search time. */
  url: string;
  title: string;
  /** One sentence, at most 160 characters. */
  summary: string;
  /** The themes the entry belongs to, in theme order; empty when none can be told. */
  themes: ThemeId[];
  /**
   * Where the words come from: the built page (`html`, a file under the site
   * folder, indexed within its `data-pagefind-body`), or plain text for entries
   * that share a page with others and so need a record of their own.
   */
  source: { kind: 'html'; file: string } | { kind: 'text'; content: string };
}
