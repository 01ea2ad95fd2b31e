/**
 * Writes the Markdown twins, `llms.txt` and `llms-full.txt` into a folder that
 * is merged into the site's output: `<collection>/<id>.md` and the two files at
 * its root. Returns what it wrote.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { SiteGraph } from '../graph/site-graph.ts';
import { siteTwins, type TwinContext } from './entries.ts';
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
