import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlayData } from '../../src/schema/play.ts';
import { loadWorksheetContent } from '../../src/worksheets/load.ts';
import {
  beforeTheSession,
  facilitatorSection,
  participantSection,
  playAddress,
  playDocument,
  type Block,
  type ModelContext,
  type PlayInput,
} from '../../src/worksheets/model.ts';
import { stepTimes } from '../../src/plays/agenda.ts';
import { promptNumbers, promptsInStepOrder } from '../../src/plays/prompts.ts';
import { combinedMaterials, composerAddress, sessionPack } from '../../src/worksheets/pack.ts';
import { packInputs, packPlayData, type PackPlayData } from '../../src/worksheets/pack-data.ts';
import { FIXTURES, SITE_FIXTURE } from '../helpers/fixtures.ts';

const content = loadWorksheetContent(SITE_FIXTURE);
const fixture = content.plays.find((p) => p.id === 'fixture-play') as PlayInput;
const ctx: ModelContext = { siteUrl: 'https://playbook.example', basePath: '/', titles: content.titles };

const texts = (blocks: readonly Block[], kind: Block['kind']) =>
  blocks.filter((b) => b.kind === kind).map((b) => ('text' in b ? b.text : 'question' in b ? b.question : ''));

/** The fixture play with its steps' prompt lists replaced. */
const withSteps = (prompts: string[][]): PlayData => ({
  ...fixture.data,
  steps: prompts.map((ids, i) => ({ title: `Step ${i + 1}`, minutes: 5, instructions: 'Do the step, please.', prompts: ids })),
});

describe('loading', () => {
  it('reads and validates the fixture plays, with note and source titles', () => {
    expect(content.ids).toContain('fixture-play');
    expect(content.invalid.size).toBe(0);
    expect(content.titles.notes.get('alpha-note')).toBe('Alpha note');
    expect(content.titles.sources.get('fixture-text')).toBeDefined();
  });

  it('reports an invalid play with the checker’s file:line findings', () => {
    const dir = path.join(FIXTURES, 'worksheets', 'invalid-content');
    const loaded = loadWorksheetContent(dir);
    expect(loaded.ids).toEqual(['broken-play']);
    expect(loaded.plays).toEqual([]);
    const findings = loaded.invalid.get('broken-play') ?? [];
    expect(findings.map((f) => `${path.basename(f.file)}:${f.line} ${f.rule}`)).toContain('broken-play.yaml:7 frontmatter-schema');
    expect(findings.map((f) => f.message).join('\n')).toMatch(/steps add up to 10 minutes but runMinutes is 30/);
  });
});

describe('prompt order', () => {
  it('follows the first step that asks each prompt, then prompts no step names', () => {
    const play = withSteps([['grid', 'who'], ['who', 'rating'], []]);
    const groups = promptsInStepOrder(play);
    expect(groups.map((g) => [g.step?.number ?? null, g.prompts.map((p) => p.id)])).toEqual([
      [1, ['grid', 'who']],
      [2, ['rating']],
      [null, ['channels', 'agreed', 'actions']],
    ]);
    expect([...promptNumbers(play)]).toEqual([
      ['grid', 1],
      ['who', 2],
      ['rating', 3],
      ['channels', 4],
      ['agreed', 5],
      ['actions', 6],
    ]);
  });
});

