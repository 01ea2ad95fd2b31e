import { describe, expect, it } from 'vitest';
import { headingText, scanBody } from '../../src/graph/scan.ts';

describe('scanBody', () => {
  it('finds headings with the ids the renderer gives them, numbering duplicates', () => {
    const { headings } = scanBody('## First section\n\ntext\n\n### A *subsection*\n\n## First section\n', 5);
    expect(headings).toEqual([
      { depth: 2, text: 'First section', slug: 'first-section', line: 5 },
      { depth: 3, text: 'A subsection', slug: 'a-subsection', line: 9 },
      { depth: 2, text: 'First section', slug: 'first-section-1', line: 11 },
    ]);
  });

  it('finds wikilinks and Markdown links with line and column', () => {
    const { links } = scanBody('See [[alpha|the alpha]] and [beta](../beta/).\n![A chart](https://x.org/c.png)', 10);
    expect(links).toEqual([
      { kind: 'wiki', target: 'alpha', label: 'the alpha', line: 10, column: 5 },
      { kind: 'markdown', target: '../beta/', label: 'beta', line: 10, column: 29 },
      { kind: 'image', target: 'https://x.org/c.png', label: 'A chart', line: 11, column: 1 },
    ]);
  });

  it('ignores links and headings inside code', () => {
    const body = ['```md', '## Not a heading', '[[not-a-link]]', '```', 'Inline `[[nor-this]]` here.', '~~~', '[x](../y/)', '~~~'].join('\n');
    expect(scanBody(body)).toEqual({ headings: [], links: [] });
  });

  it('reads a link whose URL holds parentheses', () => {
    const { links } = scanBody('[wiki](https://en.wikipedia.org/wiki/Sears_(store))');
    expect(links[0]?.target).toBe('https://en.wikipedia.org/wiki/Sears_(store)');
  });
});

describe('headingText', () => {
  it.each([
    ['Plain words', 'Plain words'],
    ['With `code` and **bold**', 'With code and bold'],
    ['A [link](../x/) inside', 'A link inside'],
    ['A [[note-id|wikilink]] inside', 'A wikilink inside'],
    ['Escaped \\*stars\\*', 'Escaped *stars*'],
  ])('%s → %s', (input, expected) => {
    expect(headingText(input)).toBe(expected);
  });
});
