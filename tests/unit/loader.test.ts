import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { afterAll, describe, expect, it } from 'vitest';
import { syncCollection, type PlaybookLoaderOptions } from '../../src/astro/loader.ts';
import { RENDERED_CACHE, rendererVersion, type KeptRendering } from '../../src/markdown/entry-digest.ts';
import { loadSiteGraph } from '../../src/graph/site-graph.ts';
import { diskCache, type DiskCache } from '../../src/lib/disk-cache.ts';
import { TWIN_CACHE, twinCodeVersion } from '../../src/twins/cache.ts';
import type { Twin } from '../../src/twins/entries.ts';
import { twinFiles } from '../../src/twins/write.ts';
import { contentWithOverlay } from '../helpers/fixtures.ts';

/** The part of Astro's scoped data store the loader uses, with Astro's rule: the same digest is not set again. */
function fakeStore() {
  const entries = new Map<string, { id: string; digest?: string | number; data: unknown; rendered?: { html: string } }>();
  const store = {
    get: (id: string) => entries.get(id),
    keys: () => [...entries.keys()],
    delete: (id: string) => void entries.delete(id),
    set: (entry: { id: string; digest?: string | number; data: unknown; rendered?: { html: string } }) => {
      if (entry.digest && entries.get(entry.id)?.digest === entry.digest) return false;
      entries.set(entry.id, entry);
      return true;
    },
  };
  return { entries, store: store as unknown as LoaderContext['store'] };
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function setup() {
  const dir = contentWithOverlay();
  dirs.push(dir);
  const { entries, store } = fakeStore();
  const context = { store, config: { root: pathToFileURL(`${path.resolve('.')}/`) } } as unknown as Pick<LoaderContext, 'store' | 'config'>;
  const options: PlaybookLoaderOptions = { collection: 'notes', contentDir: dir, base: '/' };
  const sync = () => syncCollection(context, options, loadSiteGraph(dir, { fresh: true }));
  const edit = (file: string, change: (text: string) => string) =>
    fs.writeFileSync(path.join(dir, file), change(fs.readFileSync(path.join(dir, file), 'utf8')));
  return { dir, entries, sync, edit };
}

/** Ids of the notes whose stored HTML changed between two snapshots. */
const changed = (before: Map<string, unknown>, after: Map<string, { rendered?: { html: string } }>) =>
  [...after.keys()].filter((id) => before.get(id) !== after.get(id)).sort();

describe('the content loader renders only what changed', () => {
  it('renders every note once, then nothing when nothing changed', async () => {
    const { sync, entries } = setup();
    const first = await sync();
    expect(first.rendered).toBe(first.entries);
    expect(entries.get('alpha-note')?.rendered?.html).toContain('<a href="/notes/beta-note/"');
    expect(await sync()).toMatchObject({ rendered: 0, removed: 0, failures: [] });
  });

  it('after one body edit, renders that note only', async () => {
    const { sync, edit, entries } = setup();
    await sync();
    const before = new Map(entries);
    edit('notes/gamma-note.mdx', (text) => `${text}\nA new closing paragraph.\n`);
    const report = await sync();
    expect(report.rendered).toBe(1);
    expect(changed(before, entries)).toEqual(['gamma-note']);
    expect(entries.get('gamma-note')?.rendered?.html).toContain('A new closing paragraph.');
  });

  it('after a title change, renders the note and every note whose links show that title', async () => {
    const { sync, edit, entries, dir } = setup();
    await sync();
    const before = new Map(entries);
    edit('notes/alpha-note.mdx', (text) => text.replace(/^title: .*$/m, 'title: Alpha, renamed'));
    await sync();
    const graph = loadSiteGraph(dir);
    const linkers = [...graph.byCollection.notes]
      .filter((note) =>
        (graph.outgoing.get(note.key) ?? []).some(
          (link) => link.resolution.ok && !link.resolution.external && link.resolution.key === 'notes/alpha-note',
        ),
      )
      .map((note) => note.id);
    expect(linkers.length).toBeGreaterThan(0);
    expect(changed(before, entries)).toEqual([...new Set(['alpha-note', ...linkers])].sort());
    for (const id of linkers) expect(entries.get(id)?.rendered?.html).toContain('Alpha, renamed');
  });

  it('after a glossary definition changes, renders the notes that mention the term', async () => {
    const { sync, edit, entries } = setup();
    edit('notes/beta-note.md', (text) => `${text}\nHere the Fixture term is used in prose.\n`);
    await sync();
    const before = new Map(entries);
    edit('glossary/fixture-term.yaml', (text) =>
      text.replace(/^definition: .*$/m, 'definition: A changed definition of the fixture term.'),
    );
    await sync();
    expect(changed(before, entries)).toEqual(['beta-note']);
    expect(entries.get('beta-note')?.rendered?.html).toContain('A changed definition of the fixture term.');
  });

  it('removes a deleted note from the store', async () => {
    const { sync, dir, entries } = setup();
    await sync();
    fs.rmSync(path.join(dir, 'notes/draft-note.mdx'));
    expect(await sync()).toMatchObject({ removed: 1 });
    expect(entries.has('draft-note')).toBe(false);
  });

  it('keeps the last good HTML of a note that cannot render and renders the others', async () => {
    const { sync, edit, entries } = setup();
    await sync();
    const good = entries.get('gamma-note');
    edit('notes/gamma-note.mdx', (text) => `${text}\nNow see [[no-such-note]].\n`);
    edit('notes/beta-note.md', (text) => `${text}\nAnother paragraph.\n`);
    const report = await sync();
    expect(report.failures.join('\n')).toMatch(/gamma-note\.mdx:\d+:\d+ +unknown-link/);
    expect(entries.get('gamma-note')).toBe(good);
    expect(entries.get('beta-note')?.rendered?.html).toContain('Another paragraph.');
  });
});

describe('in a build, the loader keeps each rendered entry on disk under its digest (for src/rebuild/in-place.ts)', () => {
  const setupKept = () => {
    const dir = contentWithOverlay();
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kept-'));
    dirs.push(dir, root);
    const { entries, store } = fakeStore();
    const context = { store, config: { root: pathToFileURL(`${root}/`) } } as unknown as Pick<LoaderContext, 'store' | 'config'>;
    const graph = loadSiteGraph(dir, { fresh: true });
    const kept = diskCache<KeptRendering>(root, RENDERED_CACHE);
    return { entries, context, graph, kept, root, dir };
  };

  it('keeps what it renders, and puts back what Astro kept from the last build when the disk copy is gone', async () => {
    const { entries, context, graph, kept, root, dir } = setupKept();
    const options: PlaybookLoaderOptions = { collection: 'notes', contentDir: dir, base: '/', build: { publicUrl: null } };
    expect((await syncCollection(context, options, graph)).rendered).toBeGreaterThan(3);
    const stored = [...entries.values()];
    for (const entry of stored) expect(kept.get(String(entry.digest))?.html, entry.id).toBe(entry.rendered?.html);

    fs.rmSync(path.join(root, 'node_modules/.cache', RENDERED_CACHE), { recursive: true, force: true });
    expect((await syncCollection(context, options, graph)).rendered).toBe(0);
    for (const entry of stored) expect(kept.get(String(entry.digest))?.html, entry.id).toBe(entry.rendered?.html);
  });

  it('keeps nothing without the build option (as in `astro dev`)', async () => {
    const { entries, context, graph, kept, dir } = setupKept();
    await syncCollection(context, { collection: 'notes', contentDir: dir, base: '/' }, graph);
    expect(entries.size).toBeGreaterThan(3);
    for (const entry of entries.values()) expect(kept.has(String(entry.digest))).toBe(false);
  });
});

describe('rendererVersion', () => {
  it('is a hash of the Markdown and graph code: another root with other code has another version', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'renderer-'));
    dirs.push(root);
    fs.mkdirSync(path.join(root, 'src/markdown'), { recursive: true });
    fs.writeFileSync(path.join(root, 'src/markdown/plugin.ts'), 'export default 1;');
    const version = rendererVersion(root);
    expect(version).toMatch(/^[0-9a-f]{16}$/);
    expect(rendererVersion(path.resolve('.'))).not.toBe(version);
  });
});

