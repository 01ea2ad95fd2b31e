import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diskCache } from '../../src/lib/disk-cache.ts';
import { tempDirs } from '../helpers/temp-dirs.ts';

const root = tempDirs('disk-cache-');
const filesUnder = (dir: string) =>
  fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((dirent) => dirent.isFile())
    .map((dirent) => dirent.name)
    .sort();

describe('the disk cache', () => {
  it('keeps a value as it was when set, on disk once flushed, with no temporary file left', async () => {
    const at = root();
    const cache = diskCache<{ n: number }>(at, 'test-values');
    const value = { n: 1 };
    cache.set('ab12', value);
    value.n = 2;
    cache.set('ab34', { n: 3 });
    cache.set('ab34', { n: 4 });
    await cache.flush();
    expect(cache.get('ab12')).toEqual({ n: 1 });
    expect(cache.has('ab34')).toBe(true);
    expect([3, 4]).toContain(cache.get('ab34')?.n);
    expect(filesUnder(path.join(at, 'node_modules/.cache/test-values'))).toEqual(['ab12.json', 'ab34.json']);
    // Another cache over the same folder (another process, a later build) reads the same values.
    expect(diskCache<{ n: number }>(at, 'test-values').get('ab12')).toEqual({ n: 1 });
  });

  it('writes again into a folder deleted while the process runs', async () => {
    const at = root();
    const cache = diskCache<string>(at, 'test-gone');
    cache.set('cd01', 'first');
    await cache.flush();
    fs.rmSync(path.join(at, 'node_modules/.cache/test-gone'), { recursive: true, force: true });
    cache.set('cd02', 'second');
    await cache.flush();
    expect(cache.get('cd02')).toBe('second');
  });

  it('misses instead of failing when it cannot write or read', async () => {
    const at = root();
    fs.mkdirSync(path.join(at, 'node_modules'));
    // A file where the cache folder would go: nothing can be written under it.
    fs.writeFileSync(path.join(at, 'node_modules/.cache'), 'not a folder');
    const cache = diskCache<string>(at, 'test-blocked');
    cache.set('ef01', 'value');
    await expect(cache.flush()).resolves.toBeUndefined();
    expect(cache.get('ef01')).toBeUndefined();
    expect(cache.has('ef01')).toBe(false);
  });
});
