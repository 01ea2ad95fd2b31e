import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSiteGraph } from '../../src/graph/site-graph.ts';
import { COLLECTION_NAMES } from '../../src/schema/index.ts';
import { formatIndexReport, indexOptions } from '../../src/cli/search-index.ts';
import { decodeEntities, excerptParts } from '../../src/search/excerpt.ts';
import { escapeAttribute, pageProblem, searchTags, tagPage } from '../../src/search/html.ts';
import { countByType, firstSentence, pageFile, recordFilters, recordMeta, searchRecords } from '../../src/search/records.ts';
import { MAX_QUERY, parseSearchState, searchFilters, serializeSearchState } from '../../src/search/state.ts';
import { suggestedQueries } from '../../src/search/suggestions.ts';
import { SEARCH_TYPES, type SearchRecord } from '../../src/search/types.ts';
import { SITE_FIXTURE } from '../helpers/fixtures.ts';

const records = searchRecords(loadSiteGraph(SITE_FIXTURE, { fresh: true }));
const record = (key: string): SearchRecord => {
  const found = records.find((r) => r.key === key);
  if (!found) throw new Error(`no record ${key}`);
  return found;
};

describe('search records', () => {
  it('covers every collection', () => {
    expect([...SEARCH_TYPES].sort()).toEqual([...COLLECTION_NAMES].sort());
  });

  it('has one record per published entry, by type then key; drafts have none', () => {
    expect(records.map((r) => r.key)).toEqual([
      'notes/alpha-note',
      'notes/beta-note',
      'notes/delta-note',
      'notes/epsilon-note',
      'notes/gamma-note',
      'plays/fixture-play',
      'plays/second-fixture-play',
      'glossary/fixture-term',
      'timeline/fixture-event',
      'sources/fixture-text',
      'sources/fixture-work',
      'themes/cheng-chi',
      'themes/customer-obsession',
      'themes/sears-to-amazon',
      'paths/fixture-path',
    ]);
    expect(countByType(records)).toEqual({ notes: 5, plays: 2, glossary: 1, timeline: 1, sources: 2, themes: 3, paths: 1 });
  });

  it('indexes entries with a page from that page, and terms and events as records of their own at their anchor', () => {
    expect(record('notes/alpha-note')).toMatchObject({
      url: '/notes/alpha-note/',
      source: { kind: 'html', file: 'notes/alpha-note/index.html' },
    });
    expect(record('glossary/fixture-term')).toEqual({
      key: 'glossary/fixture-term',
      type: 'glossary',
      url: '/glossary/#fixture-term',
      title: 'Fixture term',
      summary: 'A word defined only to prove that glossary entries render and can be linked to.',
      themes: ['customer-obsession'],
      source: {
        kind: 'text',
        content: 'Fixture term (fixture terms): A word defined only to prove that glossary entries render and can be linked to.',
      },
    });
    expect(record('timeline/fixture-event')).toMatchObject({
      url: '/timeline/#fixture-event',
      title: 'A fixture event',
      source: {
        kind: 'text',
        content: '1897: A fixture event. Something that happened in a year, to prove the timeline renders and sorts.',
      },
    });
  });

  it.each([
    ['notes/beta-note', ['cheng-chi'], 'its own theme'],
    ['plays/second-fixture-play', ['cheng-chi'], 'its own theme'],
    ['themes/sears-to-amazon', ['sears-to-amazon'], 'itself'],
    ['glossary/fixture-term', ['customer-obsession'], 'the notes it lists'],
    ['timeline/fixture-event', ['sears-to-amazon'], 'the notes it lists'],
    ['sources/fixture-text', ['customer-obsession', 'cheng-chi', 'sears-to-amazon'], 'the entries that cite it'],
    ['sources/fixture-work', ['customer-obsession', 'cheng-chi', 'sears-to-amazon'], 'the texts that mention it'],
  ])('%s belongs to %j (%s)', (key, themes) => {
    expect(record(key).themes).toEqual(themes);
  });

  it('gives every record filters type and theme, and meta title, summary and type', () => {
    for (const r of records) {
      expect(recordFilters(r), r.key).toEqual({ type: [r.type], theme: r.themes });
      expect(Object.keys(recordMeta(r)), r.key).toEqual(['title', 'summary', 'type']);
      expect(r.summary.length, r.key).toBeGreaterThan(10);
      expect(r.summary.length, r.key).toBeLessThanOrEqual(160);
    }
    expect(recordFilters({ ...record('notes/alpha-note'), themes: [] })).toEqual({ type: ['notes'] });
  });

  it.each([
    ['One sentence. Another one.', 'One sentence.'],
    ['Ends at a question? Yes it does.', 'Ends at a question?'],
    ['Keeps the U.S. in. And stops after.', 'Keeps the U.S. in.'],
    ['  Spaces\n  fold   away.  ', 'Spaces fold away.'],
    [`${'word '.repeat(60)}end.`, `${'word '.repeat(31).trim()}…`],
  ])('firstSentence(%j)', (text, expected) => {
    expect(firstSentence(text)).toBe(expected);
    expect(firstSentence(text).length).toBeLessThanOrEqual(160);
  });

  it('maps a page route to its built file', () => {
    expect(pageFile('/notes/x/')).toBe('notes/x/index.html');
  });
});

