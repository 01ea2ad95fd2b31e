/**
 * A cache of JSON values on disk, for results that are pure functions of a key
 * the caller computes from everything they depend on (bytes, code version,
 * settings). It lives beside the other build caches in the project's
 * `node_modules/.cache/<name>/`, so `npm ci` or deleting that folder empties it.
 * A value that cannot be read or written only costs time: the caller computes it.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface DiskCache<T> {
  get(key: string): T | undefined;
  /** Whether a value is kept under `key`, without reading it. */
  has(key: string): boolean;
  set(key: string, value: T): void;
}

export function diskCache<T>(root: string, name: string): DiskCache<T> {
  const folder = path.join(root, 'node_modules/.cache', name);
  const fileOf = (key: string) => path.join(folder, key.slice(0, 2), `${key}.json`);
  return {
    get(key) {
      try {
        return JSON.parse(fs.readFileSync(fileOf(key), 'utf8')) as T;
      } catch {
        return undefined;
      }
    },
    has(key) {
      return fs.existsSync(fileOf(key));
    },
    set(key, value) {
      const file = fileOf(key);
      try {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        // Written whole, then renamed: a reader in another process never sees half a file.
        const temporary = `${file}.${process.pid}.tmp`;
        fs.writeFileSync(temporary, JSON.stringify(value));
        fs.renameSync(temporary, file);
      } catch {
        // A cache that cannot be written only costs time.
      }
    },
  };
}
