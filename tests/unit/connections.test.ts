/**
 * A note page's back matter: the sentence around each link (read from the
 * body tree), the Connections block that lists each entry once, and the one Next.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { parseBody } from '../../src/content/parse.ts';
import { outlineOf } from '../../src/graph/extract.ts';
import { contextText, linkContexts, sentenceAround } from '../../src/graph/link-context.ts';
import { loadSiteGraph } from '../../src/graph/site-graph.ts';
import type { PathPosition } from '../../src/lib/paths.ts';
import { connectionCount, noteConnections } from '../../src/notes/connections.ts';
import { chooseNext, pathFragment } from '../../src/notes/next.ts';
import { contentWithOverlay, SITE_FIXTURE } from '../helpers/fixtures.ts';

function tree(body: string, extension = '.md'): Root {
  const parsed = parseBody(body, extension);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.tree;
}
/** Each link's target and context, in document order. */
const contexts = (body: string, extension = '.md') => {
  const root = tree(body, extension);
  return outlineOf(root, body, linkContexts(root)).links.map((link) => [link.target, link.context]);
};

describe('sentenceAround', () => {
  const text = 'First sentence here. The link sits in this one, in the middle. Last one.';
  const at = text.indexOf('link');

  it('takes the sentence that holds the link, trimmed', () => {
    expect(sentenceAround(text, at, at + 4)).toBe('The link sits in this one, in the middle.');
  });

  it('reads a line break inside a paragraph as a space, not a sentence end', () => {
    expect(sentenceAround('It links to A,\nto B and to C. Next.', 12, 13)).toBe('It links to A, to B and to C.');
  });

  it('clips a long sentence around the link at word boundaries, with an ellipsis where it cut', () => {
    const words = Array.from({ length: 60 }, (_, i) => `word${i}`);
    words[30] = 'LINK';
    const long = `${words.join(' ')}.`;
    const start = long.indexOf('LINK');
    const clipped = sentenceAround(long, start, start + 4, 80);
    expect(clipped.length).toBeLessThanOrEqual(82);
    expect(clipped).toMatch(/^…word\d+ .* LINK .* word\d+…$/);
    expect(clipped).not.toMatch(/ord\d+ w…|…ord/);
  });

  it('clips only the end when the link opens the sentence', () => {
    const long = `LINK ${'and more words '.repeat(30)}end.`;
    const clipped = sentenceAround(long, 0, 4, 60);
    expect(clipped.startsWith('LINK and more')).toBe(true);
    expect(clipped.endsWith('…')).toBe(true);
  });
});

describe('linkContexts: the sentence around each link, from the tree', () => {
  it('strips markup and keeps wikilinks without a label for the graph to name', () => {
    expect(
      contexts('Intro sentence. We read **this** as `code` and [a link](/notes/x/) together.[^1] Then more.\n\n[^1]: A note.\n'),
    ).toEqual([['/notes/x/', 'We read this as code and a link together.']]);
    expect(contexts('One. It answers with [[cheng-and-chi]], and [[other|the other]] too. Two.')).toEqual([
      ['cheng-and-chi', 'It answers with [[cheng-and-chi]], and the other too.'],
      ['other', 'It answers with [[cheng-and-chi]], and the other too.'],
    ]);
  });

  it('stays inside its block: a list item, a table cell, a heading', () => {
    const body =
      '- First item. See [[a]] here.\n- Second item.\n\n| Head | Other |\n| --- | --- |\n| Cell with [[b]] | plain |\n\n## About [[c]]\n';
    expect(contexts(body)).toEqual([
      ['a', 'See [[a]] here.'],
      ['b', 'Cell with [[b]]'],
      ['c', 'About [[c]]'],
    ]);
  });

  it('gives reference-style links their sentence, and images and definitions none', () => {
    expect(contexts('Read [the essay][e] first. ![A picture](/images/x.png)\n\n[e]: https://example.org/\n')).toEqual([
      ['https://example.org/', 'Read the essay first.'],
      ['/images/x.png', undefined],
    ]);
  });

  it('reads a link inside a <Quote> or an <Aside> in its own paragraph', () => {
    expect(contexts('<Aside kind="tip" title="Try it">Run [[plays/p]] with your team. Then talk.</Aside>\n', '.mdx')).toEqual([
      ['plays/p', 'Run [[plays/p]] with your team.'],
    ]);
  });

  it('names label-less wikilinks with their titles for the reader', () => {
    expect(
      contextText('It answers with [[cheng-and-chi]] and [[x#part]].', (target) =>
        target === 'cheng-and-chi' ? 'Cheng and chi' : undefined,
      ),
    ).toBe('It answers with Cheng and chi and x#part.');
  });
});

