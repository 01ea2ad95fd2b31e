import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/cli/check.ts';
import { loadSiteGraph } from '../../src/graph/site-graph.ts';
import { MIN_TAG_USES, nearDuplicateTags, readTagList, tagKey } from '../../src/validate/editorial.ts';
import { checkFigures, expandShortYears, findFigures } from '../../src/validate/figures.ts';
import { formatFinding } from '../../src/content/finding.ts';
import { proseOfLine, proseWordCount } from '../../src/validate/prose.ts';
import { contentWithOverlay, FIXTURES } from '../helpers/fixtures.ts';

const created: string[] = [];
const temp = (dir: string) => {
  created.push(dir);
  return dir;
};
afterAll(() => created.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

describe('the prose of a body', () => {
  it('keeps link labels and blanks targets, URLs, tags and code, column for column', () => {
    const line =
      'See [[timeline/sears-1897-policy]], [[a|the label]], [text](https://x.org/1999) and `1999` <Aside kind="tip">in 2001</Aside>';
    const prose = proseOfLine(line);
    expect(prose).toHaveLength(line.length);
    expect(prose.replace(/\s+/g, ' ').trim()).toBe('See , the label , text and in 2001');
    expect(prose.indexOf('in 2001')).toBe(line.indexOf('in 2001'));
  });

  it('counts words as the page shows them: a bare [[link]] as its id’s words, no markup', () => {
    expect(proseWordCount('## A heading\n\nOne two three [[alpha-note]].\n\n<Quote by="A" source="b">Four five.</Quote>\n')).toBe(9);
    expect(proseWordCount('```\ncode is not prose\n```\n\nJust this.')).toBe(2);
  });
});

describe('near-duplicate tags', () => {
  it.each([
    ['self-serve', 'self-service'],
    ['customer-need', 'customer-needs'],
    ['selfservice', 'self-service'],
    ['strategies', 'strategy'],
  ])('%s and %s are one tag to a reader', (a, b) => {
    expect(nearDuplicateTags(a, b)).toBe(true);
  });

  it.each([
    ['trust', 'focus'],
    ['delight', 'digital'],
    ['customer-service', 'customer-obsession'],
    ['sears', 'scale'],
    ['pricing', 'pricing-model'],
  ])('%s and %s are distinct', (a, b) => {
    expect(nearDuplicateTags(a, b)).toBe(false);
  });

  it('compares hyphen-free, singular forms', () => {
    expect(tagKey('customer-needs')).toBe('customerneed');
    expect(tagKey('business')).toBe('business');
  });
});

describe('the real tag list, content/tags.yaml', () => {
  const list = readTagList(path.resolve('content'));

  it('exists, parses, and holds no near-duplicates', () => {
    expect(list).not.toBeNull();
    expect(list?.findings.map(formatFinding)).toEqual([]);
    const tags = [...(list?.tags.keys() ?? [])];
    expect(tags.length).toBeGreaterThan(5);
    for (const [i, a] of tags.entries()) for (const b of tags.slice(i + 1)) expect(nearDuplicateTags(a, b), `${a} / ${b}`).toBe(false);
  });

  it(`is exactly the set of tags the notes use, each on at least ${MIN_TAG_USES} published notes`, () => {
    const graph = loadSiteGraph(path.resolve('content'), { fresh: true });
    expect([...graph.tags.keys()].sort()).toEqual([...(list?.tags.keys() ?? [])].sort());
    for (const [tag, notes] of graph.tags) expect(notes.length, tag).toBeGreaterThanOrEqual(MIN_TAG_USES);
  });
});

describe('editorial rules beyond the fixture table', () => {
  it('warns once, and checks no tag, when the content folder has no tags.yaml', () => {
    const dir = temp(contentWithOverlay());
    fs.rmSync(path.join(dir, 'tags.yaml'));
    const { findings } = runCheck(dir);
    expect(findings.map((f) => [path.basename(f.file), f.rule, f.severity])).toEqual([['tags.yaml', 'tag-list-missing', 'warning']]);
  });

  it('leaves drafts alone: short, unlinked and without questions is how a draft starts', () => {
    const dir = temp(contentWithOverlay());
    fs.writeFileSync(
      path.join(dir, 'notes/early-draft.mdx'),
      '---\ntitle: Early draft\nsummary: A draft that is nowhere near finished yet, on purpose.\ntheme: cheng-chi\nsources:\n  - id: general\n    locator: nothing yet\ncreated: 2026-11-01\ndraft: true\n---\n\nThree words only.\n',
    );
    expect(runCheck(dir).findings).toEqual([]);
  });

  it('counts a tag only on published notes', () => {
    const dir = temp(contentWithOverlay());
    const gamma = path.join(dir, 'notes/gamma-note.mdx');
    fs.writeFileSync(gamma, fs.readFileSync(gamma, 'utf8').replace('created: 2026-11-03\n', 'created: 2026-11-03\ndraft: true\n'));
    const findings = runCheck(dir).findings.filter((f) => f.rule === 'tag-underused');
    expect(findings.map((f) => f.message)).toEqual([
      'the tag "loyalty" is on only 2 published notes; a tag a reader can follow is on at least 3',
      'the tag "trust" is on only 2 published notes; a tag a reader can follow is on at least 3',
    ]);
    expect(findings.every((f) => f.severity === 'error' && path.basename(f.file) === 'tags.yaml')).toBe(true);
  });

  it('reports a tag list that does not parse once, not every tag', () => {
    const dir = temp(contentWithOverlay());
    fs.writeFileSync(path.join(dir, 'tags.yaml'), 'loyalty: [unclosed\n');
    const { findings } = runCheck(dir);
    expect(findings.map((f) => f.rule)).toEqual(['tag-list']);
  });
});

describe('figures: years, percentages and money', () => {
  it('finds each with the key two writings of it share (a date’s year too; not 1,500 or a decade)', () => {
    const found = findFigures(
      'In 1897, $62 billion; 62 billion dollars, 40 percent, 72%, US$5 m, 1,500 stores, the 1890s, 2026-11-01, page 12.',
    );
    expect(found.map((f) => [f.text, f.key])).toEqual([
      ['1897', '1897'],
      ['$62 billion', '$62b'],
      ['62 billion dollars', '$62b'],
      ['40 percent', '40%'],
      ['72%', '72%'],
      ['$5 m', '$5m'],
      ['2026', '2026'],
    ]);
  });

  it('reads a year the texts abbreviate after a month in full', () => {
    expect(expandShortYears("revenue this Jul’20 and in Sept '19")).toBe('revenue this Jul 2020 and in Sept 2019');
  });

  it('refuses figures no text gives outside a "Beyond the texts" section, with file, line and column', () => {
    const dir = temp(contentWithOverlay());
    fs.cpSync(path.join(FIXTURES, 'invalid-figures'), dir, { recursive: true });
    const sources = temp(fs.mkdtempSync(path.join(os.tmpdir(), 'playbook-figures-sources-')));
    fs.writeFileSync(
      path.join(sources, 'fixture.txt'),
      `${fs.readFileSync(path.join(FIXTURES, 'sources/fixture.txt'), 'utf8')}\nSales reached $62 billion, up 40 percent, this Jul’20.\n`,
    );
    const findings = checkFigures(loadSiteGraph(dir, { fresh: true }), sources);
    expect(findings.map((f) => `${path.basename(f.file)}:${f.line}:${f.column} ${f.rule} ${f.severity}`)).toEqual([
      'outside-figures.mdx:13:32 figure-outside-texts error',
      'outside-figures.mdx:14:20 figure-outside-texts error',
      'outside-figures.mdx:14:82 figure-outside-texts error',
      'outside-figures.mdx:28:6 figure-outside-texts error',
    ]);
    expect(findings[0]?.message).toBe('"1897" is in none of the source texts, and stands outside a "Beyond the texts" section');
    expect(findings[0]?.fix).toMatch(/## Beyond the texts.*general/);
  });

  it('runs in the checker only with the source texts, like the quotation check', () => {
    const dir = temp(contentWithOverlay());
    fs.cpSync(path.join(FIXTURES, 'invalid-figures'), dir, { recursive: true });
    expect(runCheck(dir).findings.filter((f) => f.rule === 'figure-outside-texts')).toEqual([]);
    expect(runCheck(dir, undefined, path.join(FIXTURES, 'sources')).findings.filter((f) => f.rule === 'figure-outside-texts')).toHaveLength(
      7,
    );
  });

  it('finds nothing in the fixture site', () => {
    expect(runCheck(path.join(FIXTURES, 'site'), undefined, path.join(FIXTURES, 'sources')).findings).toEqual([]);
  });
});

// The real content against the real texts. CI sets SOURCES_DIR (see .ci/run).
const sourcesDir = process.env.SOURCES_DIR;
describe('every figure in content/ notes is in a source text or beyond the texts', () => {
  if (!sourcesDir) {
    it.skip('skipped: set SOURCES_DIR to the folder of the source texts (../shared/sources) to run this check', () => {});
    return;
  }
  it(`matches the texts in ${sourcesDir}`, () => {
    const findings = checkFigures(loadSiteGraph(path.resolve('content'), { fresh: true }), path.resolve(sourcesDir));
    expect(findings.map(formatFinding)).toEqual([]);
  });
});
