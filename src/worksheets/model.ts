/**
 * The worksheet model: a play becomes a document tree (sections of headings,
 * paragraphs, lists, tables and prompts with their answer space) that every
 * renderer draws. Pure: no files, no clock; the same play and options always
 * give the same tree.
 *
 * Two views of a play:
 * - participant: title, purpose, team and date, then every step in which
 *   participants write, with its prompts (in step order);
 * - facilitator: purpose, outcome, time, people; a timing table and the
 *   checklist before the session (preparation, materials), which together
 *   fit the first page; roles, timed steps with notes, the prompts, follow-up,
 *   sources, and the notes it is built on and its web address.
 */
import { withBase } from '../graph/routes.ts';
import { formatDate } from '../lib/format.ts';
import { isPublicOrigin } from '../lib/origin.ts';
import type { PlayData } from '../schema/play.ts';
import { stepTimes } from '../plays/agenda.ts';
import type { View } from '../plays/downloads.ts';
import { promptNumbers, promptsInStepOrder } from '../plays/prompts.ts';
import { strings } from '../plays/strings.ts';
import { answerSpec, type AnswerSpec } from './sizing.ts';

export interface ListItem {
  /** A bold lead-in, e.g. a role's name. */
  label?: string;
  text: string;
  /** A second, quieter line. */
  detail?: string;
}

export interface TableRow {
  cells: string[];
  /** Rows that are not the main content, such as breaks in an agenda. */
  muted?: boolean;
}

export type Block =
  /** A small label above the title ("Facilitator guide"). */
  | { kind: 'eyebrow'; text: string }
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string; style?: 'lede' | 'meta' | 'note'; label?: string }
  /** Label and value pairs such as Time and People. */
  | { kind: 'facts'; items: { label: string; value: string }[] }
  /** `check`: a list to tick off on paper (an empty box before each item). */
  | { kind: 'list'; ordered: boolean; check?: boolean; items: ListItem[] }
  | { kind: 'table'; columns: string[]; rows: TableRow[] }
  /** Lines to write on (team, date): printed when a value is given, a fillable field when not. */
  | { kind: 'fill-in'; items: { field: string; label: string; value?: string }[] }
  | { kind: 'prompt'; number: number; question: string; answer: AnswerSpec };

export interface Section {
  /**
   * Printed in the footer of every page of the section. The web address and its
   * QR code only when the site has a public origin: a printed `localhost` leads nowhere.
   */
  footer: { title: string; url?: string };
  /**
   * Groups the section's form fields under one parent field, so a session pack
   * can hold the same play's prompts twice without a name clash
   * (`three-questions.who` rather than `who`).
   */
  fieldPrefix?: string;
  blocks: Block[];
}

export interface WorksheetDocument {
  /** Document title: the window title of a PDF. */
  title: string;
  /** One sentence on what the document is. */
  subject: string;
  lang: string;
  /** Each section starts on a new page. */
  sections: Section[];
}

export interface PlayInput {
  id: string;
  data: PlayData;
}

export interface ModelContext {
  /** `SITE_URL`, without a trailing slash. */
  siteUrl: string;
  /** `BASE_PATH`, e.g. `/` or `/playbook`. */
  basePath: string;
  /** Titles by id, for "Built on" and "Sources"; an id stands in for a missing title. */
  titles?: { notes?: ReadonlyMap<string, string>; sources?: ReadonlyMap<string, string> };
  /** Printed on the team line of a worksheet. */
  team?: string;
  /** `YYYY-MM-DD`, printed on the date line of a worksheet. */
  date?: string;
}

/** The public web address of a site route, e.g. `/plays/x/` → `https://example.org/playbook/plays/x/`. */
export const siteAddress = (ctx: Pick<ModelContext, 'siteUrl' | 'basePath'>, route: string): string =>
  `${ctx.siteUrl}${withBase(ctx.basePath, route)}`;

export const playAddress = (ctx: Pick<ModelContext, 'siteUrl' | 'basePath'>, id: string): string => siteAddress(ctx, `/plays/${id}/`);