describe('noteConnections (the fixture site)', () => {
  const graph = loadSiteGraph(SITE_FIXTURE);

  it('shows each linking page with the sentence around its link, wikilinks read as titles', () => {
    const beta = noteConnections(graph, 'beta-note');
    expect(beta.linkedFrom.map((c) => [c.key, c.context])).toEqual([
      ['notes/alpha-note', 'It links to Beta note, to a heading in beta, to the term Fixture term and to the play Fixture play.'],
      ['paths/fixture-path', 'It shows plain Markdown next to MDX.'],
    ]);
    expect(beta.plays.map((c) => c.key)).toEqual(['plays/second-fixture-play']);
  });

  it('lists every entry once: plays as plays, body links as "Linked from", and related only what is left', () => {
    const alpha = noteConnections(graph, 'alpha-note');
    const keys = [...alpha.plays, ...alpha.linkedFrom, ...alpha.related, ...alpha.mentions].map((c) => c.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toHaveLength(connectionCount(alpha));
    // beta is in alpha's `related` and links to alpha in its text: it is listed once, with its sentence.
    expect(alpha.related).toEqual([]);
    expect(alpha.linkedFrom.find((c) => c.key === 'notes/beta-note')?.context).toBe('It links back to Alpha note and to Gamma note.');
    expect(alpha.mentions.map((c) => c.key)).toEqual(['glossary/fixture-term']);
    // Notes first, then theme essays, then reading paths; drafts never.
    expect(alpha.linkedFrom.map((c) => c.collection)).toEqual(['notes', 'notes', 'notes', 'themes', 'themes', 'themes', 'paths']);
    expect(keys).not.toContain('notes/draft-note');
  });

  it('keeps a related note that does not link in its text under "Related notes", in either direction', () => {
    const content = contentWithOverlay();
    fs.writeFileSync(
      path.join(content, 'notes/zeta-note.md'),
      [
        '---',
        'title: Zeta note',
        'summary: A fixture note that names the beta note as related but never links to it in its text.',
        'theme: cheng-chi',
        'sources:',
        '  - id: general',
        '    locator: A fact everyone knows',
        'related: [beta-note]',
        'created: 2026-11-03',
        '---',
        '',
        'Zeta says nothing about the others.',
        '',
      ].join('\n'),
    );
    try {
      const withZeta = loadSiteGraph(content, { fresh: true });
      expect(noteConnections(withZeta, 'beta-note').related.map((c) => c.key)).toEqual(['notes/zeta-note']);
      expect(noteConnections(withZeta, 'zeta-note').related.map((c) => c.key)).toEqual(['notes/beta-note']);
      expect(noteConnections(withZeta, 'beta-note').linkedFrom.map((c) => c.key)).not.toContain('notes/zeta-note');
    } finally {
      fs.rmSync(content, { recursive: true, force: true });
    }
  });
});

describe('chooseNext: one Next', () => {
  const order = ['a', 'b', 'c', 'd'];
  const onPath: PathPosition[] = [
    { pathId: 'tour', title: 'A tour', position: 2, total: 3, previous: 'x', next: 'z' },
    { pathId: 'short', title: 'Short', position: 3, total: 3, previous: 'y' },
  ];

  it('follows the theme’s order when the reader did not come from a path', () => {
    expect(chooseNext('b', order, onPath)).toEqual({ kind: 'theme', note: 'c' });
    expect(chooseNext('d', order, [])).toBeNull();
  });

  it('follows the path the reader came from', () => {
    expect(chooseNext('b', order, onPath, 'tour')).toEqual({
      kind: 'path',
      pathId: 'tour',
      title: 'A tour',
      position: 2,
      total: 3,
      note: 'z',
    });
  });

  it('at a path’s last step says so and goes on in the theme’s order', () => {
    expect(chooseNext('b', order, onPath, 'short')).toEqual({ kind: 'path-end', pathId: 'short', title: 'Short', total: 3, note: 'c' });
    expect(chooseNext('d', order, onPath, 'short')).toEqual({ kind: 'path-end', pathId: 'short', title: 'Short', total: 3 });
  });

  it('ignores a path the note is not on', () => {
    expect(chooseNext('b', order, onPath, 'elsewhere')).toEqual({ kind: 'theme', note: 'c' });
  });

  it('names the path in the address as #path-<id>', () => {
    expect(pathFragment('start-cheng-chi')).toBe('path-start-cheng-chi');
  });
});
