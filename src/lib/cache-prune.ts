/**
 * Keeps our build caches from growing for ever. Every value in them is keyed
 * by what it was made from, so each edit of a note leaves the old analysis,
 * rendering, twin and social image behind, and every output folder a build
 * record. A value is touched each time a build uses it (`touch`), and a
 * complete build removes what no build has used for `CACHE_MAX_AGE_DAYS`.
 *
 * Pruned by age, not by what this build used: builds of other content
 * folders (the tests, the benchmark) and of other output folders share these
 * caches, and the last build of each still needs its values (the in-place
 * rebuild reads the old HTML from `playbook-rendered/`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { walkTree } from '../util/walk-tree.ts';

/** Our caches under `node_modules/.cache/`; Astro's and Vite's are theirs to keep. */
export const PRUNED_CACHES = ['playbook-bodies', 'playbook-rendered', 'playbook-twins', 'playbook-build', 'og'] as const;

/** How long a value no build has used is kept. */
export const CACHE_MAX_AGE_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Marks a cached file as used now (its modification time), in the background; a file that is gone is no matter. */
export function touch(file: string): Promise<void> {
  const now = new Date();
  return fs.promises.utimes(file, now, now).catch(() => undefined);
}

export interface PruneReport {
  files: number;
  bytes: number;
}

/** Removes the files of our caches under `root` that no build has used for `maxAgeDays`. */
export function pruneCaches(root: string, { now = Date.now(), maxAgeDays = CACHE_MAX_AGE_DAYS } = {}): PruneReport {
  const before = now - maxAgeDays * DAY_MS;
  const report: PruneReport = { files: 0, bytes: 0 };
  for (const name of PRUNED_CACHES) {
    for (const { absolute: file } of walkTree(path.join(root, 'node_modules/.cache', name)).filter((entry) => entry.file)) {
      try {
        const stat = fs.lstatSync(file);
        if (stat.mtimeMs >= before) continue;
        fs.rmSync(file, { force: true });
        report.files += 1;
        report.bytes += stat.size;
      } catch {
        // Removed meanwhile by another build: nothing to do.
      }
    }
  }
  return report;
}
