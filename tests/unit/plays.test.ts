import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_START,
  packCommand,
  parseBreak,
  parseComposeState,
  movePlay,
  labelProblem,
  isIsoDate,
  MAX_LABEL,
  MAX_PLAYS,
  serializeComposeState,
  shellQuote,
  type ComposeState,
} from '../../src/plays/compose-state.ts';
import { PAPERS, VIEWS, worksheetFiles } from '../../src/plays/downloads.ts';
import {
  describeFilter,
  filteredViews,
  filterGroups,
  filterPlays,
  filterRoute,
  groupByTheme,
  matches,
  NO_FILTER,
  SIZE_BUCKETS,
  THEME_FILTERS,
  TIME_BUCKETS,
  type PlayFilter,
} from '../../src/plays/filters.ts';
import { describeAnswer, promptsInSessionOrder, promptSteps, range } from '../../src/plays/prompts.ts';
import type { PlaySummary } from '../../src/plays/summary.ts';
import { clockOffset, formatDuration } from '../../src/util/time.ts';
import { buildAgenda, stepTimes } from '../../src/plays/agenda.ts';
import { loadWorksheetContent } from '../../src/worksheets/load.ts';
import { strings } from '../../src/plays/strings.ts';
import { runStrings } from '../../src/plays/run-strings.ts';
import { planPlayFiles } from '../../src/worksheets/plan.ts';
import { SITE_FIXTURE } from '../helpers/fixtures.ts';
import { RENDERERS } from '../../src/worksheets/renderers/index.ts';

const play = (id: string, theme: PlaySummary['theme'], runMinutes: number, min: number, max: number): PlaySummary => ({
  id,
  title: id,
  purpose: `${id} purpose`,
  theme,
  prepMinutes: 10,
  runMinutes,
  groupSize: { min, max },
});
const short = play('short', 'customer-obsession', 30, 2, 4);
const medium = play('medium', 'cheng-chi', 45, 3, 8);
const hour = play('hour', 'customer-obsession', 60, 5, 12);
const long = play('long', 'sears-to-amazon', 90, 10, 20);
const all = [short, medium, hour, long];
const ids = (list: PlaySummary[]) => list.map((p) => p.id);
const f = (change: Partial<PlayFilter>): PlayFilter => ({ ...NO_FILTER, ...change });

