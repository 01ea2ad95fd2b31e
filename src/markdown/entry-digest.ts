/**
 * What an entry's rendered HTML is keyed by: its own bytes, what it reads of
 * other entries (./render-inputs.ts), the renderer's code and the base path.
 * The content loader stores it as the entry's digest, so Astro keeps an entry
 * whose digest is unchanged; the build keeps each rendered entry on disk under
 * it, so a later build can find where that HTML sits in the pages it wrote
 * (src/rebuild/in-place.ts).
 */
import { createHash } from 'node:crypto';
import { BODY_CODE } from '../graph/body.ts';
import type { SiteGraph } from '../graph/site-graph.ts';
import { codeVersion } from '../util/code-version.ts';
import { renderInputs } from './render-inputs.ts';

/**
 * A hash of the code whose change changes rendered HTML (the reader, the graph, the Markdown
 * pipeline, the locked dependencies): the same version the body analyses are cached under.
 */
export const rendererVersion = (root: string): string => codeVersion(root, BODY_CODE) ?? 'unversioned';

/** The digest of one entry: its bytes, plus for rendered entries what its HTML reads and the renderer version. */
export function entryDigest(graph: SiteGraph, key: string, renderer: string | null, base: string): string {
  const entry = graph.entries.get(key);
  if (!entry) throw new Error(`no entry ${key}`);
  const hash = createHash('sha256').update(entry.raw.source);
  if (renderer !== null) hash.update('\0').update(renderer).update('\0').update(base).update('\0').update(renderInputs(graph, entry));
  return hash.digest('hex').slice(0, 32);
}

/** The disk cache (src/lib/disk-cache.ts) that keeps each rendered entry of a build under its digest. */
export const RENDERED_CACHE = 'playbook-rendered';

/** A rendered entry as the build keeps it: its HTML, and what the pages read beside it (headings, reading time). */
export interface KeptRendering {
  html: string;
  metadata?: { headings?: unknown; frontmatter?: Record<string, unknown> };
}
