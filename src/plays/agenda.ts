/**
 * The timed agenda of a session: plays in order, each step with a clock time,
 * optional breaks between plays; and the times of one play's steps. Pure;
 * shared by the worksheet CLI (session packs, facilitator guides), the play
 * page, the session composer page and run mode.
 */
import type { Step } from '../schema/play.ts';
import { clockOffset } from '../util/time.ts';

export interface AgendaPlay {
  id: string;
  title: string;
  steps: readonly { title: string; minutes: number }[];
}

export interface AgendaItem {
  kind: 'step' | 'break';
  /** The play this step belongs to (empty for breaks). */
  playId: string;
  playTitle: string;
  title: string;
  minutes: number;
  /** Clock times, `HH:MM`. */
  start: string;
  end: string;
}

export interface Agenda {
  items: AgendaItem[];
  start: string;
  end: string;
  /** Minutes from start to end, breaks included. */
  totalMinutes: number;
}

export interface AgendaOptions {
  /** Start time, `HH:MM` (24-hour). */
  start: string;
  /** Minutes of break between consecutive plays; 0 for none. */
  breakMinutes?: number;
}

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after midnight of a `HH:MM` time; throws a RangeError on anything else. */
export function parseClock(value: string): number {
  const match = CLOCK.exec(value);
  if (!match) throw new RangeError(`"${value}" is not a time; write HH:MM in 24-hour time, e.g. 09:30`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** `HH:MM` for minutes after midnight; throws past the end of the day. */
export function formatClock(minutes: number): string {
  if (!Number.isInteger(minutes) || minutes < 0 || minutes >= 24 * 60) {
    throw new RangeError('the session would run past midnight; start earlier or choose fewer plays');
  }
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export function buildAgenda(plays: readonly AgendaPlay[], options: AgendaOptions): Agenda {
  const breakMinutes = options.breakMinutes ?? 0;
  if (!Number.isInteger(breakMinutes) || breakMinutes < 0 || breakMinutes > 120) {
    throw new RangeError('a break is a whole number of minutes from 0 to 120');
  }
  const startAt = parseClock(options.start);
  let clock = startAt;
  const items: AgendaItem[] = [];
  const push = (item: Omit<AgendaItem, 'start' | 'end'>) => {
    items.push({ ...item, start: formatClock(clock), end: formatClock(clock + item.minutes) });
    clock += item.minutes;
  };
  plays.forEach((play, index) => {
    // The word the pack (strings.pack.breakRow) and run mode print, written out rather than imported so the
    // islands that bundle this file do not carry every worksheet string; a unit test keeps the three equal.
    if (index > 0 && breakMinutes > 0) push({ kind: 'break', playId: '', playTitle: '', title: 'Break', minutes: breakMinutes });
    for (const step of play.steps) push({ kind: 'step', playId: play.id, playTitle: play.title, title: step.title, minutes: step.minutes });
  });
  return { items, start: formatClock(startAt), end: formatClock(clock), totalMinutes: clock - startAt };
}

/**
 * Start and end of each step: offsets from the start of the play (`0:05`), or
 * clock times when the start is known. The play page's steps, the facilitator
 * guide's timing table and its steps all read their times from here.
 */
export function stepTimes(steps: readonly Pick<Step, 'minutes'>[], start?: string): { start: string; end: string }[] {
  const origin = start === undefined ? 0 : parseClock(start);
  const show = (minutes: number) => (start === undefined ? clockOffset(minutes) : formatClock(minutes));
  let clock = origin;
  return steps.map((step) => {
    const from = clock;
    clock += step.minutes;
    return { start: show(from), end: show(clock) };
  });
}
