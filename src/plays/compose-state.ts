/**
 * The session composer's state in the page address, so a session can be
 * shared as a link: `?plays=a,b&start=09:30&break=10&title=…&team=…&date=…&paper=letter`.
 * Parsing never throws: anything unusable falls back to the default and is
 * reported (unknown plays by id, other values by name), because the address
 * may come from anyone. The same checks guard the worksheet CLI's flags, so a
 * value the page accepts is one the CLI accepts. Kept free of other imports:
 * the composer island bundles it.
 */

export const PACK_PAPERS = ['a4', 'letter'] as const;
export type PackPaper = (typeof PACK_PAPERS)[number];
export const PACK_FORMATS = ['pdf', 'md'] as const;
export type PackFormat = (typeof PACK_FORMATS)[number];

export interface ComposeState {
  /** Play ids, in session order. */
  plays: string[];
  /** Start time, `HH:MM` (24-hour). */
  start: string;
  /** Minutes of break between plays, 0-120. */
  breakMinutes: number;
  /** The pack's title on its cover; "Session plan" when absent. */
  title?: string | undefined;
  /** Printed on the cover and every worksheet. */
  team?: string | undefined;
  /** `YYYY-MM-DD`. */
  date?: string | undefined;
  /** Paper of the PDF pack; A4 when absent. */
  paper?: PackPaper | undefined;
  /** What "Download the pack" makes; a PDF when absent. */
  format?: PackFormat | undefined;
}

export interface ParsedComposeState extends ComposeState {
  /** Ids in the address that name no play, for a notice (at most `MAX_REPORTED`). */
  unknown: string[];
  /** Other parameters whose value could not be used and fell back to the default (`team`, `date`…). */
  rejected: string[];
}

export const DEFAULT_START = '09:30';
export const MAX_BREAK = 120;
/** Longest team name or pack title, in characters, so it fits on one line of the cover. */
export const MAX_LABEL = 80;
/** The most plays a session may hold, and the most unknown ids a notice names. */
export const MAX_PLAYS = 50;
const MAX_REPORTED = 10;
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * Why a team name or title cannot be printed (empty, longer than
 * `MAX_LABEL` characters, or more than one line), or null when it can. `what`
 * names the value in the reason.
 */
export function labelProblem(value: string, what: string): string | null {
  const label = value.trim();
  if (!label) return `${what} is empty`;
  const length = [...label].length;
  if (length > MAX_LABEL) return `${what} is at most ${MAX_LABEL} characters so it fits on the page; got ${length}`;
  if (/\p{Cc}/u.test(label)) return `${what} must be one line of text, without tabs or line breaks`;
  return null;
}

/** `YYYY-MM-DD` that names a real day. */
export function isIsoDate(value: string | null | undefined): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
}

export const isClock = (value: string | null | undefined): value is string => typeof value === 'string' && CLOCK.test(value);

/** Break minutes from user input; anything but a whole number from 0 to 120 is 0. */
export function parseBreak(value: string | null | undefined): number {
  if (!value || !/^\d{1,3}$/.test(value.trim())) return 0;
  const minutes = Number(value.trim());
  return minutes <= MAX_BREAK ? minutes : 0;
}

/**
 * Reads the state from a query string (`?plays=…` or `plays=…`). `known` lists
 * the play ids that exist; others are dropped and returned in `unknown`.
 * Both `plays=a,b` and repeated `plays=a&plays=b` are read; duplicates keep the first place.
 */
