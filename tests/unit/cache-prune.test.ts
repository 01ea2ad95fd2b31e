/**
 * Our build caches are pruned by age (src/lib/cache-prune.ts): a value any build read or wrote
 * lately stays, one no build has used for the limit goes, and nothing outside our caches is touched.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CACHE_MAX_AGE_DAYS, PRUNED_CACHES, pruneCaches } from '../../src/lib/cache-prune.ts';
import { diskCache } from '../../src/lib/disk-cache.ts';
import { readRecord, RECORD_FORMAT } from '../../src/rebuild/record.ts';
import { tempDirs } from '../helpers/temp-dirs.ts';

const project = tempDirs('cache-prune-');
const DAY = 24 * 60 * 60 * 1000;
/** Writes a file whose modification time lies `days` in the past. */
const aged = (file: string, days: number, text = 'x') => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  const then = new Date(Date.now() - days * DAY);
  fs.utimesSync(file, then, then);
  return file;
};

describe('pruning the build caches', () => {
  it('removes what no build used within the limit, in each of our caches, and keeps the rest', () => {
    const root = project();
    const cache = (name: string, file: string) => path.join(root, 'node_modules/.cache', name, file);
    const old = PRUNED_CACHES.map((name) => aged(cache(name, 'ab/old.json'), CACHE_MAX_AGE_DAYS + 1, 'twelve bytes'));
    const recent = PRUNED_CACHES.map((name) => aged(cache(name, 'ab/recent.json'), CACHE_MAX_AGE_DAYS - 1));
    // Not ours (Vite's, Astro's): never pruned, however old.
    const theirs = aged(cache('vite', 'deps/old.js'), 400);
    const report = pruneCaches(root);
    expect(report).toEqual({ files: PRUNED_CACHES.length, bytes: 12 * PRUNED_CACHES.length });
    expect(old.filter((file) => fs.existsSync(file))).toEqual([]);
    expect(recent.every((file) => fs.existsSync(file))).toBe(true);
    expect(fs.existsSync(theirs)).toBe(true);
  });

  it('never follows a link out of a cache folder', () => {
    const root = project();
    const outside = aged(path.join(project(), 'precious.txt'), 400);
    const folder = path.join(root, 'node_modules/.cache/playbook-bodies');
    fs.mkdirSync(folder, { recursive: true });
    fs.symlinkSync(path.dirname(outside), path.join(folder, 'link'));
    pruneCaches(root);
    expect(fs.existsSync(outside)).toBe(true);
  });

  it('does nothing where there are no caches', () => {
    expect(pruneCaches(project())).toEqual({ files: 0, bytes: 0 });
  });

  it('keeps a value a build has read, however old it was when written', async () => {
    const root = project();
    const cache = diskCache<{ n: number }>(root, 'playbook-rendered');
    cache.set('ab01', { n: 1 });
    cache.set('ab02', { n: 2 });
    cache.set('ab03', { n: 3 });
    await cache.flush();
    const file = (key: string) => path.join(root, 'node_modules/.cache/playbook-rendered/ab', `${key}.json`);
    for (const key of ['ab01', 'ab02', 'ab03']) aged(file(key), CACHE_MAX_AGE_DAYS + 5, JSON.stringify({ n: 0 }));
    // One read, one looked up, one left alone.
    expect(cache.get('ab01')).toEqual({ n: 0 });
    expect(cache.has('ab02')).toBe(true);
    await cache.flush();
    pruneCaches(root);
    expect(['ab01', 'ab02', 'ab03'].map((key) => fs.existsSync(file(key)))).toEqual([true, true, false]);
  });

  it('keeps the record of a folder rebuilt with nothing changed (read, not written), but not one no use to read', async () => {
    const root = project();
    const folder = path.join(root, 'node_modules/.cache/playbook-build');
    const record = { format: RECORD_FORMAT, code: 'c', settings: 's', output: 'o', files: {}, catalogue: 'k', digests: {} };
    const valid = aged(path.join(folder, 'valid.json'), CACHE_MAX_AGE_DAYS + 5, JSON.stringify(record));
    const broken = aged(path.join(folder, 'broken.json'), CACHE_MAX_AGE_DAYS + 5, '{}');
    expect(readRecord(valid)).toEqual(record);
    expect(readRecord(broken)).toBeUndefined();
    // The mark is made in the background.
    await new Promise((resolve) => setTimeout(resolve, 50));
    pruneCaches(root);
    expect([fs.existsSync(valid), fs.existsSync(broken)]).toEqual([true, false]);
  });
});
