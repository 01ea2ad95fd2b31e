/**
 * Run mode's island, bundled into the run pages only. It plans the session
 * from the embedded plays (and, on the session page, the composer's address),
 * keeps the run state in localStorage under the session's key, and redraws
 * from the pure clock (src/plays/run-clock.ts) four times a second. Text
 * goes in with textContent only. Screen readers hear the live region, which
 * changes on a step change and once per cue, never on a tick.
 */
import { el, fill } from '../../lib/dom.ts';
import {
  clockOnDay,
  clockTime,
  countdown,
  deltaMinutes,
  formatCountdown,
  initialState,
  isStale,
  next,
  previous,
  restoreState,
  schedule,
  toggle,
  type Cue,
  type RunState,
  type Span,
} from '../../plays/run-clock.ts';
import { planSession, runQuery, sessionFromQuery, type RunPlan, type RunPlay } from '../../plays/run-plan.ts';
import { runStrings as t } from '../../plays/run-strings.ts';

const TICK_MS = 250;

function readStored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null; // storage blocked: the run still works, it just does not survive a reload
  }
}

function store(key: string, state: RunState | null): void {
  try {
    if (state) localStorage.setItem(key, JSON.stringify(state));
    else localStorage.removeItem(key);
  } catch {
    /* storage full or blocked */
  }
}

/** Holds a screen wake lock while the timer runs, where the browser offers one. */
function wakeLock(onChange: (held: boolean) => void) {
  let sentinel: WakeLockSentinel | null = null;
  let wanted = false;
  const acquire = async () => {
    if (!('wakeLock' in navigator) || sentinel || document.visibilityState !== 'visible') return;
    try {
      sentinel = await navigator.wakeLock.request('screen');
      sentinel.addEventListener('release', () => {
        sentinel = null;
        onChange(false);
      });
      if (!wanted) void sentinel.release();
      else onChange(true);
    } catch {
      // Refused (battery saver, a policy): the timer works without it.
    }
  };
  const release = () => {
    const held = sentinel;
    sentinel = null;
    if (held) void held.release().catch(() => undefined);
  };
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && wanted) void acquire();
    else release();
  });
  return (want: boolean) => {
    wanted = want;
    if (want) void acquire();
    else release();
  };
}

