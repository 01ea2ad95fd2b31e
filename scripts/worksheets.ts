#!/usr/bin/env node
// Entry point of `npm run worksheets`: parse flags, load the plays, generate, report, set the exit code.
// Exit codes: 0 done, 1 invalid plays (skipped, with their findings) or a file that could not be written, 2 bad usage.
import path from 'node:path';
import { runCommand } from '../src/cli/run.ts';
import { joinRepeated, progressLine, resolveRun, runWorksheets, summaryLine, worksheetsCommand } from '../src/cli/worksheets.ts';
import { readSiteConfig } from '../src/config.ts';
import { formatFinding } from '../src/content/finding.ts';
import { GenerateError } from '../src/worksheets/generate.ts';
import { loadWorksheetContent } from '../src/worksheets/load.ts';

const live = process.stdout.isTTY === true;

process.exitCode = await runCommand(
  worksheetsCommand,
  async ({ flags, positionals }) => {
    const config = readSiteConfig();
    const contentDir = typeof flags.content === 'string' ? path.resolve(flags.content) : config.contentDir;
    const content = loadWorksheetContent(contentDir);
    const run = resolveRun(flags, positionals, content.ids);
    const result = await runWorksheets(run, content, config, (file, index, total) => {
      const line = progressLine(file, index, total);
      // On a terminal one line counts up in place; in CI every file gets its own line.
      if (live) process.stdout.write(`\r\x1b[2K${line}${index === total ? '\n' : ''}`);
      else console.log(line);
    });
    for (const finding of result.findings) console.error(formatFinding(finding));
    if (result.findings.length > 0) {
      const skipped = [...new Set(result.findings.map((f) => f.file))].join(', ');
      console.error(
        `worksheets: skipped ${run.mode === 'pack' ? 'the pack' : 'invalid plays'} (${skipped}); run \`npm run check\` for details.`,
      );
    }
    console.log(
      `worksheets: ${summaryLine(result)}${result.manifest ? `; index in ${path.relative(process.cwd(), result.manifest)}` : ''}`,
    );
    return result.findings.length > 0 ? 1 : 0;
  },
  {
    argv: joinRepeated(process.argv.slice(2), 'play'),
    expected: (error) => {
      if (!(error instanceof GenerateError)) return undefined;
      if (live) process.stdout.write('\n');
      return { exitCode: 1, lines: [error.message] };
    },
  },
);
