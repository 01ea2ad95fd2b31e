/**
 * `index.json` in the worksheet folder: which files exist for each play, for
 * the web pages to link. Running the generator for a few plays updates their
 * entries and keeps the others, as long as their files are still on disk.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { WrittenFile } from './generate.ts';
import { writeFileAtomic } from '../util/write-file-atomic.ts';

export const MANIFEST = 'index.json';

export interface ManifestFile {
  view: string;
  format: string;
  paper?: string;
  /** Path inside the worksheet folder, e.g. `three-questions/participant-a4.pdf`. */
  path: string;
  bytes: number;
}

export interface Manifest {
  plays: Record<string, { title: string; files: ManifestFile[] }>;
}

/** Reads an existing manifest; anything missing or unreadable counts as empty. */
export function readManifest(outDir: string): Manifest {
  try {
    const parsed = JSON.parse(fs.readFileSync(path.join(outDir, MANIFEST), 'utf8')) as Partial<Manifest>;
    return parsed && typeof parsed.plays === 'object' && parsed.plays ? { plays: parsed.plays } : { plays: {} };
  } catch {
    return { plays: {} };
  }
}

/**
 * The previous manifest with this run's files laid over it, keeping only files
 * that `exists`; plays and files sorted, so the JSON is the same for the same folder.
 */
export function mergeManifest(
  previous: Manifest,
  written: readonly WrittenFile[],
  titles: ReadonlyMap<string, string>,
  exists: (relative: string) => boolean,
): Manifest {
  const byPath = new Map<string, { playId: string; title: string; file: ManifestFile }>();
  for (const [playId, entry] of Object.entries(previous.plays)) {
    for (const file of entry.files ?? []) byPath.set(file.path, { playId, title: entry.title, file });
  }
  for (const w of written) {
    if (!w.playId || !w.view) continue;
    const file: ManifestFile = { view: w.view, format: w.format, ...(w.paper && { paper: w.paper }), path: w.path, bytes: w.bytes };
    byPath.set(w.path, { playId: w.playId, title: titles.get(w.playId) ?? w.playId, file });
  }
  const plays: Manifest['plays'] = {};
  for (const [relative, { playId, title, file }] of [...byPath].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (!exists(relative)) continue;
    const entry = (plays[playId] ??= { title: titles.get(playId) ?? title, files: [] });
    entry.files.push(file);
  }
  return { plays: Object.fromEntries(Object.entries(plays).sort(([a], [b]) => (a < b ? -1 : 1))) };
}

export function writeManifest(outDir: string, manifest: Manifest): string {
  const file = path.join(outDir, MANIFEST);
  writeFileAtomic(file, new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`));
  return file;
}
