/**
 * Every frontmatter field that names another entry, declared once: which
 * collection it names and whether it makes a backlink. The site graph reads
 * this for backlinks (src/graph/site-graph.ts) and the reference rule for
 * missing entries (src/validate/index.ts), so the two cannot drift apart.
 */
import { GENERAL_SOURCE } from './common.ts';
import type { CollectionName } from './index.ts';

export interface ReferenceField {
  /** The field, e.g. `related`. */
  field: string;
  /** For a list of objects, the key that holds the id, e.g. `id` in `sources: [{ id, locator }]`. */
  key?: string;
  /** The collection the ids belong to. */
  target: CollectionName;
  /** What the id names, for messages: "no note …". */
  what: string;
  /** Whether the entry appears in the target's "Linked from" (a note's `related`, a play's `notes`). */
  backlink: boolean;
  /** An id that names no entry on purpose (`general` for common knowledge). */
  except?: string;
}

const citations: ReferenceField = {
  field: 'sources',
  key: 'id',
  target: 'sources',
  what: 'source',
  backlink: false,
  except: GENERAL_SOURCE,
};
const theme: ReferenceField = { field: 'theme', target: 'themes', what: 'theme', backlink: false };
const notes: ReferenceField = { field: 'notes', target: 'notes', what: 'note', backlink: true };

export const REFERENCES: Record<CollectionName, readonly ReferenceField[]> = {
  notes: [citations, theme, { field: 'related', target: 'notes', what: 'note', backlink: true }],
  themes: [],
  plays: [citations, theme, notes],
  sources: [{ field: 'citedIn', target: 'sources', what: 'source', backlink: false }],
  glossary: [citations, notes],
  timeline: [citations, notes],
  paths: [theme, { field: 'steps', key: 'note', target: 'notes', what: 'note', backlink: true }],
};

export interface Reference {
  declaration: ReferenceField;
  /** Where the id stands, e.g. `['sources', 0, 'id']`, for the line of a finding. */
  path: (string | number)[];
  id: string;
}

/** The references an entry's data makes, in field order. Reads plain data, so it works on unvalidated input too. */
export function referencesOf(collection: CollectionName, data: unknown): Reference[] {
  if (typeof data !== 'object' || data === null) return [];
  const record = data as Record<string, unknown>;
  const out: Reference[] = [];
  for (const declaration of REFERENCES[collection]) {
    const value = record[declaration.field];
    const add = (id: unknown, path: (string | number)[]) => {
      if (typeof id === 'string' && id !== declaration.except) out.push({ declaration, path, id });
    };
    if (Array.isArray(value)) {
      value.forEach((item, index) => {
        if (!declaration.key) add(item, [declaration.field, index]);
        else if (typeof item === 'object' && item !== null)
          add((item as Record<string, unknown>)[declaration.key], [declaration.field, index, declaration.key]);
      });
    } else if (!declaration.key) {
      add(value, [declaration.field]);
    }
  }
  return out;
}
