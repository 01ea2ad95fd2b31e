import fs from 'node:fs';
import path from 'node:path';
import { createMarkdownProcessor, type RemarkPlugins } from '@astrojs/markdown-remark';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.ts';
import { buildSiteGraph, loadSiteGraph, type SiteGraph } from '../../src/graph/site-graph.ts';
import { markdownPlugins } from '../../src/markdown/pipeline.ts';
import remarkGlossary, {
  glossaryTerms,
  normalizeSpelling,
  previewId,
  quotedRanges,
  termMatcher,
  type GlossaryTerm,
} from '../../src/markdown/remark-glossary.ts';
import { FIXTURES, SITE_FIXTURE } from '../helpers/fixtures.ts';

const BETA = path.join(SITE_FIXTURE, 'notes/beta-note.md');

/**
 * The site's real pipeline with remark-glossary at the end (where pipeline.ts
 * runs it); added here only if the pipeline does not list it yet.
 */
async function render(markdown: string, { graph = () => loadSiteGraph(SITE_FIXTURE), frontmatter = {}, file = BETA } = {}) {
  const plugins = markdownPlugins({ graph, base: '/' });
  const wired = plugins.remarkPlugins.some((plugin) => (Array.isArray(plugin) ? plugin[0] : plugin) === remarkGlossary);
  const remarkPlugins: RemarkPlugins = wired ? plugins.remarkPlugins : [...plugins.remarkPlugins, [remarkGlossary, { graph, base: '/' }]];
  const processor = await createMarkdownProcessor({ ...plugins, remarkPlugins, syntaxHighlight: false });
  return (await processor.render(markdown, { fileURL: new URL(`file://${file}`), frontmatter })).code;
}

const CASES = path.join(FIXTURES, 'markdown');

describe('remark-glossary fixtures (input.md → output.html)', () => {
  it.each(fs.readdirSync(CASES).filter((name) => name.startsWith('glossary-')))('%s', async (name) => {
    const input = fs.readFileSync(path.join(CASES, name, 'input.md'), 'utf8');
    const expected = fs.readFileSync(path.join(CASES, name, 'output.html'), 'utf8').trim();
    expect((await render(input)).trim()).toBe(expected);
  });
});

describe('remark-glossary', () => {
  const LINK = '<a href="/glossary/#fixture-term" class="glossary-term" aria-describedby="gloss-beta-note-fixture-term">';

  it('links with the definition as a described-by preview', async () => {
    const html = await render('One fixture term.');
    expect(html).toContain(LINK);
    expect(html).toContain('<span id="gloss-beta-note-fixture-term" role="tooltip" class="glossary-preview">A word defined only');
  });

  it('respects `glossaryLinks: false` in the frontmatter', async () => {
    expect(await render('One fixture term.', { frontmatter: { glossaryLinks: false } })).toBe('<p>One fixture term.</p>');
    expect(await render('One fixture term.', { frontmatter: { glossaryLinks: true } })).toContain(LINK);
  });

  it('falls back to the note file’s own frontmatter when Astro passes none', async () => {
    const raws = loadContent(SITE_FIXTURE).map((raw) =>
      raw.key === 'notes/beta-note' ? { ...raw, data: { ...(raw.data as object), glossaryLinks: false } } : raw,
    );
    const graph: SiteGraph = buildSiteGraph(SITE_FIXTURE, raws);
    expect(await render('One fixture term.', { graph: () => graph })).toBe('<p>One fixture term.</p>');
  });

  it('leaves entries other than notes alone', async () => {
    expect(await render('One fixture term.', { file: path.join(SITE_FIXTURE, 'themes/cheng-chi.mdx') })).toBe('<p>One fixture term.</p>');
  });

  it('gives every note its own preview ids, so a page with several notes never repeats one', () => {
    expect(previewId('alpha-note', 'fixture-term')).not.toBe(previewId('beta-note', 'fixture-term'));
  });

  it('never links inside a Quote, but does inside an Aside (MDX)', () => {
    const mdx = [
      '<Quote by="A Person" source="fixture-text">Our fixture term, verbatim.</Quote>',
      '',
      '<Aside kind="tip">A fixture term in an aside.</Aside>',
    ].join('\n');
    const processor = unified()
      .use(remarkParse)
      .use(remarkMdx)
      .use(remarkGlossary, { graph: () => loadSiteGraph(SITE_FIXTURE) });
    const tree = processor.runSync(processor.parse(mdx), new VFile({ path: BETA })) as Root;
    // Each link with the component it sits in.
    const found: { inside: string; text: string }[] = [];
    const walk = (node: Root['children'][number] | Root, inside: string) => {
      const name = (node as { name?: string }).name ?? inside;
      if (node.type === 'link') found.push({ inside: name, text: toString(node) });
      else if ('children' in node) for (const child of node.children) walk(child, name);
    };
    walk(tree, '');
    expect(found).toEqual([{ inside: 'Aside', text: 'fixture term' }]);
  });
});

