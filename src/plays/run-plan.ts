/**
 * What run mode shows, segment by segment: the plays of a session (one play on
 * its own run page, or the composer's choice) turned into steps and breaks in
 * order, each with what the facilitator reads out. Pure and free of the
 * worksheet renderers: the run page's script bundles it. The play data comes
 * from `runPlay` (run-data.ts) at build time, embedded in the page.
 */
import { buildAgenda } from './agenda.ts';
import { parseComposeState, serializeComposeState, type ComposeState } from './compose-state.ts';

export interface RunPrompt {
  /** The question's number on the worksheet (session order, as the PDFs number it). */
  number: number;
  question: string;
  /** The kind of answer, in the worksheets' words ("Scale from 1 (…) to 5 (…)"). */
  answer: string;
}

export interface RunStep {
  title: string;
  minutes: number;
  instructions: string;
  facilitator?: string;
  prompts: RunPrompt[];
}

export interface RunPlay {
  id: string;
  title: string;
  steps: RunStep[];
}

export interface RunSegment {
  kind: 'step' | 'break';
  playId: string;
  playTitle: string;
  title: string;
  minutes: number;
  /** The step (absent for a break). */
  step?: RunStep;
  /** 1-based number of the step in its play, and the play's step count (0 for a break). */
  stepNumber: number;
  stepCount: number;
}

export interface RunPlan {
  /** Identifies the session in storage: the same plays, start and breaks resume the same run. */
  key: string;
  segments: RunSegment[];
  /** Planned start `HH:MM`, or null to plan from the moment the session is started. */
  start: string | null;
  /** The composer's state, for the link back to it (plays, start, breaks). */
  compose: ComposeState;
}

const STORAGE_PREFIX = 'playbook-run:';

/**
 * The segments of a session: the plays' steps in order, with a break of
 * `breakMinutes` between plays. Throws the agenda's RangeError for a session
 * that would run past midnight or a break out of range.
 */
export function planSession(plays: readonly RunPlay[], options: { start: string | null; breakMinutes: number }): RunPlan {
  // The agenda checks the times; without a planned start any start of the day is as good as midnight.
  const agenda = buildAgenda(plays, { start: options.start ?? '00:00', breakMinutes: options.breakMinutes });
  const byId = new Map(plays.map((play) => [play.id, play]));
  const position = new Map<string, number>();
  const segments = agenda.items.map((item): RunSegment => {
    if (item.kind === 'break')
      return { kind: 'break', playId: '', playTitle: '', title: item.title, minutes: item.minutes, stepNumber: 0, stepCount: 0 };
    const play = byId.get(item.playId) as RunPlay;
    const index = position.get(item.playId) ?? 0;
    position.set(item.playId, index + 1);
    return {
      kind: 'step',
      playId: play.id,
      playTitle: play.title,
      title: item.title,
      minutes: item.minutes,
      step: play.steps[index] as RunStep,
      stepNumber: index + 1,
      stepCount: play.steps.length,
    };
  });
  const compose: ComposeState = { plays: plays.map((play) => play.id), start: options.start ?? '', breakMinutes: options.breakMinutes };
  const key = `${STORAGE_PREFIX}${compose.plays.join(',')}|${options.start ?? 'now'}|${options.breakMinutes}`;
  return { key, segments, start: options.start, compose };
}

export interface SessionFromQuery {
  plays: RunPlay[];
  start: string;
  breakMinutes: number;
  /** Ids in the address that name no play. */
  unknown: string[];
  /** Everything the composer's address chose (the pack's title, team, date, paper and format too), for the way back to it. */
  compose: ComposeState;
}

/** The session the composer's address describes (`?plays=a,b&start=09:30&break=10`), from the embedded plays. */
export function sessionFromQuery(query: string, all: readonly RunPlay[]): SessionFromQuery {
  const byId = new Map(all.map((play) => [play.id, play]));
  const { unknown, rejected: _rejected, ...compose } = parseComposeState(query, [...byId.keys()]);
  return {
    plays: compose.plays.map((id) => byId.get(id) as RunPlay),
    start: compose.start,
    breakMinutes: compose.breakMinutes,
    unknown,
    compose,
  };
}

/** The query string of the run page for a composer state: the composer's own, so both pages read one address format. */
export const runQuery = (state: ComposeState): string => serializeComposeState(state);
