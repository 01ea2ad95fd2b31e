import { describe, expect, it } from 'vitest';
import { widthOf, wrapLines, type Line, type Measured } from '../../src/og/wrap.ts';

/** Made-up measurements: every letter 10 px wide (`i` 4 px), a space 5 px. */
const measure = (text: string): (Measured & { char: string })[] =>
  [...text].map((char) => ({ char, space: char === ' ', advance: char === ' ' ? 5 : char === 'i' ? 4 : 10 }));
const show = (glyphs: ReturnType<typeof measure>, lines: Line[]) =>
  lines.map(
    (l) =>
      `${glyphs
        .slice(l.start, l.end)
        .map((g) => g.char)
        .join('')}${l.ellipsis ? '…' : ''}`,
  );
const wrap = (text: string, maxWidth: number, maxLines?: number, ellipsisWidth = 10) => {
  const glyphs = measure(text);
  return show(glyphs, wrapLines(glyphs, { maxWidth, ...(maxLines !== undefined && { maxLines }), ellipsisWidth }));
};

describe('wrapLines', () => {
  it('fills each line greedily with whole words that fit the measured width', () => {
    expect(wrap('aaa bbb ccc', 65)).toEqual(['aaa bbb', 'ccc']); // 30 + 5 + 30 = 65 fits exactly
    expect(wrap('aaa bbb ccc', 64)).toEqual(['aaa', 'bbb', 'ccc']);
    expect(wrap('iii iii iii', 40)).toEqual(['iii iii', 'iii']); // narrow letters: measured, not counted
    expect(wrap('aaa bbb ccc', 1000)).toEqual(['aaa bbb ccc']);
  });

  it('drops spaces at either end of a line and collapses nothing else', () => {
    expect(wrap('  aaa   bbb  ', 45)).toEqual(['aaa', 'bbb']);
    expect(wrap('aaa  bbb', 1000)).toEqual(['aaa  bbb']);
    expect(wrap('', 100)).toEqual([]);
    expect(wrap('   ', 100)).toEqual([]);
  });

  it('breaks a word longer than the line between its letters', () => {
    expect(wrap('aaaaaaaaaa bb', 45)).toEqual(['aaaa', 'aaaa', 'aa bb']);
    // Even a line too narrow for one letter moves on by a letter at a time.
    expect(wrap('abc', 5)).toEqual(['a', 'b', 'c']);
  });

  it('clamps to maxLines, ending the last line with an ellipsis that fits', () => {
    expect(wrap('aaa bbb ccc ddd eee', 65, 2)).toEqual(['aaa bbb', 'ccc…']); // "ccc ddd" + ellipsis would be 75
    expect(wrap('aaa bbb ccc ddd eee', 75, 2)).toEqual(['aaa bbb', 'ccc ddd…']);
    expect(wrap('aaaaaaaaaa', 45, 1)).toEqual(['aaa…']);
    expect(wrap('aaa bbb', 30, 1, 40)).toEqual(['…']);
  });

  it('adds no ellipsis when the text fits in exactly maxLines', () => {
    expect(wrap('aaa bbb ccc ddd', 65, 2)).toEqual(['aaa bbb', 'ccc ddd']);
    expect(wrap('aaa bbb ccc ddd ', 65, 2)).toEqual(['aaa bbb', 'ccc ddd']);
  });

  it('never makes a line wider than maxWidth, and keeps every letter in order (random texts)', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed % n;
    };
    for (let round = 0; round < 300; round++) {
      const text = Array.from({ length: 1 + random(12) }, () =>
        'abcdefghi'.slice(0, 1 + random(9)).replace(/./g, () => (random(4) ? 'a' : 'i')),
      ).join(' '.repeat(1 + random(2)));
      const glyphs = measure(text);
      const maxWidth = 10 + random(120);
      const maxLines = 1 + random(4);
      const lines = wrapLines(glyphs, { maxWidth, maxLines, ellipsisWidth: 10 });
      expect(lines.length).toBeLessThanOrEqual(maxLines);
      for (const line of lines) expect(widthOf(glyphs, line.start, line.end) + (line.ellipsis ? 10 : 0)).toBeLessThanOrEqual(maxWidth);
      const clamped = lines.some((l) => l.ellipsis);
      expect(clamped ? lines.at(-1)?.ellipsis : true).toBe(true);
      const letters = show(glyphs, lines).join('').replace(/[ …]/g, '');
      const all = text.replace(/ /g, '');
      if (clamped) expect(all.startsWith(letters)).toBe(true);
      else expect(letters).toBe(all);
    }
  });
});
