/** Measurements for the benchmark: timed child processes, folder sizes, first-view page weight, statistics. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface Timed {
  status: number | null;
  wallSeconds: number;
  cpuSeconds: number;
  /** Peak resident memory of the largest process in the tree, in MB. */
  peakMB: number;
  output: string;
}

/** Runs a shell command under GNU time, which reports wall and CPU time and peak memory of the whole process tree. */
export function timed(command: string, options: { cwd: string; env?: NodeJS.ProcessEnv }): Timed {
  const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-')), 'time.txt');
  const result = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', '-o', report, 'bash', '-c', command], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const [wall = 0, user = 0, system = 0, kilobytes = 0] = (fs.readFileSync(report, 'utf8').trim().split('\n').pop() ?? '').split(' ').map(Number);
  fs.rmSync(path.dirname(report), { recursive: true, force: true });
  return { status: result.status, wallSeconds: wall, cpuSeconds: user + system, peakMB: Math.round(kilobytes / 1024), output: `${result.stdout}\n${result.stderr}` };
}

/** Total bytes of the files under a folder (0 if it does not exist). */
export function folderBytes(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += fs.statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return total;
}

/** Bytes of Pagefind's index proper: its chunks and fragments (not its JS, CSS or WebAssembly). */
export function searchIndexBytes(pagefindDir: string): number {
  return ['index', 'fragment'].reduce((sum, sub) => sum + folderBytes(path.join(pagefindDir, sub)), 0);
}

export interface PageWeight {
  bytes: number;
  gzipBytes: number;
  requests: number;
}

/** What a browser loads to show a page first: the HTML plus the stylesheets and scripts it references. */
export function firstViewWeight(outDir: string, htmlFile: string): PageWeight {
  const html = fs.readFileSync(path.join(outDir, htmlFile));
  const text = html.toString('utf8');
  const assets = new Set<string>();
  for (const match of text.matchAll(/<link[^>]+rel="(?:stylesheet|modulepreload)"[^>]*href="([^"]+)"|<link[^>]+href="([^"]+)"[^>]*rel="(?:stylesheet|modulepreload)"|<script[^>]+src="([^"]+)"/g)) {
    const href = match[1] ?? match[2] ?? match[3];
    if (href && href.startsWith('/')) assets.add(href);
  }
  let bytes = html.length;
  let gzipBytes = gzipSync(html).length;
  for (const asset of assets) {
    const file = path.join(outDir, asset.split('?')[0] ?? asset);
    if (!fs.existsSync(file)) continue;
    const body = fs.readFileSync(file);
    bytes += body.length;
    gzipBytes += gzipSync(body).length;
  }
  return { bytes, gzipBytes, requests: 1 + assets.size };
}

export interface Stats {
  median: number;
  min: number;
  max: number;
}

export function stats(values: readonly number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return { median, min: sorted[0] ?? 0, max: sorted[sorted.length - 1] ?? 0 };
}
