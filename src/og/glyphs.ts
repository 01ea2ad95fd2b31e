/**
 * The glyph atlas: each glyph's coverage bitmap, drawn once per process for a
 * face, a size and a horizontal sub-pixel phase, then copied onto every card
 * that uses it. A card has a few hundred glyphs but only a few dozen distinct
 * ones, and cards share them, so resvg runs a few hundred times per build at
 * most instead of once per card.
 *
 * Pen positions are rounded to 1/SUBPIXELS of a pixel horizontally (no glyph
 * is more than 1/8 px from its place, so spacing stays even) and baselines to
 * whole pixels (text stands on the pixel grid, as hinted text does). Each glyph is drawn for all
 * phases in one resvg call, on its own: its bitmap then depends only on the
 * key, never on which card asked first, so a card's bytes do not depend on
 * what the process drew before it.
 */
import { Resvg } from '@resvg/resvg-js';
import type { Face } from './text.ts';

export const SUBPIXELS = 4;

/** Coverage (0–255) of a glyph, placed relative to its pen position on the baseline. */
export interface GlyphBitmap {
  /** Offset of the bitmap's top-left pixel from the pen's pixel (x) and the baseline (y, down). */
  left: number;
  top: number;
  width: number;
  height: number;
  /** Row by row, `width` bytes each. */
  coverage: Uint8Array;
}

const EMPTY: GlyphBitmap = { left: 0, top: 0, width: 0, height: 0, coverage: new Uint8Array(0) };

const atlas = new Map<string, GlyphBitmap[]>();

/** The bitmap of glyph `id` of `face` at `size` px, with the pen `phase`/SUBPIXELS px right of a pixel edge. */
export function glyphBitmap(face: Face, id: number, size: number, phase: number): GlyphBitmap {
  const key = `${face.weight}/${size}/${id}`;
  let phases = atlas.get(key);
  if (!phases) {
    phases = rasterise(face, id, size);
    atlas.set(key, phases);
  }
  return phases[phase] ?? EMPTY;
}

/** How many glyph bitmaps the process holds (for tests and timing). */
export const atlasSize = (): number => atlas.size;

/**
 * Draws the glyph at every phase, one above the other, with resvg, and cuts
 * each out to its inked pixels. Font outlines are y-up: the SVG scales y by
 * −1 about the baseline.
 */
function rasterise(face: Face, id: number, size: number): GlyphBitmap[] {
  const glyph = face.font.getGlyph(id);
  const d = glyph.path.toSVG();
  if (!d) return Array.from({ length: SUBPIXELS }, () => EMPTY);
  const scale = size / face.font.unitsPerEm;
  const box = glyph.bbox;
  // A pixel of margin all round: antialiasing reaches past the outline's box, and the phase adds up to one pixel.
  const left = Math.floor(box.minX * scale) - 1;
  const top = Math.floor(-box.maxY * scale) - 1;
  const width = Math.ceil(box.maxX * scale) + 2 - left;
  const height = Math.ceil(-box.minY * scale) + 1 - top;
  if (width <= 0 || height <= 0) return Array.from({ length: SUBPIXELS }, () => EMPTY);
  const paths = Array.from(
    { length: SUBPIXELS },
    (_, phase) => `<path transform="translate(${phase / SUBPIXELS - left} ${phase * height - top}) scale(${scale} ${-scale})" d="${d}"/>`,
  );
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height * SUBPIXELS}">${paths.join('')}</svg>`;
  const image = new Resvg(svg, { font: { loadSystemFonts: false }, fitTo: { mode: 'original' } }).render();
  // Black on transparent: a pixel's alpha is its coverage.
  const rgba = image.pixels;
  return Array.from({ length: SUBPIXELS }, (_, phase) => crop(rgba, width, phase * height, height, left, top));
}

/** The inked part of rows [y0, y0 + height) of an RGBA image, as a coverage bitmap. */
function crop(rgba: Uint8Array, width: number, y0: number, height: number, left: number, top: number): GlyphBitmap {
  let minX = width;
  let minY = height;
  let maxX = -1;
  let maxY = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if ((rgba[((y0 + y) * width + x) * 4 + 3] ?? 0) === 0) continue;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  if (maxX < 0) return EMPTY;
  const w = maxX - minX + 1;
  const h = maxY - minY + 1;
  const coverage = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) coverage[y * w + x] = rgba[((y0 + minY + y) * width + minX + x) * 4 + 3] ?? 0;
  }
  return { left: left + minX, top: top + minY, width: w, height: h, coverage };
}
