import fs from 'node:fs';
import path from 'node:path';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { loadSiteGraph } from '../../src/graph/site-graph.ts';
import { markdownPlugins } from '../../src/markdown/pipeline.ts';
import { readingTime } from '../../src/markdown/remark-reading-time.ts';
import { ContentError } from '../../src/content/finding.ts';
import { FIXTURES, SITE_FIXTURE } from '../helpers/fixtures.ts';

/** The site's real pipeline, rendering as if the input were the fixture note `beta-note`. */
async function render(markdown: string, base = '/') {
  const processor = await createMarkdownProcessor({
    ...markdownPlugins({ graph: () => loadSiteGraph(SITE_FIXTURE), base }),
    syntaxHighlight: false,
  });
  return processor.render(markdown, { fileURL: new URL(`file://${path.join(SITE_FIXTURE, 'notes/beta-note.md')}`) });
}

const CASES = path.join(FIXTURES, 'markdown');

describe('pipeline fixtures (input.md → output.html)', () => {
  it.each(fs.readdirSync(CASES))('%s', async (name) => {
    const input = fs.readFileSync(path.join(CASES, name, 'input.md'), 'utf8');
    const expected = fs.readFileSync(path.join(CASES, name, 'output.html'), 'utf8').trim();
    expect((await render(input)).code.trim()).toBe(expected);
  });
});

describe('remark-links', () => {
  it('prefixes the base path', async () => {
    expect((await render('[[alpha-note]]', '/playbook')).code).toContain('href="/playbook/notes/alpha-note/"');
  });

  it('fails with file:line:column for every unknown target in the file', async () => {
    const error = await render('Fine [[alpha-note]].\n\nBroken [[nope]] and [x](../missing/).').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentError);
    const findings = (error as ContentError).findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.rule}`);
    expect(findings).toEqual([
      'tests/fixtures/site/notes/beta-note.md:3:8 unknown-link',
      'tests/fixtures/site/notes/beta-note.md:3:21 unknown-link',
    ]);
  });
});

describe('remark-safety', () => {
  it('refuses raw HTML in plain Markdown before anything renders', async () => {
    const error = await render('Text\n\n<script>alert(1)</script>\n').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).findings[0]).toMatchObject({ rule: 'mdx-script', line: 3 });
  });
});

describe('remark-reading-time', () => {
  it('counts words, not punctuation, and rounds to whole minutes (at least 1)', () => {
    expect(readingTime('one two — three')).toEqual({ words: 3, minutes: 1 });
    expect(readingTime(Array.from({ length: 660 }, () => 'word').join(' '))).toEqual({ words: 660, minutes: 3 });
  });

  it('puts the reading time in the page frontmatter', async () => {
    const { metadata } = await render(Array.from({ length: 500 }, () => 'word').join(' '));
    expect(metadata.frontmatter).toMatchObject({ readingMinutes: 2, words: 500 });
  });
});
