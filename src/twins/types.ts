/**
 * The shapes the Markdown twins are made of and from: what a twin is, and what
 * making one reads (the graph, the site's addresses, the cache between builds).
 */
import type { TwinCollection } from './routes.ts';
import type { SiteGraph } from '../graph/site-graph.ts';
import type { DiskCache } from '../lib/disk-cache.ts';

export interface Twin {
  collection: TwinCollection;
  id: string;
  title: string;
  /** One line on the entry, for llms.txt. */
  summary: string;
  /** The page's address (absolute under a public origin). */
  url: string;
  /** The twin's route without base path, e.g. `/notes/alpha-note.md`. */
  route: string;
  /** The twin's address (absolute under a public origin). */
  twinUrl: string;
  /** The Markdown after the front matter: an H1 title, then the content. */
  body: string;
  /** The whole file: front matter and body. */
  markdown: string;
  /** Notes only: the note's part of llms-full.txt. */
  llmsFullSection?: string;
}

export interface TwinContext {
  graph: SiteGraph;
  /** The site's base path, e.g. `/` or `/playbook`. */
  base: string;
  /** The public origin, or null: then addresses are root-relative. */
  publicUrl: string | null;
  /** Where notes' twins are kept between builds, with the twin code's version (src/twins/cache.ts); none in tests. */
  cache?: { store: DiskCache<Twin>; version: string };
}
