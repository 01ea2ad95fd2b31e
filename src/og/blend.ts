/**
 * Anti-aliased text as palette colours. A glyph's edge pixels are partly
 * covered; their colour is the text colour over the background in proportion,
 * as resvg blends (straight sRGB, no gamma). Coverage is quantised to LEVELS
 * steps so that every text colour needs only LEVELS palette entries: three text
 * colours take 192 of a PNG palette's 256, and 64 steps are finer than the eye
 * tells apart on text edges. Pure.
 */

export const LEVELS = 64;

export type Rgb = readonly [number, number, number];

/** `#rrggbb` as numbers. */
export function parseHex(hex: string): Rgb {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  return [Number.parseInt(m[1] as string, 16), Number.parseInt(m[2] as string, 16), Number.parseInt(m[3] as string, 16)];
}

/** Coverage 0–255 (a rasteriser's alpha) to a level 0–LEVELS, rounded to the nearest. */
export const coverageLevel = (coverage: number): number => Math.round((coverage * LEVELS) / 255);

/** The same for every coverage, looked up rather than computed for each pixel. */
export const LEVEL_OF: Uint8Array = Uint8Array.from({ length: 256 }, (_, c) => coverageLevel(c));

/** `fg` over `bg` at `level` of LEVELS: level 0 is the background, LEVELS the text colour. */
export function mix(bg: Rgb, fg: Rgb, level: number): Rgb {
  const t = level / LEVELS;
  return [Math.round(bg[0] + (fg[0] - bg[0]) * t), Math.round(bg[1] + (fg[1] - bg[1]) * t), Math.round(bg[2] + (fg[2] - bg[2]) * t)];
}

/** The colours of levels 1 to LEVELS (level 0 is the background itself). */
export const ramp = (bg: Rgb, fg: Rgb): Rgb[] => Array.from({ length: LEVELS }, (_, i) => mix(bg, fg, i + 1));

/**
 * Where two glyphs share a pixel (edges that meet, as in "rn" or a tight
 * kerning pair), their coverages add up, capped at full: right where edges
 * only meet, a little dark where they overlap, and never a hole between them.
 */
export const addLevels = (a: number, b: number): number => Math.min(LEVELS, a + b);
