/**
 * A cache of JSON values on disk, for results that are pure functions of a key
 * the caller computes from everything they depend on (bytes, code version,
 * settings). It lives beside the other build caches in the project's
 * `node_modules/.cache/<name>/`, so `npm ci` or deleting that folder empties it.
 * A value that cannot be read or written only costs time: the caller computes it.
 *
 * Values are written in the background (Node's thread pool), because a cold build
 * writes thousands of them from the thread that renders: 1,000 notes, about 1 s of
 * that thread's time when written in line. `flush()` waits for them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { touch } from './cache-prune.ts';

export interface DiskCache<T> {
  get(key: string): T | undefined;
  /** Whether a value is kept under `key`, without reading it. */
  has(key: string): boolean;
  /** Keeps `value` under `key`: on disk once the write is done (see `flush`). */
  set(key: string, value: T): void;
  /** Resolves when every value set so far is on disk (or could not be written), and every one read is marked as used. */
  flush(): Promise<void>;
}

/** Folders made in this process, per path: made once, not once per value. */
const folders = new Map<string, Promise<unknown>>();
const madeFolder = (dir: string): Promise<unknown> => {
  let made = folders.get(dir);
  if (!made) {
    made = fs.promises.mkdir(dir, { recursive: true });
    folders.set(dir, made);
  }
  return made;
};
/** Numbers the temporary files of this process, so two writes of one key never share one. */
let serial = 0;

export function diskCache<T>(root: string, name: string): DiskCache<T> {
  const folder = path.join(root, 'node_modules/.cache', name);
  const fileOf = (key: string) => path.join(folder, key.slice(0, 2), `${key}.json`);
  const writing = new Set<Promise<void>>();
  /** A value read is marked as used, so pruning keeps it (./cache-prune.ts). */
  const used = (file: string) => {
    const touched: Promise<void> = touch(file).finally(() => writing.delete(touched));
    writing.add(touched);
  };
  return {
    get(key) {
      let value: T;
      try {
        value = JSON.parse(fs.readFileSync(fileOf(key), 'utf8')) as T;
      } catch {
        return undefined;
      }
      used(fileOf(key));
      return value;
    },
    has(key) {
      const found = fs.existsSync(fileOf(key));
      if (found) used(fileOf(key));
      return found;
    },
    set(key, value) {
      const file = fileOf(key);
      const dir = path.dirname(file);
      // Serialised now, so a value changed after `set` is kept as it was.
      const text = JSON.stringify(value);
      // Written whole, then renamed: a reader in another process never sees half a file.
      const temporary = `${file}.${process.pid}.${++serial}.tmp`;
      const save = () => fs.promises.writeFile(temporary, text).then(() => fs.promises.rename(temporary, file));
      const write: Promise<void> = madeFolder(dir)
        .then(save)
        // The folder may have gone since it was made (a cache deleted while the process runs): once more.
        .catch(() => fs.promises.mkdir(dir, { recursive: true }).then(save))
        .catch(() => {
          // A cache that cannot be written only costs time.
        })
        .finally(() => writing.delete(write));
      writing.add(write);
    },
    async flush() {
      await Promise.all([...writing]);
    },
  };
}
