/**
 * The clock of run mode: which segment (a play's step or a break) is on
 * screen, how long each has run, the countdown and its cues, and the
 * session's clock times re-flowed from what really happened. Pure: every
 * function takes the time (`now`, epoch milliseconds) as an argument, so the
 * run page, the unit tests and a reload all compute the same thing from the
 * same stored state.
 *
 * Notes:
 * - A pause stops the step's countdown, not the wall clock: the session falls
 *   behind while paused, as it does in the room.
 * - Moving on early or late re-flows every later segment: each starts when the
 *   one before it is expected to end.
 */

/** What run mode needs of a segment. */
export interface ClockSegment {
  minutes: number;
}

export type RunStatus = 'ready' | 'running' | 'paused' | 'done';

export interface RunState {
  /** The segment on screen. */
  index: number;
  status: RunStatus;
  /** Milliseconds each segment's countdown has run, over its closed spans. */
  used: number[];
  /** When the current running span began (epoch ms); null unless running. */
  since: number | null;
  /** When each segment first came on screen with the session started; null before. */
  began: (number | null)[];
  /** When each segment was last left; null while on screen or not yet reached. */
  ended: (number | null)[];
  /** When the session was first started; null before. */
  startedAt: number | null;
}

/** A step's countdown shows the warning cue when this share of it or less is left. */
export const WARNING_SHARE = 0.2;
const MINUTE = 60_000;

export const initialState = (count: number): RunState => ({
  index: 0,
  status: 'ready',
  used: Array.from({ length: count }, () => 0),
  since: null,
  began: Array.from({ length: count }, () => null),
  ended: Array.from({ length: count }, () => null),
  startedAt: null,
});

const copy = (state: RunState): RunState => ({ ...state, used: [...state.used], began: [...state.began], ended: [...state.ended] });

/** Closes the running span of the current segment into `used`. */
function settle(state: RunState, now: number): RunState {
  const next = copy(state);
  if (next.status === 'running' && next.since !== null)
    next.used[next.index] = (next.used[next.index] ?? 0) + Math.max(0, now - next.since);
  next.since = null;
  return next;
}

/** Starts or resumes the countdown of the segment on screen. */
export function start(state: RunState, now: number): RunState {
  if (state.status === 'running' || state.status === 'done') return state;
  const next = copy(state);
  next.startedAt ??= now;
  next.began[next.index] ??= now;
  next.status = 'running';
  next.since = now;
  return next;
}

/** Stops the countdown; the wall clock goes on. */
export function pause(state: RunState, now: number): RunState {
  if (state.status !== 'running') return state;
  return { ...settle(state, now), status: 'paused' };
}

/** Space bar: start when ready or paused, pause when running. */
export const toggle = (state: RunState, now: number): RunState => (state.status === 'running' ? pause(state, now) : start(state, now));

/** Moves to the next segment, keeping the countdown running or paused; past the last one the session is done. */
export function next(state: RunState, now: number): RunState {
  if (state.status === 'done') return state;
  const count = state.used.length;
  const wasRunning = state.status === 'running';
  const moved = settle(state, now);
  if (state.status === 'ready') {
    // Not started: only the view moves, nothing is recorded.
    moved.index = Math.min(count - 1, moved.index + 1);
    return moved;
  }
  moved.ended[moved.index] = now;
  if (moved.index >= count - 1) return { ...moved, status: 'done' };
  moved.index += 1;
  moved.began[moved.index] ??= now;
  moved.ended[moved.index] = null;
  moved.since = wasRunning ? now : null;
  return moved;
}

/** Goes back one segment (a step left too soon); its countdown continues where it stopped. */
export function previous(state: RunState, now: number): RunState {
  if (state.status === 'done') {
    // Reopen the last segment, paused.
    const reopened = copy(state);
    reopened.ended[reopened.index] = null;
    return { ...reopened, status: 'paused', since: null };
  }
  if (state.index === 0) return state;
  const wasRunning = state.status === 'running';
  const moved = settle(state, now);
  if (state.status !== 'ready') moved.ended[moved.index] = now;
  moved.index -= 1;
  moved.ended[moved.index] = null;
  moved.since = wasRunning ? now : null;
  return moved;
}

/** Milliseconds the current segment's countdown has run, up to `now`. */
export function usedMs(state: RunState, now: number): number {
  const closed = state.used[state.index] ?? 0;
  return state.status === 'running' && state.since !== null ? closed + Math.max(0, now - state.since) : closed;
}

export type Cue = 'none' | 'warning' | 'over';

export interface Countdown {
  plannedMs: number;
  /** Negative once the segment overruns. */
  remainingMs: number;
  cue: Cue;
}

/** The current segment's countdown and its cue: `warning` from 20% left, `over` at zero. */
export function countdown(state: RunState, segments: readonly ClockSegment[], now: number): Countdown {
  const plannedMs = (segments[state.index]?.minutes ?? 0) * MINUTE;
  const remainingMs = plannedMs - usedMs(state, now);
  const cue: Cue = remainingMs <= 0 ? 'over' : remainingMs <= plannedMs * WARNING_SHARE ? 'warning' : 'none';
  return { plannedMs, remainingMs, cue };
}

export interface Span {
  /** Epoch milliseconds. */
  start: number;
  end: number;
}

