/** Which entries cite a source, with the locators they give. */
import type { SiteGraph } from './site-graph.ts';

export function citingEntries(graph: SiteGraph, sourceId: string): { key: string; locators: string[] }[] {
  const out: { key: string; locators: string[] }[] = [];
  for (const entry of graph.entries.values()) {
    if (entry.draft) continue;
    const citations = entry.data && 'sources' in entry.data ? entry.data.sources : [];
    const locators = citations.filter((citation) => citation.id === sourceId).map((citation) => citation.locator);
    if (locators.length > 0) out.push({ key: entry.key, locators });
  }
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
