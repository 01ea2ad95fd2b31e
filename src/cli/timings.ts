/** How the build times its steps for its last line (`build: done in … (pages 20.1 s, …)`). */

/** Seconds since `started` (a `performance.now()`), to one decimal. */
export const secondsSince = (started: number): string => ((performance.now() - started) / 1000).toFixed(1);

/** Runs `work` and notes how long it took under `name` (and what `detail` says of its result). */
export function timed<T>(timings: string[], name: string, work: () => T, detail?: (result: T) => string): T {
  const started = performance.now();
  const result = work();
  timings.push(`${name} ${secondsSince(started)} s${detail ? ` (${detail(result)})` : ''}`);
  return result;
}
