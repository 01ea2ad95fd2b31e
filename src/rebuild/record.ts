/**
 * The record of the last complete build into an output folder: what it was
 * built from (the code, the settings, every content file, each rendered
 * entry's digest, the catalogue) and a fingerprint of what it left in the
 * folder. The next build compares the content with it (./plan.ts) to find out
 * whether it can put new note bodies into the pages in place (./in-place.ts)
 * instead of running every step.
 *
 * Kept in `node_modules/.cache/playbook-build/`, one file per output and
 * content folder; deleting it only makes the next build a full one.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'astro/zod';
import type { SiteConfig } from '../config.ts';
import { touch } from '../lib/cache-prune.ts';
import { codeVersion } from '../util/code-version.ts';
import { walkTree } from '../util/walk-tree.ts';
import { writeFileAtomic } from '../util/write-file-atomic.ts';

/** Bumped when the record's shape or meaning changes: an older record then never matches. */
export const RECORD_FORMAT = 1;

/** What a build read: the part of the record computed from the content. */
export interface ContentState {
  /** Every file under the content folder (path relative to it, with `/`) → SHA-256 of its bytes. */
  files: Record<string, string>;
  /** The catalogue digest (src/graph/catalogue.ts): every entry's data, route and links, but no body. */
  catalogue: string;
  /** Each entry with a rendered body (notes, themes), by key → its digest (src/markdown/entry-digest.ts). */
  digests: Record<string, string>;
}

export interface BuildRecord extends ContentState {
  format: number;
  /** The build's code: src/, scripts/, public/, the Astro config and the locked dependencies. */
  code: string;
  /** The site settings (SITE_URL, BASE_PATH, REPO_URL, …), SOURCE_DATE_EPOCH and the output folder. */
  settings: string;
  /** A fingerprint of every file in the output folder as the build left it (./record.ts `outputFingerprint`). */
  output: string;
}

/** Everything whose change can change what the build writes, apart from the content. */
const BUILD_CODE = ['src', 'scripts', 'public', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'];

export const buildCodeVersion = (root: string): string => codeVersion(root, BUILD_CODE) ?? 'unversioned';

/**
 * What the build reads from the environment beyond the site settings (`SiteConfig`: SITE_URL,
 * BASE_PATH, CONTENT_DIR, REPO_URL): the PDFs' creation date, which the worksheets and the
 * composer's pack data carry. tests/unit/in-place-rebuild.test.ts lists every variable the code reads.
 */
export const BUILD_ENVIRONMENT = ['SOURCE_DATE_EPOCH'] as const;

export const settingsDigest = (config: SiteConfig, out: string, env: Record<string, string | undefined> = process.env): string =>
  createHash('sha256')
    .update(JSON.stringify({ config, out: path.resolve(out), env: BUILD_ENVIRONMENT.map((name) => env[name] ?? null) }))
    .digest('hex')
    .slice(0, 32);

/** Where the record of builds of `contentDir` into `out` is kept. */
export function recordFile(root: string, out: string, contentDir: string): string {
  const name = createHash('sha256')
    .update(`${path.resolve(out)}\0${path.resolve(contentDir)}`)
    .digest('hex')
    .slice(0, 24);
  return path.join(root, 'node_modules/.cache/playbook-build', `${name}.json`);
}

/** Files under `dir`, relative with `/`, sorted; symbolic links and other non-files are listed too, as such. */
function walk(dir: string): { relative: string; absolute: string; file: boolean }[] {
  return walkTree(dir)
    .map(({ absolute, file }) => ({ relative: path.relative(dir, absolute).split(path.sep).join('/'), absolute, file }))
    .sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0));
}

/**
 * Every file of the output folder with its size and modification time, hashed: any step that wrote,
 * removed or touched a file since changes it. Empty folder or none: a fixed value no build leaves.
 */
export function outputFingerprint(out: string): string {
  const hash = createHash('sha256');
  for (const { relative, absolute } of walk(out)) {
    const stat = fs.lstatSync(absolute);
    hash.update(`${relative}\0${stat.size}\0${stat.mtimeMs}\n`);
  }
  return hash.digest('hex').slice(0, 32);
}

/** Every file under the content folder with a hash of its bytes (a link or other non-file is marked, never followed). */
export function contentFiles(contentDir: string): Record<string, string> {
  return Object.fromEntries(
    walk(contentDir).map(({ relative, absolute, file }) => [
      relative,
      file ? createHash('sha256').update(fs.readFileSync(absolute)).digest('hex').slice(0, 32) : 'not-a-file',
    ]),
  );
}

const recordSchema = z.object({
  format: z.literal(RECORD_FORMAT),
  code: z.string(),
  settings: z.string(),
  output: z.string(),
  files: z.record(z.string(), z.string()),
  catalogue: z.string(),
  digests: z.record(z.string(), z.string()),
});

/** The record in `file`, or undefined when there is none, it cannot be read, or it has another shape or format. */
export function readRecord(file: string): BuildRecord | undefined {
  try {
    const parsed = recordSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    if (!parsed.success) return undefined;
    // Read is used: a folder rebuilt with nothing changed keeps its record through pruning (src/lib/cache-prune.ts).
    void touch(file);
    return parsed.data;
  } catch {
    return undefined;
  }
}

/** Writes the record whole, so a reader never sees half of it. */
export const writeRecord = (file: string, record: BuildRecord): void => writeFileAtomic(file, JSON.stringify(record));

export const forgetRecord = (file: string): void => fs.rmSync(file, { force: true });