/** `address` when the site's origin is public (see ../lib/origin.ts), else undefined: nothing to print. */
export const printable = (ctx: Pick<ModelContext, 'siteUrl'>, address: string): string | undefined =>
  isPublicOrigin(ctx.siteUrl) ? address : undefined;

/** A section footer: the title, and the address when it is printable. */
export function footerFor(ctx: Pick<ModelContext, 'siteUrl'>, title: string, address: string): Section['footer'] {
  const url = printable(ctx, address);
  return url ? { title, url } : { title };
}

/** A date as printed on a worksheet: `2027-01-15` → "15 January 2027". */
export const printedDate = (iso: string): string => formatDate(new Date(`${iso}T00:00:00Z`));

export interface SectionOptions {
  fieldPrefix?: string;
  /** Facilitator guide: the clock time the play starts (`HH:MM`), so steps show real times instead of offsets. */
  start?: string;
}

/** The participant worksheet of a play. */
export function participantSection(play: PlayInput, ctx: ModelContext, options: SectionOptions = {}): Section {
  const { data } = play;
  const blocks: Block[] = [
    { kind: 'eyebrow', text: strings.participant.eyebrow },
    { kind: 'heading', level: 1, text: data.title },
    { kind: 'paragraph', style: 'lede', text: data.purpose },
    {
      kind: 'fill-in',
      items: [
        { field: 'team', label: strings.fillIn.team, ...(ctx.team && { value: ctx.team }) },
        { field: 'date', label: strings.fillIn.date, ...(ctx.date && { value: printedDate(ctx.date) }) },
      ],
    },
  ];
  const numbers = promptNumbers(data);
  // Every step in which participants write, numbered as the steps are on the web.
  for (const group of promptsInStepOrder(data)) {
    if (group.step) {
      const { step } = group.step;
      blocks.push({ kind: 'heading', level: 2, text: strings.participant.step(group.step.number, step.title, step.minutes) });
      blocks.push({ kind: 'paragraph', text: step.instructions });
      const earlier = group.revisits.map((p) => numbers.get(p.id) ?? 0);
      if (earlier.length > 0)
        blocks.push({ kind: 'paragraph', style: 'meta', text: strings.participant.revisit(earlier, group.prompts.length > 0) });
    } else {
      blocks.push({ kind: 'heading', level: 2, text: strings.participant.otherPrompts });
    }
    for (const prompt of group.prompts)
      blocks.push({ kind: 'prompt', number: numbers.get(prompt.id) ?? 0, question: prompt.question, answer: answerSpec(prompt) });
  }
  return {
    footer: footerFor(ctx, data.title, playAddress(ctx, play.id)),
    ...(options.fieldPrefix && { fieldPrefix: options.fieldPrefix }),
    blocks,
  };
}

/**
 * The facilitator's checklist before a session, from the play: time to
 * prepare, each material, worksheets to print when a step asks questions,
 * and the room for the group.
 */
export function beforeTheSession(data: PlayData): string[] {
  const words = strings.facilitator.checklist;
  const asks = data.steps.some((step) => step.prompts.length > 0) || data.prompts.length > 0;
  const printed = data.materials.some((m) => /worksheet/i.test(m));
  return [
    ...(data.prepMinutes > 0 ? [words.prepare(data.prepMinutes)] : []),
    ...data.materials,
    ...(asks && !printed ? [words.worksheets(data.groupSize.max)] : []),
    words.room(data.groupSize.min, data.groupSize.max, data.runMinutes),
  ];
}

