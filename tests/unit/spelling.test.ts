/**
 * "Did you mean": edit distance, the nearest known word, query correction,
 * the site vocabulary it reads, and the excerpts that start at a sentence.
 */
import { describe, expect, it } from 'vitest';
import { loadSiteGraph } from '../../src/graph/site-graph.ts';
import { sentenceExcerpt, type ExcerptPart } from '../../src/search/excerpt.ts';
import { editDistance, maxEdits, nearestWord, readVocabulary, suggestQuery, words } from '../../src/search/spelling.ts';
import { MAX_WORDS, proseOf, siteVocabulary, vocabularyText } from '../../src/search/vocabulary.ts';
import { SITE_FIXTURE } from '../helpers/fixtures.ts';

/** A vocabulary in the file's order: most frequent first. */
const vocabulary = readVocabulary(
  [
    'the',
    'customer',
    'customers',
    'amazon',
    'sears',
    'years',
    'forgiveness',
    'forgive',
    'schwerpunkt',
    'catalog',
    'obsession',
    'zappos',
    'scars',
  ].join('\n'),
);

describe('edit distance', () => {
  it.each([
    ['sears', 'sears', 0],
    ['scears', 'sears', 1], // one letter too many
    ['forgivness', 'forgiveness', 1], // one letter missing
    ['teh', 'the', 1], // two neighbours swapped count as one edit
    ['swerpunkt', 'schwerpunkt', 2],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
  ])('%s → %s is %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });

  it('stops past the limit and says so with limit + 1', () => {
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });

  it('allows more edits in longer words', () => {
    expect([3, 5, 6, 9, 10].map(maxEdits)).toEqual([1, 1, 2, 2, 3]);
  });
});

describe('nearest known word', () => {
  it.each([
    ['swerpunkt', 'schwerpunkt'],
    ['forgivness', 'forgiveness'],
    ['scears', 'sears'],
    ['zapos', 'zappos'],
    ['custmer', 'customer'],
  ])('%s → %s', (typed, meant) => {
    expect(nearestWord(typed, vocabulary)).toBe(meant);
  });

  it('leaves known words, the start of a known word, numbers and short words alone', () => {
    expect(nearestWord('sears', vocabulary)).toBeNull();
    expect(nearestWord('forgiv', vocabulary)).toBeNull();
    expect(nearestWord('1897', vocabulary)).toBeNull();
    expect(nearestWord('ax', vocabulary)).toBeNull();
  });

  it('gives up when nothing is near enough', () => {
    expect(nearestWord('qwertyuiop', vocabulary)).toBeNull();
    expect(nearestWord('prime', vocabulary)).toBeNull();
  });

  it('breaks a tie with the more frequent word (earlier in the file)', () => {
    // "sxars" is one edit from both "sears" and "scars"; "sears" comes first.
    expect(nearestWord('sxars', vocabulary)).toBe('sears');
    const reversed = readVocabulary(['scars', 'sears'].join('\n'));
    expect(nearestWord('sxars', reversed)).toBe('scars');
  });
});

describe('query correction', () => {
  it('corrects each unknown word and keeps the known ones as typed', () => {
    expect(suggestQuery('swerpunkt', vocabulary)).toBe('schwerpunkt');
    expect(suggestQuery('Scears catalog', vocabulary)).toBe('sears catalog');
    expect(suggestQuery('custmer obsesion', vocabulary)).toBe('customer obsession');
    expect(suggestQuery('Amazon forgivness', vocabulary)).toBe('Amazon forgiveness');
  });

  it('offers nothing when every word is known or nothing is near', () => {
    expect(suggestQuery('Amazon catalog', vocabulary)).toBeNull();
    expect(suggestQuery('qwertyuiop', vocabulary)).toBeNull();
    expect(suggestQuery('   ', vocabulary)).toBeNull();
  });
});

describe('the site vocabulary', () => {
  const list = siteVocabulary(loadSiteGraph(SITE_FIXTURE));

  it('holds the words of titles and glossary terms, and frequent words of the text', () => {
    expect(list).toContain('schwerpunkt');
    expect(list).toContain('sears');
    expect(list).toContain('parcels');
    expect(list).toContain('customers');
  });

  it('holds no word only a draft uses, no markup and no numbers', () => {
    expect(list).not.toContain('draft');
    expect(list).not.toContain('quote');
    expect(list).not.toContain('aside');
    expect(list).not.toContain('https');
    expect(list.some((word) => /^\d+$/.test(word))).toBe(false);
    expect(list.every((word) => word === word.toLowerCase() && word.length >= 3)).toBe(true);
  });

  it('is sorted most frequent first, the same every time, one word a line', () => {
    expect(siteVocabulary(loadSiteGraph(SITE_FIXTURE))).toEqual(list);
    expect(list.indexOf('the')).toBe(0);
    expect(vocabularyText(list)).toBe(`${list.join('\n')}\n`);
    expect(new Set(list).size).toBe(list.length);
  });

  it('keeps to its cap, titles first', () => {
    const small = siteVocabulary(loadSiteGraph(SITE_FIXTURE), 5);
    expect(small).toHaveLength(5);
    expect(MAX_WORDS).toBeGreaterThan(1000);
  });

  it('reads prose without link targets, components or code', () => {
    expect(
      words(
        proseOf(
          'See [[beta-note|the beta note]] and [[gamma-note]], <Quote by="X" source="y">Hi</Quote> `code` [a](https://x.org/path) https://y.org',
        ),
      ),
    ).toEqual(['see', 'the', 'beta', 'note', 'and', 'hi', 'a']);
  });

  it('corrects the issue’s misspellings against the fixture site', () => {
    const site = readVocabulary(vocabularyText(list));
    expect(suggestQuery('swerpunkt', site)).toBe('schwerpunkt');
    expect(suggestQuery('scears', site)).toBe('sears');
  });
});

const text = (parts: ExcerptPart[]) => parts.map((part) => (part.marked ? `[${part.text}]` : part.text)).join('');

describe('excerpts that start at a sentence', () => {
  // The page text as Pagefind indexes it: the title, then a heading ("First section") run into the text.
  const content =
    'Alpha note. The first fixture note. It talks about parcels. First section. Body text with a footnote about parcels, written long ago. More text follows here.';
  const anchors = [{ element: 'h2', location: 10, text: 'First section' }];

  it('starts at the sentence of the best match, not at Pagefind’s window', () => {
    const location = content.split(' ').indexOf('footnote');
    expect(text(sentenceExcerpt({ content, locations: [location], anchors, title: 'Alpha note' }))).toBe(
      'Body text with a [footnote] about parcels, written long ago. More text follows here.',
    );
  });

  it('never runs a heading into the text, nor the title it opens with', () => {
    const location = content.split(' ').indexOf('parcels.');
    const excerpt = text(sentenceExcerpt({ content, locations: [location], anchors, title: 'Alpha note' }));
    expect(excerpt).toBe('It talks about [parcels.]');
    expect(excerpt).not.toContain('First section');
    expect(excerpt).not.toContain('Alpha note');
  });

  it('takes the opening words for the title only when they end as Pagefind ends a heading', () => {
    // A glossary term's record: "Term (alias): definition", with no heading in it.
    const term = text(
      sentenceExcerpt({ content: 'Fixture term (fixture terms): A word defined for the tests.', locations: [0, 1], title: 'Fixture term' }),
    );
    expect(term).toBe('[Fixture term] (fixture terms): A word defined for the tests.');
  });

  it('prefers the heaviest match and marks every match it shows', () => {
    const first = content.split(' ').indexOf('parcels.');
    const second = content.split(' ').indexOf('parcels,');
    const excerpt = sentenceExcerpt({
      content,
      locations: [first, second],
      weighted_locations: [
        { location: first, balanced_score: 1 },
        { location: second, balanced_score: 5 },
      ],
      anchors,
    });
    expect(text(excerpt)).toBe('Body text with a footnote about [parcels,] written long ago. More text follows here.');
  });

  it('shows the text under a heading when every match is in it', () => {
    expect(text(sentenceExcerpt({ content, locations: [10], anchors, title: 'Alpha note' }))).toBe(
      'Body text with a footnote about parcels, written long ago. More text follows here.',
    );
  });

  it('cuts a long text at a sentence end near the length, or with an ellipsis', () => {
    const long = `${Array.from({ length: 12 }, (_, i) => `Sentence ${i} has five words.`).join(' ')}`;
    const parts = sentenceExcerpt({ content: long, locations: [4] }, 12);
    expect(text(parts)).toBe('Sentence 0 has five [words.] Sentence 1 has five words.');
    const run = `Start ${Array.from({ length: 40 }, () => 'word').join(' ')} match ${Array.from({ length: 40 }, () => 'more').join(' ')}`;
    const cut = text(sentenceExcerpt({ content: run, locations: [41] }, 20));
    expect(cut.startsWith('… ')).toBe(true);
    expect(cut).toContain('[match]');
    expect(cut.endsWith(' …')).toBe(true);
  });

  it('decodes the entities Pagefind escaped', () => {
    expect(text(sentenceExcerpt({ content: 'Ben &amp; Jerry&#39;s shop.', locations: [0] }))).toBe("[Ben] & Jerry's shop.");
  });
});
