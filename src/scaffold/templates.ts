/**
 * One template per kind of entry `npm run new` can create. Each writes every
 * required field of its schema (src/schema/) and marks each blank with a
 * placeholder (src/validate/placeholders.ts) so the checker refuses the file
 * until a person fills it. Comments in the YAML say what goes where; the
 * field rules themselves live only in the schemas.
 */
import { stringify } from 'yaml';
import type { CollectionName, ThemeId } from '../schema/index.ts';
import { todo, TODO_ID } from '../validate/placeholders.ts';

export interface TemplateInput {
  id: string;
  /** The title (the term, for a glossary entry). */
  title: string;
  /** For kinds with `needsTheme`. */
  theme?: ThemeId | undefined;
  /** Today, `YYYY-MM-DD`, for fields that record when an entry was written. */
  today: string;
  /** The controlled tags (`content/tags.yaml`), listed in a note's template; empty when the folder has no list. */
  tags?: readonly string[] | undefined;
}

export interface KindSpec {
  /** Collection the entry belongs to (src/schema/index.ts). */
  collection: CollectionName;
  /** File extension written. */
  extension: string;
  /** What the title positional names, in prompts and messages. */
  titleLabel: string;
  /** One line for --help. */
  describe: string;
  needsTheme: boolean;
  render: (input: TemplateInput) => string;
}

/**
 * A YAML scalar for a value typed by a person: plain when that is safe,
 * quoted when the text would otherwise change meaning (`Yes: no`, `#1`, `null`).
 */
export function yamlScalar(value: string): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

const q = yamlScalar;
const sourcesBlock = (locator: string) => [
  '# At least one citation: a source id from content/sources/ and where in it. For',
  '# common public knowledge that no source text states, use `id: general` with the',
  '# fact itself as the locator.',
  'sources:',
  `  - id: ${TODO_ID}`,
  `    locator: ${q(todo(locator))}`,
];
const lines = (...parts: (string | string[])[]) => `${parts.flat().join('\n')}\n`;

/** Comment lines of at most `width` characters listing `words`, comma-separated. */
function commentList(words: readonly string[], width = 96): string[] {
  const out: string[] = [];
  let line = '#';
  for (const [i, word] of words.entries()) {
    const item = ` ${word}${i < words.length - 1 ? ',' : '.'}`;
    if (line.length + item.length > width && line !== '#') {
      out.push(line);
      line = '#';
    }
    line += item;
  }
  if (line !== '#') out.push(line);
  return out;
}

/** The note's `tags` field: empty, with the controlled list it must draw from. */
const tagsBlock = (tags: readonly string[] | undefined) =>
  tags && tags.length > 0
    ? [
        '# Up to 8 tags, only from the controlled list in content/tags.yaml (the checker refuses',
        '# any other; a new tag goes into that list, with a description, once three notes carry it).',
        `# The list today, e.g. tags: [${tags.slice(0, 2).join(', ')}]:`,
        ...commentList(tags),
        'tags: []',
      ]
    : ['# Up to 8 tags, only from the controlled list in content/tags.yaml (the checker refuses any other).', 'tags: []'];

const note = (input: TemplateInput) =>
  lines(
    '---',
    `title: ${q(input.title)}`,
    `summary: ${q(todo('one sentence of 20-160 characters that says what this note argues'))}`,
    `theme: ${input.theme ?? TODO_ID}`,
    tagsBlock(input.tags),
    sourcesBlock("where in the source: a section, or a paragraph's opening words"),
    '# Ids of closely related notes, e.g. [working-backwards].',
    'related: []',
    `created: ${input.today}`,
    '# Two to four questions for the reader.',
    'reflect:',
    `  - ${q(todo('a question that makes the reader apply the idea to their own team'))}`,
    `  - ${q(todo('a second question for the reader'))}`,
    '---',
    '',
    todo(
      'the idea in two or three sentences, in our own words. The headings below are a start: rename, merge or drop them to fit the idea.',
    ),
    '',
    '## Where it comes from',
    '',
    todo(
      'which source text makes the point and how, paraphrased; put a short verbatim quotation in a Quote component (see CONTRIBUTING.md).',
    ),
    '',
    '## An example',
    '',
    todo('an example from the source texts.'),
    '',
    '## What it means for a team',
    '',
    todo('what a team would do differently, linking at least two other entries (see "Linking" in CONTRIBUTING.md).'),
  );

