/**
 * A digest of everything in the site model except the text of bodies: every
 * entry's validated data, route and draft state, where its links lead and the
 * sentence around each link (which the linked note's page quotes).
 * Lists, backlinks, related notes, the map, tags and every page's chrome are
 * computed from these, so a page that shows no body of its own changes only
 * when this digest does (src/data/page-keys.ts). Pure; computed once per graph.
 */
import { createHash } from 'node:crypto';
import type { SiteGraph } from './site-graph.ts';

const digests = new WeakMap<SiteGraph, string>();

export function catalogueDigest(graph: SiteGraph): string {
  const known = digests.get(graph);
  if (known) return known;
  const hash = createHash('sha256');
  for (const key of [...graph.entries.keys()].sort()) {
    const entry = graph.entries.get(key);
    if (!entry) continue;
    // A link's sentence is shown on the page it leads to ("Linked from", src/notes/connections.ts).
    const links = (graph.outgoing.get(key) ?? []).map(({ resolution, context }) =>
      resolution.ok && !resolution.external ? [resolution.key ?? '', resolution.route, resolution.anchor ?? '', context ?? ''] : '',
    );
    hash.update(JSON.stringify([key, entry.route, entry.draft, entry.data ?? null, links])).update('\n');
  }
  const digest = hash.digest('hex').slice(0, 32);
  digests.set(graph, digest);
  return digest;
}
