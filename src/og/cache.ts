/**
 * Social images cached across builds: a PNG per content hash in
 * node_modules/.cache/og/ (kept by CI caches of node_modules, never shipped).
 * The key covers the card's text, the host, the design version, the fonts' bytes
 * and the versions of fontkit (shaping) and resvg (glyph drawing), so any
 * change that could move a pixel draws the image again, and an unchanged card
 * costs one file read.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { OgCard } from './cards.ts';
import { ogFonts } from './fonts.ts';
import { OG_DESIGN_VERSION, renderCard } from './render.ts';
import { touch } from '../lib/cache-prune.ts';
import { writeFileAtomic } from '../util/write-file-atomic.ts';

export const OG_CACHE_DIR = path.resolve('node_modules/.cache/og');

let versions: string | undefined;
/** fontkit and resvg versions, from their package files. */
function rendererVersions(root = process.cwd()): string {
  if (!versions) {
    const require = createRequire(path.join(root, 'package.json'));
    // fontkit's `exports` hide its package.json: find it above the entry point instead.
    const version = (name: string): string => {
      for (let dir = path.dirname(require.resolve(name)); dir !== path.dirname(dir); dir = path.dirname(dir)) {
        const file = path.join(dir, 'package.json');
        if (!fs.existsSync(file)) continue;
        const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
        if (json.name === name && json.version) return json.version;
      }
      throw new Error(`no package.json with a version for ${name}`);
    };
    versions = `fontkit@${version('fontkit')} resvg@${version('@resvg/resvg-js')}`;
  }
  return versions;
}

export function cacheKey(card: OgCard, host: string): string {
  const parts = { design: OG_DESIGN_VERSION, fonts: ogFonts().digest, renderers: rendererVersions(), host, card };
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

export interface CachedImage {
  png: Buffer;
  /** Whether the image came from the cache (false: drawn now and stored). */
  cached: boolean;
}

/** The card's PNG from the cache, or drawn and stored. A cache that cannot be written only costs speed. */
export async function cachedCardPng(card: OgCard, host: string, { dir = OG_CACHE_DIR, render = renderCard } = {}): Promise<CachedImage> {
  const file = path.join(dir, `${cacheKey(card, host)}.png`);
  try {
    const png = fs.readFileSync(file);
    // Marked as used, so pruning keeps it (src/lib/cache-prune.ts).
    await touch(file);
    return { png, cached: true };
  } catch {
    // Not cached yet.
  }
  const png = await render(card, host);
  try {
    // Write then rename: two builds running side by side never read half a file.
    writeFileAtomic(file, png);
  } catch {
    // A read-only node_modules still builds, just without the cache.
  }
  return { png, cached: false };
}
