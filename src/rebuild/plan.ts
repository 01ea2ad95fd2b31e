/**
 * Decides how much a build has to do, from the record of the last build into
 * the same folder (./record.ts) and the content as it is now. Pure.
 *
 * - `unchanged`: the code, the settings, the output folder and every content
 *   file are as the last build left them. Nothing to do.
 * - `bodies`: only the bytes of some notes changed, and not their data, their
 *   links or the sentences around them (the catalogue digest is the same), so
 *   no page but those that show those notes' bodies can differ (./in-place.ts).
 * - `full`: anything else, with the reason in words.
 */
import type { BuildRecord, ContentState } from './record.ts';

export type RebuildPlan = { kind: 'full'; reason: string } | { kind: 'unchanged' } | { kind: 'bodies'; keys: string[] };

/** Why the record does not describe a build of this code and settings into this folder as it is now; null when it does. */
export function recordMismatch(record: BuildRecord | undefined, now: Pick<BuildRecord, 'code' | 'settings' | 'output'>): string | null {
  if (!record) return 'no record of an earlier complete build into this folder';
  if (record.code !== now.code) return 'the code changed since the last build';
  if (record.settings !== now.settings) return 'the site settings changed since the last build';
  if (record.output !== now.output) return 'files in the output folder changed since the last build';
  return null;
}

const sameKeys = (a: Record<string, string>, b: Record<string, string>) => {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => key in b);
};

/**
 * What to rebuild. `notes` maps each note's file (relative to the content folder, with `/`) to its
 * entry key; a change to any other file (a theme, a play, a YAML file, an image) needs every step.
 */
export function planRebuild(record: BuildRecord, now: ContentState, notes: ReadonlyMap<string, string>): RebuildPlan {
  const added = Object.keys(now.files).find((file) => !(file in record.files));
  if (added) return { kind: 'full', reason: `${added} was added` };
  const removed = Object.keys(record.files).find((file) => !(file in now.files));
  if (removed) return { kind: 'full', reason: `${removed} was removed` };
  const changed = Object.keys(now.files).filter((file) => now.files[file] !== record.files[file]);
  const other = changed.find((file) => !notes.has(file));
  if (other) return { kind: 'full', reason: `${other} changed, and only a note's body is rebuilt in place` };
  if (now.catalogue !== record.catalogue)
    return { kind: 'full', reason: "a note's data, links or the sentence around a link changed, which other pages show" };
  if (!sameKeys(now.digests, record.digests)) return { kind: 'full', reason: 'the rendered entries are not those of the last build' };
  const keys = Object.keys(now.digests)
    .filter((key) => now.digests[key] !== record.digests[key])
    .sort();
  const noteKeys = new Set(notes.values());
  const notANote = keys.find((key) => !noteKeys.has(key));
  if (notANote) return { kind: 'full', reason: `the rendered body of ${notANote} changed, and only a note's body is rebuilt in place` };
  return keys.length === 0 && changed.length === 0 ? { kind: 'unchanged' } : { kind: 'bodies', keys };
}
