import { describe, expect, it } from 'vitest';
import { addLevels, coverageLevel, LEVELS, mix, parseHex, ramp } from '../../src/og/blend.ts';
import { createCanvas, drawGlyph, fillRect, ink, solid } from '../../src/og/canvas.ts';
import type { GlyphBitmap } from '../../src/og/glyphs.ts';

const BG = parseHex('#fdfcfa');
const FG = parseHex('#1d1f24');

describe('coverage blending', () => {
  it('maps no coverage to the background and full coverage to the text colour', () => {
    expect([coverageLevel(0), coverageLevel(1), coverageLevel(255)]).toEqual([0, 0, LEVELS]);
    expect(mix(BG, FG, 0)).toEqual(BG);
    expect(mix(BG, FG, LEVELS)).toEqual(FG);
    expect(mix([0, 0, 0], [255, 255, 255], LEVELS / 2)).toEqual([128, 128, 128]);
  });

  it('gives each text colour LEVELS entries from just over the background to the colour itself', () => {
    const r = ramp(BG, FG);
    expect(r).toHaveLength(LEVELS);
    expect(r.at(-1)).toEqual(FG);
    // Darker at every level (each channel goes down from background to text).
    for (let i = 1; i < r.length; i++) expect((r[i]?.[0] ?? 0) <= (r[i - 1]?.[0] ?? 0)).toBe(true);
    // A card's three text colours and three flat colours fit one PNG palette.
    expect(1 + 2 + 3 * LEVELS).toBeLessThanOrEqual(256);
  });

  it('adds the coverage of glyphs that share a pixel, up to full', () => {
    expect(addLevels(10, 20)).toBe(30);
    expect(addLevels(40, 40)).toBe(LEVELS);
  });
});

describe('palette canvas', () => {
  const bitmap: GlyphBitmap = { left: 0, top: -1, width: 3, height: 1, coverage: Uint8Array.from([128, 255, 0]) };

  it('draws coverage in the ink’s levels and sums overlapping edges', () => {
    const canvas = createCanvas(4, 1, '#fdfcfa');
    const text = ink(canvas, '#1d1f24');
    drawGlyph(canvas, bitmap, 0, 1, text);
    const half = text.base + coverageLevel(128);
    expect([...canvas.pixels]).toEqual([half, text.base + LEVELS, 0, 0]);
    drawGlyph(canvas, bitmap, 0, 1, text);
    expect(canvas.pixels[0]).toBe(text.base + Math.min(LEVELS, 2 * coverageLevel(128)));
    expect(canvas.palette.slice(half * 3, half * 3 + 3)).toEqual(mix(BG, FG, coverageLevel(128)));
  });

  it('clips glyphs and rectangles to the canvas', () => {
    const canvas = createCanvas(4, 2, '#fdfcfa');
    const red = solid(canvas, '#ff0000');
    fillRect(canvas, -2, 1, 4, 5, red);
    expect([...canvas.pixels]).toEqual([0, 0, 0, 0, red, red, 0, 0]);
    drawGlyph(canvas, bitmap, 3, 1, ink(canvas, '#000000'));
    drawGlyph(canvas, bitmap, -5, 0, ink(canvas, '#000000'));
    expect(canvas.pixels[3]).not.toBe(0);
  });

  it('refuses a 257th colour rather than writing a palette PNG cannot hold', () => {
    const canvas = createCanvas(1, 1, '#ffffff');
    for (let i = 0; i < 255; i++) solid(canvas, '#000000');
    expect(() => solid(canvas, '#000000')).toThrow(RangeError);
  });
});
