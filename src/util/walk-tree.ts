/**
 * What lies under a folder, found without ever following a symbolic link.
 *
 * Node's recursive `readdir` descends into linked folders: a link inside the content folder to a
 * folder outside it lists that folder's files as if they were inside, and whoever reads them
 * reads outside the repository. Code that hashes, reads or removes what it finds walks with this.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface TreeEntry {
  /** Absolute path. */
  absolute: string;
  /** A regular file; anything else but a folder (a link, a socket) is listed as it is, never followed. */
  file: boolean;
}

/** Everything under `dir` but the folders themselves; nothing when `dir` cannot be read. */
export function walkTree(dir: string): TreeEntry[] {
  let dirents: fs.Dirent[];
  try {
    dirents = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return dirents.flatMap((dirent) => {
    const absolute = path.join(dir, dirent.name);
    return dirent.isDirectory() ? walkTree(absolute) : [{ absolute, file: dirent.isFile() }];
  });
}