export interface Schedule {
  /** Each segment's planned times, from the planned start. */
  planned: Span[];
  /** Each segment's times as they happened (before the current one) or as now expected (from it on). */
  expected: Span[];
  /** How far the current segment's expected end is behind its plan, ms; negative is ahead. */
  deltaMs: number;
}

/**
 * Planned and expected times of every segment. `plannedStart` is the planned
 * start (epoch ms), or null to plan from the moment the session was first
 * started (or from now, before that). Segments after the current one start when
 * the one before them is expected to end: that is the re-flow.
 */
export function schedule(state: RunState, segments: readonly ClockSegment[], plannedStart: number | null, now: number): Schedule {
  const origin = plannedStart ?? state.startedAt ?? now;
  const planned: Span[] = [];
  let clock = origin;
  for (const segment of segments) {
    planned.push({ start: clock, end: clock + segment.minutes * MINUTE });
    clock += segment.minutes * MINUTE;
  }
  const expected: Span[] = [];
  segments.forEach((segment, j) => {
    const plan = planned[j] as Span;
    const length = segment.minutes * MINUTE;
    if (j < state.index || (j === state.index && state.status === 'done')) {
      expected.push({ start: state.began[j] ?? plan.start, end: state.ended[j] ?? plan.end });
    } else if (j === state.index) {
      if (state.status === 'ready') {
        const begin = Math.max(now, plan.start);
        expected.push({ start: begin, end: begin + length });
      } else {
        const left = countdown(state, segments, now).remainingMs;
        expected.push({ start: state.began[j] ?? now, end: now + Math.max(0, left) });
      }
    } else {
      const begin = (expected[j - 1] as Span).end;
      expected.push({ start: begin, end: begin + length });
    }
  });
  const current = Math.min(state.index, segments.length - 1);
  const deltaMs = segments.length === 0 ? 0 : (expected[current] as Span).end - (planned[current] as Span).end;
  return { planned, expected, deltaMs };
}

/** Whole minutes behind (positive) or ahead (negative), rounded to the nearest minute. */
export const deltaMinutes = (deltaMs: number): number => Math.round(deltaMs / MINUTE) || 0;

/** `HH:MM` in local time, rounded to the nearest minute (a plan), or down (a wall clock). */
export function clockTime(ms: number, rounding: 'nearest' | 'down' = 'nearest'): string {
  const date = new Date((rounding === 'down' ? Math.floor(ms / MINUTE) : Math.round(ms / MINUTE)) * MINUTE);
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/** The epoch ms of a `HH:MM` clock time on the local day of `reference`. */
export function clockOnDay(clock: string, reference: number): number {
  const [hours, minutes] = clock.split(':').map(Number);
  const date = new Date(reference);
  date.setHours(hours ?? 0, minutes ?? 0, 0, 0);
  return date.getTime();
}

/**
 * A countdown as read on a wall: `9:05`, `1:00:00`; whole seconds left round up
 * (so 0:00 shows only at the end); an overrun counts up with a plus, `+2:10`.
 */
export function formatCountdown(remainingMs: number): string {
  const over = remainingMs < 0;
  const seconds = over ? Math.floor(-remainingMs / 1000) : Math.ceil(remainingMs / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  const text = h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
  return over ? `+${text}` : text;
}

/** A run started this long ago is last time's, not one to resume: no session lasts half a day. */
export const STALE_AFTER_MS = 12 * 60 * MINUTE;

/** Whether a stored run is from an earlier session (started over 12 hours ago) and should start afresh. */
export const isStale = (state: RunState, now: number): boolean => state.startedAt !== null && now - state.startedAt > STALE_AFTER_MS;

const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;
const isTimeOrNull = (value: unknown): value is number | null => value === null || isTime(value);
const STATUSES: readonly RunStatus[] = ['ready', 'running', 'paused', 'done'];

/**
 * A stored state read back, or a fresh one when the stored text is missing,
 * damaged or for another number of segments. Never throws: storage is the
 * user's to edit.
 */
export function restoreState(stored: string | null, count: number): RunState {
  const fresh = initialState(count);
  if (!stored) return fresh;
  let value: Partial<RunState>;
  try {
    value = JSON.parse(stored) as Partial<RunState>;
  } catch {
    return fresh;
  }
  if (typeof value !== 'object' || value === null) return fresh;
  const { index, status, used, since, began, ended, startedAt } = value;
  const lists = [used, began, ended];
  if (!lists.every((list) => Array.isArray(list) && list.length === count)) return fresh;
  if (!Number.isInteger(index) || (index as number) < 0 || (index as number) >= count) return fresh;
  if (!STATUSES.includes(status as RunStatus)) return fresh;
  if (!(used as unknown[]).every(isTime) || !(began as unknown[]).every(isTimeOrNull) || !(ended as unknown[]).every(isTimeOrNull))
    return fresh;
  if (!isTimeOrNull(since) || !isTimeOrNull(startedAt)) return fresh;
  if ((status === 'running') !== (since !== null)) return fresh;
  return {
    index: index as number,
    status: status as RunStatus,
    used: used as number[],
    since,
    began: began as (number | null)[],
    ended: ended as (number | null)[],
    startedAt,
  };
}
