#!/usr/bin/env node
// Entry point of `npm run build`: runs each build step in turn (see src/cli/build.ts),
// reports how long each took, and stops at the first failure with its exit code.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { helpText, parseCommand, UsageError } from '../src/cli/args.ts';
import { buildCommand, buildSteps } from '../src/cli/build.ts';

try {
  const { flags } = parseCommand(buildCommand, process.argv.slice(2));
  if (flags.help) {
    console.log(helpText(buildCommand));
  } else {
    const out = path.resolve(String(flags.out));
    const started = performance.now();
    const timings: string[] = [];
    for (const step of buildSteps(out)) {
      const stepStarted = performance.now();
      const result = spawnSync(process.execPath, step.args, { stdio: 'inherit' });
      if (result.status !== 0) {
        console.error(`build: the ${step.name} step failed (exit ${result.status ?? result.signal}); nothing after it ran.`);
        process.exitCode = result.status ?? 1;
        break;
      }
      timings.push(`${step.name} ${((performance.now() - stepStarted) / 1000).toFixed(1)} s`);
    }
    if (!process.exitCode) console.log(`build: done in ${((performance.now() - started) / 1000).toFixed(1)} s (${timings.join(', ')}) into ${path.relative(process.cwd(), out) || '.'}/`);
  }
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  console.error(`build: ${error.message}`);
  process.exitCode = 2;
}
