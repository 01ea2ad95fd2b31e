/**
 * Reads the plays for the worksheets from a content folder with the site's own
 * loader and schema, so an invalid play gets the same file:line findings as
 * `npm run check`. Also reads the titles of notes and sources, which the
 * facilitator guide names.
 */
import { listCollectionFiles, readEntry } from '../content/load.ts';
import type { PlayData } from '../schema/play.ts';
import type { CollectionName } from '../schema/index.ts';
import type { Finding } from '../content/finding.ts';
import { validateSchema } from '../graph/schema-findings.ts';
import type { PlayInput } from './model.ts';

export interface WorksheetContent {
  /** Valid plays, sorted by id. */
  plays: PlayInput[];
  /** Ids of every play file, valid or not (for "did you mean"). */
  ids: string[];
  /** Findings of the play files that failed the schema, by play id. */
  invalid: Map<string, Finding[]>;
  titles: { notes: Map<string, string>; sources: Map<string, string> };
}

function titles(contentDir: string, collection: CollectionName, cwd: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const file of listCollectionFiles(contentDir, collection)) {
    const entry = readEntry(collection, file, cwd);
    const { data } = validateSchema(entry);
    const title = (data as { title?: unknown } | undefined)?.title;
    if (typeof title === 'string') map.set(entry.id, title);
  }
  return map;
}

export function loadWorksheetContent(contentDir: string, cwd = process.cwd()): WorksheetContent {
  const plays: PlayInput[] = [];
  const ids: string[] = [];
  const invalid = new Map<string, Finding[]>();
  for (const file of listCollectionFiles(contentDir, 'plays')) {
    const entry = readEntry('plays', file, cwd);
    ids.push(entry.id);
    const { data, findings } = validateSchema(entry);
    if (findings.length > 0) invalid.set(entry.id, findings);
    else plays.push({ id: entry.id, data: data as PlayData });
  }
  return { plays, ids, invalid, titles: { notes: titles(contentDir, 'notes', cwd), sources: titles(contentDir, 'sources', cwd) } };
}
