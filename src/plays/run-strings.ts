/**
 * The words of run mode (/plays/<id>/run/ and /plays/compose/run/). Kept apart
 * from src/lib/ui.ts because the run page's script bundles them: ui.ts would
 * bring every other page's strings along. Templates hold `{name}` placeholders.
 */
export const runStrings = {
  label: 'Run mode',
  /** Links to run mode from the composer and from a play's guide. */
  runSession: 'Run this session',
  runPlay: 'Run this play',
  runPlayHint: 'one step at a time with a countdown, to project in the room',
  title: (play: string) => `Run: ${play}`,
  sessionTitle: 'Run the session',
  description: 'One step at a time, in large type, with a countdown and the session’s clock times.',
  offline:
    'Once this page is open it needs no connection: every step and the timer are in the page. It keeps its place in this browser, so a reload resumes where you were.',
  keys: 'Keys: Space starts and pauses, the arrow keys (or Page Up and Page Down) move between steps.',
  noScript: 'Run mode needs JavaScript for its timer. Every step, with its time, is on the play’s page:',
  backToPlay: 'Back to the play',
  backToComposer: 'Change the session',
  noPlays: 'No plays chosen. Pick plays in the session planner, then choose “Run this session”.',
  unknown: 'Not found and left out: {ids}.',
  // Controls.
  controls: 'Timer controls',
  start: 'Start',
  resume: 'Resume',
  pause: 'Pause',
  previous: 'Previous',
  next: 'Next',
  finish: 'Finish',
  reset: 'Start over',
  fullscreen: 'Full screen',
  exitFullscreen: 'Leave full screen',
  // The step on screen.
  stepOf: 'Step {n} of {count}',
  breakLabel: 'Break',
  breakText: 'Time for a break. The next step is “{next}”.',
  facilitator: 'Facilitator',
  prompts: 'On the worksheet',
  question: 'Question {n}',
  // Clock and status.
  countdown: 'Time left',
  overrun: 'Over time',
  planned: 'Planned',
  expected: 'Expected',
  actual: 'Actual',
  now: 'Now',
  onTime: 'On time',
  behind: '{minutes} min behind',
  ahead: '{minutes} min ahead',
  ready: 'Ready: press Space or Start.',
  paused: 'Paused.',
  running: 'Running.',
  done: 'Session complete.',
  warning: 'Nearly time: {left} left',
  over: 'Time is up',
  // The session list.
  agenda: 'Session',
  /** The session list's column of times as they happened, then as now expected. */
  actualOrExpected: 'Actual / expected',
  stepColumn: 'Step',
  // Announced to screen readers on a step change, and once per cue.
  announceStep: '{position}: {title}, {minutes} min.',
  announceWarning: '{title}: nearly time, 20% left.',
  announceOver: '{title}: time is up.',
  announceDone: 'Session complete.',
  wakeLock: 'The screen stays on while the timer runs.',
} as const;

export type RunStrings = typeof runStrings;
