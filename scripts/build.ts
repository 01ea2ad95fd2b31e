#!/usr/bin/env node
// Entry point of `npm run build`: runs the build phases in order and the steps of a
// phase side by side (see src/cli/build.ts), reports how long each took, and stops
// after the first phase with a failed step, with that step's exit code.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCommand, type ParsedCommand } from '../src/cli/run.ts';
import { buildCommand, buildPhases, siteUrlCheck, stagingFor, type BuildLane, type BuildStep } from '../src/cli/build.ts';
import { siteUrlProblem } from '../src/config.ts';

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

/** Runs a lane's steps in order; stops at the first that fails. */
async function runLane(lane: BuildLane): Promise<StepResult[]> {
  const results: StepResult[] = [];
  for (const step of lane) {
    const result = await run(step);
    results.push(result);
    if (result.code !== 0) break;
  }
  return results;
}

async function main({ flags }: ParsedCommand): Promise<number> {
  const site = siteUrlCheck(siteUrlProblem(), flags.public === true);
  if (site.level === 'error') {
    console.error(`build: ${site.message}`);
    return 2;
  }
  // Said first and again at the end, where it is not lost among the steps' output.
  if (site.level === 'warning') console.warn(`build: warning: ${site.message}`);
  const out = path.resolve(String(flags.out));
  const staging = stagingFor(out);
  fs.rmSync(staging, { recursive: true, force: true });
  const started = performance.now();
  const timings: string[] = [];
  try {
    for (const phase of buildPhases(out)) {
      const results = (await Promise.all(phase.map(runLane))).flat();
      const failed = results.filter((result) => result.code !== 0);
      for (const { step, code } of failed) console.error(`build: the ${step.name} step failed (exit ${code}); later steps did not run.`);
      if (failed[0]) return failed[0].code;
      for (const { step, seconds } of results) {
        if (step.staged) place(step.staged);
        timings.push(`${step.name} ${seconds.toFixed(1)} s`);
      }
    }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  if (site.level === 'warning')
    console.warn('build: warning: SITE_URL is not a public origin (see the first line); fine for a local look, not for publishing.');
  console.log(
    `build: done in ${((performance.now() - started) / 1000).toFixed(1)} s (${timings.join(', ')}) into ${path.relative(process.cwd(), out) || '.'}/`,
  );
  return 0;
}

process.exitCode = await runCommand(buildCommand, main);
