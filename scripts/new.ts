#!/usr/bin/env node
// Entry point of `npm run new`: parse flags, gather what is missing (asking on a
// terminal), write the entry, print what to do next.
// Exit codes: 0 written, 2 bad usage or the file already exists, 130 cancelled.
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { runCommand } from '../src/cli/run.ts';
import { clockFrom, formatCreated, gatherRequest, newCommand, type Prompter } from '../src/cli/new.ts';
import { readSiteConfig } from '../src/config.ts';
import { placeholdersIn, planEntry, ScaffoldError, writeEntry } from '../src/scaffold/entry.ts';

// Ask only when a person can answer; in CI or a pipe, missing values are an error.
const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
const terminal = interactive ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;
const prompter: Prompter | undefined = terminal && { ask: (question) => terminal.question(question), say: (text) => console.log(text) };

try {
  process.exitCode = await runCommand(
    newCommand,
    async ({ flags, positionals }) => {
      const defaultContentDir = readSiteConfig().contentDir;
      const contentDir = typeof flags.content === 'string' ? path.resolve(flags.content) : defaultContentDir;
      const request = await gatherRequest(positionals, flags, { prompter, contentDir, today: clockFrom(process.env) });
      const plan = planEntry(request);
      writeEntry(plan);
      console.log(formatCreated(plan, placeholdersIn(plan), { cwd: process.cwd(), defaultContentDir }));
    },
    {
      expected: (error) => {
        if (error instanceof ScaffoldError) return { exitCode: 2, lines: [error.message] };
        // Ctrl+C or Ctrl+D at a question.
        if (!(error instanceof Error) || error.name !== 'AbortError') return undefined;
        process.stderr.write('\n'); // off the line of the question
        return { exitCode: 130, lines: ['cancelled; nothing was written.'] };
      },
    },
  );
} finally {
  terminal?.close();
}