export function mountRun(root: HTMLElement, now: () => number = () => Date.now()): void {
  const q = <T extends Element>(selector: string) => root.querySelector<T>(selector) as T;
  const notice = q<HTMLElement>('[data-notice]');
  const plays = JSON.parse(root.dataset.plays ?? '[]') as RunPlay[];

  let plan: RunPlan;
  if (root.dataset.mode === 'session') {
    const session = sessionFromQuery(location.search, plays);
    const back = q<HTMLAnchorElement>('[data-back]');
    // Back to the composer with every choice, the pack's title and team included.
    back.href = `${root.dataset.composer ?? ''}${runQuery(session.compose)}`;
    const notes = session.unknown.length > 0 ? [fill(t.unknown, { ids: session.unknown.join(', ') })] : [];
    try {
      if (session.plays.length === 0) throw new Error(t.noPlays);
      plan = planSession(session.plays, { start: session.start, breakMinutes: session.breakMinutes });
    } catch (error) {
      notice.textContent = [...notes, (error as Error).message].join(' ');
      notice.hidden = false;
      return;
    }
    if (notes.length > 0) {
      notice.textContent = notes.join(' ');
      notice.hidden = false;
    }
  } else {
    plan = planSession(plays, { start: null, breakMinutes: 0 });
  }

  const segments = plan.segments;
  let state = restoreState(readStored(plan.key), segments.length);
  // Last week's run of the same session is not resumed.
  if (isStale(state, now())) state = initialState(segments.length);

  const stage = q<HTMLElement>('[data-stage]');
  const position = q<HTMLElement>('[data-position]');
  const title = q<HTMLElement>('[data-title]');
  const digits = q<HTMLElement>('[data-countdown]');
  const countdownLabel = q<HTMLElement>('[data-countdown-label]');
  const cueText = q<HTMLElement>('[data-cue-text]');
  const progress = q<HTMLProgressElement>('[data-progress]');
  const toggleButton = q<HTMLButtonElement>('[data-toggle]');
  const previousButton = q<HTMLButtonElement>('[data-previous]');
  const nextButton = q<HTMLButtonElement>('[data-next]');
  const status = q<HTMLElement>('[data-status]');
  const delta = q<HTMLElement>('[data-delta]');
  const planned = q<HTMLElement>('[data-planned]');
  const expected = q<HTMLElement>('[data-expected]');
  const expectedLabel = q<HTMLElement>('[data-expected-label]');
  const nowClock = q<HTMLElement>('[data-now]');
  const instructions = q<HTMLElement>('[data-instructions]');
  const facilitator = q<HTMLElement>('[data-facilitator]');
  const facilitatorText = q<HTMLElement>('[data-facilitator-text]');
  const prompts = q<HTMLElement>('[data-prompts]');
  const promptList = q<HTMLElement>('[data-prompt-list]');
  const agenda = q<HTMLTableSectionElement>('[data-agenda]');
  const live = q<HTMLElement>('[data-live]');
  const wakeNote = q<HTMLElement>('[data-wake]');
  const setWake = wakeLock((held) => {
    wakeNote.hidden = !held;
  });

  // The session list: one row per segment, with a heading row per play in a session of several.
  const several = new Set(segments.map((segment) => segment.playId).filter(Boolean)).size > 1;
  const rows: { row: HTMLTableRowElement; planned: HTMLElement; expected: HTMLElement }[] = [];
  let playId = '';
  for (const segment of segments) {
    if (several && segment.kind === 'step' && segment.playId !== playId) {
      playId = segment.playId;
      const head = el('tr', undefined, 'play');
      const cell = el('th', segment.playTitle);
      cell.colSpan = 3;
      cell.scope = 'colgroup';
      head.append(cell);
      agenda.append(head);
    }
    const row = el('tr', undefined, segment.kind);
    const plannedCell = el('td');
    const expectedCell = el('td');
    row.append(plannedCell, expectedCell, el('td', segment.title, 'title'));
    agenda.append(row);
    rows.push({ row, planned: plannedCell, expected: expectedCell });
  }

  const span = (value: Span) => `${clockTime(value.start)}–${clockTime(value.end)}`;
  const plannedStart = () => (plan.start ? clockOnDay(plan.start, state.startedAt ?? now()) : null);

  let shownIndex = -1;
  let lastCue: Cue | null = null;

  const showStep = () => {
    const segment = segments[state.index];
    if (!segment) return;
    shownIndex = state.index;
    const where =
      segment.kind === 'break' ? t.breakLabel : fill(t.stepOf, { n: String(segment.stepNumber), count: String(segment.stepCount) });
    position.textContent = several && segment.kind === 'step' ? `${where} · ${segment.playTitle}` : where;
    title.textContent = segment.title;
    const step = segment.step;
    const following = segments[state.index + 1];
    instructions.textContent = step ? step.instructions : fill(t.breakText, { next: following?.title ?? '' });
    facilitatorText.textContent = step?.facilitator ?? '';
    facilitator.hidden = !step?.facilitator;
    promptList.replaceChildren(
      ...(step?.prompts ?? []).map((prompt) => {
        const item = el('li');
        item.append(
          el('strong', `${fill(t.question, { n: String(prompt.number) })}: `),
          prompt.question,
          el('span', prompt.answer, 'answer'),
        );
        return item;
      }),
    );
    prompts.hidden = !step || step.prompts.length === 0;
    rows.forEach(({ row }, i) => {
      if (i === state.index) row.setAttribute('aria-current', 'step');
      else row.removeAttribute('aria-current');
    });
  };

  const announce = (text: string) => {
    live.textContent = text;
  };
  const announceStep = () => {
    const segment = segments[state.index];
    if (!segment) return;
    announce(
      state.status === 'done'
        ? t.announceDone
        : fill(t.announceStep, { position: position.textContent ?? '', title: segment.title, minutes: String(segment.minutes) }),
    );
  };

  const draw = () => {
    const at = now();
    if (state.index !== shownIndex) showStep();
    const segment = segments[state.index];
    const clock = countdown(state, segments, at);
    const times = schedule(state, segments, plannedStart(), at);
    const done = state.status === 'done';

    digits.textContent = formatCountdown(done ? 0 : clock.remainingMs);
    countdownLabel.textContent = clock.remainingMs < 0 && !done ? t.overrun : t.countdown;
    progress.max = Math.max(1, clock.plannedMs);
    progress.value = Math.min(clock.plannedMs, Math.max(0, clock.plannedMs - clock.remainingMs));
    const cue: Cue = done || state.status === 'ready' ? 'none' : clock.cue;
    stage.dataset.cue = cue;
    cueText.hidden = cue === 'none';
    cueText.textContent = cue === 'warning' ? fill(t.warning, { left: formatCountdown(clock.remainingMs) }) : cue === 'over' ? t.over : '';
    if (lastCue !== null && cue !== lastCue && cue !== 'none' && segment) {
      announce(fill(cue === 'warning' ? t.announceWarning : t.announceOver, { title: segment.title }));
    }
    lastCue = cue;

    toggleButton.textContent = state.status === 'running' ? t.pause : state.status === 'paused' ? t.resume : t.start;
    toggleButton.disabled = done;
    previousButton.disabled = state.index === 0 && !done;
    nextButton.disabled = done;
    nextButton.textContent = state.index === segments.length - 1 && state.status !== 'ready' ? t.finish : t.next;
    status.textContent = { ready: t.ready, running: t.running, paused: t.paused, done: t.done }[state.status];
    const minutes = deltaMinutes(times.deltaMs);
    delta.textContent = minutes === 0 ? t.onTime : fill(minutes > 0 ? t.behind : t.ahead, { minutes: String(Math.abs(minutes)) });

    const current = state.index;
    planned.textContent = span(times.planned[current] as Span);
    expected.textContent = span(times.expected[current] as Span);
    expectedLabel.textContent = done ? t.actual : t.expected;
    nowClock.textContent = clockTime(at, 'down');
    rows.forEach((row, i) => {
      const p = span(times.planned[i] as Span);
      const e = span(times.expected[i] as Span);
      if (row.planned.textContent !== p) row.planned.textContent = p;
      if (row.expected.textContent !== e) row.expected.textContent = e;
      row.expected.classList.toggle('moved', p !== e);
      row.row.classList.toggle('past', i < current || (done && i === current));
    });
  };

  const act = (change: (state: RunState, now: number) => RunState) => {
    const before = state;
    state = change(state, now());
    if (state === before) return;
    store(plan.key, state);
    setWake(state.status === 'running');
    const moved = state.index !== before.index || (state.status === 'done') !== (before.status === 'done');
    if (moved) lastCue = null;
    draw();
    if (moved) announceStep();
  };

  toggleButton.addEventListener('click', () => act(toggle));
  nextButton.addEventListener('click', () => act(next));
  previousButton.addEventListener('click', () => act(previous));
  q<HTMLButtonElement>('[data-reset]').addEventListener('click', () => {
    state = initialState(segments.length);
    store(plan.key, null);
    setWake(false);
    lastCue = null;
    shownIndex = -1;
    draw();
    announceStep();
  });
  document.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const target = event.target instanceof Element ? event.target : null;
    if (target?.closest('input, select, textarea, [contenteditable]')) return;
    if (event.key === ' ') {
      // On a button or link, Space already activates it.
      if (target?.closest('button, a, summary')) return;
      event.preventDefault();
      act(toggle);
    } else if (event.key === 'ArrowRight' || event.key === 'PageDown') {
      event.preventDefault();
      act(next);
    } else if (event.key === 'ArrowLeft' || event.key === 'PageUp') {
      event.preventDefault();
      act(previous);
    }
  });

  // Full screen hides the browser and the site's header, for a projector.
  const fullscreen = q<HTMLButtonElement>('[data-fullscreen]');
  if (document.fullscreenEnabled) {
    fullscreen.hidden = false;
    fullscreen.addEventListener('click', () => {
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
      else void root.requestFullscreen().catch(() => undefined);
    });
    document.addEventListener('fullscreenchange', () => {
      fullscreen.textContent = document.fullscreenElement ? t.exitFullscreen : t.fullscreen;
    });
  }

  // A button clicked with a pointer gives focus back to the page, so the next Space starts or
  // pauses instead of pressing that button again; a button pressed from the keyboard keeps focus.
  root.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    if (button && event.detail > 0) button.blur();
  });

  q<HTMLElement>('[data-body]').hidden = false;
  draw();
  setWake(state.status === 'running');
  setInterval(draw, TICK_MS);
}
