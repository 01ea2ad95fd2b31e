/** Measurements for the benchmark: timed child processes, folder sizes, first-view page weight, statistics. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface Timed {
  status: number | null;
  wallSeconds: number;
  cpuSeconds: number;
  /** Peak of the summed resident memory of all the build's processes at one moment, in MB. */
  peakMB: number;
  output: string;
}

/** Parent pid of every running process, from /proc (Linux). */
function parents(): Map<number, number> {
  const map = new Map<number, number>();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // The command name (field 2) is in parentheses and may hold spaces: read after its closing one.
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      map.set(Number(name), ppid);
    } catch {
      // The process ended while we looked.
    }
  }
  return map;
}

const PAGE_BYTES = 4096;

/** Resident memory of a process and all its descendants, in bytes. */
export function treeRssBytes(root: number): number {
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of parents()) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  let total = 0;
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.pop() as number;
    try {
      total += Number(fs.readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE_BYTES;
    } catch {
      // Gone already.
    }
    queue.push(...(children.get(pid) ?? []));
  }
  return total;
}

/**
 * Runs a shell command under GNU time (wall and CPU time of the whole process
 * tree) and samples the tree's summed resident memory every 100 ms. Summing
 * matters: our build runs steps side by side, and GNU time's own peak is that
 * of the largest single process, which would flatter it.
 */
export function timed(command: string, options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<Timed> {
  const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-')), 'time.txt');
  const child = spawn('/usr/bin/time', ['-f', '%e %U %S %M', '-o', report, 'bash', '-c', command], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    // The last 4 MB are enough to show why a build failed.
    output = (output + chunk.toString('utf8')).slice(-4 * 1024 * 1024);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let peakBytes = 0;
  const sampler = setInterval(() => {
    if (child.pid !== undefined) peakBytes = Math.max(peakBytes, treeRssBytes(child.pid));
  }, 100);
  return new Promise((resolve) => {
    child.on('close', (status) => {
      clearInterval(sampler);
      const [wall = 0, user = 0, system = 0, kilobytes = 0] = (fs.readFileSync(report, 'utf8').trim().split('\n').pop() ?? '')
        .split(' ')
        .map(Number);
      fs.rmSync(path.dirname(report), { recursive: true, force: true });
      // A build too short to sample still has GNU time's single-process peak.
      const peakMB = Math.round(Math.max(peakBytes, kilobytes * 1024) / 1024 / 1024);
      resolve({ status, wallSeconds: wall, cpuSeconds: user + system, peakMB, output });
    });
  });
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
  for (const match of text.matchAll(
    /<link[^>]+rel="(?:stylesheet|modulepreload)"[^>]*href="([^"]+)"|<link[^>]+href="([^"]+)"[^>]*rel="(?:stylesheet|modulepreload)"|<script[^>]+src="([^"]+)"/g,
  )) {
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
