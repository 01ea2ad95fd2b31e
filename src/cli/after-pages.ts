/**
 * What `npm run build` (scripts/build.ts) does once the pages are written, in its own process over
 * one graph: the search index and, while Pagefind's process builds the index files, the Markdown
 * twins, `_headers` and the build's record. As processes of their own, each loaded our code and
 * the content again (1,000 notes: 8.3 s after the pages, against 4.0–4.7 s here).
 *
 * The build loads this module only after the pages (or for an in-place rebuild): it holds the
 * graph, the parser and Pagefind, which the build's process then does not carry beside Astro.
 */
import type { SiteConfig } from '../config.ts';
import { loadSiteGraph, type SiteGraph } from '../graph/site-graph.ts';
import { buildRecordOf } from '../rebuild/content-state.ts';
import type { BuildRecord } from '../rebuild/record.ts';
import { formatIndexReport } from './search-index.ts';
import { buildSearchIndex, SearchIndexError } from '../search/indexer.ts';
import { HeadersError, writeSiteHeaders } from '../security/site-headers.ts';
import { siteTwinFiles, updateTwins, writeTwins } from '../twins/write.ts';
import { secondsSince, timed } from './timings.ts';

interface SiteBuild {
  /** The project (its code and caches). */
  root: string;
  /** The output folder, with the pages in it. */
  out: string;
  config: SiteConfig;
  /** Where each step's time goes, for the build's last line. */
  timings: string[];
}

/**
 * The search index over `graph`, with `alongside` done while Pagefind builds its files. The exit
 * code the steps would have had: 1, after saying which failed and why, for a failure of the content
 * or the pages; anything else is a bug and is thrown.
 */
async function indexSite({ out, config, timings }: SiteBuild, graph: SiteGraph, alongside: (timings: string[]) => void): Promise<number> {
  const started = performance.now();
  const meanwhile: string[] = [];
  try {
    const report = await buildSearchIndex({ siteDir: out, contentDir: config.contentDir, graph, alongside: () => alongside(meanwhile) });
    console.log(formatIndexReport(report));
  } catch (error) {
    const step = error instanceof SearchIndexError ? 'search index' : error instanceof HeadersError ? 'headers' : null;
    if (step === null) throw error;
    console.error(`${step === 'headers' ? 'headers' : 'search-index'}: ${(error as Error).message}`);
    console.error(`build: the ${step} step failed (exit 1).`);
    return 1;
  }
  timings.push(`search index ${secondsSince(started)} s [alongside: ${meanwhile.join(', ')}]`);
  return 0;
}

/** After a full build's pages: the search index, twins, `_headers` and the record (without the output's fingerprint, which the caller adds). */
export async function finishFullBuild(build: SiteBuild): Promise<{ code: number; record?: BuildRecord }> {
  const { root, out, config, timings } = build;
  // The loader kept each body's analysis and twin on disk, so this graph parses nothing.
  const graph = timed(timings, 'content', () => loadSiteGraph(config.contentDir, { fresh: true }));
  let record: BuildRecord | undefined;
  const code = await indexSite(build, graph, (meanwhile) => {
    timed(
      meanwhile,
      'markdown twins',
      () => writeTwins(siteTwinFiles(graph, config, root), out),
      (report) => `${report.twins} files`,
    );
    timed(
      meanwhile,
      'headers',
      () => writeSiteHeaders(out),
      (pages) => `${pages} pages`,
    );
    record = timed(meanwhile, 'build record', () => buildRecordOf(graph, root, config, out));
  });
  return code === 0 && record ? { code, record } : { code };
}

/** After an in-place rebuild (src/rebuild/in-place.ts): the search index and the twins whose bytes changed, over its graph. */
export function finishInPlace(build: SiteBuild, graph: SiteGraph): Promise<number> {
  const { root, out, config } = build;
  return indexSite(build, graph, (meanwhile) =>
    timed(
      meanwhile,
      'markdown twins',
      () => updateTwins(siteTwinFiles(graph, config, root), out),
      (files) => `${files.length} files`,
    ),
  );
}
