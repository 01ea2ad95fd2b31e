#!/usr/bin/env node
// Entry point of `npm run check`: parse flags, run the checker, print, set the exit code.
// Exit codes: 0 clean (warnings allowed), 1 content errors, 2 bad usage.
import path from 'node:path';
import { helpText, parseCommand, UsageError } from '../src/cli/args.ts';
import { changedFiles, checkCommand, formatReport, runCheck } from '../src/cli/check.ts';
import { readSiteConfig } from '../src/config.ts';

try {
  const { flags } = parseCommand(checkCommand, process.argv.slice(2));
  if (flags.help) {
    console.log(helpText(checkCommand));
    process.exit(0);
  }
  const contentDir = typeof flags.content === 'string' ? path.resolve(flags.content) : readSiteConfig().contentDir;
  const only = flags.changed ? changedFiles(String(flags.base)) : undefined;
  const sources = typeof flags.sources === 'string' ? flags.sources : process.env.SOURCES_DIR;
  const result = runCheck(contentDir, only, sources ? path.resolve(sources) : undefined);
  console.log(formatReport(result, String(flags.format)));
  process.exitCode = result.findings.some((f) => f.severity === 'error') ? 1 : 0;
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`check: ${error.message}`);
    process.exitCode = 2;
  } else throw error;
}
