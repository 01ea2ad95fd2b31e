/**
 * A palette image to compose a card on: one byte per pixel, an index into a
 * palette that grows as colours are asked for. Composing in palette indices
 * (rather than RGBA, to be counted into a palette afterwards) makes the card
 * fit a PNG palette by construction and skips a pass over 3 MB of pixels.
 * Palette order is the order colours are asked for, so the same drawing
 * calls give the same bytes.
 */
import { addLevels, LEVEL_OF, LEVELS, parseHex, ramp, type Rgb } from './blend.ts';
import type { GlyphBitmap } from './glyphs.ts';

export interface Canvas {
  readonly width: number;
  readonly height: number;
  /** Palette indices, row by row; index 0 is the background. */
  readonly pixels: Uint8Array;
  /** RGB triplets, one per index. */
  readonly palette: number[];
}

/** Text of one colour: palette indices base + 1 … base + LEVELS are its coverage levels over the background. */
export interface Ink {
  readonly base: number;
}

export function createCanvas(width: number, height: number, background: string): Canvas {
  // Fresh typed arrays are zeroed: every pixel starts as index 0, the background.
  return { width, height, pixels: new Uint8Array(width * height), palette: [...parseHex(background)] };
}

const background = (canvas: Canvas): Rgb => [canvas.palette[0] ?? 0, canvas.palette[1] ?? 0, canvas.palette[2] ?? 0];

function addColours(canvas: Canvas, colours: readonly Rgb[]): number {
  const first = canvas.palette.length / 3;
  if (first + colours.length > 256) throw new RangeError(`a card cannot use more than 256 colours (asked for ${first + colours.length})`);
  for (const c of colours) canvas.palette.push(...c);
  return first;
}

/** A palette index for a flat colour. */
export const solid = (canvas: Canvas, colour: string): number => addColours(canvas, [parseHex(colour)]);

/** Palette entries for text of `colour` drawn on the background. */
export const ink = (canvas: Canvas, colour: string): Ink => ({ base: addColours(canvas, ramp(background(canvas), parseHex(colour))) - 1 });

/** Fills a rectangle (whole pixels, clipped to the canvas) with a palette index. */
export function fillRect(canvas: Canvas, x: number, y: number, width: number, height: number, index: number): void {
  const x0 = Math.max(0, x);
  const x1 = Math.min(canvas.width, x + width);
  for (let row = Math.max(0, y); row < Math.min(canvas.height, y + height); row++)
    canvas.pixels.fill(index, row * canvas.width + x0, row * canvas.width + x1);
}

/**
 * Draws a glyph's coverage in `ink` with its pen at pixel (x, baseline). Text
 * sits on the background: a pixel that already holds this ink (a neighbouring
 * glyph's edge) adds the coverages; any other pixel counts as background.
 */
export function drawGlyph(canvas: Canvas, bitmap: GlyphBitmap, x: number, baseline: number, { base }: Ink): void {
  const { width: cw, height: ch, pixels } = canvas;
  const { coverage, width, height } = bitmap;
  const left = x + bitmap.left;
  const top = baseline + bitmap.top;
  for (let gy = 0; gy < height; gy++) {
    const y = top + gy;
    if (y < 0 || y >= ch) continue;
    for (let gx = 0; gx < width; gx++) {
      const px = left + gx;
      if (px < 0 || px >= cw) continue;
      const level = LEVEL_OF[coverage[gy * width + gx] ?? 0] ?? 0;
      if (level === 0) continue;
      const at = y * cw + px;
      const old = (pixels[at] ?? 0) - base;
      pixels[at] = base + addLevels(old >= 1 && old <= LEVELS ? old : 0, level);
    }
  }
}
