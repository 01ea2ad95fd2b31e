import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWorksheetContent } from '../../src/worksheets/load.ts';
import { playDocument, type ModelContext, type View } from '../../src/worksheets/model.ts';
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
    ? sessionPack(options.pack.map(play), { start: options.start ?? '09:00', breakMinutes: options.break ?? 0 }, ctx)
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
    ['a [link](x) and <b>', 'a \\[link\\](x) and \\<b>'],
    ['back\\slash `code`', 'back\\\\slash \\`code\\`'],
    ['two\nlines', 'two lines'],
    ['1. not a list', '1. not a list'],
  ])('escapes %j', (input, output) => {
    expect(escapeMarkdown(input)).toBe(output);
  });
});
