#!/usr/bin/env node
// Entry point of `npm run build`. When only notes' bodies changed since the last complete build
// into the same folder, puts their new HTML in place and runs only the steps that read bodies
// (src/rebuild/in-place.ts); otherwise runs the steps that make the pages side by side
// (src/cli/build.ts). Then, in this process over one graph, it indexes the pages and writes the
// Markdown twins, `_headers` and the build's record. Reports how long each took, and stops at the
// first failed step, with its exit code.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCommand, type ParsedCommand } from '../src/cli/run.ts';
import { isDeepStrictEqual } from 'node:util';
import { recordMismatch } from '../src/rebuild/plan.ts';
import {
  buildCodeVersion,
  contentFiles,
  forgetRecord,
  outputFingerprint,
  readRecord,
  recordFile,
  settingsDigest,
  writeRecord,
} from '../src/rebuild/record.ts';
import { buildCommand, pageSteps, siteUrlCheck, stagingFor, type BuildStep } from '../src/cli/build.ts';
import { secondsSince } from '../src/cli/timings.ts';
import { readSiteConfig, siteUrlProblem, type SiteConfig } from '../src/config.ts';
import { CACHE_MAX_AGE_DAYS, pruneCaches } from '../src/lib/cache-prune.ts';

// What runs after the pages (src/cli/after-pages.ts) and the in-place rebuild hold the graph, the
// parser and Pagefind: they are imported when needed, so a full build's process carries none of
// them beside Astro (about 70 MB less at Astro's peak) and starts Astro sooner.
const afterPages = () => import('../src/cli/after-pages.ts');

interface StepResult {
  step: BuildStep;
  code: number;
  seconds: number;
}

/** The niceness of the steps that give way to a longer one beside them (0 is normal, 19 the lowest priority). */
const SIDE_STEP_PRIORITY = 10;

