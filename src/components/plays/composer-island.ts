/**
 * The session composer's island: the only JavaScript in the plays section.
 * It reads the play data from the checkboxes' data-play attributes and the
 * strings from the root's data-strings (so src/lib/ui.ts stays out of the
 * bundle), keeps the state in the address with history.replaceState, renders
 * the session order and the agenda with buildAgenda, and imports the pack
 * maker (pack-download.ts, with pdfkit and the fonts) only when "Download the
 * pack" is pressed. DOM is built with textContent only.
 */
import { buildAgenda, type AgendaPlay } from '../../plays/agenda.ts';
import {
  isClock,
  isIsoDate,
  labelProblem,
  movePlay,
  packCommand,
  parseBreak,
  parseComposeState,
  serializeComposeState,
  type ComposeState,
} from '../../plays/compose-state.ts';
import type { PackSite } from '../../worksheets/pack-data.ts';
import { formatDuration } from '../../util/time.ts';
import { el, fill } from '../../lib/dom.ts';

type Strings = Record<
  | 'empty'
  | 'summary'
  | 'summaryOne'
  | 'unknown'
  | 'rejected'
  | 'moveUp'
  | 'moveDown'
  | 'moved'
  | 'up'
  | 'down'
  | 'making'
  | 'made'
  | 'failed'
  | 'needPlays',
  string
>;

/** "21.4 kB", as the CLI prints sizes. */
const size = (bytes: number) => (bytes < 1000 ? `${bytes} B` : `${(bytes / 1000).toFixed(1)} kB`);

/** Hands the browser a file to save. */
function save(name: string, type: string, bytes: Uint8Array): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not now: some browsers read the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}

