/** The benchmark's Markdown table, from its JSON results. */
import type { Stats } from './measure.ts';

export interface SiteResult {
  wallSeconds: Stats;
  cpuSeconds: Stats;
  peakMB: Stats;
  distMB: number;
  indexKB: number;
  firstView: { bytes: number; gzipBytes: number; requests: number };
  /** Wall time of a rebuild with no change and of one after a note's body changed (caches kept). */
  rebuild?: { noChange: Stats; oneEdit: Stats };
  /** What our build said it rendered, per build ("oneEdit: 1 of 1000"). */
  rendered?: string[];
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
const range = (s: Stats, unit: string, digits = 1) =>
  `${s.median.toFixed(digits)}${unit} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`;

export function markdownTable(results: readonly SizeResult[]): string {
  const header =
    '| notes | caches | site | wall time, median (min–max) | CPU time | peak memory | dist/ | search index | first view of a note | wall vs Starlight |';
  const rule = '|---:|---|---|---|---|---|---:|---:|---|---:|';
  const rows = results.flatMap((r) => {
    const row = (name: string, site: SiteResult, ratio: string) =>
      `| ${r.notes.toLocaleString('en')} | ${r.caches} | ${name} | ${range(site.wallSeconds, ' s')} | ${range(site.cpuSeconds, ' s')} | ${range(site.peakMB, ' MB', 0)} | ${site.distMB.toFixed(1)} MB | ${site.indexKB.toFixed(0)} kB | ${kb(site.firstView.bytes)} (${kb(site.firstView.gzipBytes)} gz, ${site.firstView.requests} requests) | ${ratio} |`;
    const ratio = r.starlight ? `${(r.ours.wallSeconds.median / r.starlight.wallSeconds.median).toFixed(2)}×` : 'n/a';
    return [row('ours', r.ours, ratio), ...(r.starlight ? [row('Starlight', r.starlight, '1.00×')] : [])];
  });
  const rebuildRows = results.flatMap((r) => {
    const row = (name: string, site: SiteResult) =>
      site.rebuild
        ? [
            `| ${r.notes.toLocaleString('en')} | ${name} | ${range(site.wallSeconds, ' s')} | ${range(site.rebuild.noChange, ' s')} | ${range(site.rebuild.oneEdit, ' s')} | ${(site.rebuild.oneEdit.median / site.wallSeconds.median).toFixed(2)}× |`,
          ]
        : [];
    return [...row('ours', r.ours), ...(r.starlight ? row('Starlight', r.starlight) : [])];
  });
  const rebuilds =
    rebuildRows.length > 0
      ? [
          '',
          '| notes | site | cold build | rebuild, no change | rebuild, one note edited | one-edit / cold |',
          '|---:|---|---|---|---|---:|',
          ...rebuildRows,
        ]
      : [];
  return [header, rule, ...rows, ...rebuilds].join('\n');
}

/**
 * Issue 13's targets at 1,000 notes: a cold build at most 0.7× Starlight's; a rebuild after one
 * note's body changed at most 25% of our cold build and at most 0.25× Starlight's; no more memory
 * than Starlight; and growth from 1,000 to 5,000 notes at most 5.5× (issue 8).
 */
export const TARGETS = {
  cold: { 1000: 0.7 } as Record<number, number>,
  oneEditOfCold: { 1000: 0.25 } as Record<number, number>,
  oneEditVsStarlight: { 1000: 0.25 } as Record<number, number>,
  growth: { from: 1000, to: 5000, max: 5.5 },
} as const;

/** One line per target the results can speak to: what was measured and whether it holds. */
export function targetLines(results: readonly SizeResult[]): string[] {
  const lines: string[] = [];
  const mark = (ok: boolean) => (ok ? 'met' : '**not met**');
  const at = (r: SizeResult) => `${r.notes.toLocaleString('en')} notes (${r.caches})`;
  for (const r of results) {
    const oneEdit = r.ours.rebuild?.oneEdit.median;
    const ofCold = TARGETS.oneEditOfCold[r.notes];
    if (oneEdit !== undefined && ofCold !== undefined) {
      const share = oneEdit / r.ours.wallSeconds.median;
      lines.push(
        `- ${at(r)}: a rebuild after one note changed takes ${(share * 100).toFixed(0)}% of our cold build, target at most ${ofCold * 100}%: ${mark(share <= ofCold)}`,
      );
    }
    if (!r.starlight) continue;
    const limit = TARGETS.cold[r.notes];
    const ratio = r.ours.wallSeconds.median / r.starlight.wallSeconds.median;
    if (limit !== undefined)
      lines.push(`- ${at(r)}: cold build ${ratio.toFixed(2)}× Starlight's, target at most ${limit}×: ${mark(ratio <= limit)}`);
    const vsThem = TARGETS.oneEditVsStarlight[r.notes];
    const theirEdit = r.starlight.rebuild?.oneEdit.median;
    if (oneEdit !== undefined && theirEdit !== undefined && vsThem !== undefined) {
      const editRatio = oneEdit / theirEdit;
      lines.push(
        `- ${at(r)}: one-edit rebuild ${editRatio.toFixed(2)}× Starlight's, target at most ${vsThem}×: ${mark(editRatio <= vsThem)}`,
      );
    }
    const memory = r.ours.peakMB.median;
    lines.push(
      `- ${at(r)}: peak memory ${memory.toFixed(0)} MB against Starlight's ${r.starlight.peakMB.median.toFixed(0)} MB, target no more: ${mark(memory <= r.starlight.peakMB.median)}`,
    );
  }
  const from = results.find((r) => r.notes === TARGETS.growth.from);
  const to = results.find((r) => r.notes === TARGETS.growth.to && r.caches === from?.caches);
  if (from && to) {
    const growth = to.ours.wallSeconds.median / from.ours.wallSeconds.median;
    lines.push(
      `- growth from ${from.notes.toLocaleString('en')} to ${to.notes.toLocaleString('en')} notes: ${growth.toFixed(2)}× the time for ${to.notes / from.notes}× the notes, target at most ${TARGETS.growth.max}×: ${mark(growth <= TARGETS.growth.max)}`,
    );
  }
  return lines;
}