describe('tagging a built page', () => {
  const page = '<html lang="en"><body><main data-pagefind-body><h1>T</h1></main></body></html>';

  it('adds one hidden element per filter value and meta field, before </body>', () => {
    const tagged = tagPage(page, record('sources/fixture-text'));
    expect(tagged.startsWith('<html lang="en"><body><main data-pagefind-body><h1>T</h1></main><div hidden>')).toBe(true);
    expect(tagged.endsWith('</div></body></html>')).toBe(true);
    expect(tagged.match(/data-pagefind-filter="theme:[a-z-]+"/g)).toHaveLength(3);
    expect(tagged).toContain('<span data-pagefind-filter="type:sources"></span>');
    expect(tagged).toContain('<span data-pagefind-meta="title:A fixture text"></span>');
    expect(tagged).toContain('<span data-pagefind-meta="type:sources"></span>');
  });

  it('escapes values, so a title cannot break out of its attribute', () => {
    const tags = searchTags({ ...record('notes/alpha-note'), title: 'Say "hi" & <b>bye</b>, then leave' });
    expect(tags).toContain('data-pagefind-meta="title:Say &quot;hi&quot; &amp; &lt;b&gt;bye&lt;/b&gt;, then leave"');
    expect(escapeAttribute('a"b')).toBe('a&quot;b');
  });

  it.each([
    [page, null],
    ['<html><body><main><h1>T</h1></main></body></html>', /data-pagefind-body/],
    ['<p data-pagefind-body>fragment</p>', /complete HTML page/],
  ])('pageProblem(%j)', (html, expected) => {
    const problem = pageProblem(html);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });
});

describe('search state in the address', () => {
  const allowed = { types: SEARCH_TYPES, themes: ['cheng-chi', 'sears-to-amazon'] };

  it.each([
    ['', { q: '', type: null, theme: null }, ''],
    ['?q=Schwerpunkt', { q: 'Schwerpunkt', type: null, theme: null }, '?q=Schwerpunkt'],
    ['?q=++Sears+1897+', { q: 'Sears 1897', type: null, theme: null }, '?q=Sears+1897'],
    ['?theme=cheng-chi&type=notes&q=a%26b', { q: 'a&b', type: 'notes', theme: 'cheng-chi' }, '?q=a%26b&type=notes&theme=cheng-chi'],
    ['?q=x&type=books&theme=nope', { q: 'x', type: null, theme: null }, '?q=x'],
    ['?type=glossary', { q: '', type: 'glossary', theme: null }, '?type=glossary'],
  ])('%j', (search, state, serialized) => {
    expect(parseSearchState(search, allowed)).toEqual(state);
    expect(serializeSearchState(state)).toBe(serialized);
  });

  it('cuts very long queries', () => {
    expect(parseSearchState(`?q=${'a'.repeat(500)}`, allowed).q).toHaveLength(MAX_QUERY);
  });

  it('turns the filters into Pagefind filters', () => {
    expect(searchFilters({ q: 'x', type: 'notes', theme: null })).toEqual({ type: 'notes' });
    expect(searchFilters({ q: 'x', type: null, theme: null })).toEqual({});
  });
});

