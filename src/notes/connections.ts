/**
 * A note page's one "Connections" block, computed from the site graph: the
 * plays built on the note, the pages that link to it with the sentence around
 * each link, and its related notes. Every entry is listed once: a play is a
 * play, a page whose body links here is "Linked from" (its sentence says why),
 * and "Related" keeps only the related notes (either direction) not already
 * there. Notes the note's own text links to are not listed again (the reader
 * has just met them), unless the author named them in `related`; the concept
 * map shows every neighbour. Pure over the graph.
 */
import { isEntryOf, type GraphEntry, type SiteGraph } from '../graph/site-graph.ts';
import { contextText } from '../graph/link-context.ts';
import type { CollectionName } from '../schema/index.ts';

export interface Connection {
  /** Entry key, e.g. `notes/cheng-and-chi`. */
  key: string;
  collection: CollectionName;
  title: string;
  /** Route without the base path. */
  route: string;
  /** Why this entry links here: the sentence around its first link, or a reading path step's reason. */
  context?: string;
}

export interface NoteConnections {
  plays: Connection[];
  /** Notes and theme essays whose text links here (each with its sentence), then reading paths with the step's reason. */
  linkedFrom: Connection[];
  /** Related notes (this note's `related` and the notes that name it in theirs) not in `linkedFrom`. */
  related: Connection[];
  /** Glossary terms and timeline events that name the note. */
  mentions: Connection[];
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
const byTitle = (a: Connection, b: Connection) => collator.compare(a.title, b.title) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
/** Order of "Linked from": what a reader reads next first (notes, essays), then the paths. */
const RANK: Partial<Record<CollectionName, number>> = { notes: 0, themes: 1, paths: 2 };

const connection = (entry: GraphEntry, context?: string): Connection => ({
  key: entry.key,
  collection: entry.collection,
  title: entry.title,
  route: entry.route,
  ...(context !== undefined && { context }),
});

/** The title a label-less `[[target]]` shows, as remark-links gives it. */
function wikiTitle(graph: SiteGraph, target: string): string | undefined {
  const [path = ''] = target.split('#');
  const key = path.includes('/') ? path : `notes/${path}`;
  return graph.entries.get(key)?.title;
}

/** The sentence around the first body link of `from` that leads to `to`, with wikilinks read as titles. */
export function linkSentence(graph: SiteGraph, from: string, to: string): string | undefined {
  for (const link of graph.outgoing.get(from) ?? []) {
    const { resolution } = link;
    if (resolution.ok && !resolution.external && resolution.key === to && link.context)
      return contextText(link.context, (target) => wikiTitle(graph, target));
  }
  return undefined;
}

export function noteConnections(graph: SiteGraph, noteId: string): NoteConnections {
  const self = `notes/${noteId}`;
  const published = (key: string) => {
    const entry = graph.entries.get(key);
    return entry && !entry.draft && key !== self ? entry : undefined;
  };
  const plays: Connection[] = [];
  const linkedFrom: Connection[] = [];
  const mentions: Connection[] = [];
  const listed = new Set<string>();
  for (const key of graph.backlinks.get(self) ?? []) {
    const entry = published(key);
    if (!entry) continue;
    if (entry.collection === 'plays') plays.push(connection(entry));
    else if (entry.collection === 'glossary' || entry.collection === 'timeline') mentions.push(connection(entry));
    else if (isEntryOf(entry, 'paths')) {
      const step = entry.data.steps.find((s) => s.note === noteId);
      linkedFrom.push(connection(entry, step?.why));
    } else {
      const sentence = linkSentence(graph, key, self);
      // A note that names this one only in `related` is a related note, not a link in its text.
      if (sentence === undefined && entry.collection === 'notes') continue;
      linkedFrom.push(connection(entry, sentence));
    }
    listed.add(key);
  }
  const relatedKeys = new Set<string>();
  const note = graph.entries.get(self);
  if (isEntryOf(note, 'notes')) for (const id of note.data.related) relatedKeys.add(`notes/${id}`);
  for (const key of graph.backlinks.get(self) ?? []) {
    const other = graph.entries.get(key);
    if (isEntryOf(other, 'notes') && other.data.related.includes(noteId)) relatedKeys.add(key);
  }
  const related = [...relatedKeys]
    .filter((key) => !listed.has(key))
    .map(published)
    .filter((entry): entry is GraphEntry => entry !== undefined)
    .map((entry) => connection(entry));
  linkedFrom.sort((a, b) => (RANK[a.collection] ?? 3) - (RANK[b.collection] ?? 3) || byTitle(a, b));
  return { plays: plays.sort(byTitle), linkedFrom, related: related.sort(byTitle), mentions: mentions.sort(byTitle) };
}

/** How many entries the block lists (each once). */
export const connectionCount = (c: NoteConnections): number => c.plays.length + c.linkedFrom.length + c.related.length + c.mentions.length;