describe('participant worksheet', () => {
  const section = participantSection(fixture, ctx);

  it('has the title, purpose, team and date lines, then the prompts in step order', () => {
    expect(section.blocks.slice(0, 3)).toEqual([
      { kind: 'eyebrow', text: 'Participant worksheet' },
      { kind: 'heading', level: 1, text: 'Fixture play' },
      { kind: 'paragraph', style: 'lede', text: fixture.data.purpose },
    ]);
    expect(section.blocks[3]).toEqual({
      kind: 'fill-in',
      items: [
        { field: 'team', label: 'Team' },
        { field: 'date', label: 'Date' },
      ],
    });
    expect(texts(section.blocks, 'heading')).toEqual(['Fixture play', 'Step 1: Warm up (10 min)', 'Step 2: Discuss (20 min)']);
    const prompts = section.blocks.filter((b) => b.kind === 'prompt');
    expect(prompts.map((p) => [p.number, p.answer.kind])).toEqual([
      [1, 'lines'],
      [2, 'scale'],
      [3, 'checklist'],
      [4, 'yesno'],
      [5, 'grid'],
      [6, 'table'],
    ]);
  });

  it('shows every step in which participants write, numbered as on the web, even one that only adds to an earlier question', () => {
    const play = withSteps([['grid', 'who'], [], ['grid'], ['who', 'rating']]);
    const blocks = participantSection({ id: 'x', data: play }, ctx).blocks;
    expect(texts(blocks, 'heading')).toEqual([
      'Fixture play',
      'Step 1: Step 1 (5 min)',
      'Step 3: Step 3 (5 min)',
      'Step 4: Step 4 (5 min)',
      'More questions',
    ]);
    const step3 = blocks.findIndex((b) => b.kind === 'heading' && b.text.startsWith('Step 3'));
    expect(blocks.slice(step3 + 1, step3 + 3)).toEqual([
      { kind: 'paragraph', text: 'Do the step, please.' },
      { kind: 'paragraph', style: 'meta', text: 'Write in question 1.' },
    ]);
    const step4 = blocks.findIndex((b) => b.kind === 'heading' && b.text.startsWith('Step 4'));
    expect(blocks[step4 + 2]).toEqual({ kind: 'paragraph', style: 'meta', text: 'Also write in question 2.' });
    expect(blocks[step4 + 3]).toMatchObject({
      kind: 'prompt',
      number: 3,
      question: fixture.data.prompts.find((p) => p.id === 'rating')?.question,
    });
  });

  it('prints the team and date when given', () => {
    const filled = participantSection(fixture, { ...ctx, team: 'Zoë Łukasz Ærø', date: '2027-01-15' });
    expect(filled.blocks[3]).toEqual({
      kind: 'fill-in',
      items: [
        { field: 'team', label: 'Team', value: 'Zoë Łukasz Ærø' },
        { field: 'date', label: 'Date', value: '15 January 2027' },
      ],
    });
  });

  it('links every page to the play on the site, under the base path', () => {
    expect(section.footer).toEqual({ title: 'Fixture play', url: 'https://playbook.example/plays/fixture-play/' });
    expect(playAddress({ siteUrl: 'https://example.org', basePath: '/playbook' }, 'x')).toBe('https://example.org/playbook/plays/x/');
  });
});

describe('facilitator guide', () => {
  const section = facilitatorSection(fixture, ctx);

  it('covers purpose, outcome, time, people, timing, the checklist, roles, steps, prompts, follow-up and sources', () => {
    expect(texts(section.blocks, 'heading')).toEqual([
      'Fixture play',
      'Timing',
      'Before the session',
      'Roles',
      'Steps',
      '1. Warm up',
      '2. Discuss',
      'Worksheet questions',
      'After the session',
      'Sources',
    ]);
    const facts = section.blocks.filter((b) => b.kind === 'facts');
    expect(facts).toEqual([
      {
        kind: 'facts',
        items: [
          { label: 'Outcome', value: fixture.data.outcome },
          { label: 'Time', value: '30 min to run, plus 5 min to prepare' },
          { label: 'People', value: '2 to 8 people' },
        ],
      },
      {
        kind: 'facts',
        items: [
          { label: 'Built on', value: 'Alpha note' },
          { label: 'Online', value: 'https://playbook.example/plays/fixture-play/' },
        ],
      },
    ]);
    expect(section.blocks.at(-1)).toBe(facts[1]);
  });

  it('times each step and shows its facilitator note and the worksheet questions it asks', () => {
    const paragraphs = section.blocks.filter((b) => b.kind === 'paragraph');
    expect(paragraphs.map((p) => [p.style ?? 'body', p.text])).toEqual([
      ['lede', fixture.data.purpose],
      ['meta', '10 min, 0:00–0:10 · worksheet questions 1, 2'],
      ['body', 'Each person answers the first two prompts alone.'],
      ['note', 'Keep this silent so quieter people get their thoughts down.'],
      ['meta', '20 min, 0:10–0:30 · worksheet questions 3, 4, 5, 6'],
      ['body', 'Compare answers as a group and fill in the rest together.'],
    ]);
  });

  it('opens with the timing table and the checklist before the session, right after the facts', () => {
    const kinds = section.blocks.map((b) => b.kind);
    const facts = kinds.indexOf('facts');
    expect(section.blocks.slice(facts + 1, facts + 5)).toEqual([
      { kind: 'heading', level: 2, text: 'Timing' },
      {
        kind: 'table',
        columns: ['Time', 'Step', 'Min', 'Questions'],
        rows: [{ cells: ['0:00–0:10', '1. Warm up', '10', '1, 2'] }, { cells: ['0:10–0:30', '2. Discuss', '20', '3, 4, 5, 6'] }],
      },
      { kind: 'heading', level: 2, text: 'Before the session' },
      {
        kind: 'list',
        ordered: false,
        check: true,
        items: [
          { text: 'Set aside 5 min to prepare' },
          { text: 'Printed worksheets' },
          { text: 'Pens' },
          { text: 'A room for 2 to 8 people, for 30 min' },
        ],
      },
    ]);
  });

  it('makes the checklist from the preparation time and materials, adding the worksheets when none are listed', () => {
    expect(beforeTheSession({ ...fixture.data, prepMinutes: 0, materials: ['Sticky notes'], groupSize: { min: 4, max: 4 } })).toEqual([
      'Sticky notes',
      'Print the worksheet: one per participant (up to 4)',
      'A room for 4 people, for 30 min',
    ]);
  });

  it('shows clock times when the start is known (session packs)', () => {
    const timed = facilitatorSection(fixture, ctx, { start: '09:30' });
    expect(timed.blocks.filter((b) => b.kind === 'paragraph' && b.style === 'meta').map((b) => ('text' in b ? b.text : ''))).toContain(
      '10 min, 09:30–09:40 · worksheet questions 1, 2',
    );
    expect(timed.blocks.find((b) => b.kind === 'table')).toMatchObject({
      rows: [{ cells: ['09:30–09:40', '1. Warm up', '10', '1, 2'] }, { cells: ['09:40–10:00', '2. Discuss', '20', '3, 4, 5, 6'] }],
    });
  });
});

