/**
 * Writes the Markdown twins, `llms.txt` and `llms-full.txt` into a folder that
 * is merged into the site's output: `<collection>/<id>.md` and the two files at
 * its root. Returns what it wrote.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { SiteConfig } from '../config.ts';
import type { SiteGraph } from '../graph/site-graph.ts';
import { diskCache } from '../lib/disk-cache.ts';
import { ui } from '../lib/ui.ts';
import { TWIN_CACHE, twinCodeVersion } from './cache.ts';
import { siteTwins, type TwinContext } from './entries.ts';
import type { Twin } from './types.ts';
import { llmsFullTxt, llmsTxt, type SiteSummary } from './llms.ts';

export interface TwinReport {
  twins: number;
  /** Bytes of all twins together. */
  twinBytes: number;
  llmsBytes: number;
  llmsFullBytes: number;
}

/** The files to write, by path relative to the output folder, in a stable order. */
export function twinFiles(graph: SiteGraph, options: Omit<TwinContext, 'graph'> & { site: SiteSummary }): Map<string, string> {
  const { site, ...context } = options;
  const twins = siteTwins({ graph, ...context });
  const files = new Map<string, string>();
  for (const twin of [...twins.themes, ...twins.notes, ...twins.plays, ...twins.glossary]) files.set(twin.route.slice(1), twin.markdown);
  files.set('llms.txt', llmsTxt(site, twins));
  files.set(
    'llms-full.txt',
    llmsFullTxt(
      site,
      twins.notes.map((note) => note.llmsFullSection ?? ''),
    ),
  );
  return files;
}

/** The site's twin files as a build makes them: its settings, and the twins kept by earlier builds under the project `root`. */
export function siteTwinFiles(graph: SiteGraph, config: Pick<SiteConfig, 'basePath' | 'publicUrl'>, root: string): Map<string, string> {
  const version = twinCodeVersion(root);
  return twinFiles(graph, {
    base: config.basePath,
    publicUrl: config.publicUrl,
    site: { title: ui.siteTitle, description: ui.siteDescription },
    ...(version && { cache: { store: diskCache<Twin>(root, TWIN_CACHE), version } }),
  });
}

/** Writes the files whose bytes differ from those in `out` (an in-place rebuild, src/rebuild/in-place.ts); returns their paths. */
export function updateTwins(files: Map<string, string>, out: string): string[] {
  const written: string[] = [];
  for (const [file, text] of files) {
    const target = path.join(out, file);
    if (fs.existsSync(target) && fs.readFileSync(target, 'utf8') === text) continue;
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, text);
    written.push(file);
  }
  return written;
}

export function writeTwins(files: Map<string, string>, out: string): TwinReport {
  const report: TwinReport = { twins: 0, twinBytes: 0, llmsBytes: 0, llmsFullBytes: 0 };
  for (const [file, text] of files) {
    const target = path.join(out, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, text);
    const bytes = Buffer.byteLength(text);
    if (file === 'llms.txt') report.llmsBytes = bytes;
    else if (file === 'llms-full.txt') report.llmsFullBytes = bytes;
    else {
      report.twins++;
      report.twinBytes += bytes;
    }
  }
  return report;
}
