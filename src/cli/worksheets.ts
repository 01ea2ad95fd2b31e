/**
 * `npm run worksheets`: the command-line spec as data, the checks that turn
 * flags into a run (every mistake a UsageError saying what is allowed), and
 * the handler that loads, plans, renders and writes. Printing and the exit
 * code belong to scripts/worksheets.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { didYouMean } from '../util/nearest.ts';
import { DEFAULT_START, isIsoDate, labelProblem } from '../plays/compose-state.ts';
import type { Finding } from '../content/finding.ts';
import { parseClock } from '../plays/agenda.ts';
import { PAPERS, VIEWS, type Paper, type View } from '../plays/downloads.ts';
import { generate, planPackFiles, planPlayFiles, type PlannedFile, type WrittenFile } from '../worksheets/generate.ts';
import type { WorksheetContent } from '../worksheets/load.ts';
import { mergeManifest, readManifest, writeManifest } from '../worksheets/manifest.ts';
import type { ModelContext, PlayInput } from '../worksheets/model.ts';
import { packAgenda } from '../worksheets/pack.ts';
import { RENDERERS, type Renderer } from '../worksheets/renderers/index.ts';
import { UsageError, type CommandSpec, type ParsedFlags } from './args.ts';

export const DEFAULT_OUT = 'dist/worksheets';
/** The composer's default start, so the same session starts at the same time from the web and from here. */
export { DEFAULT_START };
/** Used when SOURCE_DATE_EPOCH is not set: the reproducible-builds convention for "no date" (as in ZIP files). */
export const DEFAULT_CREATED = new Date('1980-01-01T00:00:00Z');
const FORMATS = RENDERERS.map((r) => r.format);

export const worksheetsCommand: CommandSpec = {
  name: 'worksheets',
  summary: 'Generates the participant worksheets and facilitator guides of the plays: fillable, tagged PDFs (A4 and Letter) and Markdown.',
  usage:
    'npm run worksheets -- [--play ID[,ID…]] [--paper a4|letter|both] [--view participant|facilitator|both] [--format pdf|md|all] [--team NAME] [--date YYYY-MM-DD] [--out DIR]\n       npm run worksheets -- --pack plays=ID,ID,… [--start HH:MM] [--break MIN] [--title TEXT] [--team NAME] [--date YYYY-MM-DD] [--paper …] [--format …] [--out DIR]',
  flags: {
    play: {
      type: 'string',
      value: 'ID',
      description: 'a play to generate; repeat the flag or separate ids with commas (default: every play)',
    },
    paper: { type: 'string', choices: ['a4', 'letter', 'both'], description: 'paper size of the PDFs (default: both; a4 for --pack)' },
    view: { type: 'string', choices: ['participant', 'facilitator', 'both'], description: 'which view of each play (default: both)' },
    format: { type: 'string', choices: [...FORMATS, 'all'], default: 'all', description: 'output format' },
    team: { type: 'string', value: 'NAME', description: 'team name printed on the worksheets and the pack cover' },
    date: { type: 'string', value: 'YYYY-MM-DD', description: 'session date printed on the worksheets and the pack cover' },
    out: { type: 'string', value: 'DIR', default: DEFAULT_OUT, description: 'output folder' },
    pack: {
      type: 'string',
      value: 'plays=ID,ID',
      description: 'build one session pack (a PDF and a Markdown file) of these plays, in this order',
    },
    start: { type: 'string', value: 'HH:MM', description: `session start for --pack, 24-hour (default: ${DEFAULT_START})` },
    break: { type: 'string', value: 'MIN', description: 'minutes of break between plays for --pack (default: 0)' },
    title: { type: 'string', value: 'TEXT', description: 'title on the cover of the --pack (default: "Session plan")' },
    content: { type: 'string', value: 'DIR', description: 'content folder (default: $CONTENT_DIR or content/)' },
    help: { type: 'boolean', short: 'h', description: 'show this help' },
  },
  examples: [
    'npm run worksheets',
    'npm run worksheets -- --play three-questions --paper a4 --format pdf',
    'npm run worksheets -- --play three-questions,cheng-chi-map --team "Zoë Łukasz Ærø" --date 2027-01-15',
    'npm run worksheets -- --pack plays=three-questions,cheng-chi-map --start 09:30 --break 10 --team "Support" --date 2027-01-15',
  ],
};

/**
 * Folds every `--play` into one comma-separated `--play`, so the flag can be
 * repeated (node:util's parseArgs keeps only the last value of a string option).
 */
