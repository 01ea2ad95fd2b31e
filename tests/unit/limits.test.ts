import { describe, expect, it } from 'vitest';
import { BODY_LIMITS, bodyLimitProblem } from '../../src/content/limits.ts';
import { parseBody } from '../../src/content/parse.ts';

const L = BODY_LIMITS;
/** `count` characters `char`, spread over lines of at most 50, in one paragraph. */
const spread = (char: string, count: number) => (char.repeat(count).match(/.{1,50}/g) ?? []).join('\n');

/** One case just inside each limit (must pass) and one just over it (refused, on `line`). */
const CASES: { name: string; inside: string; over: string; line: number; message: RegExp }[] = [
  {
    name: 'indentation (spaces)',
    inside: `${' '.repeat(L.indent)}x`,
    over: `a\n\n${' '.repeat(L.indent + 1)}x`,
    line: 3,
    message: /indented 49 columns/,
  },
  {
    name: 'indentation (a tab is 4 columns)',
    inside: `${'\t'.repeat(L.indent / 4)}x`,
    over: `${'\t'.repeat(L.indent / 4 + 1)}x`,
    line: 1,
    message: /indented 52 columns/,
  },
  {
    name: 'quotations with spaces',
    inside: `${'> '.repeat(L.quoteDepth)}x`,
    over: `${'> '.repeat(L.quoteDepth + 1)}x`,
    line: 1,
    message: /quotations are nested 9 deep/,
  },
  {
    name: 'quotations without spaces',
    inside: `${'>'.repeat(L.quoteDepth)} x`,
    over: `text\n${'>'.repeat(L.quoteDepth + 1)} x`,
    line: 2,
    message: /quotations are nested 9 deep/,
  },
  {
    name: 'quotations inside lists',
    inside: '- > - > - > - > x',
    over: `${'- >'.repeat(L.quoteDepth + 1)} x`,
    line: 1,
    message: /quotations are nested 9 deep/,
  },
  {
    name: 'list markers',
    inside: `${'- '.repeat(L.listMarkers)}x`,
    over: `${'* '.repeat(L.listMarkers + 1)}x`,
    line: 1,
    message: /lists are nested 9 deep/,
  },
  {
    name: 'ordered list markers',
    inside: `${'1. '.repeat(L.listMarkers)}x`,
    over: `${'12) '.repeat(L.listMarkers + 1)}x`,
    line: 1,
    message: /lists are nested 9 deep/,
  },
  {
    name: 'open brackets',
    inside: `${'['.repeat(L.bracketDepth)}`,
    over: `${'[('.repeat(L.bracketDepth / 2)}(`,
    line: 1,
    message: /nested more than 16/,
  },
  {
    name: 'open brackets over several lines',
    inside: `${'('.repeat(8)}\n${'('.repeat(8)}`,
    over: `${'('.repeat(8)}\n${'('.repeat(9)}`,
    line: 2,
    message: /nested more than 16/,
  },
  {
    name: 'emphasis delimiters',
    inside: spread('*', L.emphasisDelimiters),
    over: spread('_', L.emphasisDelimiters + 1),
    line: 9,
    message: /more than 400 \* and _/,
  },
  {
    name: 'link brackets',
    inside: spread(']', L.linkBrackets),
    over: `${'[a] '.repeat(100)}\n${spread(']', L.linkBrackets - 200 + 1)}`,
    line: 6,
    message: /more than 400 \[ and \]/,
  },
  {
    name: 'line length',
    inside: 'x'.repeat(L.lineLength),
    over: `short\n${'x'.repeat(L.lineLength + 1)}`,
    line: 2,
    message: /10001 characters/,
  },
];

describe('bodyLimitProblem', () => {
  it.each(CASES)('$name: just inside the limit passes', ({ inside }) => {
    expect(bodyLimitProblem(inside)).toBeNull();
  });

  it.each(CASES)('$name: just over the limit is refused with its line', ({ over, line, message }) => {
    const problem = bodyLimitProblem(over);
    expect(problem).toMatchObject({ line, column: 1 });
    expect(problem?.message).toMatch(message);
    expect(problem?.fix.length).toBeGreaterThan(5);
  });

  it('counts emphasis and brackets per paragraph: a blank line starts again', () => {
    const half = (char: string) => spread(char, 300);
    expect(bodyLimitProblem(`${half('*')}\n\n${half('*')}`)).toBeNull();
    expect(bodyLimitProblem(`${half('*')}\n${half('*')}`)).not.toBeNull();
    expect(bodyLimitProblem(`${half(']')}\n  \t\n${half(']')}`)).toBeNull();
    expect(bodyLimitProblem(`${half(']')}\n${half(']')}`)).not.toBeNull();
    expect(bodyLimitProblem(`${'('.repeat(10)}\n\n${'('.repeat(10)}`)).toBeNull();
  });

  it('closing brackets do not go below zero: many ) then many ( still count as nesting', () => {
    expect(bodyLimitProblem(`${')'.repeat(50)}${'('.repeat(17)}`)?.message).toMatch(/nested more than 16/);
  });

  it('a list marker needs a space after it: -- and *emphasis* are not lists', () => {
    expect(bodyLimitProblem(`${'-'.repeat(100)}`)).toBeNull();
    expect(bodyLimitProblem('*a* *b* *c* *d* *e* *f* *g* *h* *i* *j*')).toBeNull();
  });

  it('passes real note shapes', () => {
    const note = [
      'Intro with [[alpha-note]], [a link](/plays/x/) and *emphasis* and **strong**.',
      '',
      '## A heading',
      '',
      '- one',
      '  - two',
      '    - three',
      '',
      '> A quotation',
      '> > quoted inside',
      '',
      '| a | b |',
      '| - | - |',
      '| [[c]] | d |',
      '',
      '```',
      '****____[[[[((((',
      '```',
    ].join('\n');
    expect(bodyLimitProblem(note)).toBeNull();
  });

  it('checks 200 kB of hostile lines in milliseconds', () => {
    const hostile = [`${'>'.repeat(9_999)}`, `${'- '.repeat(4_999)}`, spread('*', 100_000), spread(']', 100_000)];
    for (const body of hostile) {
      const started = performance.now();
      expect(bodyLimitProblem(body)).not.toBeNull();
      expect(performance.now() - started).toBeLessThan(1_000);
    }
  });
});

describe('parseBody refuses over-limit bodies before parsing', () => {
  it.each(['.md', '.mdx'])('%s: a body over a limit is body-too-complex, not a parser error', (extension) => {
    const result = parseBody(`Text.\n\n${'>'.repeat(5_000)} deep\n`, extension);
    expect(result).toMatchObject({ ok: false, rule: 'body-too-complex', line: 3, column: 1 });
  });

  it.each(['.md', '.mdx'])('%s: a body inside every limit parses', (extension) => {
    expect(parseBody(`${'> '.repeat(L.quoteDepth)}x\n\n${'- '.repeat(L.listMarkers)}y\n`, extension).ok).toBe(true);
  });
});
