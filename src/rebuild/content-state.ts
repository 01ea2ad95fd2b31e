/**
 * What a build reads of the content, for its record (./record.ts): every file's hash, the catalogue
 * and each rendered entry's digest. Apart from the record's own module, which the build reads before
 * it starts Astro, because this one needs the graph and the renderer's code.
 */
import type { SiteConfig } from '../config.ts';
import { catalogueDigest } from '../graph/catalogue.ts';
import type { SiteGraph } from '../graph/site-graph.ts';
import { entryDigest, rendererVersion } from '../markdown/entry-digest.ts';
import { COLLECTIONS } from '../schema/index.ts';
import { buildCodeVersion, contentFiles, RECORD_FORMAT, settingsDigest, type BuildRecord, type ContentState } from './record.ts';

/** What a build of this graph reads: the content files, the catalogue and each rendered entry's digest. */
export function contentState(graph: SiteGraph, root: string, base: string): ContentState {
  const renderer = rendererVersion(root);
  const digests: Record<string, string> = {};
  for (const [key, entry] of graph.entries) {
    if (COLLECTIONS[entry.collection].body) digests[key] = entryDigest(graph, key, renderer, base);
  }
  return { files: contentFiles(graph.root), catalogue: catalogueDigest(graph), digests };
}

/** The record of a complete build of `graph` into `out`, but for the output's fingerprint: the caller adds it once every file is written. */
export function buildRecordOf(graph: SiteGraph, root: string, config: SiteConfig, out: string): BuildRecord {
  return {
    format: RECORD_FORMAT,
    code: buildCodeVersion(root),
    settings: settingsDigest(config, out),
    output: '',
    ...contentState(graph, root, config.basePath),
  };
}
