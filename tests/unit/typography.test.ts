import { describe, expect, it } from 'vitest';
import { smarten } from '../../src/markdown/remark-typography.ts';

describe('smarten', () => {
  it.each([
    ['"Quoted" words', '“Quoted” words'],
    ["it's Amazon's", 'it’s Amazon’s'],
    ["'single' quotes", '‘single’ quotes'],
    ['(“nested") and "after a dash"', '(“nested”) and “after a dash”'],
    ["the '90s", 'the ’90s'],
    ['wait... what', 'wait… what'],
    ['1897--2018 and a pause---like this', '1897–2018 and a pause—like this'],
    ['plain text', 'plain text'],
  ])('%s → %s', (input, expected) => {
    expect(smarten(input)).toBe(expected);
  });

  it('uses the character before the text node: a quote after a word closes', () => {
    expect(smarten('" said she', 'd')).toBe('” said she');
    expect(smarten('"opens', ' ')).toBe('“opens');
  });
});
