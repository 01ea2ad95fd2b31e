import fs from 'node:fs';
import path from 'node:path';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { loadWorksheetContent } from '../../src/worksheets/load.ts';
import type { View } from '../../src/plays/downloads.ts';
import { playDocument, type ModelContext } from '../../src/worksheets/model.ts';
import { sessionPack } from '../../src/worksheets/pack.ts';
import { escapeMarkdown, renderMarkdown } from '../../src/worksheets/renderers/markdown.ts';
import { FIXTURES, SITE_FIXTURE } from '../helpers/fixtures.ts';

/**
 * Fixture folders: `options.json` (which play or pack, and the team and date)
 * and `expected.md`. Run with UPDATE_FIXTURES=1 to rewrite the expected files
 * after an intended change, then review the diff.
 */
const CASES = path.join(FIXTURES, 'worksheets', 'markdown');
const content = loadWorksheetContent(SITE_FIXTURE);

interface Options {
  play?: string;
  view?: View;
  pack?: string[];
  start?: string;
  break?: number;
  team?: string;
  date?: string;
  title?: string;
}

function render(options: Options): string {
  const ctx: ModelContext = {
    siteUrl: 'https://playbook.example',
    basePath: '/',
    titles: content.titles,
    ...(options.team && { team: options.team }),
    ...(options.date && { date: options.date }),
  };
  const play = (id: string) => {
    const found = content.plays.find((p) => p.id === id);
    if (!found) throw new Error(`no fixture play ${id}`);
    return found;
  };
  const document = options.pack
    ? sessionPack(
        options.pack.map(play),
        { start: options.start ?? '09:00', breakMinutes: options.break ?? 0, ...(options.title && { title: options.title }) },
        ctx,
      )
    : playDocument(play(options.play ?? ''), options.view ?? 'participant', ctx);
  return renderMarkdown(document);
}

describe('Markdown worksheets (options.json → expected.md)', () => {
  it.each(fs.readdirSync(CASES).sort())('%s', (name) => {
    const options = JSON.parse(fs.readFileSync(path.join(CASES, name, 'options.json'), 'utf8')) as Options;
    const actual = render(options);
    const expectedFile = path.join(CASES, name, 'expected.md');
    if (process.env.UPDATE_FIXTURES) fs.writeFileSync(expectedFile, actual);
    expect(actual).toBe(fs.readFileSync(expectedFile, 'utf8'));
  });
});

describe('Markdown details', () => {
  const participant = render({ play: 'fixture-play', view: 'participant' });

  it('turns choices into task lists and keeps empty table rows', () => {
    expect(participant).toContain('- [ ] Phone\n- [ ] Email\n- [ ] Chat\n- [ ] Shop');
    expect(participant).toContain('- [ ] Yes\n- [ ] No');
    expect(participant).toContain('- [ ] 1 (Not at all)\n- [ ] 2\n- [ ] 3\n- [ ] 4\n- [ ] 5 (Very well)');
    expect(participant).toContain('| Action | Owner | When |\n| --- | --- | --- |\n|   |   |   |\n|   |   |   |\n|   |   |   |\n');
    expect(participant).toContain('|  | Now | Next |\n| --- | --- | --- |\n| **Expected** |   |   |\n| **Surprising** |   |   |');
  });

  it('leaves as many blank lines as the prompt asks for, after the usual one between blocks', () => {
    expect(participant).toContain(`_Write your answer below (about 3 lines)._${'\n'.repeat(1 + 1 + 3)}### 2.`);
  });

  it('ends with exactly one newline', () => {
    expect(participant.endsWith('|\n')).toBe(true);
  });

  it.each([
    ['*bold* and _em_', '\\*bold\\* and \\_em\\_'],
    ['a [link](x) and <b>', 'a \\[link\\](x) and &lt;b>'],
    ['&lt;b&gt; &#60; & AT&T', '&amp;lt;b&amp;gt; &amp;#60; & AT&T'],
    ['back\\slash `code`', 'back\\\\slash \\`code\\`'],
    ['two\nlines', 'two lines'],
    ['1. not a list', '1. not a list'],
  ])('escapes %j', (input, output) => {
    expect(escapeMarkdown(input)).toBe(output);
  });
});

/**
 * Safe output: a play is contributed text, and a wiki renders its Markdown with
 * HTML allowed. Every field below holds markup, a bare address with markup in
 * it, or Markdown that would open a raw-HTML or code block; rendered by a
 * CommonMark + GFM renderer that lets HTML through, no element may appear that
 * the worksheet's own structure does not make.
 */
