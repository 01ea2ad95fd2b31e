/**
 * The fonts of the social images: Noto Sans regular and bold, full TrueType
 * files from `@expo-google-fonts/noto-sans` (fontkit shapes text with them; TTF
 * rather than WOFF2, which would need decompressing first).
 * Resolved from the project root, not from this module: inside an Astro build
 * this code runs from a bundled chunk in the output folder, which may be
 * outside the project (tests build into the system's temp folder).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const FILES = {
  400: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  700: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
} as const;

export interface OgFont {
  name: string;
  data: Buffer;
  weight: 400 | 700;
  style: 'normal';
}

let loaded: { fonts: OgFont[]; digest: string } | undefined;

/** Both faces, read once per process, and a digest of their bytes (part of every cache key). */
export function ogFonts(root = process.cwd()): { fonts: OgFont[]; digest: string } {
  if (!loaded) {
    const require = createRequire(path.join(root, 'package.json'));
    const hash = createHash('sha256');
    const fonts = ([400, 700] as const).map((weight) => {
      const data = fs.readFileSync(require.resolve(FILES[weight]));
      hash.update(data);
      return { name: 'Noto Sans', data, weight, style: 'normal' as const };
    });
    loaded = { fonts, digest: hash.digest('hex') };
  }
  return loaded;
}