describe('remark-glossary and quoted titles', () => {
  it.each([
    ['curly quotes', 'The essay “Fixture term of art” says so.'],
    ['straight quotes', 'The essay "Fixture term of art" says so.'],
    ['a quotation that opens before emphasis', 'The essay “On *one* fixture term” says so.'],
    ['a quotation across a term split by emphasis', 'The essay “A fixture term, *really*” says so.'],
  ])('never links inside %s', async (_case, markdown) => {
    expect(await render(markdown)).not.toContain('glossary-term');
  });

  it('links the first use outside the quotation instead', async () => {
    const html = await render('The essay “Fixture term of art” names one fixture term.');
    expect(html).toContain('<p>The essay “Fixture term of art” names one <span class="glossary">');
    expect(html.match(/class="glossary-term"/g)).toHaveLength(1);
  });

  it('still links outside quotation marks closed before the term', async () => {
    expect(await render('He said “yes”, and the fixture term followed.')).toContain('glossary-term');
  });
});

describe('quotedRanges', () => {
  it.each([
    ['one text, curly', ['a “b” c'], [[[2, 5]]]],
    [
      'one text, straight',
      ['a "b" c "d'],
      [
        [
          [2, 5],
          [8, 10],
        ],
      ],
    ],
    ['across texts', ['a “b ', 'c', ' d” e', 'f'], [[[2, 5]], [[0, 1]], [[0, 3]], []]],
    ['no quotes, or single quotes only', ['it’s ‘fine’'], [[]]],
  ])('%s', (_case, texts, expected) => {
    expect(quotedRanges(texts)).toEqual(expected);
  });
});

describe('termMatcher', () => {
  const terms: GlossaryTerm[] = [
    { id: 'customer', term: 'customer', aliases: ['customers'], definition: 'Someone who buys.' },
    { id: 'customer-obsession', term: 'customer obsession', aliases: [], definition: 'Starting from the customer.' },
    { id: 'day-one', term: 'Day 1', aliases: ["Day 1 company's way"], definition: 'Always the first day.' },
    { id: 'cheng', term: 'cheng', aliases: ['cheng-move'], definition: 'The expected move.' },
  ];
  const matcher = termMatcher(terms);
  const uses = (text: string) =>
    [...text.matchAll(matcher?.pattern ?? /$^/g)].map((m) => matcher?.bySpelling.get(normalizeSpelling(m[0]))?.id);

  it.each([
    ['Customer obsession is not customers.', ['customer-obsession', 'customer']],
    ['CUSTOMER  OBSESSION', ['customer-obsession']],
    ['customerservice and customers-first', ['customer']],
    ['Day 1, not day 10', ['day-one']],
    ['a Day 1 company’s way', ['day-one']],
    ['the cheng‑move and chengdu', ['cheng']],
    ['', []],
  ])('%s', (text, expected) => {
    expect(uses(text)).toEqual(expected);
  });

  it('returns null when there are no terms', () => {
    expect(termMatcher([])).toBeNull();
  });

  it('reads the terms, aliases and definitions from the site graph', () => {
    expect(glossaryTerms(loadSiteGraph(SITE_FIXTURE))).toContainEqual({
      id: 'fixture-term',
      term: 'Fixture term',
      aliases: ['fixture terms'],
      definition: 'A word defined only to prove that glossary entries render and can be linked to.',
    });
  });
});
