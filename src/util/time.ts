/**
 * Times as a facilitator reads them: durations ("1 h 55 min") and running-clock
 * offsets ("0:10", minutes from the start of a play; a play's steps get theirs
 * from `stepTimes` in src/plays/agenda.ts, for the web and print alike).
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
