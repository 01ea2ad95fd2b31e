/**
 * Writes every social image of the site into a folder, as `<kind>/<id>.png`.
 * A build step of its own (scripts/social-images.ts), not Astro pages: it needs
 * only the site graph, so it runs beside `astro build` on the other CPU core
 * instead of after every page in Astro's one-at-a-time route loop.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { SiteGraph } from '../graph/site-graph.ts';
import { cachedCardPng } from './cache.ts';
import { ogCards } from './cards.ts';
import { ogRoute } from './url.ts';

export interface WriteReport {
  images: number;
  /** Drawn now (the rest came from the cache). */
  drawn: number;
  bytes: number;
  largest: number;
}

export async function writeSocialImages(
  graph: SiteGraph,
  outDir: string,
  host: string,
  options: { cacheDir?: string } = {},
): Promise<WriteReport> {
  const report: WriteReport = { images: 0, drawn: 0, bytes: 0, largest: 0 };
  for (const card of ogCards(graph)) {
    const { png, cached } = await cachedCardPng(card, host, options.cacheDir ? { dir: options.cacheDir } : {});
    // The route starts with /og/; the folder given is the one that stands for /og/.
    const file = path.join(outDir, ogRoute(card.kind, card.id).replace(/^\/og\//, ''));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, png);
    report.images++;
    if (!cached) report.drawn++;
    report.bytes += png.length;
    report.largest = Math.max(report.largest, png.length);
  }
  return report;
}
