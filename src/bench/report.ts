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

/** Issue 8's targets: at most 0.8× Starlight's wall time at 1,000 notes and 0.5× at 5,000, no more memory, linear growth. */
export const TARGETS = { ratio: { 1000: 0.8, 5000: 0.5 } as Record<number, number>, growth: { from: 1000, to: 5000, max: 5.5 } } as const;

/** One line per target the results can speak to: what was measured and whether it holds. */
export function targetLines(results: readonly SizeResult[]): string[] {
  const lines: string[] = [];
  const mark = (ok: boolean) => (ok ? 'met' : '**not met**');
  for (const r of results) {
    if (!r.starlight) continue;
    const limit = TARGETS.ratio[r.notes];
    const ratio = r.ours.wallSeconds.median / r.starlight.wallSeconds.median;
    if (limit !== undefined) lines.push(`- ${r.notes.toLocaleString('en')} notes (${r.caches}): wall time ${ratio.toFixed(2)}× Starlight's, target at most ${limit}×: ${mark(ratio <= limit)}`);
    const memory = r.ours.peakMB.median;
    lines.push(`- ${r.notes.toLocaleString('en')} notes (${r.caches}): peak memory ${memory.toFixed(0)} MB against Starlight's ${r.starlight.peakMB.median.toFixed(0)} MB, target no more: ${mark(memory <= r.starlight.peakMB.median)}`);
  }
  const from = results.find((r) => r.notes === TARGETS.growth.from);
  const to = results.find((r) => r.notes === TARGETS.growth.to && r.caches === from?.caches);
  if (from && to) {
    const growth = to.ours.wallSeconds.median / from.ours.wallSeconds.median;
    lines.push(`- growth from ${from.notes.toLocaleString('en')} to ${to.notes.toLocaleString('en')} notes: ${growth.toFixed(2)}× the time for ${to.notes / from.notes}× the notes, target at most ${TARGETS.growth.max}×: ${mark(growth <= TARGETS.growth.max)}`);
  }
  return lines;
}
