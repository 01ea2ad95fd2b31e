/**
 * The little of fontkit 2 that the social images use (fontkit ships no types
 * and there is no @types/fontkit here). Only what src/og/ calls is declared,
 * so anything else is a type error rather than a guess.
 */
declare module 'fontkit' {
  /** A box in font units, y up. */
  export interface BBox {
    readonly minX: number;
    readonly minY: number;
    readonly maxX: number;
    readonly maxY: number;
  }

  export interface Path {
    /** SVG path data in font units, y up. */
    toSVG(): string;
  }

  export interface Glyph {
    readonly id: number;
    /** The characters the glyph stands for (several for a ligature). */
    readonly codePoints: readonly number[];
    readonly path: Path;
    /** From the glyph's header: encloses the outline (control points included). */
    readonly bbox: BBox;
  }

  /** Where to put a glyph, in font units; kerning is already in xAdvance. */
  export interface GlyphPosition {
    readonly xAdvance: number;
    readonly yAdvance: number;
    readonly xOffset: number;
    readonly yOffset: number;
  }

  export interface GlyphRun {
    readonly glyphs: readonly Glyph[];
    readonly positions: readonly GlyphPosition[];
  }

  export interface Font {
    readonly unitsPerEm: number;
    /** Above the baseline, font units (positive). */
    readonly ascent: number;
    /** Below the baseline, font units (negative). */
    readonly descent: number;
    readonly lineGap: number;
    /** Shapes text with the font's default features (kerning and ligatures included). */
    layout(text: string): GlyphRun;
    getGlyph(id: number): Glyph;
  }

  /** Parses a font file. A TrueType file (never a collection) gives a Font. */
  export function create(buffer: Uint8Array): Font;
}
