import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { alignLines, folderFingerprint } from '../../src/content/static-mdx-loader.ts';
import { loadSiteGraph } from '../../src/graph/site-graph.ts';
import { MDX_COMPONENTS } from '../../src/markdown/components.ts';
import { createStaticRenderer } from '../../src/markdown/render-static.ts';
import { ContentError } from '../../src/validate/finding.ts';
import { SITE_FIXTURE } from '../helpers/fixtures.ts';

const filePath = path.join(SITE_FIXTURE, 'notes/gamma-note.mdx');
const render = (body: string, base = '/') => createStaticRenderer({ graph: () => loadSiteGraph(SITE_FIXTURE), base })(body, { filePath, frontmatter: { title: 'Gamma' } });

describe('static MDX rendering', () => {
  it('renders Markdown with our plugins: links resolved, typography, heading ids and anchors', async () => {
    const { html, metadata } = await render('## A "quoted" heading\n\nSee [[alpha-note]].\n');
    expect(html).toContain('<h2 id="a-quoted-heading">A “quoted” heading<a class="heading-anchor"');
    expect(html).toContain('href="/notes/alpha-note/"');
    expect(metadata.headings).toEqual([{ depth: 2, slug: 'a-quoted-heading', text: 'A “quoted” heading' }]);
  });

  it('keeps the frontmatter and adds what plugins compute (reading time)', async () => {
    const { metadata } = await render(Array.from({ length: 450 }, () => 'word').join(' '));
    expect(metadata.frontmatter).toMatchObject({ title: 'Gamma', readingMinutes: 2, words: 450 });
  });

  it('reads MDX syntax, not Markdown: indented text is not code', async () => {
    const { html } = await render('Text\n\n    indented, as MDX reads it\n');
    expect(html).not.toContain('<pre>');
    expect(html).toContain('<p>indented, as MDX reads it</p>');
  });

  it('renders <Quote> as a figure citing its source, with the quotation as block content', async () => {
    const { html } = await render('<Quote by="Someone" source="fixture-text">\nThe words, as said.\n</Quote>\n');
    expect(html).toBe('<figure class="quote"><blockquote><p>The words, as said.</p></blockquote><figcaption>— Someone, in <a href="/sources/fixture-text/">A fixture text</a></figcaption></figure>');
  });

  it('renders a one-line <Aside> on its own, not inside a paragraph, with its text in one', async () => {
    const { html } = await render('<Aside kind="tip" title="Try it">Run [[alpha-note]] now.</Aside>\n');
    expect(html).toMatch(/^<aside class="aside aside-tip" aria-label="Try it"><p class="aside-title">Try it<\/p><p>Run <a href="\/notes\/alpha-note\/">[^<]+<\/a> now\.<\/p><\/aside>$/);
  });

  it('gives an <Aside> without a title the title of its kind', async () => {
    expect((await render('<Aside kind="caution">\nCareful.\n</Aside>\n')).html).toContain('aria-label="Caution"><p class="aside-title">Caution</p><p>Careful.</p>');
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
    expect((error as ContentError).findings.map((f) => `${f.rule}@${f.line}`)).toEqual(['mdx-component@3', 'mdx-expression@5']);
  });
});

describe('folderFingerprint', () => {
  it('changes when any file under the folders changes, and only then', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fingerprint-'));
    fs.mkdirSync(path.join(dir, 'notes'));
    fs.writeFileSync(path.join(dir, 'notes/a.mdx'), 'one');
    const first = folderFingerprint([dir]);
    expect(folderFingerprint([dir])).toBe(first);
    fs.writeFileSync(path.join(dir, 'notes/a.mdx'), 'two');
    const second = folderFingerprint([dir]);
    expect(second).not.toBe(first);
    fs.writeFileSync(path.join(dir, 'notes/b.mdx'), '');
    expect(folderFingerprint([dir])).not.toBe(second);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('alignLines', () => {
  it('puts the body back on the lines it has in the file', () => {
    const file = '---\ntitle: T\n---\n\n\nFirst line.\n\n{oops}\n';
    const aligned = alignLines('First line.\n\n{oops}', file);
    expect(aligned.split('\n').indexOf('{oops}') + 1).toBe(8);
  });
  it('leaves a body it cannot find untouched', () => {
    expect(alignLines('elsewhere', 'no such text')).toBe('elsewhere');
  });
});
