import { describe, expect, it } from 'vitest';
import { glossarySchema, noteSchema, pathSchema, playSchema, sourceSchema, themeSchema, timelineSchema } from '../../src/schema/index.ts';

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
    expect(issues(playSchema.safeParse({ ...play, runMinutes: 45 }))).toEqual([
      'runMinutes: the steps add up to 30 minutes but runMinutes is 45; make them agree',
    ]);
  });

  it('refuses duplicate prompt ids and steps that name a missing prompt', () => {
    const twice = { ...play, prompts: [...play.prompts, { id: 'one', question: 'Again the same id?', kind: 'yesno' }] };
    expect(issues(playSchema.safeParse(twice))).toContain('prompts.1.id: prompt id "one" is used twice');
    const missing = { ...play, steps: [{ ...play.steps[0], prompts: ['two'] }, play.steps[1]] };
    expect(issues(playSchema.safeParse(missing))).toContain('steps.0.prompts.0: no prompt has the id "two"');
  });

  it('knows every answer kind, and says which exist', () => {
    expect(
      issues(playSchema.safeParse({ ...play, prompts: [{ id: 'one', question: 'Which kind is this?', kind: 'essay' }] })).join(),
    ).toMatch(/lines, scale, checklist, yesno, grid, table/);
    expect(playSchema.safeParse({ ...play, groupSize: { min: 8, max: 2 } }).success).toBe(false);
  });
});

describe('sourceSchema and timelineSchema', () => {
  it('requires a file for a source text and citedIn for a cited work', () => {
    const base = { title: 'A text', summary: 'A summary that is long enough.', about: 'What the texts say about it.' };
    expect(issues(sourceSchema.safeParse({ ...base, kind: 'text' }))).toEqual([
      'file: a source text needs `file`, the name of its file in the sources folder',
    ]);
    expect(issues(sourceSchema.safeParse({ ...base, kind: 'work' }))).toEqual([
      'citedIn: a cited work needs `citedIn`: the ids of the texts that mention it',
    ]);
  });

  it.each([
    ['1897', true],
    ['2013-11', true],
    ['2017-03-15', true],
    ['2017-13', false],
    ['17', false],
  ])('timeline date %s valid: %s', (when, ok) => {
    const event = {
      when,
      title: 'An event',
      description: 'Something that happened then.',
      era: 'sears',
      sources: [{ id: 'general', locator: 'known' }],
    };
    expect(timelineSchema.safeParse(event).success).toBe(ok);
  });
});

describe('invisible and bidirectional formatting characters', () => {
  const RLO = '\u202e';
  const term = { term: 'Schwerpunkt', definition: 'The point where effort is concentrated to decide the outcome.' };
  const path = {
    title: 'A path',
    summary: 'A summary that is long enough to pass.',
    theme: 'cheng-chi',
    steps: ['a', 'b', 'c'].map((note) => ({ note, why: 'Because it comes next.' })),
  };

  it.each([
    ['\u202a', 'U+202A (left-to-right embedding)'],
    ['\u202e', 'U+202E (right-to-left override)'],
    ['\u2066', 'U+2066 (left-to-right isolate)'],
    ['\u2069', 'U+2069 (pop directional isolate)'],
    ['\u200b', 'U+200B (zero-width space)'],
    ['\u200f', 'U+200F (right-to-left mark)'],
    ['\u2060', 'U+2060 (word joiner)'],
    ['\u2064', 'U+2064'],
    ['\ufeff', 'U+FEFF (zero-width no-break space (byte-order mark))'],
    ['\u00ad', 'U+00AD (soft hyphen)'],
  ])('refuses %j in a note title, naming it and where it is', (character, name) => {
    expect(issues(noteSchema.safeParse({ ...note, title: `A no${character}te` }))).toEqual([
      `title: holds ${name} at character 5, an invisible formatting character that can reorder or hide the text around it; delete it (if your editor does not show it, retype the text)`,
    ]);
  });

  it('refuses them in the titles and summaries of every collection, terms and citation locators', () => {
    const refused = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
      issues(result)
        .filter((line) => line.includes('U+202E'))
        .map((line) => line.split(':')[0]);
    expect(refused(noteSchema.safeParse({ ...note, summary: `${note.summary}${RLO}` }))).toEqual(['summary']);
    expect(refused(noteSchema.safeParse({ ...note, sources: [{ id: 'general', locator: `a known ${RLO}fact` }] }))).toEqual([
      'sources.0.locator',
    ]);
    expect(
      refused(
        themeSchema.safeParse({ title: `Cheng ${RLO}and chi`, summary: `The expected ${RLO}move and the surprising one.`, order: 1 }),
      ),
    ).toEqual(['title', 'summary']);
    expect(refused(pathSchema.safeParse({ ...path, title: `A ${RLO}path` }))).toEqual(['title']);
    expect(
      refused(
        sourceSchema.safeParse({
          title: `A ${RLO}text`,
          kind: 'work',
          summary: 'A summary that is long enough.',
          about: 'What the texts say about it.',
          citedIn: ['x'],
        }),
      ),
    ).toEqual(['title']);
    expect(
      refused(
        timelineSchema.safeParse({
          when: '1897',
          title: `An ${RLO}event`,
          description: 'Something that happened then.',
          era: 'sears',
          sources: [],
        }),
      ),
    ).toEqual(['title']);
    expect(
      refused(
        glossarySchema.safeParse({
          ...term,
          term: `Schwer${RLO}punkt`,
          aliases: [`Schwer${RLO}punkte`],
          definition: `${term.definition}${RLO}`,
        }),
      ),
    ).toEqual(['term', 'aliases.0', 'definition']);
  });

  it('refuses control characters a YAML escape can write ("\\e", "\\x9b"), but not tab or line feed', () => {
    expect(issues(noteSchema.safeParse({ ...note, title: 'A\u001b[2J note' }))).toEqual([
      'title: holds the control character U+001B at character 2; delete it (a YAML escape such as "\\e" or "\\x1b" in quotes writes one)',
    ]);
    expect(issues(glossarySchema.safeParse({ ...term, definition: `${term.definition}\u009b` })).join()).toMatch(
      /definition: holds the control character U\+009B/,
    );
    expect(glossarySchema.safeParse({ ...term, definition: `${term.definition}\nIt\tcontinues.` }).success).toBe(true);
  });

  it('accepts accents, other scripts, typographic quotes and dashes', () => {
    expect(noteSchema.safeParse({ ...note, title: 'Zoë’s café — “成功” and שלום' }).success).toBe(true);
  });
});
