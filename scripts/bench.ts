#!/usr/bin/env node
// `npm run bench`: builds generated corpora with our site and with a stock Starlight
// site, alternating the two (each: cold, again with no change, again after one note's
// body changed), and reports medians and ranges. A script, not a test.
//   npm run bench -- --sizes 100,1000,5000 --runs 3
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UsageError, type CommandSpec } from '../src/cli/args.ts';
import { everyError, runCommand, type ParsedCommand } from '../src/cli/run.ts';
import { writeOurCorpus, writeStarlightCorpus } from '../src/bench/corpus.ts';
import { firstViewWeight, folderBytes, searchIndexBytes, stats, timed, type Timed } from '../src/bench/measure.ts';
import { markdownTable, targetLines, type SiteResult, type SizeResult } from '../src/bench/report.ts';
import { ensureStarlightSite } from '../src/bench/starlight.ts';

const spec: CommandSpec = {
  name: 'bench',
  summary: 'Benchmarks our build against a stock Astro Starlight build of the same generated notes.',
  usage: 'npm run bench -- [--sizes 100,1000,5000] [--runs 3] [--no-starlight] [--no-rebuilds]',
  flags: {
    sizes: { type: 'string', default: '100,1000,5000', value: 'N,N', description: 'corpus sizes in notes' },
    runs: { type: 'string', default: '3', value: 'N[,N]', description: 'builds per site and size: one number, or one per size' },
    'no-starlight': { type: 'boolean', default: false, description: 'build only our site' },
    'no-rebuilds': {
      type: 'boolean',
      default: false,
      description: 'only cold builds (default: each cold build is followed by a rebuild with no change and one after a note changed)',
    },
    work: { type: 'string', default: 'bench/work', value: 'DIR', description: 'scratch folder (not committed)' },
    warm: {
      type: 'boolean',
      default: false,
      description: 'keep caches that survive between real builds (social images); default: every build cold',
    },
    help: { type: 'boolean', short: 'h', description: 'show this help' },
  },
};

const root = process.cwd();
const node = process.execPath;
const log = (line: string) => console.log(`bench: ${line}`);

type BuildKind = 'cold' | 'noChange' | 'oneEdit';
type Runs = Record<BuildKind, Timed[]> & { rendered: string[] };

function fail(what: string, run: Timed): never {
  throw new Error(`${what} failed (exit ${run.status}):\n${run.output.slice(-4000)}`);
}

