/**
 * The session composer's island: the only JavaScript in the plays section.
 * It reads the play data from the checkboxes' data-play attributes and the
 * strings from the root's data-strings (so src/lib/ui.ts stays out of the
 * bundle), keeps the state in the address with history.replaceState, and
 * renders the agenda with buildAgenda. DOM is built with textContent only.
 */
import { buildAgenda, type AgendaPlay } from '../../worksheets/agenda.ts';
import { isClock, packCommand, parseBreak, parseComposeState, serializeComposeState, type ComposeState } from '../../plays/compose-state.ts';
import { formatDuration } from '../../util/time.ts';
import { el, fill } from '../../lib/dom.ts';

type Strings = Record<'empty' | 'summary' | 'summaryOne' | 'unknown', string>;


export function mountComposer(root: HTMLElement): void {
  const q = <T extends Element>(selector: string) => root.querySelector<T>(selector) as T;
  const controls = q<HTMLElement>('[data-controls]');
  const boxes = [...controls.querySelectorAll<HTMLInputElement>('input[name=plays]')];
  const start = q<HTMLInputElement>('input[name=start]');
  const breakInput = q<HTMLInputElement>('input[name=break]');
  const agenda = q<HTMLElement>('[data-agenda]');
  const summary = q<HTMLElement>('[data-summary]');
  const notice = q<HTMLElement>('[data-notice]');
  const table = q<HTMLTableElement>('[data-agenda] table');
  const cli = q<HTMLElement>('[data-cli]');
  const run = q<HTMLAnchorElement>('[data-run]');
  const runPath = run.pathname;
  const example = cli.textContent ?? '';
  const strings = JSON.parse(root.dataset.strings ?? '{}') as Strings;
  const plays = new Map<string, AgendaPlay>(boxes.map((box) => [box.value, { id: box.value, ...JSON.parse(box.dataset.play ?? '{}') }]));

  const parsed = parseComposeState(location.search, [...plays.keys()]);
  const state: ComposeState = { plays: parsed.plays, start: parsed.start, breakMinutes: parsed.breakMinutes };
  for (const box of boxes) box.checked = state.plays.includes(box.value);
  start.value = state.start;
  breakInput.value = String(state.breakMinutes);
  if (parsed.unknown.length > 0) notice.textContent = fill(strings.unknown, { ids: parsed.unknown.join(', ') });

  const render = () => {
    const body = table.tBodies[0] as HTMLTableSectionElement;
    body.replaceChildren();
    table.hidden = true;
    run.hidden = true;
    cli.textContent = state.plays.length > 0 ? packCommand(state) : example;
    if (state.plays.length === 0) {
      summary.textContent = strings.empty;
      return;
    }
    try {
      const result = buildAgenda(state.plays.map((id) => plays.get(id) as AgendaPlay), { start: state.start, breakMinutes: state.breakMinutes });
      let playId: string | null = null;
      for (const item of result.items) {
        if (item.kind === 'step' && item.playId !== playId) {
          playId = item.playId;
          const row = el('tr', undefined, 'play');
          const cell = el('th', item.playTitle);
          cell.colSpan = 3;
          cell.scope = 'colgroup';
          row.append(cell);
          body.append(row);
        }
        const row = el('tr', undefined, item.kind);
        row.append(el('td', `${item.start}–${item.end}`), el('td', item.title), el('td', String(item.minutes)));
        body.append(row);
      }
      table.hidden = false;
      // Run mode reads the same address format as this page.
      run.href = `${runPath}${serializeComposeState(state)}`;
      run.hidden = false;
      const count = String(state.plays.length);
      summary.textContent = fill(state.plays.length === 1 ? strings.summaryOne : strings.summary, {
        count,
        duration: formatDuration(result.totalMinutes),
        start: result.start,
        end: result.end,
      });
    } catch (error) {
      // buildAgenda explains what is wrong (a session past midnight); show it as it is.
      summary.textContent = (error as Error).message;
    }
  };

  const update = (event: Event) => {
    const target = event.target as HTMLInputElement;
    if (target.name === 'plays') {
      // Session order is the order of ticking, so a later tick goes last.
      state.plays = state.plays.filter((id) => id !== target.value);
      if (target.checked) state.plays.push(target.value);
    }
    if (isClock(start.value)) state.start = start.value;
    state.breakMinutes = parseBreak(breakInput.value);
    history.replaceState(null, '', `${location.pathname}${serializeComposeState(state)}`);
    render();
  };

  controls.addEventListener('input', update);
  q<HTMLButtonElement>('[data-print]').addEventListener('click', () => window.print());
  controls.hidden = false;
  agenda.hidden = false;
  render();
}