/** The facilitator guide of a play. */
export function facilitatorSection(play: PlayInput, ctx: ModelContext, options: SectionOptions = {}): Section {
  const { data } = play;
  const words = strings.facilitator;
  const noteTitles = data.notes.map((id) => ctx.titles?.notes?.get(id) ?? id);
  const online = printable(ctx, playAddress(ctx, play.id));
  const blocks: Block[] = [
    { kind: 'eyebrow', text: words.eyebrow },
    { kind: 'heading', level: 1, text: data.title },
    { kind: 'paragraph', style: 'lede', text: data.purpose },
    {
      kind: 'facts',
      items: [
        { label: words.outcome, value: data.outcome },
        { label: words.time, value: words.timeValue(data.runMinutes, data.prepMinutes) },
        { label: words.people, value: words.peopleValue(data.groupSize.min, data.groupSize.max) },
      ],
    },
  ];
  const numbers = promptNumbers(data);
  const times = stepTimes(data.steps, options.start);
  // Materials are in the checklist, so they are not listed again further on.
  // The first page is the one to keep at hand: the timing of every step, then what to do before the session.
  blocks.push({ kind: 'heading', level: 2, text: words.timing });
  blocks.push({
    kind: 'table',
    columns: [...words.timingColumns],
    rows: data.steps.map((step, i) => {
      const asked = step.prompts.flatMap((id) => (numbers.has(id) ? [numbers.get(id) as number] : []));
      return {
        cells: [`${times[i]?.start ?? ''}–${times[i]?.end ?? ''}`, words.step(i + 1, step.title), String(step.minutes), asked.join(', ')],
      };
    }),
  });
  blocks.push({ kind: 'heading', level: 2, text: words.before });
  blocks.push({ kind: 'list', ordered: false, check: true, items: beforeTheSession(data).map((text) => ({ text })) });
  if (data.roles.length > 0) {
    blocks.push({ kind: 'heading', level: 2, text: words.roles });
    blocks.push({ kind: 'list', ordered: false, items: data.roles.map((role) => ({ label: role.name, text: role.does })) });
  }
  blocks.push({ kind: 'heading', level: 2, text: words.steps });
  data.steps.forEach((step, i) => {
    const time = times[i] ?? { start: '', end: '' };
    blocks.push({ kind: 'heading', level: 3, text: words.step(i + 1, step.title) });
    const asked = step.prompts.flatMap((id) => (numbers.has(id) ? [numbers.get(id) as number] : []));
    blocks.push({ kind: 'paragraph', style: 'meta', text: words.stepMeta(step.minutes, time.start, time.end, asked) });
    blocks.push({ kind: 'paragraph', text: step.instructions });
    if (step.facilitator) blocks.push({ kind: 'paragraph', style: 'note', label: words.note, text: step.facilitator });
  });
  blocks.push({ kind: 'heading', level: 2, text: words.prompts });
  const ordered = promptsInStepOrder(data).flatMap((g) => g.prompts);
  blocks.push({ kind: 'list', ordered: true, items: ordered.map((p) => ({ text: p.question, detail: strings.describeAnswer(p) })) });
  if (data.followUp.length > 0) {
    blocks.push({ kind: 'heading', level: 2, text: words.followUp });
    blocks.push({ kind: 'list', ordered: false, items: data.followUp.map((text) => ({ text })) });
  }
  blocks.push({ kind: 'heading', level: 2, text: words.sources });
  blocks.push({
    kind: 'list',
    ordered: false,
    items: data.sources.map((source) =>
      source.id === 'general'
        ? { label: words.generalSource, text: source.locator }
        : { label: ctx.titles?.sources?.get(source.id) ?? source.id, text: source.locator },
    ),
  });
  // Background, after the sources: the first page is kept for what the session needs.
  blocks.push({
    kind: 'facts',
    items: [{ label: words.builtOn, value: noteTitles.join('; ') }, ...(online ? [{ label: words.online, value: online }] : [])],
  });
  return {
    footer: footerFor(ctx, data.title, playAddress(ctx, play.id)),
    ...(options.fieldPrefix && { fieldPrefix: options.fieldPrefix }),
    blocks,
  };
}

/** One view of one play as a whole document. */
export function playDocument(play: PlayInput, view: View, ctx: ModelContext): WorksheetDocument {
  const participant = view === 'participant';
  return {
    title: participant ? strings.participant.documentTitle(play.data.title) : strings.facilitator.documentTitle(play.data.title),
    subject: play.data.purpose,
    lang: strings.lang,
    sections: [participant ? participantSection(play, ctx) : facilitatorSection(play, ctx)],
  };
}