export function joinRepeated(argv: readonly string[], name: string): string[] {
  const values: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (arg === `--${name}` && i + 1 < argv.length) values.push(argv[++i] ?? '');
    else if (arg.startsWith(`--${name}=`)) values.push(arg.slice(name.length + 3));
    else rest.push(arg);
  }
  return values.length > 0 ? [`--${name}`, values.join(','), ...rest] : rest;
}

interface CommonRun {
  playIds: string[];
  papers: Paper[];
  renderers: Renderer[];
  team?: string;
  date?: string;
  outDir: string;
  created: Date;
}

export type WorksheetRun = ({ mode: 'plays'; views: View[] } | { mode: 'pack'; start: string; breakMinutes: number; title?: string }) &
  CommonRun;

const list = (value: string) =>
  value
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);

/** Checks play ids against the content: an unknown id gets the nearest known ones, or the whole list. */
export function checkPlayIds(ids: readonly string[], known: readonly string[], flag: string): void {
  for (const id of ids) {
    if (known.includes(id)) continue;
    const hint = didYouMean(id, known) || ` Known plays: ${known.join(', ') || '(none)'}.`;
    throw new UsageError(`${flag}: no play has the id "${id}".${hint}`);
  }
}

/** `YYYY-MM-DD` that names a real day; throws a UsageError otherwise. */
export function checkDate(value: string): string {
  // isIsoDate narrows its argument to `never` when it says no, so the message quotes a copy.
  const given = value;
  if (!isIsoDate(value)) throw new UsageError(`--date must be a calendar date written YYYY-MM-DD, for example 2027-01-15; got "${given}".`);
  return value;
}

/** A team name or pack title: the composer page accepts exactly what this accepts (../plays/compose-state.ts). */
function checkLabel(value: string, flag: string, noun: string, example: string): string {
  if (!value.trim()) throw new UsageError(`${flag} needs ${noun}, for example ${flag} "${example}"`);
  const problem = labelProblem(value, flag);
  if (problem) throw new UsageError(`${problem}.`);
  return value.trim();
}

function checkBreak(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 120)
    throw new UsageError(`--break must be a whole number of minutes from 0 to 120; got "${value}".`);
  return Number(value);
}

function checkStart(value: string): string {
  try {
    parseClock(value);
  } catch (error) {
    throw new UsageError(`--start: ${(error as Error).message}.`);
  }
  return value;
}

/** The creation date written into PDFs: `SOURCE_DATE_EPOCH` (seconds) when set, else a fixed date. Never the clock. */
export function createdDate(env: Record<string, string | undefined>): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return DEFAULT_CREATED;
  if (!/^\d+$/.test(epoch))
    throw new UsageError(`SOURCE_DATE_EPOCH must be whole seconds since 1970, for example 1767225600; got "${epoch}".`);
  return new Date(Number(epoch) * 1000);
}

/** Turns parsed flags into a run; throws a UsageError for anything not allowed. */
export function resolveRun(
  flags: ParsedFlags,
  positionals: readonly string[],
  knownIds: readonly string[],
  env: Record<string, string | undefined> = process.env,
): WorksheetRun {
  const text = (name: string) => (typeof flags[name] === 'string' ? flags[name] : undefined);
  if (positionals.length > 0)
    throw new UsageError(`unexpected argument "${positionals[0]}". Play ids go after --play (or --pack plays=…).`);
  const format = text('format') ?? 'all';
  const common: CommonRun = {
    playIds: [],
    papers: [],
    renderers: RENDERERS.filter((r) => format === 'all' || r.format === format),
    outDir: path.resolve(text('out') ?? DEFAULT_OUT),
    created: createdDate(env),
  };
  const team = text('team');
  if (team !== undefined) common.team = checkLabel(team, '--team', 'a name', 'Support');
  const date = text('date');
  if (date !== undefined) common.date = checkDate(date);
  const paper = text('paper');
  const pack = text('pack');
  if (pack === undefined) {
    for (const flag of ['start', 'break', 'title'])
      if (text(flag) !== undefined) throw new UsageError(`--${flag} only applies to a session pack; add --pack plays=ID,ID.`);
    const playIds = [...new Set(list(text('play') ?? ''))];
    // Without --play every play is built; a --play that names none (`--play ,`) must not silently mean the same.
    if (text('play') !== undefined && playIds.length === 0) {
      throw new UsageError(
        '--play names no play; give at least one id, for example --play three-questions, or leave --play out to build every play.',
      );
    }
    checkPlayIds(playIds, knownIds, '--play');
    const view = text('view') ?? 'both';
    return {
      ...common,
      mode: 'plays',
      playIds: playIds.length > 0 ? playIds : [...knownIds],
      papers: paper === 'a4' || paper === 'letter' ? [paper] : [...PAPERS],
      views: view === 'both' ? [...VIEWS] : [view as View],
    };
  }
  if (text('play') !== undefined) throw new UsageError('use either --play (worksheets per play) or --pack (one session pack), not both.');
  if (text('view') !== undefined)
    throw new UsageError('--view does not apply to --pack: a pack holds each play’s facilitator guide and worksheet.');
  const playIds = list(pack.replace(/^plays=/, ''));
  if (playIds.length === 0) throw new UsageError('--pack needs at least one play, for example --pack plays=three-questions,cheng-chi-map');
  const twice = playIds.find((id, i) => playIds.indexOf(id) !== i);
  if (twice) throw new UsageError(`--pack lists "${twice}" twice; a session runs each play once.`);
  checkPlayIds(playIds, knownIds, '--pack');
  const title = text('title');
  return {
    ...common,
    ...(title !== undefined && { title: checkLabel(title, '--title', 'a title', 'Support team offsite') }),
    mode: 'pack',
    playIds,
    papers: paper === 'letter' ? ['letter'] : paper === 'both' ? [...PAPERS] : ['a4'],
    start: checkStart(text('start') ?? DEFAULT_START),
    breakMinutes: checkBreak(text('break') ?? '0'),
  };
}

