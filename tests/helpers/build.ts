/** Runs real `astro build`s of fixture content into temporary folders. */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const BUILD = path.join(ROOT, 'scripts/build.ts');

export interface BuildResult {
  status: number | null;
  output: string;
  outDir: string;
}

/** The environment a test build of `contentDir` runs in: a public origin, no telemetry, no colour. */
export function buildEnv(contentDir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    CONTENT_DIR: contentDir,
    SITE_URL: 'https://playbook.example',
    ASTRO_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
  };
}

/**
 * Builds `contentDir` into a fresh temporary folder with the same pipeline as
 * `npm run build` (pages, search index, worksheets). Never throws on a failed
 * build: check `status`. Pass `outDir` to build again into the same folder (an
 * incremental build); `args` are more flags, such as `--full`.
 */
export function buildSite(
  contentDir: string,
  env: Record<string, string> = {},
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'playbook-dist-')),
  args: readonly string[] = [],
): BuildResult {
  const result = spawnSync(process.execPath, [BUILD, '--out', outDir, ...args], {
    cwd: ROOT,
    env: { ...buildEnv(contentDir), ...env },
    encoding: 'utf8',
    timeout: 240_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, outDir };
}

/** All files under a folder, relative, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(path.relative(dir, full));
    }
  };
  walk(dir);
  return out.sort();
}

/** Every file of a built site with the SHA-256 of its bytes, for comparing two builds. */
export const digest = (dir: string): Record<string, string> =>
  Object.fromEntries(
    listFiles(dir).map((file) => [
      file,
      crypto
        .createHash('sha256')
        .update(fs.readFileSync(path.join(dir, file)))
        .digest('hex'),
    ]),
  );

export const read = (outDir: string, file: string): string => fs.readFileSync(path.join(outDir, file), 'utf8');