export function mountComposer(root: HTMLElement): void {
  const q = <T extends Element>(selector: string) => root.querySelector<T>(selector) as T;
  const controls = q<HTMLElement>('[data-controls]');
  const boxes = [...controls.querySelectorAll<HTMLInputElement>('input[name=plays]')];
  const input = (name: string) => q<HTMLInputElement>(`[name=${name}]`);
  const start = input('start');
  const breakInput = input('break');
  const agenda = q<HTMLElement>('[data-agenda]');
  const summary = q<HTMLElement>('[data-summary]');
  const notice = q<HTMLElement>('[data-notice]');
  const table = q<HTMLTableElement>('[data-agenda] table');
  const cli = q<HTMLElement>('[data-cli]');
  const run = q<HTMLAnchorElement>('[data-run]');
  const orderGroup = q<HTMLElement>('[data-order-group]');
  const order = q<HTMLOListElement>('[data-order]');
  const orderStatus = q<HTMLElement>('[data-order-status]');
  const download = q<HTMLButtonElement>('[data-download]');
  const status = q<HTMLElement>('[data-pack-status]');
  const failure = q<HTMLElement>('[data-pack-error]');
  const runPath = run.pathname;
  const example = cli.textContent ?? '';
  const strings = JSON.parse(root.dataset.strings ?? '{}') as Strings;
  const site = JSON.parse(root.dataset.site ?? '{}') as PackSite;
  const packData = root.dataset.packData ?? '';
  const plays = new Map<string, AgendaPlay>(boxes.map((box) => [box.value, { id: box.value, ...JSON.parse(box.dataset.play ?? '{}') }]));
  const titleOf = (id: string) => plays.get(id)?.title ?? id;

  const parsed = parseComposeState(location.search, [...plays.keys()]);
  const state: ComposeState = { ...parsed };
  for (const box of boxes) box.checked = state.plays.includes(box.value);
  start.value = state.start;
  breakInput.value = String(state.breakMinutes);
  input('title').value = state.title ?? '';
  input('team').value = state.team ?? '';
  input('date').value = state.date ?? '';
  q<HTMLSelectElement>('[name=paper]').value = state.paper ?? 'a4';
  q<HTMLSelectElement>('[name=format]').value = state.format ?? 'pdf';
  const notices = [
    ...(parsed.unknown.length > 0 ? [fill(strings.unknown, { ids: parsed.unknown.join(', ') })] : []),
    ...(parsed.rejected.length > 0 ? [fill(strings.rejected, { names: parsed.rejected.join(', ') })] : []),
  ];
  notice.textContent = notices.join(' ');

  const renderOrder = () => {
    orderGroup.hidden = state.plays.length < 2;
    order.replaceChildren(
      ...state.plays.map((id, index) => {
        const item = el('li');
        const title = titleOf(id);
        const button = (label: string, name: string, by: -1 | 1, disabled: boolean) => {
          const b = el('button', label);
          b.type = 'button';
          b.className = 'button-secondary';
          b.dataset.move = String(by);
          b.dataset.index = String(index);
          b.setAttribute('aria-label', fill(name, { title }));
          // aria-disabled keeps the button focusable at either end, so focus is never lost after a move.
          b.setAttribute('aria-disabled', String(disabled));
          return b;
        };
        item.append(
          el('span', title),
          button(strings.up, strings.moveUp, -1, index === 0),
          button(strings.down, strings.moveDown, 1, index === state.plays.length - 1),
        );
        return item;
      }),
    );
  };

  const render = () => {
    const body = table.tBodies[0] as HTMLTableSectionElement;
    body.replaceChildren();
    table.hidden = true;
    run.hidden = true;
    cli.textContent = state.plays.length > 0 ? packCommand(state) : example;
    renderOrder();
    if (state.plays.length === 0) {
      summary.textContent = strings.empty;
      return;
    }
    try {
      const result = buildAgenda(
        state.plays.map((id) => plays.get(id) as AgendaPlay),
        { start: state.start, breakMinutes: state.breakMinutes },
      );
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

  const remember = () => {
    history.replaceState(null, '', `${location.pathname}${serializeComposeState(state)}`);
    render();
  };

  const update = (event: Event) => {
    const target = event.target as HTMLInputElement | HTMLSelectElement;
    if (target.name === 'plays' && target instanceof HTMLInputElement) {
      // Session order is the order of ticking, so a later tick goes last.
      state.plays = state.plays.filter((id) => id !== target.value);
      if (target.checked) state.plays.push(target.value);
    }
    if (isClock(start.value)) state.start = start.value;
    state.breakMinutes = parseBreak(breakInput.value);
    // Only values the CLI would accept are kept; the inputs' own limits keep the rest out.
    for (const name of ['title', 'team'] as const) {
      const value = input(name).value;
      state[name] = value.trim() && labelProblem(value, name) === null ? value.trim() : undefined;
    }
    state.date = isIsoDate(input('date').value) ? input('date').value : undefined;
    state.paper = q<HTMLSelectElement>('[name=paper]').value === 'letter' ? 'letter' : undefined;
    state.format = q<HTMLSelectElement>('[name=format]').value === 'md' ? 'md' : undefined;
    remember();
  };

  order.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-move]');
    if (!button || button.getAttribute('aria-disabled') === 'true') return;
    const by = Number(button.dataset.move) as -1 | 1;
    const index = Number(button.dataset.index);
    const id = state.plays[index] as string;
    state.plays = movePlay(state.plays, index, by);
    remember();
    const position = state.plays.indexOf(id);
    orderStatus.textContent = fill(strings.moved, {
      title: titleOf(id),
      position: String(position + 1),
      count: String(state.plays.length),
    });
    // Focus follows the play, on the same button, or on the other one at the end of the list.
    const buttons = order.querySelectorAll<HTMLButtonElement>(`li:nth-child(${position + 1}) button`);
    const same = buttons[by === -1 ? 0 : 1];
    (same?.getAttribute('aria-disabled') === 'true' ? buttons[by === -1 ? 1 : 0] : same)?.focus();
  });

  let busy = false;
  /** Makes the pack of the current state and hands it to the browser; says what happened in the status or error region. */
  const makeAndSave = async () => {
    busy = true;
    download.setAttribute('aria-busy', 'true');
    download.setAttribute('aria-disabled', 'true');
    status.textContent = strings.making;
    const started = performance.now();
    const snapshot: ComposeState = { ...state, plays: [...state.plays] };
    try {
      const { makePack } = await import('./pack-download.ts');
      const pack = await makePack(snapshot, site, (id) => packData.replace('__id__', encodeURIComponent(id)));
      save(pack.name, pack.type, pack.bytes);
      const milliseconds = Math.round(performance.now() - started);
      status.textContent = fill(strings.made, {
        name: pack.name,
        size: size(pack.bytes.byteLength),
        seconds: (milliseconds / 1000).toFixed(1),
      });
      root.dataset.packMilliseconds = String(milliseconds);
    } catch (error) {
      status.textContent = '';
      failure.textContent = fill(strings.failed, { reason: error instanceof Error ? error.message : String(error) });
    } finally {
      busy = false;
      download.removeAttribute('aria-busy');
      download.setAttribute('aria-disabled', 'false');
    }
  };

  download.addEventListener('click', () => {
    if (busy) return;
    failure.textContent = '';
    if (state.plays.length === 0) {
      failure.textContent = strings.needPlays;
      return;
    }
    void makeAndSave();
  });

  controls.addEventListener('input', update);
  q<HTMLButtonElement>('[data-print]').addEventListener('click', () => window.print());
  controls.hidden = false;
  agenda.hidden = false;
  render();
}