async function main({ flags }: ParsedCommand) {
  const sizes = String(flags.sizes).split(',').map(Number);
  const runList = String(flags.runs).split(',').map(Number);
  if (
    sizes.some((n) => !Number.isInteger(n) || n < 10) ||
    runList.some((n) => !Number.isInteger(n) || n < 1) ||
    (runList.length > 1 && runList.length !== sizes.length)
  ) {
    throw new UsageError('--sizes takes whole numbers of at least 10; --runs one whole number of at least 1, or one per size');
  }
  const runsFor = (index: number) => runList[runList.length > 1 ? index : 0] ?? 1;
  const work = path.resolve(String(flags.work));
  const withStarlight = !flags['no-starlight'];
  const rebuilds = !flags['no-rebuilds'];
  const starlightDir = withStarlight ? ensureStarlightSite(path.join(work, 'starlight'), log) : '';
  const results: SizeResult[] = [];

  for (const [sizeIndex, notes] of sizes.entries()) {
    const runs = runsFor(sizeIndex);
    const content = path.join(work, `content-${notes}`);
    const corpus = writeOurCorpus(content, notes);
    if (withStarlight) writeStarlightCorpus(path.join(starlightDir, 'src/content/docs'), notes);
    log(`${notes} notes, ${corpus.words.toLocaleString('en')} words`);
    const ourOut = path.join(work, `dist-ours-${notes}`);
    const theirOut = path.join(starlightDir, 'dist');
    // The one-edit rebuild appends a paragraph to the body of the same note in both sites.
    const edited = corpus.notes[Math.floor(corpus.notes.length / 2)]?.slug ?? '';
    const ours: Runs = { cold: [], noChange: [], oneEdit: [], rendered: [] };
    const theirs: Runs = { cold: [], noChange: [], oneEdit: [], rendered: [] };
    const buildOurs = async (kind: BuildKind) => {
      if (kind === 'cold') {
        fs.rmSync(ourOut, { recursive: true, force: true });
        fs.rmSync(path.join(root, 'node_modules/.astro'), { recursive: true, force: true });
        // Our caches that survive real builds (body analyses, rendered entries, twins, build records, social images)
        // are keyed by what they were made from; a cold build starts without them.
        const caches = path.join(root, 'node_modules/.cache');
        for (const name of fs.existsSync(caches) ? fs.readdirSync(caches) : []) {
          if (name.startsWith('playbook-') || (name === 'og' && !flags.warm))
            fs.rmSync(path.join(caches, name), { recursive: true, force: true });
        }
      }
      // The same pipeline as `npm run build`: pages with social images and worksheets beside them, then the search index.
      const run = await timed(`"${node}" scripts/build.ts --out "${ourOut}"`, {
        cwd: root,
        env: { CONTENT_DIR: content, ASTRO_TELEMETRY_DISABLED: '1' },
      });
      if (run.status !== 0) fail('our build', run);
      ours[kind].push(run);
      const rendered = /rendered (\d+) of (\d+) notes/.exec(run.output);
      if (rendered) ours.rendered.push(`${kind}: ${rendered[1]} of ${rendered[2]}`);
      log(
        `  ours      ${kind.padEnd(8)} ${run.wallSeconds.toFixed(1)} s wall, ${run.cpuSeconds.toFixed(1)} s CPU, ${run.peakMB} MB${rendered ? `, rendered ${rendered[1]} of ${rendered[2]} notes` : ''}`,
      );
    };
    const buildTheirs = async (kind: BuildKind) => {
      if (kind === 'cold') {
        fs.rmSync(theirOut, { recursive: true, force: true });
        for (const cache of ['node_modules/.astro', '.astro']) fs.rmSync(path.join(starlightDir, cache), { recursive: true, force: true });
      }
      const run = await timed(`"${node}" node_modules/astro/bin/astro.mjs build`, {
        cwd: starlightDir,
        env: { ASTRO_TELEMETRY_DISABLED: '1' },
      });
      if (run.status !== 0) fail('the Starlight build', run);
      theirs[kind].push(run);
      log(`  Starlight ${kind.padEnd(8)} ${run.wallSeconds.toFixed(1)} s wall, ${run.cpuSeconds.toFixed(1)} s CPU, ${run.peakMB} MB`);
    };
    const ourNote = path.join(content, 'notes', `${edited}.mdx`);
    const theirNote = path.join(starlightDir, 'src/content/docs/notes', `${edited}.mdx`);
    /** Cold, then again with no change, then after one note's body changed; the note is put back afterwards. */
    const series = async (build: (kind: BuildKind) => Promise<void>, note: string) => {
      await build('cold');
      if (!rebuilds) return;
      await build('noChange');
      const original = fs.readFileSync(note);
      fs.appendFileSync(note, `\nA paragraph added for the one-edit rebuild, round ${Date.now()}.\n`);
      try {
        await build('oneEdit');
      } finally {
        fs.writeFileSync(note, original);
      }
    };
    // Alternate which site goes first, so drift on a noisy machine hits both alike.
    for (let i = 0; i < runs; i++) {
      if (!withStarlight) await series(buildOurs, ourNote);
      else if (i % 2 === 0) await series(buildOurs, ourNote).then(() => series(buildTheirs, theirNote));
      else await series(buildTheirs, theirNote).then(() => series(buildOurs, ourNote));
    }
    const firstNote = corpus.notes[0]?.slug ?? '';
    const summarise = (runsOf: Runs, outDir: string): SiteResult => ({
      wallSeconds: stats(runsOf.cold.map((r) => r.wallSeconds)),
      cpuSeconds: stats(runsOf.cold.map((r) => r.cpuSeconds)),
      peakMB: stats(runsOf.cold.map((r) => r.peakMB)),
      ...(rebuilds && {
        rebuild: { noChange: stats(runsOf.noChange.map((r) => r.wallSeconds)), oneEdit: stats(runsOf.oneEdit.map((r) => r.wallSeconds)) },
      }),
      ...(runsOf.rendered.length > 0 && { rendered: runsOf.rendered }),
      distMB: folderBytes(outDir) / 1024 / 1024,
      indexKB: searchIndexBytes(path.join(outDir, 'pagefind')) / 1024,
      firstView: firstViewWeight(outDir, `notes/${firstNote}/index.html`),
    });
    results.push({
      notes,
      words: corpus.words,
      runs,
      caches: flags.warm ? 'warm' : 'cold',
      ours: summarise(ours, ourOut),
      ...(withStarlight && { starlight: summarise(theirs, theirOut) }),
    });
  }

  // The worksheets come from plays, which the generated corpora have none of: time the real content's.
  const worksheetRuns: Timed[] = [];
  for (let i = 0; i < runsFor(0); i++) {
    const run = await timed(`"${node}" scripts/worksheets.ts --out "${path.join(work, 'worksheets')}"`, { cwd: root });
    if (run.status !== 0) fail('the worksheets', run);
    worksheetRuns.push(run);
  }
  const worksheetFiles = fs
    .readdirSync(path.join(work, 'worksheets'), { recursive: true })
    .filter((f) => /\.(pdf|md)$/.test(String(f))).length;
  const worksheets = { files: worksheetFiles, wallSeconds: stats(worksheetRuns.map((r) => r.wallSeconds)) };
  const table = [
    markdownTable(results),
    '',
    `Worksheets of the real content (${worksheetFiles} files, PDF and Markdown): ${worksheets.wallSeconds.median.toFixed(1)} s (${worksheets.wallSeconds.min.toFixed(1)}–${worksheets.wallSeconds.max.toFixed(1)}).`,
    '',
    'Targets (issue 13):',
    '',
    ...targetLines(results),
  ].join('\n');
  const day = new Date().toISOString().slice(0, 10);
  const outDir = path.join(root, 'bench/results');
  fs.mkdirSync(outDir, { recursive: true });
  const machine = `${process.platform} ${process.arch}, ${cpuCount()} CPUs, Node ${process.version}`;
  fs.writeFileSync(path.join(outDir, `${day}.json`), `${JSON.stringify({ date: day, machine, results, worksheets }, null, 2)}\n`);
  fs.writeFileSync(path.join(outDir, `${day}.md`), `# Benchmark ${day}\n\n${machine}\n\n${table}\n`);
  updateReadme(path.join(root, 'bench/README.md'), day, machine, table);
  console.log(`\n${table}\n`);
  log(`wrote bench/results/${day}.json and .md, and the table in bench/README.md`);
}

function cpuCount(): number {
  return os.availableParallelism();
}

/** Replaces the table between the markers in bench/README.md. */
function updateReadme(file: string, day: string, machine: string, table: string) {
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  const block = `${start}\nLatest run: ${day}, ${machine}.\n\n${table}\n${end}`;
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : `# Benchmark\n\n${start}\n${end}\n`;
  fs.writeFileSync(
    file,
    current.includes(start) ? current.replace(new RegExp(`${start}[\\s\\S]*${end}`), block) : `${current}\n${block}\n`,
  );
}

process.exitCode = await runCommand(spec, main, { expected: everyError });
