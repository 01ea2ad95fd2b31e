import { describe, expect, it } from 'vitest';
import {
  clockOnDay,
  clockTime,
  countdown,
  deltaMinutes,
  formatCountdown,
  initialState,
  isStale,
  next,
  pause,
  previous,
  restoreState,
  schedule,
  start,
  toggle,
  type RunState,
} from '../../src/plays/run-clock.ts';

const MIN = 60_000;
/** 09:00 local time on a fixed day: clock times are read in local time, like the page. */
const T0 = new Date(2026, 11, 7, 9, 0, 0).getTime();
const at = (minutes: number, seconds = 0) => T0 + minutes * MIN + seconds * 1000;
const segments = [{ minutes: 10 }, { minutes: 20 }, { minutes: 5 }];
const times = (spans: { start: number; end: number }[]) => spans.map((s) => `${clockTime(s.start)}-${clockTime(s.end)}`);

describe('state transitions', () => {
  it('starts, pauses and resumes; a pause stops the countdown, not the clock', () => {
    let state = start(initialState(3), at(0));
    expect(state).toMatchObject({ status: 'running', startedAt: at(0), since: at(0) });
    state = pause(state, at(4));
    expect(state).toMatchObject({ status: 'paused', since: null });
    expect(countdown(state, segments, at(9)).remainingMs).toBe(6 * MIN);
    state = toggle(state, at(9));
    expect(state.status).toBe('running');
    expect(countdown(state, segments, at(10)).remainingMs).toBe(5 * MIN);
    // The first start is kept: resuming does not move the plan.
    expect(state.startedAt).toBe(at(0));
    expect(toggle(state, at(11)).status).toBe('paused');
  });

  it('moves on keeping the countdown running, and is done after the last segment', () => {
    let state = start(initialState(3), at(0));
    state = next(state, at(12));
    expect(state).toMatchObject({ index: 1, status: 'running', since: at(12) });
    expect(state.ended[0]).toBe(at(12));
    expect(state.began[1]).toBe(at(12));
    state = next(next(state, at(30)), at(35));
    expect(state).toMatchObject({ index: 2, status: 'done', since: null });
    expect(next(state, at(40))).toBe(state);
  });

  it('moves on paused and stays paused', () => {
    const state = next(pause(start(initialState(3), at(0)), at(5)), at(6));
    expect(state).toMatchObject({ index: 1, status: 'paused', since: null });
    expect(countdown(state, segments, at(30)).remainingMs).toBe(20 * MIN);
  });

  it('goes back to a step left too soon; its countdown continues where it stopped', () => {
    let state = next(start(initialState(3), at(0)), at(3));
    state = previous(state, at(4));
    expect(state).toMatchObject({ index: 0, status: 'running' });
    expect(state.ended[0]).toBeNull();
    expect(countdown(state, segments, at(5)).remainingMs).toBe(6 * MIN);
    expect(previous(state, at(5))).toBe(state);
  });

  it('before the start, arrows only move the view and record nothing', () => {
    const state = next(initialState(3), at(0));
    expect(state).toMatchObject({ index: 1, status: 'ready', startedAt: null });
    expect(state.began).toEqual([null, null, null]);
    expect(previous(state, at(0)).index).toBe(0);
    expect(next(next(next(initialState(3), at(0)), at(0)), at(0)).index).toBe(2);
  });

  it('reopens the last step from done, paused', () => {
    const done = next(next(next(start(initialState(3), at(0)), at(10)), at(30)), at(35));
    const back = previous(done, at(36));
    expect(back).toMatchObject({ index: 2, status: 'paused' });
    expect(back.ended[2]).toBeNull();
  });
});

describe('countdown and cues', () => {
  it('warns from 20% left and is over at zero', () => {
    const state = start(initialState(3), at(0));
    expect(countdown(state, segments, at(7, 59)).cue).toBe('none');
    expect(countdown(state, segments, at(8)).cue).toBe('warning');
    expect(countdown(state, segments, at(9, 59)).cue).toBe('warning');
    expect(countdown(state, segments, at(10))).toEqual({ plannedMs: 10 * MIN, remainingMs: 0, cue: 'over' });
    expect(countdown(state, segments, at(12)).remainingMs).toBe(-2 * MIN);
  });

  it.each([
    [10 * MIN, '10:00'],
    [59_001, '1:00'],
    [500, '0:01'],
    [0, '0:00'],
    [-1500, '+0:01'],
    [-(2 * MIN + 10_000), '+2:10'],
    [65 * MIN, '1:05:00'],
  ])('%i ms reads %s', (ms, text) => {
    expect(formatCountdown(ms)).toBe(text);
  });
});

