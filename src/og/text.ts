/**
 * Text shaping for the social images: fontkit turns a string into glyph ids and
 * advances (kerning and ligatures included) with the same two Noto Sans faces
 * as before (./fonts.ts), and this module scales them to pixels.
 *
 * fontkit's layout costs about 10 µs a character, which would be most of a
 * card's budget, so text is shaped a word at a time and each word's glyphs are
 * kept for the process: card after card repeats the same words. That gives the
 * same glyphs and advances as shaping the whole string, because Noto Sans has
 * no kerning or ligature across a space (checked on both faces; the unit tests
 * compare the two).
 */
import { create, type Font } from 'fontkit';
import { ogFonts } from './fonts.ts';

export type Weight = 400 | 700;

export interface Face {
  weight: Weight;
  font: Font;
  /** Ascent and descent (both positive) in em, as CSS uses them for line boxes. */
  ascent: number;
  descent: number;
}

/** A shaped glyph, in pixels at the size it was shaped for. */
export interface ShapedGlyph {
  id: number;
  /** Where the next glyph starts, from this one's pen position (kerning and letter spacing included). */
  advance: number;
  /** Offset of the outline from the pen position (marks only; y down). */
  dx: number;
  dy: number;
  /** A word space: a place to break a line, and never drawn. */
  space: boolean;
  /** The characters the glyph stands for. */
  text: string;
}

let faces: Record<Weight, Face> | undefined;

/** The face of a weight, parsed once per process. */
export function face(weight: Weight): Face {
  if (!faces) {
    const parse = (w: Weight): Face => {
      const data = ogFonts().fonts.find((f) => f.weight === w)?.data;
      if (!data) throw new Error(`no Noto Sans ${w} among the OG fonts`);
      const font = create(data);
      return { weight: w, font, ascent: font.ascent / font.unitsPerEm, descent: -font.descent / font.unitsPerEm };
    };
    faces = { 400: parse(400), 700: parse(700) };
  }
  return faces[weight];
}

/** A glyph in font units, as the word cache keeps it (independent of size). */
interface UnitGlyph {
  id: number;
  advance: number;
  dx: number;
  dy: number;
  text: string;
}

const words = new Map<string, UnitGlyph[]>();
/** Far more words than a site of thousands of notes uses; past it, start over rather than grow. */
const MAX_WORDS = 50_000;

function shapeWord(f: Face, word: string): UnitGlyph[] {
  const key = `${f.weight} ${word}`;
  let glyphs = words.get(key);
  if (!glyphs) {
    const run = f.font.layout(word);
    glyphs = run.glyphs.map((glyph, i) => {
      const p = run.positions[i];
      return {
        id: glyph.id,
        advance: p?.xAdvance ?? 0,
        dx: p?.xOffset ?? 0,
        dy: p?.yOffset ?? 0,
        text: String.fromCodePoint(...glyph.codePoints),
      };
    });
    if (words.size >= MAX_WORDS) words.clear();
    words.set(key, glyphs);
  }
  return glyphs;
}

/**
 * Shapes `text` at `size` pixels. White space collapses to single spaces and is
 * trimmed, as CSS does; `letterSpacing` (pixels) goes after every glyph, spaces
 * included, as CSS puts it after every character.
 */
export function shapeText(text: string, weight: Weight, size: number, letterSpacing = 0): ShapedGlyph[] {
  const f = face(weight);
  const scale = size / f.font.unitsPerEm;
  const out: ShapedGlyph[] = [];
  const push = (g: UnitGlyph, space: boolean) =>
    out.push({ id: g.id, advance: g.advance * scale + letterSpacing, dx: g.dx * scale, dy: -g.dy * scale, text: g.text, space });
  // CSS white space only: a no-break space (which \s would match) stays inside its word.
  const parts = text.split(/[ \t\n\r\f]+/).filter(Boolean);
  parts.forEach((word, i) => {
    if (i > 0) for (const g of shapeWord(f, ' ')) push(g, true);
    for (const g of shapeWord(f, word)) push(g, false);
  });
  return out;
}

/** Total advance of some glyphs, in pixels. */
export const advanceOf = (glyphs: readonly { advance: number }[]): number => glyphs.reduce((sum, g) => sum + g.advance, 0);
