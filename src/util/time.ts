/**
 * Times as a facilitator reads them: durations ("1 h 55 min") and the running
 * clock of a play's steps ("0:10–0:25", minutes from the start of the play).
 * Pure and tiny: the composer island imports it too.
 */

/** "45 min", "1 h", "1 h 55 min". */
export function formatDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** Minutes from the start of a play as a running clock, `H:MM`: 0 → "0:00", 75 → "1:15". */
export function clockOffset(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

export interface TimedStep<T> {
  step: T;
  /** Offsets from the start of the play, `H:MM`. */
  start: string;
  end: string;
}

/** Each step with its running-clock offsets; the last `end` is the play's run time. */
export function timedSteps<T extends { minutes: number }>(steps: readonly T[]): TimedStep<T>[] {
  let clock = 0;
  return steps.map((step) => {
    const start = clock;
    clock += step.minutes;
    return { step, start: clockOffset(start), end: clockOffset(clock) };
  });
}
