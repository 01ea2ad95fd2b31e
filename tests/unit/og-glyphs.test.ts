import { describe, expect, it } from 'vitest';
import { atlasSize, glyphBitmap, SUBPIXELS, type GlyphBitmap } from '../../src/og/glyphs.ts';
import { face, shapeText } from '../../src/og/text.ts';

const idOf = (char: string, weight: 400 | 700 = 700) => shapeText(char, weight, 100)[0]?.id ?? -1;
/** Coverage-weighted mean x of a bitmap, in pixels from the pen position. */
const centreX = (b: GlyphBitmap) => {
  let sum = 0;
  let total = 0;
  b.coverage.forEach((c, i) => {
    sum += c * (b.left + (i % b.width) + 0.5);
    total += c;
  });
  return sum / total;
};
const rowInk = (b: GlyphBitmap, y: number) => b.coverage.subarray(y * b.width, (y + 1) * b.width).reduce((a, c) => a + c, 0);

describe('glyph atlas', () => {
  it('draws a glyph upright, standing on the baseline, at its size', () => {
    const t = glyphBitmap(face(700), idOf('T'), 100, 0);
    // Noto Sans capitals are 714 units of 1000 tall: about 71 px above the baseline, nothing below it.
    expect(t.top).toBeGreaterThanOrEqual(-73);
    expect(t.top).toBeLessThanOrEqual(-70);
    expect(t.top + t.height).toBeGreaterThanOrEqual(0);
    expect(t.top + t.height).toBeLessThanOrEqual(1);
    // The crossbar is at the top: the top rows are wide, the bottom rows only the stem.
    expect(rowInk(t, 2)).toBeGreaterThan(2 * rowInk(t, t.height - 3));
    expect(Math.max(...t.coverage)).toBe(255);
  });

  it('shifts a glyph by its sub-pixel phase', () => {
    const id = idOf('o');
    const centres = Array.from({ length: SUBPIXELS }, (_, phase) => centreX(glyphBitmap(face(400), id, 30, phase)));
    centres.forEach((c, phase) => expect(c - (centres[0] ?? 0)).toBeCloseTo(phase / SUBPIXELS, 1));
  });

  it('draws each glyph once per face and size, and nothing for a space', () => {
    const before = atlasSize();
    const a = glyphBitmap(face(400), idOf('Q', 400), 41, 1);
    expect(glyphBitmap(face(400), idOf('Q', 400), 41, 1)).toBe(a);
    glyphBitmap(face(400), idOf('Q', 400), 41, 3);
    expect(atlasSize()).toBe(before + 1);
    glyphBitmap(face(700), idOf('Q', 700), 41, 1);
    glyphBitmap(face(400), idOf('Q', 400), 42, 1);
    expect(atlasSize()).toBe(before + 3);
    const space = shapeText('a b', 400, 30)[1];
    expect(space?.space).toBe(true);
    expect(glyphBitmap(face(400), space?.id ?? 0, 30, 0).width).toBe(0);
  });
});