describe('stepTimes', () => {
  it.each([
    [undefined, ['0:00–0:10', '0:10–0:35', '0:35–1:25']],
    ['09:30', ['09:30–09:40', '09:40–10:05', '10:05–10:55']],
  ])('from %s', (start, expected) => {
    expect(stepTimes([{ minutes: 10 }, { minutes: 25 }, { minutes: 50 }], start).map((t) => `${t.start}–${t.end}`)).toEqual(expected);
  });
});

describe('documents', () => {
  it('titles each view for the window title', () => {
    expect(playDocument(fixture, 'participant', ctx)).toMatchObject({ title: 'Fixture play: worksheet', lang: 'en', sections: [{}] });
    expect(playDocument(fixture, 'facilitator', ctx).title).toBe('Fixture play: facilitator guide');
  });

  it('is the same for the same input', () => {
    expect(JSON.stringify(playDocument(fixture, 'participant', ctx))).toBe(JSON.stringify(playDocument(fixture, 'participant', ctx)));
  });
});

describe('session pack', () => {
  const second: PlayInput = { id: 'second', data: { ...fixture.data, title: 'Second play' } };
  const pack = sessionPack([fixture, second], { start: '09:30', breakMinutes: 10 }, { ...ctx, team: 'Zoë Łukasz Ærø', date: '2027-01-15' });

  it('has a cover with team, date and total time, and the timed agenda with breaks', () => {
    const cover = pack.sections[0];
    expect(cover?.blocks.find((b) => b.kind === 'facts')).toEqual({
      kind: 'facts',
      items: [
        { label: 'Team', value: 'Zoë Łukasz Ærø' },
        { label: 'Date', value: '15 January 2027' },
        { label: 'Time', value: '09:30–10:40 (1 h 10 min)' },
      ],
    });
    const agenda = cover?.blocks.find((b) => b.kind === 'table');
    expect(agenda?.kind === 'table' && agenda.rows.map((r) => r.cells.join(' | '))).toEqual([
      '09:30 | 09:40 | Fixture play | Warm up | 10',
      '09:40 | 10:00 | Fixture play | Discuss | 20',
      '10:00 | 10:10 |  | Break | 10',
      '10:10 | 10:20 | Second play | Warm up | 10',
      '10:20 | 10:40 | Second play | Discuss | 20',
    ]);
    expect(pack.title).toBe('Session plan: Zoë Łukasz Ærø, 15 January 2027');
  });

  it('follows with each play’s facilitator guide (in clock time) and worksheet, fields grouped by play', () => {
    expect(pack.sections.map((s) => [s.blocks[0]?.kind === 'eyebrow' && s.blocks[0].text, s.fieldPrefix ?? null])).toEqual([
      ['Session pack', null],
      ['Facilitator guide', null],
      ['Participant worksheet', 'fixture-play'],
      ['Facilitator guide', null],
      ['Participant worksheet', 'second'],
    ]);
    expect(JSON.stringify(pack.sections[3])).toContain('10 min, 10:10–10:20');
  });

  it('links the cover to the composer with the same selection', () => {
    // The composer's own address format (src/plays/compose-state.ts), without team or date: a short address, a sparse QR code.
    expect(pack.sections[0]?.footer.url).toBe('https://playbook.example/plays/compose/?plays=fixture-play,second&start=09:30&break=10');
    expect(composerAddress({ siteUrl: 'https://x.org', basePath: '/pb' }, ['a'], { start: '08:00', breakMinutes: 0 })).toBe(
      'https://x.org/pb/plays/compose/?plays=a&start=08:00',
    );
    expect(composerAddress({ siteUrl: 'https://x.org', basePath: '/' }, ['a'], { start: '08:00', breakMinutes: 0, title: 'Offsite' })).toBe(
      'https://x.org/plays/compose/?plays=a&start=08:00',
    );
  });

  it('titles the cover and the document with the title when one is given', () => {
    const titled = sessionPack([fixture], { start: '09:30', breakMinutes: 0, title: 'Support offsite' }, { ...ctx, team: 'Support' });
    expect(titled.title).toBe('Support offsite');
    expect(titled.sections[0]?.blocks[1]).toEqual({ kind: 'heading', level: 1, text: 'Support offsite' });
  });

  it('lists every play’s materials once on the cover, with the plays that use them', () => {
    const third: PlayInput = { id: 'third', data: { ...fixture.data, title: 'Third play', materials: ['pens ', 'Sticky  notes'] } };
    expect(combinedMaterials([fixture, third])).toEqual([
      { text: 'Printed worksheets', plays: ['Fixture play'] },
      { text: 'Pens', plays: ['Fixture play', 'Third play'] },
      { text: 'Sticky  notes', plays: ['Third play'] },
    ]);
    const cover = sessionPack([fixture, third], { start: '09:30', breakMinutes: 0 }, ctx).sections[0]?.blocks ?? [];
    const at = cover.findIndex((b) => b.kind === 'heading' && b.text === 'Materials for the session');
    expect(cover[at + 1]).toMatchObject({
      kind: 'list',
      check: true,
      items: [
        { text: 'Printed worksheets', detail: 'For Fixture play' },
        { text: 'Pens', detail: 'For Fixture play and Third play' },
        { text: 'Sticky  notes' },
      ],
    });
    // A play without materials adds no empty list.
    const bare: PlayInput = { id: 'bare', data: { ...fixture.data, materials: [] } };
    expect(
      sessionPack([bare], { start: '09:30', breakMinutes: 0 }, ctx).sections[0]?.blocks.some(
        (b) => b.kind === 'heading' && b.text === 'Materials for the session',
      ),
    ).toBe(false);
  });
});

