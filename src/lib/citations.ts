/** Which entries cite a source, with the locators they give. */
import type { SiteGraph } from '../graph/site-graph.ts';

export function citingEntries(graph: SiteGraph, sourceId: string): { key: string; locators: string[] }[] {
  const out: { key: string; locators: string[] }[] = [];
  for (const entry of graph.entries.values()) {
    if (entry.draft) continue;
    const citations = (entry.raw.data as { sources?: unknown } | undefined)?.sources;
    if (!Array.isArray(citations)) continue;
    const locators = citations
      .filter((c): c is { id: string; locator: string } => typeof c === 'object' && c !== null && (c as { id?: unknown }).id === sourceId)
      .map((c) => c.locator);
    if (locators.length > 0) out.push({ key: entry.key, locators });
  }
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
