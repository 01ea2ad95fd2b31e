/**
 * The session composer's state in the page address, so a session can be
 * shared as a link: `?plays=a,b&start=09:30&break=10`. Parsing never throws:
 * anything unusable falls back to the default and unknown plays are reported,
 * because the address may come from anyone. Kept free of other imports: the
 * composer island bundles it.
 */

export interface ComposeState {
  /** Play ids, in session order. */
  plays: string[];
  /** Start time, `HH:MM` (24-hour). */
  start: string;
  /** Minutes of break between plays, 0-120. */
  breakMinutes: number;
}

export interface ParsedComposeState extends ComposeState {
  /** Ids in the address that name no play, for a notice. */
  unknown: string[];
}

export const DEFAULT_START = '09:30';
export const MAX_BREAK = 120;
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

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
  const unknown: string[] = [];
  for (const id of params.getAll('plays').flatMap((value) => value.split(','))) {
    const trimmed = id.trim();
    if (!trimmed || plays.includes(trimmed) || unknown.includes(trimmed)) continue;
    (exists.has(trimmed) ? plays : unknown).push(trimmed);
  }
  const start = params.get('start');
  return { plays, start: isClock(start) ? start : DEFAULT_START, breakMinutes: parseBreak(params.get('break')), unknown };
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

export interface PackCommandOptions extends Pick<ComposeState, 'plays' | 'start'> {
  breakMinutes?: number;
  /** Printed on the cover and the worksheets: any text, quoted for the shell. */
  team?: string;
  /** `YYYY-MM-DD`. */
  date?: string;
}

/**
 * The worksheet CLI command that builds the same session pack (`--break`,
 * `--team` and `--date` only when given), for copying into a POSIX shell:
 * every argument is quoted as the shell needs, so what is pasted runs as shown
 * and nothing in a value can end the command or start another.
 */
export function packCommand(state: PackCommandOptions): string {
  const start = isClock(state.start) ? state.start : DEFAULT_START;
  const breakMinutes = parseBreak(String(state.breakMinutes ?? 0));
  const args = ['--pack', `plays=${state.plays.join(',')}`, '--start', start];
  if (breakMinutes > 0) args.push('--break', String(breakMinutes));
  if (state.team) args.push('--team', state.team);
  if (state.date) args.push('--date', state.date);
  return `npm run worksheets -- ${args.map(shellQuote).join(' ')}`;
}