describe('pack data for the browser', () => {
  const second = content.plays.find((p) => p.id === 'second-fixture-play') as PlayInput;
  const options = { start: '13:00', breakMinutes: 10, title: 'Offsite' };
  const labels = { team: 'Support', date: '2027-01-15' };
  // What the composer fetches: each play's data through JSON, as /plays/<id>/pack.json serves it.
  const fetched = [second, fixture].map((play) => JSON.parse(JSON.stringify(packPlayData(play, content.titles))) as PackPlayData);

  it.each([
    ['a public origin', 'https://playbook.example', 'https://playbook.example'],
    ['a local build (no address printed)', 'http://localhost:4321', null],
  ])('gives the CLI’s document for %s', (_, cliSiteUrl, publicUrl) => {
    const cli = sessionPack([second, fixture], options, { siteUrl: cliSiteUrl, basePath: '/pb', titles: content.titles, ...labels });
    const { plays, ctx: browserCtx } = packInputs({ publicUrl, basePath: '/pb', created: '1980-01-01T00:00:00.000Z' }, fetched, labels);
    expect(JSON.stringify(sessionPack(plays, options, browserCtx))).toBe(JSON.stringify(cli));
  });

  it('carries only the titles the play names', () => {
    const data = packPlayData(fixture, content.titles);
    expect(Object.keys(data.titles.notes)).toEqual(fixture.data.notes);
    expect(Object.keys(data.titles.sources)).toEqual(fixture.data.sources.map((s) => s.id).filter((id) => content.titles.sources.has(id)));
  });
});
