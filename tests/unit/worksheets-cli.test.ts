import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCommand, UsageError } from '../../src/cli/args.ts';
import { DEFAULT_START as COMPOSER_START } from '../../src/plays/compose-state.ts';
import { createdDate, DEFAULT_CREATED, formatSize, joinRepeated, resolveRun, worksheetsCommand } from '../../src/cli/worksheets.ts';
import { ROOT } from '../helpers/build.ts';
import { SITE_FIXTURE } from '../helpers/fixtures.ts';

const KNOWN = ['cheng-chi-map', 'fixture-play', 'three-questions'];

const resolve = (...argv: string[]) => {
  const { flags, positionals } = parseCommand(worksheetsCommand, joinRepeated(argv, 'play'));
  return resolveRun(flags, positionals, KNOWN, {});
};
const usageError = (...argv: string[]) => {
  try {
    resolve(...argv);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error(`no usage error for ${argv.join(' ')}`);
};

describe('joinRepeated', () => {
  it.each([
    [
      ['--play', 'a', '--play', 'b,c'],
      ['--play', 'a,b,c'],
    ],
    [
      ['--play=a', '--paper', 'a4', '--play', 'b'],
      ['--play', 'a,b', '--paper', 'a4'],
    ],
    [
      ['--paper', 'a4'],
      ['--paper', 'a4'],
    ],
    [
      ['--play', 'a', '--', '--play', 'x'],
      ['--play', 'a', '--', '--play', 'x'],
    ],
  ])('%j → %j', (argv, expected) => {
    expect(joinRepeated(argv, 'play')).toEqual(expected);
  });
});

describe('resolveRun', () => {
  it('defaults to every play, both views, both papers, every format, into dist/worksheets', () => {
    const run = resolve();
    expect(run).toMatchObject({
      mode: 'plays',
      playIds: KNOWN,
      views: ['participant', 'facilitator'],
      papers: ['a4', 'letter'],
      created: DEFAULT_CREATED,
    });
    expect(run.renderers.map((r) => r.format)).toEqual(['pdf', 'md']);
    expect(run.outDir).toBe(path.resolve('dist/worksheets'));
  });

  it('narrows by play (repeated or comma-separated), paper, view and format', () => {
    const run = resolve(
      '--play',
      'three-questions',
      '--play',
      'fixture-play,three-questions',
      '--paper',
      'letter',
      '--view',
      'facilitator',
      '--format',
      'md',
      '--team',
      ' Zoë Łukasz Ærø ',
      '--date',
      '2027-01-15',
    );
    expect(run).toMatchObject({
      mode: 'plays',
      playIds: ['three-questions', 'fixture-play'],
      papers: ['letter'],
      views: ['facilitator'],
      team: 'Zoë Łukasz Ærø',
      date: '2027-01-15',
    });
    expect(run.renderers.map((r) => r.format)).toEqual(['md']);
  });

  it('builds a pack in the given order, on A4 unless asked otherwise', () => {
    expect(resolve('--pack', 'plays=three-questions,cheng-chi-map', '--start', '09:30', '--break', '10')).toMatchObject({
      mode: 'pack',
      playIds: ['three-questions', 'cheng-chi-map'],
      papers: ['a4'],
      start: '09:30',
      breakMinutes: 10,
    });
    // One default start for the composer and the CLI.
    expect(resolve('--pack', 'cheng-chi-map', '--paper', 'letter')).toMatchObject({
      papers: ['letter'],
      start: COMPOSER_START,
      breakMinutes: 0,
    });
    expect(COMPOSER_START).toBe('09:30');
  });

  it('puts a title on the pack’s cover', () => {
    expect(resolve('--pack', 'plays=three-questions', '--title', ' Support offsite ')).toMatchObject({
      mode: 'pack',
      title: 'Support offsite',
    });
  });

  it.each([
    [['--play', 'thre-questions'], /--play: no play has the id "thre-questions"\. Did you mean `three-questions`\?/],
    [['--play', 'zzzzzzzzzzzz'], /Known plays: cheng-chi-map, fixture-play, three-questions\./],
    [['--date', '15/01/2027'], /--date must be a calendar date written YYYY-MM-DD, for example 2027-01-15; got "15\/01\/2027"/],
    [['--date', '2027-02-30'], /YYYY-MM-DD/],
    [['--paper', 'a5'], /--paper must be one of a4, letter, both; got "a5"/],
    [['--format', 'docx'], /--format must be one of pdf, md, all/],
    [['--pack', 'plays=three-questions', '--start', '9:30'], /--start: "9:30" is not a time; write HH:MM in 24-hour time/],
    [['--pack', 'plays=three-questions', '--break', 'ten'], /--break must be a whole number of minutes from 0 to 120; got "ten"/],
    [['--pack', 'plays=three-questions', '--break', '-5'], /^--break must be a whole number of minutes from 0 to 120; got "-5"\.$/],
    [['--pack', 'plays=three-questions', '--break=-5'], /^--break must be a whole number of minutes from 0 to 120; got "-5"\.$/],
    [['--pack', 'plays=three-questions', '--break', '121'], /from 0 to 120; got "121"/],
    [['--play', ''], /^--play is empty; give a value \(ID\), or leave --play out\./],
    [['--play='], /^--play is empty/],
    [
      ['--play', ',', '--play', ' '],
      /^--play names no play; give at least one id, for example --play three-questions, or leave --play out to build every play\.$/,
    ],
    [['--out', ''], /^--out is empty; give a value \(DIR\)/],
    [
      ['--pack', 'plays=three-questions', '--start', '--break', '5'],
      /^--start needs a value, but the next argument, "--break", looks like an option\. Give the value right after --start; if it really starts with "-", write --start=--break\.$/,
    ],
    [['--team'], /^--team needs a value \(NAME\)\./],
    [['--pack', 'plays=three-questions,three-questions'], /lists "three-questions" twice/],
    [['--pack', 'plays='], /--pack needs at least one play/],
    [['--pack', 'plays=three-questions', '--play', 'cheng-chi-map'], /either --play .* or --pack/],
    [['--pack', 'plays=three-questions', '--view', 'participant'], /--view does not apply to --pack/],
    [['--start', '09:30'], /--start only applies to a session pack/],
    [['--team', '   '], /--team needs a name/],
    [['--team', 'x'.repeat(81)], /at most 80 characters/],
    [['--title', 'Offsite'], /--title only applies to a session pack/],
    [['--pack', 'plays=three-questions', '--title', ' '], /^--title needs a title, for example --title "Support team offsite"$/],
    [['--pack', 'plays=three-questions', '--title', 'a\nb'], /--title must be one line of text/],
    [['three-questions'], /unexpected argument "three-questions"/],
    [['--plays', 'x'], /unknown option --plays\. Did you mean `--play`\?/],
  ])('%j is refused', (argv, message) => {
    expect(usageError(...argv)).toMatch(message);
  });

  it('takes the PDF creation date from SOURCE_DATE_EPOCH, never from the clock', () => {
    expect(createdDate({})).toEqual(DEFAULT_CREATED);
    expect(createdDate({ SOURCE_DATE_EPOCH: '1767225600' }).toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(() => createdDate({ SOURCE_DATE_EPOCH: 'yesterday' })).toThrow(/whole seconds/);
  });
});

describe('formatSize', () => {
  it.each([
    [812, '812 B'],
    [21_400, '21.4 kB'],
    [1_234_567, '1.23 MB'],
  ])('%i bytes is %s', (bytes, text) => {
    expect(formatSize(bytes)).toBe(text);
  });
});

describe('scripts/worksheets.ts on bad input', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'worksheets-cli-'));
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['scripts/worksheets.ts', '--content', SITE_FIXTURE, '--out', out, ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });

  it.each([
    [['--play', 'fixture-plya'], /worksheets: --play: no play has the id "fixture-plya"\. Did you mean `fixture-play`\?/],
    [['--paper', 'a3'], /worksheets: --paper must be one of a4, letter, both; got "a3"\./],
    [['--date', '2027-13-01'], /worksheets: --date must be a calendar date written YYYY-MM-DD/],
    [['--pack', 'plays=fixture-play', '--start', '25:00'], /worksheets: --start: "25:00" is not a time/],
    [['--pack', 'plays=fixture-play', '--start', '23:50'], /worksheets: the session would run past midnight/],
    [['--play', ''], /^worksheets: --play is empty; give a value \(ID\), or leave --play out\./],
    [['--play', ','], /^worksheets: --play names no play/],
    [
      ['--pack', 'plays=fixture-play', '--break', '-5'],
      /^worksheets: --break must be a whole number of minutes from 0 to 120; got "-5"\.\n$/,
    ],
  ])('%j exits 2 with a message and writes nothing', (args, message) => {
    const result = run(...args);
    expect(result.status, result.stderr).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
    expect(fs.readdirSync(out)).toEqual([]);
  });

  it('--help prints the options and exits 0', () => {
    const result = run('--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/--pack plays=ID,ID/);
    expect(result.stdout).toMatch(/--paper a4\|letter\|both/);
  });
});
