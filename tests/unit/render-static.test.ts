import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSiteGraph } from '../../src/graph/site-graph.ts';
import { MDX_COMPONENTS } from '../../src/content/components.ts';
import { createStaticRenderer } from '../../src/markdown/render-static.ts';
import { ContentError } from '../../src/content/finding.ts';
import { contentWithOverlay } from '../helpers/fixtures.ts';

const site = contentWithOverlay();
afterAll(() => fs.rmSync(site, { recursive: true, force: true }));
const gamma = path.join(site, 'notes/gamma-note.mdx');
const frontmatter = fs.readFileSync(gamma, 'utf8').split(/^---$/m).slice(0, 2).join('---') + '---\n';

/** Renders `body` as the gamma fixture note's body, from the graph's parsed tree as the loader does. */
async function render(body: string, base = '/') {
  fs.writeFileSync(gamma, frontmatter + body);
  const graph = loadSiteGraph(site, { fresh: true });
  const entry = graph.entries.get('notes/gamma-note');
  if (!entry || entry.parseProblem) throw new ContentError(entry?.schemaFindings ?? []);
  return createStaticRenderer({ graph: () => graph, base })(entry);
}

describe('static MDX rendering', () => {
  it('renders the tree the graph parsed, with lines as in the file', async () => {
    const error = await render('Text\n\n<Widget />\n').catch((e: unknown) => e);
    // The frontmatter takes 11 lines; the component is on line 14 of the file.
    expect((error as ContentError).findings.map((f) => f.line)).toEqual([14]);
  });

  it('renders Markdown with our plugins: links resolved, typography, heading ids and anchors', async () => {
    const { html, metadata } = await render('## A "quoted" heading\n\nSee [[alpha-note]].\n');
    expect(html).toContain('<h2 id="a-quoted-heading">A “quoted” heading<a class="heading-anchor"');
    expect(html).toContain('href="/notes/alpha-note/"');
    expect(metadata.headings).toEqual([{ depth: 2, slug: 'a-quoted-heading', text: 'A “quoted” heading' }]);
  });

  it('keeps the frontmatter and adds what plugins compute (reading time)', async () => {
    const { metadata } = await render(Array.from({ length: 450 }, () => 'word').join(' '));
    expect(metadata.frontmatter).toMatchObject({ title: 'Gamma note', readingMinutes: 2, words: 450 });
  });

  it('reads MDX syntax, not Markdown: indented text is not code', async () => {
    const { html } = await render('Text\n\n    indented, as MDX reads it\n');
    expect(html).not.toContain('<pre>');
    expect(html).toContain('<p>indented, as MDX reads it</p>');
  });

  it('renders <Quote> as a figure citing its source, with the quotation as block content', async () => {
    const { html } = await render('<Quote by="Someone" source="fixture-text">\nThe words, as said.\n</Quote>\n');
    expect(html).toBe(
      '<figure class="quote"><blockquote><p>The words, as said.</p></blockquote><figcaption>— Someone, in <a href="/sources/fixture-text/">A fixture text</a></figcaption></figure>',
    );
  });

  it('renders a one-line <Aside> on its own, not inside a paragraph, with its text in one', async () => {
    const { html } = await render('<Aside kind="tip" title="Try it">Run [[alpha-note]] now.</Aside>\n');
    expect(html).toMatch(
      /^<aside class="aside aside-tip" aria-label="Try it"><p class="aside-title">Try it<\/p><p>Run <a href="\/notes\/alpha-note\/">[^<]+<\/a> now\.<\/p><\/aside>$/,
    );
  });

  it('gives an <Aside> without a title the title of its kind', async () => {
    expect((await render('<Aside kind="caution">\nCareful.\n</Aside>\n')).html).toContain(
      'aria-label="Caution"><p class="aside-title">Caution</p><p>Careful.</p>',
    );
  });

  it('has a static rendering for every component the safety policy admits', async () => {
    for (const name of Object.keys(MDX_COMPONENTS)) {
      const props = MDX_COMPONENTS[name]!.required.map((prop) => `${prop}="${prop === 'source' ? 'fixture-text' : 'x'}"`).join(' ');
      await expect(render(`<${name} ${props}>\nText.\n</${name}>\n`), name).resolves.toBeTruthy();
    }
  });

  it('fails on anything outside the safety policy before rendering it', async () => {
    const error = await render('Text\n\n<Widget />\n\n{1 + 1}\n').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).findings.map((f) => `${f.rule}@${f.line}`)).toEqual(['mdx-component@14', 'mdx-expression@16']);
  });
});
