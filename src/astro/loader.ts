/**
 * The content loader: feeds Astro's content layer from the one site model,
 * through Astro's public loader API only.
 *
 * Every collection reads the same graph (src/graph/site-graph.ts): each file was
 * read once by src/content/load.ts, validated once by its schema and its body
 * parsed once. The loader stores each valid entry's data and, for notes and
 * themes, HTML rendered from that parsed tree (`store.set` with `rendered`).
 *
 * Each entry's digest is a hash of its own bytes, what its HTML reads of other
 * entries (src/markdown/render-inputs.ts) and the renderer's code. Astro keeps
 * the store between builds, so an entry whose digest is unchanged is not
 * rendered again: after one note changes, a rebuild renders that note and the
 * entries whose HTML shows something of it, and says how many.
 *
 * In `astro dev` the loader watches the content folder: any change drops the
 * cached graph and every collection syncs again from the new one, so a new
 * title shows on the pages that link to it and a deleted note's page goes.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { releaseBodyTree } from '../graph/body.ts';
import { forgetSiteGraph, isEntryOf, loadSiteGraph, type EntryOf, type SiteGraph } from '../graph/site-graph.ts';
import { diskCache } from '../lib/disk-cache.ts';
import { entryDigest, RENDERED_CACHE, rendererVersion, type KeptRendering } from '../markdown/entry-digest.ts';
import { createStaticRenderer, type EntryRenderer } from '../markdown/render-static.ts';
import { COLLECTIONS, type CollectionName } from '../schema/index.ts';
import { TWIN_CACHE, twinCodeVersion } from '../twins/cache.ts';
import { keptNoteTwin, type Twin } from '../twins/entries.ts';

export interface PlaybookLoaderOptions {
  collection: CollectionName;
  /** The content folder (absolute). */
  contentDir: string;
  /** The site's base path, which rendered links carry. */
  base: string;
  /**
   * What a build does besides filling the store; ignored in `astro dev`, where the loader has a watcher:
   * - each note rendered is also written as its Markdown twin into the twins' cache, addressed under
   *   `publicUrl` (null: root-relative), from the same tree, so the twins step after the pages
   *   parses nothing (src/twins/cache.ts);
   * - each rendered entry is kept on disk under its digest (RENDERED_CACHE), so the next build can
   *   find that HTML in the pages and replace it when only a note's body changed
   *   (src/rebuild/in-place.ts).
   */
  build?: { publicUrl: string | null };
}

/** Writes a note's twin into the twins' cache, as the twins step would key it; none when our code is not under `root`. */
function twinWriter(root: string, graph: SiteGraph, base: string, publicUrl: string | null) {
  const version = twinCodeVersion(root);
  if (!version) return undefined;
  const store = diskCache<Twin>(root, TWIN_CACHE);
  const context = { graph, base, publicUrl, cache: { store, version } };
  return { write: (note: EntryOf<'notes'>) => void keptNoteTwin(context, note), flush: () => store.flush() };
}

/** Counts per sync, kept for the build's report and for tests. */
export interface SyncReport {
  collection: CollectionName;
  entries: number;
  rendered: number;
  removed: number;
  /** Why entries could not be rendered (they keep their last good HTML). */
  failures: string[];
}

/** Loads one collection from the current graph into Astro's store; renders only what changed. */
export async function syncCollection(
  context: Pick<LoaderContext, 'store' | 'config'>,
  options: PlaybookLoaderOptions,
  graph: SiteGraph,
): Promise<SyncReport> {
  const { collection, base } = options;
  const root = fileURLToPath(context.config.root);
  const renders = COLLECTIONS[collection].body;
  const version = renders ? rendererVersion(root) : null;
  let render: EntryRenderer | undefined;
  const build = options.build;
  const twins = build && collection === 'notes' ? twinWriter(root, graph, base, build.publicUrl) : undefined;
  const kept = build && renders ? diskCache<KeptRendering>(root, RENDERED_CACHE) : undefined;
  const keep = new Set<string>();
  let rendered = 0;
  const failures: string[] = [];
  for (const entry of graph.byCollection[collection]) {
    keep.add(entry.id);
    // Invalid entries fail the build (src/integration.ts); in `astro dev` they show on the error page and keep their last good version.
    if (!isEntryOf(entry, collection) || entry.parseProblem || entry.safety.length > 0) continue;
    const digest = entryDigest(graph, entry.key, version, base);
    const stored = context.store.get(entry.id);
    if (stored?.digest === digest) {
      // Astro kept this entry from the last build; the disk copy may be gone (a deleted cache), so it is put back.
      if (kept && stored.rendered && !kept.has(digest)) kept.set(digest, stored.rendered);
      continue;
    }
    const filePath = path.relative(root, entry.raw.absolutePath).split(path.sep).join('/');
    if (renders) {
      render ??= createStaticRenderer({ graph: () => graph, base });
      try {
        const rendering = await render(entry);
        context.store.set({ id: entry.id, data: entry.data, digest, filePath, rendered: rendering });
        kept?.set(digest, rendering);
        rendered++;
        if (twins && isEntryOf(entry, 'notes')) twins.write(entry);
        releaseBodyTree(entry.raw);
      } catch (error) {
        // One entry that cannot render (a link broken by an edit in `astro dev`) keeps its last good HTML; the others go on.
        failures.push((error as Error).message);
      }
    } else {
      context.store.set({ id: entry.id, data: entry.data, digest, filePath });
    }
  }
  let removed = 0;
  for (const id of context.store.keys()) {
    if (keep.has(id)) continue;
    context.store.delete(id);
    removed++;
  }
  // The caches are written in the background; a sync is over when they are on disk.
  await Promise.all([kept?.flush(), twins?.flush()]);
  return { collection, entries: keep.size, rendered, removed, failures };
}

/** Latest sync report per collection in this process. */
export const syncReports = new Map<CollectionName, SyncReport>();

export function playbookLoader(options: PlaybookLoaderOptions): Loader {
  const { collection, contentDir } = options;
  // `astro dev` (the loader has a watcher) does only what the store needs. Told apart by the watcher, not
  // by the mode: a build run with NODE_ENV=test (as the test runner's builds are) is still a build.
  const { build: _build, ...devOptions } = options;
  return {
    name: 'playbook-loader',
    async load(context) {
      const sync = async () => {
        const report = await syncCollection(context, context.watcher ? devOptions : options, loadSiteGraph(contentDir));
        syncReports.set(collection, report);
        if (COLLECTIONS[collection].body) context.logger.info(`rendered ${report.rendered} of ${report.entries} ${collection}`);
        // The build has checked the content before loading it, so a failure here is a bug; the dev server shows the content errors in the browser.
        if (report.failures.length > 0 && !context.watcher) throw new Error(report.failures.join('\n'));
        for (const failure of report.failures) context.logger.warn(failure);
      };
      await sync();
      const watcher = context.watcher;
      if (!watcher) return;
      // The content folder may lie outside the project (tests, benchmarks): watch it explicitly.
      watcher.add(contentDir);
      const inside = (file: string) => path.resolve(file).startsWith(contentDir + path.sep);
      let pending: Promise<void> = Promise.resolve();
      const onChange = (file: string) => {
        if (!inside(file)) return;
        // Every collection's handler sees the event; the first to run reloads the graph, the rest reuse it.
        forgetSiteGraph(contentDir, file);
        pending = pending
          .then(sync)
          .catch((error: unknown) => context.logger.error(`could not load ${collection}: ${(error as Error).message}`));
      };
      watcher.on('change', onChange);
      watcher.on('add', onChange);
      watcher.on('unlink', onChange);
    },
  };
}