const play = (input: TemplateInput) =>
  lines(
    `title: ${q(input.title)}`,
    `purpose: ${q(todo('one sentence of 20-160 characters: why a team would run this play'))}`,
    `outcome: ${q(todo('what the team has in hand at the end of the session'))}`,
    `theme: ${input.theme ?? TODO_ID}`,
    '# The notes the play is built on: ids from content/notes/.',
    `notes: [${TODO_ID}]`,
    'prepMinutes: 10',
    '# Must equal the minutes of the steps added up.',
    'runMinutes: 30',
    'groupSize:',
    '  min: 3',
    '  max: 8',
    '# Optional: who does what, e.g. - { name: Facilitator, does: Keeps time and runs the vote. }',
    'roles: []',
    '# Optional: what to bring, e.g. [Sticky notes and markers].',
    'materials: []',
    'steps:',
    `  - title: ${q(todo('a short name for the first step'))}`,
    '    minutes: 10',
    `    instructions: ${q(todo('what participants do, addressed to them'))}`,
    `    facilitator: ${q(todo('what the facilitator watches for (optional: delete the line if there is nothing to add)'))}`,
    '    prompts: [first-question]',
    `  - title: ${q(todo('a short name for the second step'))}`,
    '    minutes: 20',
    `    instructions: ${q(todo('what participants do, addressed to them'))}`,
    '    prompts: []',
    '# The questions on the worksheet. kind: lines, scale, checklist, yesno, grid or',
    '# table (see CONTRIBUTING.md for the fields each kind needs).',
    'prompts:',
    '  - id: first-question',
    `    question: ${q(todo('the question participants answer on the worksheet'))}`,
    '    kind: lines',
    '    lines: 4',
    'followUp:',
    `  - ${q(todo('what the team does after the session'))}`,
    sourcesBlock('where in the source the idea behind the play is'),
  );

const term = (input: TemplateInput) =>
  lines(
    `term: ${q(input.title)}`,
    '# Other spellings that also count as the term in automatic glossary links, e.g. [delighted].',
    'aliases: []',
    `definition: ${q(todo('the definition in our own words, one to three sentences (20-600 characters)'))}`,
    '# Notes that explain or use the term, e.g. [cheng-and-chi].',
    'notes: []',
    sourcesBlock('where in the source the term is used or explained'),
  );

const source = (input: TemplateInput) =>
  lines(
    `title: ${q(input.title)}`,
    '# work: something a source text cites. text: one of the source texts themselves',
    '# (then add `file:` with its file name and delete `citedIn`).',
    'kind: work',
    '# Only if a source text names the author, and the date as the text gives it:',
    '# author: …',
    '# date: November 2013',
    `summary: ${q(todo('one sentence of 20-160 characters on what the source is'))}`,
    `about: ${q(todo('what the source texts say about it, in our own words'))}`,
    '# Ids of the source texts (kind: text) that mention this work.',
    `citedIn: [${TODO_ID}]`,
    '# A web address only if a source text gives one; never invent one.',
    '# url: https://…',
  );

const event = (input: TemplateInput) =>
  lines(
    `when: ${q(todo('YYYY, YYYY-MM or YYYY-MM-DD, as precise as the source allows'))}`,
    `title: ${q(input.title)}`,
    `description: ${q(todo('what happened and why it matters, in our own words (20-600 characters)'))}`,
    '# The band of the timeline: sears, amazon or service.',
    `era: ${TODO_ID}`,
    '# Notes about the event, e.g. [sears-1897-policy].',
    'notes: []',
    sourcesBlock('where in the source the date is given'),
  );

const readingPath = (input: TemplateInput) =>
  lines(
    `title: ${q(input.title)}`,
    `summary: ${q(todo('one sentence of 20-160 characters on who the path is for and where it leads'))}`,
    `theme: ${input.theme ?? TODO_ID}`,
    '# At least three notes in reading order, each with a one-line reason to read it there.',
    'steps:',
    `  - note: ${TODO_ID}`,
    `    why: ${q(todo('why to read this note first (10-200 characters)'))}`,
    `  - note: ${TODO_ID}`,
    `    why: ${q(todo('why to read this note next'))}`,
    `  - note: ${TODO_ID}`,
    `    why: ${q(todo('why to read this note last'))}`,
  );

/** Every kind `npm run new` creates, by the name typed on the command line. */
export const KINDS = {
  note: {
    collection: 'notes',
    extension: '.mdx',
    titleLabel: 'title',
    describe: 'a note: one idea, explained (content/notes/, MDX)',
    needsTheme: true,
    render: note,
  },
  play: {
    collection: 'plays',
    extension: '.yaml',
    titleLabel: 'title',
    describe: 'a play: a short team workshop (content/plays/)',
    needsTheme: true,
    render: play,
  },
  term: {
    collection: 'glossary',
    extension: '.yaml',
    titleLabel: 'term',
    describe: 'a glossary term (content/glossary/)',
    needsTheme: false,
    render: term,
  },
  source: {
    collection: 'sources',
    extension: '.yaml',
    titleLabel: 'title',
    describe: 'a work the source texts cite (content/sources/)',
    needsTheme: false,
    render: source,
  },
  event: {
    collection: 'timeline',
    extension: '.yaml',
    titleLabel: 'title',
    describe: 'a dated event on the timeline (content/timeline/)',
    needsTheme: false,
    render: event,
  },
  path: {
    collection: 'paths',
    extension: '.yaml',
    titleLabel: 'title',
    describe: 'a reading path through notes (content/paths/)',
    needsTheme: true,
    render: readingPath,
  },
} as const satisfies Record<string, KindSpec>;

export type Kind = keyof typeof KINDS;
export const KIND_NAMES = Object.keys(KINDS) as Kind[];

export const isKind = (name: string): name is Kind => Object.hasOwn(KINDS, name);
