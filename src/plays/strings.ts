/**
 * Every word the worksheets print, in one place: the PDF and Markdown
 * renderers, the session pack and the web pages of a play (its guide and its
 * print worksheet) read their labels from here, never inline, so the web and
 * print say the same thing.
 */
import { formatDuration } from '../util/time.ts';
import type { Prompt } from '../schema/play.ts';
import { SCALE_POINTS } from './scale.ts';

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

export const strings = {
  lang: 'en',
  participant: {
    eyebrow: 'Participant worksheet',
    documentTitle: (play: string) => `${play}: worksheet`,
    step: (number: number, title: string, minutes: number) => `Step ${number}: ${title} (${minutes} min)`,
    /** Heading for prompts no step refers to. */
    otherPrompts: 'More questions',
    /** Under a step that writes into questions an earlier step asked. */
    revisit: (numbers: readonly number[], more: boolean) =>
      `${more ? 'Also write in' : 'Write in'} ${numbers.length === 1 ? 'question' : 'questions'} ${numbers.length > 1 ? `${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1)}` : numbers.join('')}.`,
  },
  facilitator: {
    eyebrow: 'Facilitator guide',
    documentTitle: (play: string) => `${play}: facilitator guide`,
    outcome: 'Outcome',
    time: 'Time',
    timeValue: (run: number, prep: number) => `${formatDuration(run)} to run${prep > 0 ? `, plus ${formatDuration(prep)} to prepare` : ''}`,
    people: 'People',
    peopleValue: (min: number, max: number) => (min === max ? plural(min, 'person', 'people') : `${min} to ${max} people`),
    builtOn: 'Built on',
    online: 'Online',
    roles: 'Roles',
    steps: 'Steps',
    timing: 'Timing',
    timingColumns: ['Time', 'Step', 'Min', 'Questions'] as const,
    before: 'Before the session',
    checklist: {
      prepare: (minutes: number) => `Set aside ${formatDuration(minutes)} to prepare`,
      worksheets: (people: number) => `Print the worksheet: one per participant (up to ${people})`,
      room: (min: number, max: number, run: number) =>
        `A room for ${min === max ? plural(min, 'person', 'people') : `${min} to ${max} people`}, for ${formatDuration(run)}`,
    },
    step: (number: number, title: string) => `${number}. ${title}`,
    /** A step's time and the worksheet questions it asks, on one line. */
    stepMeta(minutes: number, start: string, end: string, questions: readonly number[]): string {
      const time = `${minutes} min, ${start}–${end}`;
      return questions.length > 0
        ? `${time} · worksheet ${questions.length === 1 ? 'question' : 'questions'} ${questions.join(', ')}`
        : time;
    },
    note: 'Facilitator note',
    prompts: 'Worksheet questions',
    followUp: 'After the session',
    sources: 'Sources',
    generalSource: 'General knowledge',
  },
  pack: {
    eyebrow: 'Session pack',
    title: 'Session plan',
    documentTitle: (team: string | undefined, date: string | undefined) => {
      const about = [team, date].filter(Boolean).join(', ');
      return about ? `Session plan: ${about}` : 'Session plan';
    },
    team: 'Team',
    date: 'Date',
    time: 'Time',
    timeValue: (start: string, end: string, minutes: number) => `${start}–${end} (${formatDuration(minutes)})`,
    plays: 'Plays',
    playItem: (title: string, minutes: number) => `${title} (${formatDuration(minutes)})`,
    breaks: (minutes: number) => `${minutes} min break between plays`,
    agenda: 'Agenda',
    agendaColumns: ['Start', 'End', 'Play', 'Step', 'Minutes'] as const,
    breakRow: 'Break',
    /** The materials of every play in the session, in one list. */
    materials: 'Materials for the session',
    materialFor: (plays: readonly string[]) =>
      `For ${plays.length > 1 ? `${plays.slice(0, -1).join(', ')} and ${plays.at(-1)}` : plays.join('')}`,
  },
  fillIn: {
    team: 'Team',
    date: 'Date',
  },
  answer: {
    /** A hint in the Markdown worksheet, above the blank lines. */
    linesHint: (lines: number) => `Write your answer below (about ${plural(lines, 'line', 'lines')}).`,
    yes: 'Yes',
    no: 'No',
    scalePoint: (value: number, label: string | undefined) => (label ? `${value} (${label})` : String(value)),
    /** A scale button as a screen reader names it: "1 of 5, Not at all". */
    scalePart: (value: number, points: number, label: string | undefined) => `${value} of ${points}${label ? `, ${label}` : ''}`,
    tableRow: (row: number) => `row ${row}`,
    /** The accessible name of one field of a prompt with several: "Which channels do customers use? (Phone)". */
    fieldName: (question: string, part: string) => `${question} (${part})`,
  },
  /** The answer a prompt expects, in one phrase, for the facilitator guide. */
  describeAnswer(prompt: Prompt): string {
    switch (prompt.kind) {
      case 'lines':
        return `Free text, ${plural(prompt.lines, 'line', 'lines')}`;
      case 'scale':
        return `Scale from 1 (${prompt.low}) to ${SCALE_POINTS} (${prompt.high})`;
      case 'checklist':
        return `Tick all that apply: ${prompt.options.join(', ')}`;
      case 'yesno':
        return 'Yes or no';
      case 'grid':
        return `Two-by-two grid: ${prompt.rows.join(' / ')} by ${prompt.columns.join(' / ')}`;
      case 'table':
        return `Table with ${plural(prompt.rows, 'row', 'rows')}: ${prompt.columns.join(', ')}`;
    }
  },
  footer: {
    page: (page: number, pages: number) => `Page ${page} of ${pages}`,
  },
} as const;