describe('the content loader writes each note it renders as its Markdown twin, from the same tree', () => {
  it('fills the twins’ cache so the twins step makes no note again, with the files it would have made', async () => {
    const dir = contentWithOverlay();
    dirs.push(dir);
    const root = path.resolve('.');
    const { store } = fakeStore();
    const context = { store, config: { root: pathToFileURL(`${root}/`) } } as unknown as Pick<LoaderContext, 'store' | 'config'>;
    const publicUrl = 'https://twins.example';
    const graph = loadSiteGraph(dir, { fresh: true });
    await syncCollection(context, { collection: 'notes', contentDir: dir, base: '/', build: { publicUrl } }, graph);

    const made: string[] = [];
    const disk = diskCache<Twin>(root, TWIN_CACHE);
    const counting: DiskCache<Twin> = {
      get: (key) => disk.get(key),
      has: (key) => disk.has(key),
      set: (_key, twin) => void made.push(twin.id),
      flush: () => Promise.resolve(),
    };
    const version = twinCodeVersion(root) ?? '';
    const site = { title: 'T', description: 'D' };
    const fromCache = twinFiles(graph, { base: '/', publicUrl, site, cache: { store: counting, version } });
    expect(made).toEqual([]);
    expect([...fromCache]).toEqual([...twinFiles(graph, { base: '/', publicUrl, site })]);
  });
});