describe('play filters', () => {
  it('shows everything with no filter', () => {
    expect(ids(filterPlays(all, NO_FILTER))).toEqual(['short', 'medium', 'hour', 'long']);
  });

  it.each([
    [f({ theme: 'customer-obsession' }), ['short', 'hour']],
    [f({ theme: 'sears-to-amazon' }), ['long']],
    // "Up to" time buckets nest, so a 30-minute play fits every one of them.
    [f({ time: 'up-to-30-min' }), ['short']],
    [f({ time: 'up-to-45-min' }), ['short', 'medium']],
    [f({ time: 'up-to-60-min' }), ['short', 'medium', 'hour']],
    [f({ time: 'over-60-min' }), ['long']],
    // A group size fits when the play's range overlaps the bucket, ends included.
    [f({ size: 'up-to-4-people' }), ['short', 'medium']],
    [f({ size: '5-to-8-people' }), ['medium', 'hour']],
    [f({ size: '9-to-12-people' }), ['hour', 'long']],
    [f({ size: '13-or-more-people' }), ['long']],
    [f({ theme: 'customer-obsession', time: 'up-to-45-min', size: 'up-to-4-people' }), ['short']],
    [f({ theme: 'cheng-chi', time: 'over-60-min' }), []],
  ])('%j matches %j', (filter, expected) => {
    expect(ids(filterPlays(all, filter))).toEqual(expected);
  });

  it('matches the bucket edges exactly', () => {
    expect(matches(play('x', 'cheng-chi', 61, 13, 13), f({ time: 'over-60-min', size: '13-or-more-people' }))).toBe(true);
    expect(matches(play('x', 'cheng-chi', 61, 13, 13), f({ time: 'up-to-60-min' }))).toBe(false);
    expect(matches(play('x', 'cheng-chi', 30, 4, 4), f({ size: '5-to-8-people' }))).toBe(false);
  });

  it('groups by theme in the themes’ order and leaves empty themes out', () => {
    const groups = groupByTheme([long, hour, medium, short]);
    expect(groups.map((g) => [g.theme, ids(g.plays)])).toEqual([
      ['customer-obsession', ['hour', 'short']],
      ['cheng-chi', ['medium']],
      ['sears-to-amazon', ['long']],
    ]);
    expect(groupByTheme([medium]).map((g) => g.theme)).toEqual(['cheng-chi']);
  });

  it('gives each combination one route; the unfiltered one is /plays/', () => {
    expect(filterRoute(NO_FILTER)).toBe('/plays/');
    expect(filterRoute(f({ theme: 'cheng-chi' }))).toBe('/plays/filter/cheng-chi/any-length/any-size/');
    const views = filteredViews();
    expect(views).toHaveLength(THEME_FILTERS.length * TIME_BUCKETS.length * SIZE_BUCKETS.length - 1);
    const routes = views.map(filterRoute);
    expect(new Set(routes).size).toBe(routes.length);
    expect(routes).not.toContain('/plays/');
    for (const route of routes) expect(route).toMatch(/^\/plays\/filter\/[a-z0-9-]+\/[a-z0-9-]+\/[a-z0-9-]+\/$/);
  });

  it('offers every option with the count it would show, keeping the other filters', () => {
    const groups = filterGroups(all, f({ theme: 'customer-obsession' }));
    expect(groups.map((g) => g.dimension)).toEqual(['theme', 'time', 'size']);
    const [theme, time] = groups;
    expect(theme?.options.map((o) => [o.id, o.count, o.current])).toEqual([
      ['all-themes', 4, false],
      ['customer-obsession', 2, true],
      ['cheng-chi', 1, false],
      ['sears-to-amazon', 1, false],
    ]);
    expect(theme?.options[0]?.route).toBe('/plays/');
    expect(time?.options.map((o) => o.count)).toEqual([2, 1, 1, 2, 0]);
    expect(time?.options[1]).toMatchObject({ label: 'Up to 30 min', route: '/plays/filter/customer-obsession/up-to-30-min/any-size/' });
  });

  it('describes the active filters in words', () => {
    expect(describeFilter(NO_FILTER)).toBe('');
    expect(describeFilter(f({ theme: 'cheng-chi', time: 'up-to-45-min' }))).toBe('Cheng and chi, up to 45 min');
    expect(describeFilter(f({ size: '5-to-8-people' }))).toBe('5–8 people');
  });
});

describe('step times', () => {
  it.each([
    [0, '0 min', '0:00'],
    [45, '45 min', '0:45'],
    [60, '1 h', '1:00'],
    [115, '1 h 55 min', '1:55'],
  ])('%i minutes: %s, clock %s', (minutes, duration, clock) => {
    expect(formatDuration(minutes)).toBe(duration);
    expect(clockOffset(minutes)).toBe(clock);
  });

  it('runs a clock through the steps', () => {
    const steps = stepTimes([{ minutes: 10 }, { minutes: 25 }, { minutes: 40 }]);
    expect(steps.map((s) => `${s.start}–${s.end}`)).toEqual(['0:00–0:10', '0:10–0:35', '0:35–1:15']);
  });
});

