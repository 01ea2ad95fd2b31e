#!/usr/bin/env node
// Entry point of the build-record step, run beside the search index: writes what this build read
// (code, settings, content files, rendered digests, catalogue; src/rebuild/record.ts) to --to.
// `npm run build` completes it with the output folder's fingerprint once every step succeeded.
// Exit codes: 0 written, 2 bad usage.
import path from 'node:path';
import { UsageError, type CommandSpec } from '../src/cli/args.ts';
import { runCommand } from '../src/cli/run.ts';
import { readSiteConfig } from '../src/config.ts';
import { buildCodeVersion, contentState, RECORD_FORMAT, settingsDigest, writeRecord } from '../src/rebuild/record.ts';
import { loadSiteGraph } from '../src/graph/site-graph.ts';

const command: CommandSpec = {
  name: 'build-record',
  summary: 'Writes the record of a build: what it was built from.',
  usage: 'node scripts/build-record.ts --out DIST --to FILE',
  flags: {
    out: { type: 'string', default: 'dist', value: 'DIR', description: 'the output folder of the build' },
    to: { type: 'string', value: 'FILE', description: 'where to write the record' },
    help: { type: 'boolean', short: 'h', description: 'show this help' },
  },
};

process.exitCode = await runCommand(command, ({ flags, positionals }) => {
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}".`);
  if (typeof flags.to !== 'string' || flags.to === '') throw new UsageError('give the record file with --to FILE.');
  const root = process.cwd();
  const config = readSiteConfig();
  const out = path.resolve(String(flags.out));
  const state = contentState(loadSiteGraph(config.contentDir), root, config.basePath);
  writeRecord(path.resolve(flags.to), {
    format: RECORD_FORMAT,
    code: buildCodeVersion(root),
    settings: settingsDigest(config, out),
    output: '',
    ...state,
  });
});