describe('excerpts', () => {
  it('splits at <mark> and decodes entities into plain text', () => {
    expect(excerptParts('The <mark>Sears</mark> catalog &amp; its <mark>1897</mark> policy')).toEqual([
      { text: 'The ', marked: false },
      { text: 'Sears', marked: true },
      { text: ' catalog & its ', marked: false },
      { text: '1897', marked: true },
      { text: ' policy', marked: false },
    ]);
  });

  it('keeps any other markup as literal text', () => {
    const parts = excerptParts('&lt;img src=x onerror=alert(1)&gt; <img src=x onerror=alert(2)> <mark>ok</mark>');
    expect(parts).toEqual([
      { text: '<img src=x onerror=alert(1)> <img src=x onerror=alert(2)> ', marked: false },
      { text: 'ok', marked: true },
    ]);
  });

  it('joins neighbouring runs and drops empty ones', () => {
    expect(excerptParts('<mark>a</mark><mark>b</mark><mark></mark>')).toEqual([{ text: 'ab', marked: true }]);
    expect(excerptParts('')).toEqual([]);
  });

  it.each([
    ['&quot;&#39;&#x27;&apos;&lt;&gt;&amp;', `"'''<>&`],
    ['&unknown; &#0; &#xFFFFFFF;', '&unknown; &#0; &#xFFFFFFF;'],
    ['caf&#233;', 'café'],
  ])('decodeEntities(%j)', (text, expected) => {
    expect(decodeEntities(text)).toBe(expected);
  });
});

describe('suggestions', () => {
  it('offers the terms most notes explain, ties alphabetically', () => {
    const terms = [
      { term: 'loyalty', notes: 2 },
      { term: 'Schwerpunkt', notes: 3 },
      { term: 'cheng', notes: 2 },
      { term: 'delight', notes: 1 },
    ];
    expect(suggestedQueries(terms, 3)).toEqual(['Schwerpunkt', 'cheng', 'loyalty']);
  });
});

describe('search-index command', () => {
  it('resolves the site and content folders', () => {
    expect(indexOptions({ site: 'out' }, { CONTENT_DIR: 'tests/fixtures/site' })).toEqual({
      siteDir: path.resolve('out'),
      contentDir: path.resolve('tests/fixtures/site'),
    });
    expect(indexOptions({ content: 'x' }, {}).siteDir).toBe(path.resolve('dist'));
  });

  it('reports counts per type, time, files and sizes', () => {
    const text = formatIndexReport(
      {
        records: countByType(records),
        total: records.length,
        outputDir: path.resolve('dist/pagefind'),
        files: 25,
        bytes: 218_726,
        indexBytes: 12_800,
        vocabularyWords: 410,
        vocabularyBytes: 3_277,
        milliseconds: 1234,
      },
      process.cwd(),
    );
    expect(text).toBe(
      [
        'search-index: indexed 15 records (5 notes, 2 plays, 1 glossary term, 1 timeline event, 2 sources, 3 themes, 1 reading path) in 1.2 s',
        `search-index: wrote 25 files, 213.6 kB (index data 12.5 kB, vocabulary 410 words in 3.2 kB), to dist${path.sep}pagefind${path.sep}`,
      ].join('\n'),
    );
  });
});
