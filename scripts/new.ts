#!/usr/bin/env node
// Entry point of `npm run new`: parse flags, gather what is missing (asking on a
// terminal), write the entry, print what to do next.
// Exit codes: 0 written, 2 bad usage or the file already exists, 130 cancelled.
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { helpText, parseCommand, UsageError } from '../src/cli/args.ts';
import { clockFrom, formatCreated, gatherRequest, newCommand, type Prompter } from '../src/cli/new.ts';
import { readSiteConfig } from '../src/config.ts';
import { placeholdersIn, planEntry, ScaffoldError, writeEntry } from '../src/scaffold/entry.ts';

// Ask only when a person can answer; in CI or a pipe, missing values are an error.
const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
const terminal = interactive ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;
const prompter: Prompter | undefined = terminal && { ask: (question) => terminal.question(question), say: (text) => console.log(text) };

try {
  const { flags, positionals } = parseCommand(newCommand, process.argv.slice(2));
  if (flags.help) {
    console.log(helpText(newCommand));
  } else {
    const defaultContentDir = readSiteConfig().contentDir;
    const contentDir = typeof flags.content === 'string' ? path.resolve(flags.content) : defaultContentDir;
    const request = await gatherRequest(positionals, flags, { prompter, contentDir, today: clockFrom(process.env) });
    const plan = planEntry(request);
    writeEntry(plan);
    console.log(formatCreated(plan, placeholdersIn(plan), { cwd: process.cwd(), defaultContentDir }));
  }
} catch (error) {
  if (error instanceof UsageError || error instanceof ScaffoldError) {
    console.error(`new: ${error.message}`);
    process.exitCode = 2;
  } else if ((error as Error).name === 'AbortError') {
    // Ctrl+C or Ctrl+D at a question.
    console.error('\nnew: cancelled; nothing was written.');
    process.exitCode = 130;
  } else throw error;
} finally {
  terminal?.close();
}
