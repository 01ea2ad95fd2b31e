/** The benchmark's Markdown table, from its JSON results. */
import type { Stats } from './measure.ts';

export interface SiteResult {
  wallSeconds: Stats;
  cpuSeconds: Stats;
  peakMB: Stats;
  distMB: number;
  indexKB: number;
  firstView: { bytes: number; gzipBytes: number; requests: number };
}

export interface SizeResult {
  notes: number;
  words: number;
  runs: number;
  /** `cold`: every build starts without caches; `warm`: our social-image cache is kept between builds. */
  caches: 'cold' | 'warm';
  ours: SiteResult;
  starlight?: SiteResult;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const range = (s: Stats, unit: string, digits = 1) => `${s.median.toFixed(digits)}${unit} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`;

export function markdownTable(results: readonly SizeResult[]): string {
  const header = '| notes | caches | site | wall time, median (min–max) | CPU time | peak memory | dist/ | search index | first view of a note | wall vs Starlight |';
  const rule = '|---:|---|---|---|---|---|---:|---:|---|---:|';
  const rows = results.flatMap((r) => {
    const row = (name: string, site: SiteResult, ratio: string) =>
      `| ${r.notes.toLocaleString('en')} | ${r.caches} | ${name} | ${range(site.wallSeconds, ' s')} | ${range(site.cpuSeconds, ' s')} | ${range(site.peakMB, ' MB', 0)} | ${site.distMB.toFixed(1)} MB | ${site.indexKB.toFixed(0)} kB | ${kb(site.firstView.bytes)} (${kb(site.firstView.gzipBytes)} gz, ${site.firstView.requests} requests) | ${ratio} |`;
    const ratio = r.starlight ? `${(r.ours.wallSeconds.median / r.starlight.wallSeconds.median).toFixed(2)}×` : 'n/a';
    return [row('ours', r.ours, ratio), ...(r.starlight ? [row('Starlight', r.starlight, '1.00×')] : [])];
  });
  return [header, rule, ...rows].join('\n');
}