describe('schedule: planned and expected clock times', () => {
  it('plans from the first start when no start time is given', () => {
    const state = start(initialState(3), at(0));
    const { planned, expected, deltaMs } = schedule(state, segments, null, at(1));
    expect(times(planned)).toEqual(['09:00-09:10', '09:10-09:30', '09:30-09:35']);
    expect(times(expected)).toEqual(times(planned));
    expect(deltaMs).toBe(0);
  });

  it('re-flows the later steps when a step overruns', () => {
    const state = start(initialState(3), at(0));
    const { planned, expected, deltaMs } = schedule(state, segments, null, at(13));
    expect(times(planned)).toEqual(['09:00-09:10', '09:10-09:30', '09:30-09:35']);
    expect(times(expected)).toEqual(['09:00-09:13', '09:13-09:33', '09:33-09:38']);
    expect(deltaMinutes(deltaMs)).toBe(3);
  });

  it('re-flows them earlier when a step ends early, and keeps what happened', () => {
    const state = next(start(initialState(3), at(0)), at(6));
    const { expected, deltaMs } = schedule(state, segments, null, at(7));
    expect(times(expected)).toEqual(['09:00-09:06', '09:06-09:26', '09:26-09:31']);
    expect(deltaMinutes(deltaMs)).toBe(-4);
  });

  it('counts a pause as time lost', () => {
    const state = pause(start(initialState(3), at(0)), at(2));
    const { expected, deltaMs } = schedule(state, segments, null, at(7));
    expect(times(expected)).toEqual(['09:00-09:15', '09:15-09:35', '09:35-09:40']);
    expect(deltaMinutes(deltaMs)).toBe(5);
  });

  it('measures against a planned start: starting late is behind from the first minute', () => {
    const planned = clockOnDay('09:00', at(0));
    const ready = schedule(initialState(3), segments, planned, at(-20));
    expect(times(ready.expected)).toEqual(['09:00-09:10', '09:10-09:30', '09:30-09:35']);
    expect(ready.deltaMs).toBe(0);
    const late = schedule(initialState(3), segments, planned, at(4));
    expect(times(late.expected)[0]).toBe('09:04-09:14');
    expect(deltaMinutes(late.deltaMs)).toBe(4);
    const started = schedule(start(initialState(3), at(4)), segments, planned, at(5));
    expect(deltaMinutes(started.deltaMs)).toBe(4);
  });

  it('shows actual times for every segment once done', () => {
    const done = next(next(next(start(initialState(3), at(0)), at(11)), at(29)), at(36));
    const { expected, deltaMs } = schedule(done, segments, null, at(50));
    expect(times(expected)).toEqual(['09:00-09:11', '09:11-09:29', '09:29-09:36']);
    expect(deltaMinutes(deltaMs)).toBe(1);
  });
});

describe('clock helpers', () => {
  it('rounds plans to the nearest minute and a wall clock down', () => {
    expect(clockTime(at(9, 40))).toBe('09:10');
    expect(clockTime(at(9, 40), 'down')).toBe('09:09');
    expect(clockOnDay('14:05', at(0))).toBe(new Date(2026, 11, 7, 14, 5).getTime());
    expect(deltaMinutes(-20_000)).toBe(0);
  });
});

describe('restoreState', () => {
  const running: RunState = next(start(initialState(3), at(0)), at(12));

  it('reads back what was stored', () => {
    expect(restoreState(JSON.stringify(running), 3)).toEqual(running);
  });

  it.each([
    ['nothing', null],
    ['broken JSON', '{'],
    ['not an object', '42'],
    ['another session length', JSON.stringify(initialState(2))],
    ['an index out of range', JSON.stringify({ ...running, index: 3 })],
    ['an unknown status', JSON.stringify({ ...running, status: 'flying' })],
    ['a negative time', JSON.stringify({ ...running, used: [-1, 0, 0] })],
    ['running without a start', JSON.stringify({ ...running, since: null })],
  ])('starts fresh from %s', (_name, stored) => {
    expect(restoreState(stored, 3)).toEqual(initialState(3));
  });
});

describe('isStale', () => {
  it('leaves a run of today to resume and starts afresh after 12 hours', () => {
    expect(isStale(initialState(3), at(10_000))).toBe(false);
    const started = start(initialState(3), at(0));
    expect(isStale(started, at(12 * 60))).toBe(false);
    expect(isStale(started, at(12 * 60 + 1))).toBe(true);
  });
});