export function parseComposeState(query: string, known: readonly string[]): ParsedComposeState {
  const params = new URLSearchParams(query);
  const exists = new Set(known);
  const plays: string[] = [];
  const unknown = new Set<string>();
  const rejected: string[] = [];
  for (const id of params.getAll('plays').flatMap((value) => value.split(','))) {
    const trimmed = id.trim();
    if (!trimmed || plays.includes(trimmed)) continue;
    if (!exists.has(trimmed)) unknown.add(trimmed);
    else if (plays.length < MAX_PLAYS) plays.push(trimmed);
    else if (!rejected.includes('plays')) rejected.push('plays');
  }
  // A parameter that is given but unusable falls back to its default and is named in `rejected`.
  const take = <T>(name: string, parse: (value: string) => T | undefined): T | undefined => {
    const value = params.get(name);
    if (value === null) return undefined;
    const parsed = parse(value);
    if (parsed === undefined) rejected.push(name);
    return parsed;
  };
  const label = (name: string) => (value: string) => (labelProblem(value, name) === null ? value.trim() : undefined);
  const oneOf =
    <T extends string>(choices: readonly T[]) =>
    (value: string) =>
      choices.find((choice) => choice === value);
  const breakMinutes = (value: string) => {
    const minutes = parseBreak(value);
    return minutes > 0 || value.trim() === '0' ? minutes : undefined;
  };
  return {
    plays,
    start: take('start', (value) => (isClock(value) ? value : undefined)) ?? DEFAULT_START,
    breakMinutes: take('break', breakMinutes) ?? 0,
    title: take('title', label('title')),
    team: take('team', label('team')),
    date: take('date', (value) => (isIsoDate(value) ? value : undefined)),
    paper: take('paper', oneOf(PACK_PAPERS)),
    format: take('format', oneOf(PACK_FORMATS)),
    // Long or many unknown ids are shortened for the notice: the address may be hostile.
    unknown: [...unknown].slice(0, MAX_REPORTED).map((id) => (id.length > 40 ? `${id.slice(0, 40)}…` : id)),
    rejected,
  };
}

/** Moves the play at `index` one place up (-1) or down (+1); unchanged at either end. */
export function movePlay(plays: readonly string[], index: number, by: -1 | 1): string[] {
  const target = index + by;
  if (index < 0 || index >= plays.length || target < 0 || target >= plays.length) return [...plays];
  const moved = [...plays];
  [moved[index], moved[target]] = [moved[target] as string, moved[index] as string];
  return moved;
}

/**
 * The query string for a state, written by hand rather than by URLSearchParams
 * so the address stays readable (`plays=a,b&start=09:30`, not `%2C` and `%3A`).
 * Empty when nothing is chosen; the default start and a zero break are left out
 * only when no play is chosen, and the break whenever it is 0.
 */
export function serializeComposeState(state: ComposeState): string {
  if (state.plays.length === 0) return '';
  const start = isClock(state.start) ? state.start : DEFAULT_START;
  const parts = [`plays=${state.plays.map(encodeURIComponent).join(',')}`, `start=${start}`];
  const breakMinutes = parseBreak(String(state.breakMinutes));
  if (breakMinutes > 0) parts.push(`break=${breakMinutes}`);
  for (const name of ['title', 'team'] as const) {
    const value = state[name];
    if (value && labelProblem(value, name) === null) parts.push(`${name}=${encodeURIComponent(value.trim())}`);
  }
  if (isIsoDate(state.date)) parts.push(`date=${state.date}`);
  if (state.paper === 'letter') parts.push('paper=letter');
  if (state.format === 'md') parts.push('format=md');
  return `?${parts.join('&')}`;
}

/** Characters a POSIX shell reads as part of a word, never as syntax (nor as a glob or `~` at a word's start). */
const PLAIN_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

/**
 * One argument as a POSIX shell word: unchanged when it holds only plain
 * characters, otherwise in single quotes, inside which the shell reads every
 * character literally; a single quote itself becomes `'\''` (end the quotes,
 * an escaped quote, quote again).
 */
export function shellQuote(argument: string): string {
  if (PLAIN_WORD.test(argument)) return argument;
  return `'${argument.replaceAll("'", `'\\''`)}'`;
}

export type PackCommandOptions = Pick<ComposeState, 'plays' | 'start' | 'title' | 'team' | 'date' | 'paper' | 'format'> & {
  breakMinutes?: number;
};

/**
 * The worksheet CLI command that builds the same session pack (`--break`,
 * `--title`, `--team`, `--date`, `--paper` and `--format` only when they differ
 * from the default), for copying into a POSIX shell:
 * every argument is quoted as the shell needs, so what is pasted runs as shown
 * and nothing in a value can end the command or start another.
 */
export function packCommand(state: PackCommandOptions): string {
  const start = isClock(state.start) ? state.start : DEFAULT_START;
  const breakMinutes = parseBreak(String(state.breakMinutes ?? 0));
  const args = ['--pack', `plays=${state.plays.join(',')}`, '--start', start];
  if (breakMinutes > 0) args.push('--break', String(breakMinutes));
  if (state.title) args.push('--title', state.title);
  if (state.team) args.push('--team', state.team);
  if (state.date) args.push('--date', state.date);
  if (state.paper === 'letter') args.push('--paper', 'letter');
  if (state.format === 'md') args.push('--format', 'md');
  return `npm run worksheets -- ${args.map(shellQuote).join(' ')}`;
}
