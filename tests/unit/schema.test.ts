import { describe, expect, it } from 'vitest';
import { noteSchema, playSchema, sourceSchema, timelineSchema } from '../../src/schema/index.ts';

const note = {
  title: 'A note',
  summary: 'A summary that is long enough to pass.',
  theme: 'cheng-chi',
  sources: [{ id: 'general', locator: 'a known fact' }],
  created: '2026-11-01',
};
const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

describe('noteSchema', () => {
  it('accepts a minimal note and fills defaults', () => {
    const parsed = noteSchema.parse(note);
    expect(parsed).toMatchObject({ tags: [], related: [], draft: false, reflect: [], glossaryLinks: true });
    expect(parsed.created.toISOString()).toBe('2026-11-01T00:00:00.000Z');
  });

  it.each([
    [{ summary: 'x'.repeat(161) }, /summary: keep the summary to 160 characters/],
    [{ theme: 'customer' }, /theme: use one of: customer-obsession, cheng-chi, sears-to-amazon/],
    [{ sources: [] }, /sources: cite at least one source/],
    [{ created: '01/11/2026' }, /created: write the date as YYYY-MM-DD/],
    [{ created: '2026-02-30x' }, /YYYY-MM-DD/],
    [{ updated: '2026-10-01' }, /updated: `updated` is earlier than `created`/],
    [{ tags: ['Not A Slug'] }, /tags.0: use lowercase words joined by hyphens/],
    [{ sumary: 'typo' }, /Unrecognized key/],
  ])('rejects %j', (change, message) => {
    expect(issues(noteSchema.safeParse({ ...note, ...change })).join('\n')).toMatch(message);
  });
});

describe('playSchema', () => {
  const play = {
    title: 'A play',
    purpose: 'A purpose that is long enough to pass.',
    outcome: 'An outcome that is long enough.',
    theme: 'customer-obsession',
    notes: ['a-note'],
    prepMinutes: 5,
    runMinutes: 30,
    groupSize: { min: 2, max: 6 },
    steps: [
      { title: 'First', minutes: 10, instructions: 'Do the first thing.', prompts: ['one'] },
      { title: 'Second', minutes: 20, instructions: 'Do the second thing.' },
    ],
    prompts: [{ id: 'one', question: 'What is the first thing?', kind: 'lines', lines: 3 }],
    sources: [{ id: 'general', locator: 'a known fact' }],
  };

  it('accepts a valid play', () => {
    expect(playSchema.safeParse(play).success).toBe(true);
  });

  it('requires the steps to add up to the run time', () => {
    expect(issues(playSchema.safeParse({ ...play, runMinutes: 45 }))).toEqual(['runMinutes: the steps add up to 30 minutes but runMinutes is 45; make them agree']);
  });

  it('refuses duplicate prompt ids and steps that name a missing prompt', () => {
    const twice = { ...play, prompts: [...play.prompts, { id: 'one', question: 'Again the same id?', kind: 'yesno' }] };
    expect(issues(playSchema.safeParse(twice))).toContain('prompts.1.id: prompt id "one" is used twice');
    const missing = { ...play, steps: [{ ...play.steps[0], prompts: ['two'] }, play.steps[1]] };
    expect(issues(playSchema.safeParse(missing))).toContain('steps.0.prompts.0: no prompt has the id "two"');
  });

  it('knows every answer kind, and says which exist', () => {
    expect(issues(playSchema.safeParse({ ...play, prompts: [{ id: 'one', question: 'Which kind is this?', kind: 'essay' }] })).join()).toMatch(
      /lines, scale, checklist, yesno, grid, table/,
    );
    expect(playSchema.safeParse({ ...play, groupSize: { min: 8, max: 2 } }).success).toBe(false);
  });
});

describe('sourceSchema and timelineSchema', () => {
  it('requires a file for a source text and citedIn for a cited work', () => {
    const base = { title: 'A text', summary: 'A summary that is long enough.', about: 'What the texts say about it.' };
    expect(issues(sourceSchema.safeParse({ ...base, kind: 'text' }))).toEqual(['file: a source text needs `file`, the name of its file in the sources folder']);
    expect(issues(sourceSchema.safeParse({ ...base, kind: 'work' }))).toEqual(['citedIn: a cited work needs `citedIn`: the ids of the texts that mention it']);
  });

  it.each([['1897', true], ['2013-11', true], ['2017-03-15', true], ['2017-13', false], ['17', false]])('timeline date %s valid: %s', (when, ok) => {
    const event = { when, title: 'An event', description: 'Something that happened then.', era: 'sears', sources: [{ id: 'general', locator: 'known' }] };
    expect(timelineSchema.safeParse(event).success).toBe(ok);
  });
});