function run(step: BuildStep): Promise<StepResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, step.args, { stdio: 'inherit' });
    // The phase ends when its longest step does: the shorter ones beside it give way.
    if (step.yields && child.pid !== undefined) {
      try {
        os.setPriority(child.pid, SIDE_STEP_PRIORITY);
      } catch {
        // Not allowed here (some containers): the steps share the CPU as before.
      }
    }
    const done = (code: number) => resolve({ step, code, seconds: (performance.now() - started) / 1000 });
    child.on('error', (error) => {
      console.error(`build: could not start the ${step.name} step: ${error.message}`);
      done(1);
    });
    child.on('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}

/** Moves a staged folder into the output: a rename, or a copy when they sit on different disks. */
function place({ from, to }: { from: string; to: string }) {
  // A step with nothing to write (a site without plays has no worksheets) leaves no folder.
  if (!fs.existsSync(from)) return;
  fs.rmSync(to, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(to), { recursive: true });
  try {
    fs.renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    fs.cpSync(from, to, { recursive: true });
    fs.rmSync(from, { recursive: true, force: true });
  }
}

/** Runs the steps side by side; the exit code of the first that failed, or 0 once every staged folder is in place. */
async function runSteps(steps: BuildStep[], timings: string[]): Promise<number> {
  const results = await Promise.all(steps.map(run));
  const failed = results.filter((result) => result.code !== 0);
  for (const { step, code } of failed) console.error(`build: the ${step.name} step failed (exit ${code}); later steps did not run.`);
  if (failed[0]) return failed[0].code;
  for (const { step, seconds } of results) {
    if (step.staged) place(step.staged);
    timings.push(`${step.name} ${seconds.toFixed(1)} s`);
  }
  return 0;
}

async function main({ flags }: ParsedCommand): Promise<number> {
  const site = siteUrlCheck(siteUrlProblem(), flags.public === true);
  if (site.level === 'error') {
    console.error(`build: ${site.message}`);
    return 2;
  }
  let config: SiteConfig;
  try {
    config = readSiteConfig();
  } catch (error) {
    console.error(`build: ${(error as Error).message}`);
    return 2;
  }
  // Said first and again at the end, where it is not lost among the steps' output.
  if (site.level === 'warning') console.warn(`build: warning: ${site.message}`);
  const root = process.cwd();
  const out = path.resolve(String(flags.out));
  const shownOut = `${path.relative(root, out) || '.'}/`;
  const record = recordFile(root, out, config.contentDir);
  const started = performance.now();
  const timings: string[] = [];
  const done = () => {
    if (site.level === 'warning')
      console.warn('build: warning: SITE_URL is not a public origin (see the first line); fine for a local look, not for publishing.');
    console.log(`build: done in ${secondsSince(started)} s (${timings.join(', ')}) into ${shownOut}`);
    return 0;
  };

  const build = { root, out, config, timings };
  // The last build's record, when it matches this build's code, settings and output folder: then only
  // the content can have changed, and an in-place rebuild may do.
  const last = flags.full === true ? undefined : readRecord(record);
  const mismatch =
    flags.full === true
      ? null
      : recordMismatch(last, { code: buildCodeVersion(root), settings: settingsDigest(config, out), output: outputFingerprint(out) });
  if (last && mismatch === null) {
    const warn = (line: string) => console.warn(`build: warning: ${line}`);
    const { rebuildInPlace } = await import('../src/rebuild/in-place.ts');
    const inPlace = await rebuildInPlace({ root, out, config, record: last, warn });
    if (inPlace.kind === 'unchanged') {
      console.log(`build: nothing changed since the last build (rendered 0 of ${inPlace.notes} notes); ${shownOut} is up to date.`);
      timings.push(`checked ${secondsSince(started)} s`);
      return done();
    }
    if (inPlace.kind === 'bodies' && inPlace.pages.length === 0) {
      // Only drafts changed: nothing published shows them, so no page, twin or search record changes.
      console.log(
        `build: only drafts' bodies changed: rendered ${inPlace.rendered} of ${inPlace.notes} notes; no published page shows them.`,
      );
      writeRecord(record, { ...inPlace.record, output: outputFingerprint(out) });
      timings.push(`in place ${secondsSince(started)} s`);
      return done();
    }
    if (inPlace.kind === 'bodies') {
      console.log(
        `build: only note bodies changed: rendered ${inPlace.rendered} of ${inPlace.notes} notes, put in place in ${inPlace.pages.join(', ')}.`,
      );
      timings.push(`in place ${secondsSince(started)} s`);
      forgetRecord(record);
      // The other readers of bodies, in this process, from the graph it has loaded: no step starts again.
      const code = await (await afterPages()).finishInPlace(build, inPlace.graph);
      if (code !== 0) return code;
      writeRecord(record, { ...inPlace.record, output: outputFingerprint(out) });
      return done();
    }
    console.log(`build: running every step: ${inPlace.reason}.`);
  } else if (mismatch !== null) console.log(`build: running every step: ${mismatch}.`);

  // The folder is about to change: until this build completes, no record describes it.
  forgetRecord(record);
  const read = contentFiles(config.contentDir);
  const staging = stagingFor(out);
  fs.rmSync(staging, { recursive: true, force: true });
  try {
    const pagesCode = await runSteps(pageSteps(out, root), timings);
    if (pagesCode !== 0) return pagesCode;
    const { code, record: written } = await (await afterPages()).finishFullBuild(build);
    if (code !== 0) return code;
    // A file saved during the build may be in the pages but not in the record, or the other way round: keep no record then.
    if (written && isDeepStrictEqual(written.files, read)) writeRecord(record, { ...written, output: outputFingerprint(out) });
    else console.warn('build: the content changed during the build; the next build runs every step.');
    const pruned = pruneCaches(root);
    if (pruned.files > 0)
      console.log(
        `build: removed ${pruned.files} cached values (${(pruned.bytes / 1024 / 1024).toFixed(1)} MB) that no build has used for ${CACHE_MAX_AGE_DAYS} days.`,
      );
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  return done();
}

process.exitCode = await runCommand(buildCommand, main);
