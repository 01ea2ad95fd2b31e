/**
 * Social images cached across builds: a PNG per content hash in
 * node_modules/.cache/og/ (kept by CI caches of node_modules, never shipped).
 * The key covers the card's text, the host, the design version, the fonts' bytes
 * and the satori and resvg versions, so any change that could move a pixel
 * draws the image again, and an unchanged card costs one file read.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { OgCard } from './cards.ts';
import { ogFonts } from './fonts.ts';
import { OG_DESIGN_VERSION, renderCard } from './render.ts';

export const OG_CACHE_DIR = path.resolve('node_modules/.cache/og');

let versions: string | undefined;
/** satori and resvg versions, from their package files. */
function rendererVersions(root = process.cwd()): string {
  if (!versions) {
    const require = createRequire(path.join(root, 'package.json'));
    const version = (name: string) => (JSON.parse(fs.readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;
    versions = `satori@${version('satori')} resvg@${version('@resvg/resvg-js')}`;
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
    return { png: fs.readFileSync(file), cached: true };
  } catch {
    // Not cached yet.
  }
  const png = await render(card, host);
  try {
    fs.mkdirSync(dir, { recursive: true });
    // Write then rename: two builds running side by side never read half a file.
    const temp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, png);
    fs.renameSync(temp, file);
  } catch {
    // A read-only node_modules still builds, just without the cache.
  }
  return { png, cached: false };
}
