import { describe, expect, it } from 'vitest';
import { outlineOf, type BodyLink } from '../../src/graph/extract.ts';
import { parseBody } from '../../src/content/parse.ts';

/** The outline of a body, parsed the way the site parses it. */
function outline(body: string, extension = '.md') {
  const parsed = parseBody(body, extension);
  if (!parsed.ok) throw new Error(`did not parse: ${parsed.message}`);
  return outlineOf(parsed.tree, body);
}
const links = (body: string, extension = '.md') => outline(body, extension).links;
const short = (link: BodyLink) => `${link.kind} ${link.target} @${link.line}:${link.column}`;

describe('outlineOf: links', () => {
  it.each(['.md', '.mdx'])('inline links and images, with line and column (%s)', (extension) => {
    expect(links('Intro.\n\nSee [the play](/plays/x/) and ![a chart](/images/c.png).\n', extension)).toEqual([
      { kind: 'markdown', target: '/plays/x/', label: 'the play', line: 3, column: 5 },
      { kind: 'image', target: '/images/c.png', label: 'a chart', line: 3, column: 31 },
    ]);
  });

  it('reference-style links and images take the target of their definition, at the reference', () => {
    const body = [
      'A [full][d], a [collapsed][] and a [shortcut].',
      '',
      'An image: ![alt text][img].',
      '',
      '[d]: /notes/nope/',
      '[collapsed]: /notes/two/',
      '[shortcut]: https://example.com/',
      '[img]: ../../../../outside/secret.png',
    ].join('\n');
    expect(links(body)).toEqual([
      { kind: 'markdown', target: '/notes/nope/', label: 'full', line: 1, column: 3 },
      { kind: 'markdown', target: '/notes/two/', label: 'collapsed', line: 1, column: 16 },
      { kind: 'markdown', target: 'https://example.com/', label: 'shortcut', line: 1, column: 36 },
      { kind: 'image', target: '../../../../outside/secret.png', label: 'alt text', line: 3, column: 11 },
    ]);
  });

  it('matches labels case-insensitively, and the first definition wins', () => {
    expect(links('[x][Some Label]\n\n[some label]: /first/\n[SOME LABEL]: /second/\n').map(short)).toEqual(['markdown /first/ @1:1']);
  });

  it('reports a definition nothing uses, at the definition', () => {
    expect(links('Text.\n\n[unused]: /notes/nope/\n').map(short)).toEqual(['markdown /notes/nope/ @3:1']);
  });

  it('a reference to no definition is text, not a link', () => {
    expect(links('[x][nothing] and [[y]]\n').map(short)).toEqual(['wiki y @1:18']);
  });

  it('links and images that span lines, at the line they start on', () => {
    const body = 'Start.\n\nA [label\nthat wraps](\n/notes/nope/\n) and ![an\nimage](\n../../../../outside/secret.png\n "title") end.\n';
    expect(links(body).map(short)).toEqual(['markdown /notes/nope/ @3:3', 'image ../../../../outside/secret.png @6:7']);
  });

  it('keeps backslashes of a UNC-style target for the resolver to refuse', () => {
    expect(links('[share](\\\\\\\\host\\\\share) and [other](<\\\\host\\share>)\n').map((l) => l.target)).toEqual([
      '\\\\host\\share',
      '\\host\\share',
    ]);
  });

  it.each(['.md', '.mdx'])('wikilinks, with label and anchor, on their line and column (%s)', (extension) => {
    const body = [
      '# Title with [[in-heading]]',
      '',
      'See [[alpha-note]], [[beta-note|the beta note]] and [[notes/gamma#a-section]].',
      '',
      '- item *[[in-emphasis]]*',
      '',
      '> quoted [[in-quote]]',
    ].join('\n');
    expect(links(body, extension)).toEqual([
      { kind: 'wiki', target: 'in-heading', label: 'in-heading', line: 1, column: 14 },
      { kind: 'wiki', target: 'alpha-note', label: 'alpha-note', line: 3, column: 5 },
      { kind: 'wiki', target: 'beta-note', label: 'the beta note', line: 3, column: 21 },
      { kind: 'wiki', target: 'notes/gamma#a-section', label: 'notes/gamma#a-section', line: 3, column: 53 },
      { kind: 'wiki', target: 'in-emphasis', label: 'in-emphasis', line: 5, column: 9 },
      { kind: 'wiki', target: 'in-quote', label: 'in-quote', line: 7, column: 10 },
    ]);
  });

  it('a wikilink on the second line of a paragraph gets that line', () => {
    expect(links('First line\nsecond [[x]] line\n').map(short)).toEqual(['wiki x @2:8']);
  });

  it('places a wikilink on an indented continuation line at its column in the file', () => {
    // The text node's value drops the continuation line's indentation; the source does not.
    expect(links('- item\n  second [[x]] line\n').map(short)).toEqual(['wiki x @2:10']);
  });

  it('a wikilink never spans lines', () => {
    expect(links('[[alpha\nnote]]\n')).toEqual([]);
  });

  it('finds nothing inside code spans, fenced code, indented code or HTML comments', () => {
    const body = [
      'Text with `[[in-span]] [x](/in-span/)` only.',
      '',
      '```md',
      '[[in-fence]] [y](/in-fence/) ![z](/in-fence.png)',
      '```',
      '',
      '~~~',
      '[[in-tilde-fence]]',
      '~~~',
      '',
      '    [[in-indented-code]] [w](/indented/)',
      '',
      '<!-- [[in-comment]] -->',
      '',
      'After [[real]].',
    ].join('\n');
    expect(links(body).map(short)).toEqual(['wiki real @15:7']);
  });

  it('finds nothing inside MDX code either', () => {
    expect(
      links('Text `[[in-span]]`.\n\n```\n[[in-fence]]\n```\n\n<Aside kind="tip">See [[inside-aside]].</Aside>\n', '.mdx').map(short),
    ).toEqual(['wiki inside-aside @7:23']);
  });
});

describe('outlineOf: headings', () => {
  it('gives each heading its depth, text, line and the slug it gets in HTML', () => {
    const body = [
      '## Hello `code` World',
      '',
      'Text.',
      '',
      '### What’s new? (2026)',
      '',
      '## Hello `code` World',
      '',
      'Setext heading',
      '--------------',
      '',
      '## [[alpha-note]] and *more*',
    ].join('\n');
    expect(outline(body).headings).toEqual([
      { depth: 2, text: 'Hello code World', slug: 'hello-code-world', line: 1 },
      { depth: 3, text: 'What’s new? (2026)', slug: 'whats-new-2026', line: 5 },
      { depth: 2, text: 'Hello code World', slug: 'hello-code-world-1', line: 7 },
      { depth: 2, text: 'Setext heading', slug: 'setext-heading', line: 9 },
      { depth: 2, text: '[[alpha-note]] and more', slug: 'alpha-note-and-more', line: 12 },
    ]);
  });

  it('a heading inside code is no heading', () => {
    expect(outline('```\n## not a heading\n```\n\n    ## nor this\n').headings).toEqual([]);
  });
});
