import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateNotes, writeOurCorpus } from '../../src/bench/corpus.ts';
import { stats, timed } from '../../src/bench/measure.ts';
import { markdownTable, targetLines, type SiteResult } from '../../src/bench/report.ts';
import { runCheck } from '../../src/cli/check.ts';

describe('benchmark corpus', () => {
  it('is deterministic: same count and seed, same notes', () => {
    expect(generateNotes(20, 7)).toEqual(generateNotes(20, 7));
    expect(generateNotes(20, 7)).not.toEqual(generateNotes(20, 8));
  });

  it('has the shape of real notes: 500-800 words, headings, lists, quotes, 2-5 links', () => {
    for (const note of generateNotes(30)) {
      const words = note.body.split(/\s+/).filter(Boolean).length;
      expect(words).toBeGreaterThanOrEqual(500);
      expect(words).toBeLessThan(1000);
      expect(note.body).toMatch(/^## /m);
      expect(note.body).toMatch(/^- /m);
      expect(note.body).toMatch(/^> /m);
      expect([...note.body.matchAll(/See also \[/g)].length).toBeGreaterThanOrEqual(2);
    }
  });

  it('writes notes our checker accepts: schema-valid, every link resolving, reflection questions as a real note has', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-corpus-'));
    writeOurCorpus(dir, 40);
    const { findings } = runCheck(dir);
    fs.rmSync(dir, { recursive: true, force: true });
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    // Without them every build printed a warning per note (1,000 at 1,000 notes).
    expect(findings.filter((f) => f.rule === 'note-reflect')).toEqual([]);
  });
});

describe('benchmark statistics and table', () => {
  it('gives median, min and max', () => {
    expect(stats([3, 1, 2])).toEqual({ median: 2, min: 1, max: 3 });
    expect(stats([4, 1, 2, 3])).toEqual({ median: 2.5, min: 1, max: 4 });
  });

  it('reports our wall time as a ratio of Starlight’s', () => {
    const site = (wall: number): SiteResult => ({
      wallSeconds: stats([wall]),
      cpuSeconds: stats([wall]),
      peakMB: stats([500]),
      distMB: 1,
      indexKB: 10,
      firstView: { bytes: 10_000, gzipBytes: 3_000, requests: 2 },
    });
    const table = markdownTable([{ notes: 1000, words: 1, runs: 1, caches: 'cold', ours: site(8), starlight: site(20) }]);
    expect(table).toContain('| 1,000 | cold | ours | 8.0 s (8.0–8.0)');
    expect(table).toMatch(/\| 0\.40× \|$/m);
  });
});

describe('targetLines', () => {
  const site = (wall: number, peak = 500): SiteResult => ({
    wallSeconds: stats([wall]),
    cpuSeconds: stats([wall]),
    peakMB: stats([peak]),
    distMB: 1,
    indexKB: 10,
    firstView: { bytes: 1, gzipBytes: 1, requests: 1 },
  });
  const size = (notes: number, ours: SiteResult, starlight: SiteResult) => ({
    notes,
    words: 1,
    runs: 1,
    caches: 'cold' as const,
    ours,
    starlight,
  });

  it('checks the cold build against 0.7× Starlight’s at 1,000 notes', () => {
    const met = targetLines([size(1000, site(21), site(32))]);
    expect(met.find((l) => l.startsWith('- 1,000 notes (cold): cold build'))).toMatch(/0\.66× .* at most 0\.7×: met$/);
    const missed = targetLines([size(1000, site(24), site(32))]);
    expect(missed.find((l) => l.startsWith('- 1,000 notes (cold): cold build'))).toMatch(/0\.75× .* at most 0\.7×: \*\*not met\*\*$/);
  });

  it('checks the one-edit rebuild against 25% of our cold build and 0.25× Starlight’s', () => {
    const withRebuilds = (wall: number, noChange: number, oneEdit: number): SiteResult => ({
      ...site(wall),
      rebuild: { noChange: stats([noChange]), oneEdit: stats([oneEdit]) },
    });
    const lines = targetLines([size(1000, withRebuilds(20, 4, 6), withRebuilds(32, 30, 30))]);
    expect(lines.find((l) => l.includes('of our cold build'))).toMatch(/takes 30% of our cold build, target at most 25%: \*\*not met\*\*$/);
    expect(lines.find((l) => l.includes('one-edit rebuild'))).toMatch(/0\.20× Starlight's, target at most 0\.25×: met$/);
    const table = markdownTable([size(1000, withRebuilds(20, 4, 6), withRebuilds(32, 30, 30))]);
    expect(table).toContain('| 1,000 | ours | 20.0 s (20.0–20.0) | 4.0 s (4.0–4.0) | 6.0 s (6.0–6.0) | 0.30× |');
  });

  it('checks memory against Starlight and growth from 1,000 to 5,000 notes', () => {
    const lines = targetLines([size(1000, site(20, 900), site(30, 800)), size(5000, site(100), site(200))]);
    expect(lines.find((l) => l.startsWith('- 1,000 notes (cold): peak'))).toMatch(/900 MB against Starlight's 800 MB.*\*\*not met\*\*$/);
    expect(lines.at(-1)).toMatch(/growth from 1,000 to 5,000 notes: 5\.00× .* at most 5\.5×: met$/);
  });
});

describe('timed', () => {
  it('sums the memory of processes that run side by side', async () => {
    // Two processes each holding about 200 MB at the same time: the peak is their sum, not the larger one.
    const hold = `"${process.execPath}" -e "const b = Buffer.alloc(2e8, 1); setTimeout(() => b.length, 1500)"`;
    const run = await timed(`${hold} & ${hold} & wait`, { cwd: process.cwd() });
    expect(run.status).toBe(0);
    expect(run.peakMB).toBeGreaterThan(400);
    expect(run.wallSeconds).toBeGreaterThanOrEqual(1.4);
  });
  it('reports a failing command with its output', async () => {
    const run = await timed('echo something went wrong >&2; exit 3', { cwd: process.cwd() });
    expect(run.status).toBe(3);
    expect(run.output).toContain('something went wrong');
  });
});