describe('prompts', () => {
  it('lists prompts in the order the session reaches them, as the worksheets number them', () => {
    const prompts = ['a', 'b', 'c'].map((id) => ({ id, question: `Question ${id}?`, kind: 'yesno' as const }));
    const steps = [
      { title: 'One', minutes: 5, instructions: 'Do it.', prompts: ['c'] },
      { title: 'Two', minutes: 5, instructions: 'Do it.', prompts: ['a', 'c'] },
    ];
    expect(promptsInSessionOrder({ steps, prompts }).map((p) => p.id)).toEqual(['c', 'a', 'b']);
  });

  it.each([
    [{ id: 'a', question: 'What do they say?', kind: 'lines', lines: 1 }, 'Free text, 1 line'],
    [{ id: 'a', question: 'What do they say?', kind: 'lines', lines: 4 }, 'Free text, 4 lines'],
    [{ id: 'a', question: 'How well do we know?', kind: 'scale', low: 'Badly', high: 'Well' }, 'Scale from 1 (Badly) to 5 (Well)'],
    [{ id: 'a', question: 'Which channels apply?', kind: 'checklist', options: ['Phone', 'Email'] }, 'Tick all that apply: Phone, Email'],
    [{ id: 'a', question: 'Did we agree on it?', kind: 'yesno' }, 'Yes or no'],
    [
      { id: 'a', question: 'Sort them all out?', kind: 'grid', rows: ['Expected', 'Surprising'], columns: ['Now', 'Next'] },
      'Two-by-two grid: Expected / Surprising by Now / Next',
    ],
    [
      { id: 'a', question: 'Who does what, when?', kind: 'table', columns: ['Action', 'Owner'], rows: 3 },
      'Table with 3 rows: Action, Owner',
    ],
  ] as const)('describes %j', (prompt, words) => {
    expect(describeAnswer(prompt as never)).toBe(words);
  });

  it('knows which steps answer each prompt, once per step', () => {
    const map = promptSteps([{ prompts: ['a', 'b'] }, { prompts: [] }, { prompts: ['a', 'a'] }]);
    expect(Object.fromEntries(map)).toEqual({ a: [1, 3], b: [1] });
  });

  it('ranges over whole non-negative counts', () => {
    expect(range(3)).toEqual([0, 1, 2]);
    expect(range(0)).toEqual([]);
    expect(range(-2)).toEqual([]);
  });
});

describe('worksheet downloads', () => {
  it('names the files the worksheet generator writes', () => {
    expect(worksheetFiles('three-questions', 'participant').map((file) => file.route)).toEqual([
      '/worksheets/three-questions/participant-a4.pdf',
      '/worksheets/three-questions/participant-letter.pdf',
      '/worksheets/three-questions/participant.md',
    ]);
    expect(worksheetFiles('x', 'facilitator').map((file) => [file.format, file.paper])).toEqual([
      ['pdf', 'a4'],
      ['pdf', 'letter'],
      ['md', undefined],
    ]);
  });

  it('calls a break the same in the agenda (composer page), the pack and run mode', () => {
    const agenda = buildAgenda(
      [
        { id: 'a', title: 'A', steps: [{ title: 'S', minutes: 5 }] },
        { id: 'b', title: 'B', steps: [{ title: 'S', minutes: 5 }] },
      ],
      { start: '09:00', breakMinutes: 5 },
    );
    expect(agenda.items[1]).toMatchObject({ kind: 'break', title: strings.pack.breakRow });
    expect(runStrings.breakLabel).toBe(strings.pack.breakRow);
  });

  it('links to exactly the files the worksheet generator writes', () => {
    const plays = loadWorksheetContent(SITE_FIXTURE).plays.filter((play) => play.id === 'fixture-play');
    const planned = planPlayFiles(
      plays,
      { siteUrl: 'https://x.org', basePath: '/' },
      { views: VIEWS, papers: PAPERS, renderers: RENDERERS },
    );
    const linked = VIEWS.flatMap((view) => worksheetFiles('fixture-play', view));
    expect(linked.map((file) => file.route).sort()).toEqual(planned.map((file) => `/worksheets/${file.path}`).sort());
    expect(linked.map((file) => [file.view, file.format, file.paper])).toEqual(planned.map((file) => [file.view, file.format, file.paper]));
  });
});

