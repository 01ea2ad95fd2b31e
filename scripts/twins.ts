#!/usr/bin/env node
// Entry point of the Markdown-twins build step: writes each note, theme, play and
// glossary term as Markdown (<collection>/<id>.md), llms.txt and llms-full.txt into --out.
// Exit codes: 0 written, 2 bad usage; anything else is a crash with its stack.
import path from 'node:path';
import { UsageError, type CommandSpec } from '../src/cli/args.ts';
import { runCommand } from '../src/cli/run.ts';
import { readSiteConfig } from '../src/config.ts';
import { loadSiteGraph } from '../src/graph/site-graph.ts';
import { siteTwinFiles, writeTwins } from '../src/twins/write.ts';

const command: CommandSpec = {
  name: 'twins',
  summary: 'Writes the Markdown twin of every page, llms.txt and llms-full.txt.',
  usage: 'node scripts/twins.ts --out DIST',
  flags: {
    out: { type: 'string', default: 'dist', value: 'DIR', description: 'folder served as the site root' },
    help: { type: 'boolean', short: 'h', description: 'show this help' },
  },
};

process.exitCode = await runCommand(command, ({ flags, positionals }) => {
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"; give the folder with --out.`);
  const config = readSiteConfig();
  const started = performance.now();
  const out = path.resolve(String(flags.out));
  const files = siteTwinFiles(loadSiteGraph(config.contentDir), config, process.cwd());
  const report = writeTwins(files, out);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
  console.log(
    `twins: ${report.twins} Markdown twins (${kB(report.twinBytes)}), llms.txt (${kB(report.llmsBytes)}), llms-full.txt (${kB(report.llmsFullBytes)}) in ${seconds} s into ${path.relative(process.cwd(), out) || '.'}/`,
  );
});
