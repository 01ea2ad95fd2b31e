#!/usr/bin/env node
// Entry point of `npm run check`: parse flags, run the checker, print, set the exit code.
// Exit codes: 0 clean (warnings allowed), 1 content errors, 2 bad usage.
import path from 'node:path';
import { changedFiles, checkCommand, formatReport, runCheck } from '../src/cli/check.ts';
import { readSiteConfig } from '../src/config.ts';
import { runCommand } from '../src/cli/run.ts';

process.exitCode = await runCommand(checkCommand, ({ flags }) => {
  const contentDir = typeof flags.content === 'string' ? path.resolve(flags.content) : readSiteConfig().contentDir;
  const only = flags.changed ? changedFiles(String(flags.base)) : undefined;
  const sources = typeof flags.sources === 'string' ? flags.sources : process.env.SOURCES_DIR;
  const result = runCheck(contentDir, only, sources ? path.resolve(sources) : undefined);
  console.log(formatReport(result, String(flags.format)));
  return result.findings.some((f) => f.severity === 'error') ? 1 : 0;
});
