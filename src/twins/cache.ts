/**
 * The key a note's twin is kept under between builds (src/lib/disk-cache.ts):
 * everything the twin is made from. That is the twin code's version, the site's
 * base and public origin, the note's own bytes and route, and what it shows of
 * other entries: the route, title and draft state of each link target, of each
 * source its quotations and citations name. A note whose key is unchanged has
 * the same twin, so a rebuild serialises only the notes that changed.
 */
import { createHash } from 'node:crypto';
import type { EntryOf } from '../graph/site-graph.ts';
import { codeVersion } from '../util/code-version.ts';
import type { TwinContext } from './types.ts';

/** The cache's folder under node_modules/.cache (src/lib/disk-cache.ts). */
export const TWIN_CACHE = 'playbook-twins';

/** The code a twin is made by: the body parser and link graph, the twins themselves, and the locked dependencies. */
const TWIN_CODE = ['src/content', 'src/graph', 'src/twins', 'package-lock.json'];

/** The twin code's version under `root`, or null when `root` holds none of it (then nothing is cached). */
export const twinCodeVersion = (root: string): string | null => codeVersion(root, TWIN_CODE);

export function noteTwinKey(context: TwinContext, note: EntryOf<'notes'>, version: string): string {
  const { graph } = context;
  const shown = (key: string | undefined) => {
    const entry = key ? graph.entries.get(key) : undefined;
    return entry ? [entry.route, entry.title, entry.draft] : null;
  };
  const links = (graph.outgoing.get(note.key) ?? []).map(({ target, resolution }) =>
    !resolution.ok
      ? [target, 'broken']
      : resolution.external
        ? [target, 'external']
        : [target, resolution.route, resolution.anchor, shown(resolution.key ?? undefined)],
  );
  const sources = [...new Set([...note.quotes.map((quote) => quote.source), ...note.data.sources.map((citation) => citation.id)])]
    .sort()
    .map((id) => [id, shown(`sources/${id}`)]);
  return createHash('sha256')
    .update(JSON.stringify([version, context.base, context.publicUrl, note.key, note.route, note.raw.source, links, sources]))
    .digest('hex');
}
