/**
 * What an entry's rendered HTML depends on, as one canonical string: its own
 * bytes, and what it reads of other entries while rendering (the route and
 * title of every link target, the glossary terms it mentions, the sources its
 * quotations cite). Two builds that compute the same string render the same
 * HTML, so the content loader renders an entry again only when this changes
 * (see src/astro/loader.ts). Pure: a function of the graph alone.
 */
import { glossaryTerms, termMatcher, normalizeSpelling, type TermMatcher } from './remark-glossary.ts';
import type { GraphEntry, SiteGraph } from '../graph/site-graph.ts';

const matchers = new WeakMap<SiteGraph, TermMatcher | null>();
function matcherOf(graph: SiteGraph): TermMatcher | null {
  if (!matchers.has(graph)) matchers.set(graph, termMatcher(glossaryTerms(graph)));
  return matchers.get(graph) ?? null;
}

/** The glossary terms whose spellings occur in the body (a superset of those the glossary linker will link). */
function mentionedTerms(graph: SiteGraph, entry: GraphEntry): string[] {
  const matcher = matcherOf(graph);
  if (!matcher || entry.collection !== 'notes') return [];
  const found = new Map<string, string>();
  for (const match of entry.raw.body.matchAll(matcher.pattern)) {
    const term = matcher.bySpelling.get(normalizeSpelling(match[0]));
    if (term && !found.has(term.id)) found.set(term.id, JSON.stringify([term.id, term.term, term.aliases, term.definition]));
  }
  return [...found.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, value]) => value);
}

/** Everything outside the entry's own file that its HTML reads. Sorted, so it does not depend on load order. */
export function renderInputs(graph: SiteGraph, entry: GraphEntry): string {
  const links = (graph.outgoing.get(entry.key) ?? []).map((link) => {
    const resolution = link.resolution;
    if (!resolution.ok) return ['broken', link.target, resolution.rule];
    if (resolution.external) return ['external', link.target];
    const target = resolution.key ? graph.entries.get(resolution.key) : undefined;
    return ['page', link.target, resolution.route, resolution.anchor, target?.title ?? null, target?.draft ?? null];
  });
  const sources = [...new Set(entry.quotes.map((quote) => quote.source))].sort().map((id) => {
    const source = graph.entries.get(`sources/${id}`);
    return [id, source?.title ?? null, source?.route ?? null, source?.draft ?? null];
  });
  return JSON.stringify({ links, sources, terms: mentionedTerms(graph, entry) });
}
