import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance, nearest } from '../../src/util/nearest.ts';

describe('nearest', () => {
  it('measures edit distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });

  it('suggests close candidates, best first, and nothing for unrelated words', () => {
    expect(nearest('sumary', ['summary', 'title', 'tags'])).toEqual(['summary']);
    expect(nearest('three-question', ['three-questions', 'cheng-chi-map'])).toEqual(['three-questions']);
    expect(nearest('zzz', ['summary', 'title'])).toEqual([]);
  });

  it('phrases a suggestion', () => {
    expect(didYouMean('tittle', ['title'])).toBe(' Did you mean `title`?');
    expect(didYouMean('qqqqqq', ['title'])).toBe('');
  });
});
