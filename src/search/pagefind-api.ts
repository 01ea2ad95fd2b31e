/**
 * The part of Pagefind's browser API (`pagefind.js`) the search page uses,
 * typed for our records, and how the page uses it. `pagefind.js` is written
 * by the indexer, not bundled, so these types are ours to keep in step with
 * Pagefind 1.6: https://pagefind.app/docs/api/
 */
import type { RecordMeta } from './types.ts';

export interface PagefindResultData {
  /** The record's URL with the site's base path. */
  url: string;
  /** Page text around the matches: entities escaped, matches in `<mark>` (see excerpt.ts). */
  excerpt: string;
  meta: Partial<RecordMeta> & Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
  /** The page's indexed text and where the matches and anchors are in it, by word (see excerpt.ts). */
  content?: string;
  locations?: number[];
  weighted_locations?: { location: number; balanced_score: number; weight: number }[];
  anchors?: { element: string; id: string; location: number; text: string }[];
}

export interface PagefindResult {
  id: string;
  score: number;
  /** Loads the result's fragment: one request per result, so the page loads them a few at a time. */
  data: () => Promise<PagefindResultData>;
}

export interface PagefindResponse {
  results: PagefindResult[];
}

export interface PagefindSearchOptions {
  filters?: Record<string, string | string[]>;
}

export interface PagefindApi {
  /** Fetches the index chunks a query will need, without searching. */
  preload: (term: string, options?: PagefindSearchOptions) => Promise<void>;
  search: (term: string, options?: PagefindSearchOptions) => Promise<PagefindResponse>;
}

/** Results shown at first and per "Show more": each costs one fragment request. */
export const PAGE_SIZE = 10;

/** Milliseconds of quiet typing before a search runs. */
export const TYPING_DELAY = 250;