describe('composer state in the address', () => {
  const known = ['a', 'b', 'c'];

  it.each<ComposeState>([
    { plays: ['a'], start: '09:30', breakMinutes: 0 },
    { plays: ['c', 'a'], start: '13:05', breakMinutes: 10 },
    { plays: ['a', 'b', 'c'], start: '00:00', breakMinutes: 120 },
    {
      plays: ['b', 'a'],
      start: '13:00',
      breakMinutes: 10,
      title: 'Support & Sales: Q1 offsite',
      team: 'Zoë Łukasz Ærø',
      date: '2027-01-15',
      paper: 'letter',
      format: 'md',
    },
  ])('round-trips %j', (state) => {
    const query = serializeComposeState(state);
    expect(parseComposeState(query, known)).toEqual({ ...state, unknown: [], rejected: [] });
  });

  it('writes a readable address', () => {
    expect(serializeComposeState({ plays: ['a', 'b'], start: '09:30', breakMinutes: 10 })).toBe('?plays=a,b&start=09:30&break=10');
    expect(serializeComposeState({ plays: ['a'], start: '09:30', breakMinutes: 0 })).toBe('?plays=a&start=09:30');
    expect(serializeComposeState({ plays: [], start: '11:00', breakMinutes: 5 })).toBe('');
    expect(serializeComposeState({ plays: ['a'], start: 'noon', breakMinutes: 500 })).toBe('?plays=a&start=09:30');
  });

  it('starts empty at the default time', () => {
    expect(parseComposeState('', known)).toEqual({ plays: [], start: DEFAULT_START, breakMinutes: 0, unknown: [], rejected: [] });
  });

  it('keeps the pack’s title, team, date, paper and format, leaving defaults out of the address', () => {
    const state: ComposeState = {
      plays: ['a'],
      start: '09:30',
      breakMinutes: 0,
      title: ' Offsite ',
      team: 'A&B #1',
      date: '2027-01-15',
      paper: 'a4',
      format: 'pdf',
    };
    expect(serializeComposeState(state)).toBe('?plays=a&start=09:30&title=Offsite&team=A%26B%20%231&date=2027-01-15');
    expect(parseComposeState(serializeComposeState(state), known)).toMatchObject({
      title: 'Offsite',
      team: 'A&B #1',
      date: '2027-01-15',
      paper: undefined,
      format: undefined,
    });
  });

  it.each([
    ['?plays=a&team=' + 'x'.repeat(81), 'team'],
    ['?plays=a&team=%20%20', 'team'],
    ['?plays=a&title=two%0Alines', 'title'],
    ['?plays=a&date=2027-02-30', 'date'],
    ['?plays=a&date=15.01.2027', 'date'],
    ['?plays=a&paper=a3', 'paper'],
    ['?plays=a&format=docx', 'format'],
    ['?plays=a&start=25:00', 'start'],
    ['?plays=a&break=' + '9'.repeat(400), 'break'],
    ['?plays=a&break=-5', 'break'],
  ])('falls back to the default for %s and names %s', (query, name) => {
    const parsed = parseComposeState(query, known);
    expect(parsed.rejected).toEqual([name]);
    // Exactly as if the parameter were not there.
    expect({ ...parsed, rejected: [] }).toEqual(parseComposeState('?plays=a', known));
  });

  it('survives a hostile address: huge, repeated and unknown ids, and a thousand plays', () => {
    const many = Array.from({ length: 1000 }, (_, i) => `id-${i}`);
    const huge = 'z'.repeat(100_000);
    const parsed = parseComposeState(`?plays=${[huge, ...many, 'a', 'a', 'b'].join(',')}&plays=c,a`, known);
    expect(parsed.plays).toEqual(['a', 'b', 'c']);
    // The notice names a few unknown ids, each shortened.
    expect(parsed.unknown).toHaveLength(10);
    expect(parsed.unknown[0]).toBe(`${'z'.repeat(40)}…`);
    const lots = Array.from({ length: MAX_PLAYS + 5 }, (_, i) => `p${i}`);
    const capped = parseComposeState(`?plays=${lots.join(',')}`, lots);
    expect(capped.plays).toHaveLength(MAX_PLAYS);
    expect(capped.rejected).toEqual(['plays']);
  });

  it.each<[string[], number, -1 | 1, string[]]>([
    [['a', 'b', 'c'], 2, -1, ['a', 'c', 'b']],
    [['a', 'b', 'c'], 0, 1, ['b', 'a', 'c']],
    [['a', 'b', 'c'], 0, -1, ['a', 'b', 'c']],
    [['a', 'b', 'c'], 2, 1, ['a', 'b', 'c']],
    [['a', 'b', 'c'], 7, -1, ['a', 'b', 'c']],
    [[], 0, 1, []],
  ])('moves %j at %i by %i to %j', (plays, index, by, expected) => {
    const before = [...plays];
    expect(movePlay(plays, index, by)).toEqual(expected);
    expect(plays).toEqual(before);
  });

  it('accepts exactly the team names and titles the CLI accepts', () => {
    expect(labelProblem('Support', '--team')).toBeNull();
    expect(labelProblem('x'.repeat(MAX_LABEL), '--team')).toBeNull();
    expect(labelProblem('x'.repeat(MAX_LABEL + 1), '--team')).toMatch(/at most 80 characters/);
    expect(labelProblem('a\tb', '--title')).toMatch(/one line/);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
  });

  it('drops unknown and repeated plays, and reports the unknown ones', () => {
    expect(parseComposeState('?plays=b,zzz,a,b,,zzz', known)).toMatchObject({ plays: ['b', 'a'], unknown: ['zzz'] });
    expect(parseComposeState('plays=a&plays=c', known).plays).toEqual(['a', 'c']);
    expect(parseComposeState('?plays=%3Cscript%3E', known)).toMatchObject({ plays: [], unknown: ['<script>'] });
  });

  it.each([
    ['?start=9:30', DEFAULT_START],
    ['?start=24:00', DEFAULT_START],
    ['?start=12:60', DEFAULT_START],
    ['?start=', DEFAULT_START],
    ['?start=23:59', '23:59'],
  ])('reads %s as start %s', (query, start) => {
    expect(parseComposeState(query, known).start).toBe(start);
  });

  it.each([
    ['10', 10],
    [' 15 ', 15],
    ['120', 120],
    ['121', 0],
    ['-5', 0],
    ['2.5', 0],
    ['ten', 0],
    ['', 0],
    [null, 0],
  ])('reads break %j as %i', (value, minutes) => {
    expect(parseBreak(value)).toBe(minutes);
  });

  it('gives the CLI command for the same pack', () => {
    expect(packCommand({ plays: ['a', 'b'], start: '09:30' })).toBe('npm run worksheets -- --pack plays=a,b --start 09:30');
    expect(packCommand({ plays: ['a'], start: '13:00', breakMinutes: 10 })).toBe(
      'npm run worksheets -- --pack plays=a --start 13:00 --break 10',
    );
    expect(packCommand({ plays: ['a'], start: 'late', breakMinutes: 0 })).toBe('npm run worksheets -- --pack plays=a --start 09:30');
    expect(packCommand({ plays: ['a'], start: '09:30', title: 'Q1 offsite', paper: 'letter', format: 'md' })).toBe(
      "npm run worksheets -- --pack plays=a --start 09:30 --title 'Q1 offsite' --paper letter --format md",
    );
    expect(packCommand({ plays: ['a'], start: '09:30', paper: 'a4', format: 'pdf' })).toBe(
      'npm run worksheets -- --pack plays=a --start 09:30',
    );
  });

  /** The words a POSIX shell makes of `command` after `npm run worksheets --`, as the CLI would receive them. */
  const shellWords = (command: string): string[] => {
    const prefix = 'npm run worksheets -- ';
    expect(command.startsWith(prefix)).toBe(true);
    // printf prints each word the shell passes it, NUL-terminated; nothing else in the line may run.
    const out = execFileSync('/bin/sh', ['-c', `printf '%s\\0' ${command.slice(prefix.length)}`], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', HOME: '/nonexistent' },
    });
    return out.split('\0').slice(0, -1);
  };

  it.each([
    ['a team name with spaces and an apostrophe', "Zoë's team"],
    ['command separators and substitution', 'x; touch /tmp/pwned-by-composer && $(id) `id` | cat > out'],
    ['quotes, backslashes and globs', `say "hi" \\ it's * ? [a] ~ {a,b} $HOME`],
    ['a newline', 'line one\nline two'],
    ['a tab and an ampersand', 'Ops\t& "Support"'],
  ])('quotes the arguments for a POSIX shell: %s', (_, team) => {
    const command = packCommand({ plays: ['a', 'b'], start: '09:30', breakMinutes: 10, team, date: '2027-01-15' });
    expect(shellWords(command)).toEqual([
      '--pack',
      'plays=a,b',
      '--start',
      '09:30',
      '--break',
      '10',
      '--team',
      team,
      '--date',
      '2027-01-15',
    ]);
  });

  it('quotes play ids that are not plain words, and leaves plain ones readable', () => {
    expect(shellWords(packCommand({ plays: ['a', "b'; rm -rf ~"], start: '09:30' }))).toEqual([
      '--pack',
      "plays=a,b'; rm -rf ~",
      '--start',
      '09:30',
    ]);
    expect(shellQuote('plays=three-questions,cheng-chi-map')).toBe('plays=three-questions,cheng-chi-map');
    expect(shellQuote('~')).toBe("'~'");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
  });
});