describe('Markdown safety', () => {
  const HOSTILE = [
    'https://evil.example/<script>alert(1)</script>',
    'https://evil.example/"><img src=x onerror=alert(1)>',
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<!-- hidden --><b>bold</b>',
    '    <div>indented</div>',
    '~~~\n<iframe src=x></iframe>\n~~~',
    '# <h1>heading</h1>',
    '> <i>quote</i>',
    '1. <u>item</u>',
    '- <s>item</s>',
    'line one\r<style>x</style>',
    '[click](javascript:alert(1)) ![x](https://evil.example/x.png)',
    '&lt;b&gt;entity&lt;/b&gt; &#60;em&#62;',
    '<https://evil.example/autolink> <mailto:x@evil.example>',
    '| a | b |\n| --- | --- |\n| <sub>c</sub> | d |',
  ];
  /** Tags the worksheets' own Markdown makes: headings, paragraphs, lists, task boxes, tables, emphasis, links (autolinks), rules, quotes. */
  const ALLOWED = new Set([
    'h1',
    'h2',
    'h3',
    'p',
    'ul',
    'ol',
    'li',
    'input',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'em',
    'strong',
    'a',
    'hr',
    'blockquote',
    'br',
  ]);

  const base = content.plays.find((p) => p.id === 'fixture-play');
  if (!base) throw new Error('no fixture play');
  const pick = (i: number) => HOSTILE[i % HOSTILE.length] as string;
  let n = 0;
  const h = () => pick(n++);
  const d = base.data;
  const hostile = {
    id: 'fixture-play',
    data: {
      ...d,
      title: h(),
      purpose: 'https://evil.example/<script>alert(1)</script>',
      outcome: h(),
      roles: d.roles.map(() => ({ name: h(), does: h() })),
      materials: HOSTILE,
      steps: d.steps.map((step) => ({ ...step, title: h(), instructions: h(), facilitator: h() })),
      prompts: d.prompts.map((prompt) => {
        const question = h();
        switch (prompt.kind) {
          case 'scale':
            return { ...prompt, question, low: h(), high: h() };
          case 'checklist':
            return { ...prompt, question, options: HOSTILE.slice(0, 6) };
          case 'grid':
            return { ...prompt, question, rows: [h(), h()] as [string, string], columns: [h(), h()] as [string, string] };
          case 'table':
            return { ...prompt, question, columns: [h(), h(), h()] };
          default:
            return { ...prompt, question };
        }
      }),
      followUp: HOSTILE,
      sources: HOSTILE.map((locator) => ({ id: 'fixture-text', locator })),
    },
  } as typeof base;
  const ctx: ModelContext = { siteUrl: 'https://playbook.example', basePath: '/', team: '<script>team()</script>', date: '2027-01-15' };
  const documents = {
    participant: playDocument(hostile, 'participant', ctx),
    facilitator: playDocument(hostile, 'facilitator', ctx),
    pack: sessionPack([hostile, hostile], { start: '09:00', breakMinutes: 10 }, ctx),
  };
  const html = (markdown: string) =>
    micromark(markdown, { allowDangerousHtml: true, allowDangerousProtocol: false, extensions: [gfm()], htmlExtensions: [gfmHtml()] });

  it.each(Object.entries(documents))('%s: renders no element of its own', (_, document) => {
    const out = html(renderMarkdown(document));
    const tags = new Set([...out.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => (m[1] as string).toLowerCase()));
    expect([...tags].filter((tag) => !ALLOWED.has(tag))).toEqual([]);
    expect(out).not.toMatch(/<!--|<\?|<!\[CDATA|<[a-z][^>]*\son[a-z]+=|href="javascript:/i);
    // Inputs come only from task items, links only from autolinked addresses.
    for (const input of out.match(/<input[^>]*>/g) ?? []) expect(input).toBe('<input type="checkbox" disabled="" />');
  });

  it('keeps a bare address as a link and shows markup as the text it is', () => {
    const out = html(renderMarkdown(documents.participant));
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).toContain('&lt;script&gt;team()&lt;/script&gt;');
    expect(
      renderMarkdown(playDocument({ ...hostile, data: { ...hostile.data, purpose: 'https://example.org/a?b=1' } }, 'participant', ctx)),
    ).toContain('<https://example.org/a?b=1>');
  });
});
