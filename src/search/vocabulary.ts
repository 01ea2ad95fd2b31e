/**
 * The site's vocabulary for "Did you mean" (spelling.ts): every word of a
 * title, glossary term or alias, and the words the content uses at least
 * twice, most frequent first, one a line. Built with the search index from
 * the content model; the search page fetches it only after a query found nothing.
 */
import { isEntryOf, type GraphEntry, type SiteGraph } from '../graph/site-graph.ts';
import { MIN_WORD, words } from './spelling.ts';

/** The file the search page fetches, beside `pagefind.js`. */
export const VOCABULARY_FILE = 'vocabulary.txt';
/** At most this many words (the most frequent; titles and terms always): about 20 kB gzip at most. */
export const MAX_WORDS = 6000;

/** A body's prose without Markdown and MDX syntax: link targets, components and their props, code. */
export function proseOf(body: string): string {
  return body
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/`[^`\n]*`/g, ' ')
    .replace(/<\/?[A-Za-z][^>]*>/g, ' ')
    .replace(/\[\[([^\]|]*)\|([^\]]*)\]\]/g, ' $2 ')
    .replace(/\[\[([^\]]*)\]\]/g, ' ')
    .replace(/\]\([^)]*\)/g, '] ')
    .replace(/https?:\/\/\S+/g, ' ');
}

const usable = (word: string) => word.length >= MIN_WORD && !/^\p{N}+$/u.test(word);

/** Texts of an entry: its title-like fields (always kept) and its prose (kept when frequent). */
function textsOf(entry: GraphEntry): { names: string[]; prose: string[] } {
  const names = [entry.title];
  const prose: string[] = [];
  if (entry.raw.body) prose.push(proseOf(entry.raw.body));
  if (isEntryOf(entry, 'glossary')) {
    names.push(entry.data.term, ...entry.data.aliases);
    prose.push(entry.data.definition);
  } else if (isEntryOf(entry, 'notes') || isEntryOf(entry, 'themes') || isEntryOf(entry, 'paths')) {
    prose.push(entry.data.summary);
  } else if (isEntryOf(entry, 'plays')) {
    prose.push(
      entry.data.purpose,
      entry.data.outcome,
      ...entry.data.steps.flatMap((step) => [step.title, step.instructions]),
      ...entry.data.prompts.map((prompt) => prompt.question),
    );
  } else if (isEntryOf(entry, 'sources')) {
    prose.push(entry.data.summary, entry.data.about);
  } else if (isEntryOf(entry, 'timeline')) {
    prose.push(entry.data.description);
  }
  return { names, prose };
}

/** The vocabulary of a site, most frequent first (ties alphabetical), as the file's lines. */
export function siteVocabulary(graph: SiteGraph, max = MAX_WORDS): string[] {
  const counts = new Map<string, number>();
  const named = new Set<string>();
  for (const entry of graph.entries.values()) {
    if (entry.draft) continue;
    const { names, prose } = textsOf(entry);
    for (const word of names.flatMap(words).filter(usable)) {
      named.add(word);
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
    for (const word of prose.flatMap(words).filter(usable)) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  const order = (a: string, b: string) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || (a < b ? -1 : a > b ? 1 : 0);
  const names = [...named].sort(order);
  const frequent = [...counts.keys()].filter((word) => !named.has(word) && (counts.get(word) ?? 0) >= 2).sort(order);
  const kept = new Set([...names.slice(0, max), ...frequent.slice(0, Math.max(0, max - names.length))]);
  return [...kept].sort(order);
}

/** The file's text: one word a line. */
export const vocabularyText = (list: readonly string[]): string => `${list.join('\n')}\n`;