export interface WorksheetResult {
  files: WrittenFile[];
  /** Findings of requested plays that failed the schema: they were skipped. */
  findings: Finding[];
  manifest?: string;
  milliseconds: number;
}

export interface SiteLocation {
  siteUrl: string;
  basePath: string;
}

/** Plans and writes the files of a run. Invalid plays are skipped and reported; a pack with an invalid play is not built. */
export async function runWorksheets(
  run: WorksheetRun,
  content: WorksheetContent,
  site: SiteLocation,
  onFile?: (file: WrittenFile, index: number, total: number) => void,
): Promise<WorksheetResult> {
  const started = performance.now();
  const findings = run.playIds.flatMap((id) => content.invalid.get(id) ?? []);
  const byId = new Map(content.plays.map((p) => [p.id, p]));
  const plays = run.playIds.map((id) => byId.get(id)).filter((play): play is PlayInput => play !== undefined);
  const ctx: ModelContext = { ...site, titles: content.titles, ...(run.team && { team: run.team }), ...(run.date && { date: run.date }) };
  let planned: PlannedFile[] = [];
  if (run.mode === 'plays') {
    planned = planPlayFiles(plays, ctx, run);
  } else if (findings.length === 0) {
    const pack = { start: run.start, breakMinutes: run.breakMinutes, ...(run.title && { title: run.title }) };
    try {
      packAgenda(plays, pack);
    } catch (error) {
      throw new UsageError(`${(error as Error).message}.`);
    }
    planned = planPackFiles(plays, pack, ctx, run);
  }
  const files = await generate(planned, { outDir: run.outDir, created: run.created, ...(onFile && { onFile }) });
  const result: WorksheetResult = { files, findings, milliseconds: 0 };
  if (run.mode === 'plays' && files.length > 0) {
    const titles = new Map(content.plays.map((p) => [p.id, p.data.title]));
    const manifest = mergeManifest(readManifest(run.outDir), files, titles, (relative) => fs.existsSync(path.join(run.outDir, relative)));
    result.manifest = writeManifest(run.outDir, manifest);
  }
  result.milliseconds = Math.round(performance.now() - started);
  return result;
}

/** "812 B", "21.4 kB", "1.23 MB" (decimal units, as file managers show them). */
export function formatSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(2)} MB`;
}

/** `[3/48] dist/worksheets/three-questions/participant-a4.pdf 21.4 kB` */
export function progressLine(file: WrittenFile, index: number, total: number, cwd = process.cwd()): string {
  return `[${index}/${total}] ${path.relative(cwd, file.file) || file.file} ${formatSize(file.bytes)}`;
}

export function summaryLine(result: WorksheetResult): string {
  const bytes = result.files.reduce((sum, f) => sum + f.bytes, 0);
  const largest = result.files.reduce((max, f) => Math.max(max, f.bytes), 0);
  const count = result.files.length;
  const seconds = (result.milliseconds / 1000).toFixed(1);
  if (count === 0) return `no files written in ${seconds} s`;
  return `${count} file${count === 1 ? '' : 's'}, ${formatSize(bytes)} in ${seconds} s (largest ${formatSize(largest)})`;
}
