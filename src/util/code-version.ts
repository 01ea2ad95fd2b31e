/**
 * A hash of some of our code: the files under the given folders and files of a project, by path
 * and bytes. Caches key their values by it, so a change to the code that makes a value changes the key.
 * Light on purpose: the build reads it before it starts Astro, and loads nothing heavy for it.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { walkTree } from './walk-tree.ts';

const versions = new Map<string, string>();

/** The hash of `parts` (folders and files, relative to `root`), computed once per process; null when `root` holds none of them. */
export function codeVersion(root: string, parts: readonly string[]): string | null {
  const memo = `${root}\0${parts.join('\0')}`;
  const known = versions.get(memo);
  if (known !== undefined) return known || null;
  const hash = createHash('sha256');
  let files = 0;
  for (const relative of parts) {
    const target = path.join(root, relative);
    if (!fs.existsSync(target)) continue;
    const list = fs.statSync(target).isDirectory()
      ? walkTree(target)
          .filter((entry) => entry.file)
          .map((entry) => entry.absolute)
          .sort()
      : [target];
    for (const file of list) {
      hash.update(path.relative(root, file)).update('\0').update(fs.readFileSync(file)).update('\0');
      files++;
    }
  }
  const version = files > 0 ? hash.digest('hex').slice(0, 16) : '';
  versions.set(memo, version);
  return version || null;
}
