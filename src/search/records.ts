/**
 * The search records of a site: one per published entry, computed from the
 * site graph so every kind of entry carries the same filters (`type`, `theme`)
 * and metadata (title, summary, type), whatever its page looks like.
 *
 * Notes, plays, sources, themes and reading paths have a page each and are
 * indexed from it. Glossary terms and timeline events share one page each;
 * indexed as pages they would merge into two giant results, so each gets a
 * record of its own that links to its anchor (`/glossary/#schwerpunkt`).
 */
import { formatPartialDate } from '../lib/format.ts';
import { citingEntries } from '../graph/citations.ts';
import { isEntryOf, type GraphEntry, type SiteGraph } from '../graph/site-graph.ts';
import { THEME_IDS, type CollectionData, type CollectionName, type ThemeId } from '../schema/index.ts';
import { FILTER_KEYS, SEARCH_TYPES, type FilterKey, type RecordMeta, type SearchRecord, type SearchType } from './types.ts';

/** Thrown when the content cannot be turned into records; the entry point reports it. */
export class SearchRecordError extends Error {
  override name = 'SearchRecordError';
}

const isTheme = (value: unknown): value is ThemeId => typeof value === 'string' && (THEME_IDS as readonly string[]).includes(value);

/** Themes in their set order, without repeats. */
const themeOrder = (themes: Iterable<ThemeId>): ThemeId[] => {
  const set = new Set(themes);
  return THEME_IDS.filter((theme) => set.has(theme));
};

/** The theme an entry names itself: a note's, play's or path's `theme`, or a theme's own id. */
function ownTheme(entry: GraphEntry | undefined): ThemeId | null {
  if (!entry || entry.draft) return null;
  if (entry.collection === 'themes') return isTheme(entry.id) ? entry.id : null;
  const data = entry.data;
  return data && 'theme' in data ? data.theme : null;
}

/**
 * The themes of an entry that has none of its own: those of the notes it
 * lists (`notes:` of a term or event), else of the entries that link to it.
 */
function borrowedThemes(graph: SiteGraph, entry: GraphEntry, noteIds: readonly string[]): ThemeId[] {
  const listed = noteIds.map((id) => ownTheme(graph.entries.get(`notes/${id}`)));
  const themes = listed.filter((t): t is ThemeId => t !== null);
  if (themes.length > 0) return themeOrder(themes);
  return themeOrder(
    (graph.backlinks.get(entry.key) ?? []).map((key) => ownTheme(graph.entries.get(key))).filter((t): t is ThemeId => t !== null),
  );
}

/** A source belongs to the themes of what cites it; a cited work also to those of the texts that mention it. */
function sourceThemes(graph: SiteGraph, id: string, citedIn: readonly string[]): ThemeId[] {
  const direct = (sourceId: string) => citingEntries(graph, sourceId).map(({ key }) => ownTheme(graph.entries.get(key)));
  const all = [...direct(id), ...citedIn.flatMap(direct)];
  return themeOrder(all.filter((t): t is ThemeId => t !== null));
}

/**
 * The first sentence of a text, for the `summary` of entries that have none
 * (a glossary definition, a timeline description), cut at a word to `max`.
 */
export function firstSentence(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const end = /[.!?](?=\s+["“‘(]?[A-Z0-9])/.exec(flat);
  const sentence = end ? flat.slice(0, end.index + 1) : flat;
  if (sentence.length <= max) return sentence;
  const cut = sentence.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

/** The built file of a page route: `/notes/x/` → `notes/x/index.html`. */
export const pageFile = (route: string): string => `${route.replace(/^\/+/, '')}index.html`;

/** An entry's validated data; the build already enforced the schemas, so none means the content changed since. */
function dataOf<C extends CollectionName>(entry: GraphEntry, collection: C): CollectionData[C] {
  if (!isEntryOf(entry, collection))
    throw new SearchRecordError(`${entry.raw.file} does not match its schema; run \`npm run check\` for details`);
  return entry.data;
}

/** The record of one published entry. */
export function recordOf(graph: SiteGraph, entry: GraphEntry): SearchRecord {
  const base = { key: entry.key, type: entry.collection satisfies SearchType, url: entry.route, title: entry.title };
  const page = { kind: 'html' as const, file: pageFile(entry.route) };
  switch (entry.collection) {
    case 'notes': {
      const data = dataOf(entry, 'notes');
      return { ...base, summary: data.summary, themes: [data.theme], source: page };
    }
    case 'plays': {
      const data = dataOf(entry, 'plays');
      return { ...base, summary: firstSentence(data.purpose), themes: [data.theme], source: page };
    }
    case 'paths': {
      const data = dataOf(entry, 'paths');
      return { ...base, summary: data.summary, themes: [data.theme], source: page };
    }
    case 'themes': {
      const data = dataOf(entry, 'themes');
      return { ...base, summary: data.summary, themes: isTheme(entry.id) ? [entry.id] : [], source: page };
    }
    case 'sources': {
      const data = dataOf(entry, 'sources');
      return { ...base, summary: data.summary, themes: sourceThemes(graph, entry.id, data.citedIn), source: page };
    }
    case 'glossary': {
      const data = dataOf(entry, 'glossary');
      const also = data.aliases.length > 0 ? ` (${data.aliases.join(', ')})` : '';
      return {
        ...base,
        summary: firstSentence(data.definition),
        themes: borrowedThemes(graph, entry, data.notes),
        source: { kind: 'text', content: `${data.term}${also}: ${data.definition}` },
      };
    }
    case 'timeline': {
      const data = dataOf(entry, 'timeline');
      return {
        ...base,
        summary: firstSentence(data.description),
        themes: borrowedThemes(graph, entry, data.notes),
        source: { kind: 'text', content: `${formatPartialDate(data.when)}: ${data.title}. ${data.description}` },
      };
    }
  }
}

/** Every published entry's record, by type (in SEARCH_TYPES order), then by key. */
export function searchRecords(graph: SiteGraph): SearchRecord[] {
  return SEARCH_TYPES.flatMap((type) => graph.byCollection[type].filter((entry) => !entry.draft).map((entry) => recordOf(graph, entry)));
}

/** The Pagefind metadata of a record. */
export const recordMeta = (record: SearchRecord): RecordMeta => ({ title: record.title, summary: record.summary, type: record.type });

/** The Pagefind filters of a record; `theme` is left out when the entry has none. */
export function recordFilters(record: SearchRecord): Partial<Record<FilterKey, string[]>> {
  const values: Record<FilterKey, string[]> = { type: [record.type], theme: record.themes };
  return Object.fromEntries(FILTER_KEYS.filter((key) => values[key].length > 0).map((key) => [key, values[key]]));
}

/** How many records of each type, for the indexer's report. */
export function countByType(records: readonly SearchRecord[]): Record<SearchType, number> {
  const counts = Object.fromEntries(SEARCH_TYPES.map((type) => [type, 0])) as Record<SearchType, number>;
  for (const record of records) counts[record.type] += 1;
  return counts;
}
