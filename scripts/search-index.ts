#!/usr/bin/env node
// Entry point of the search indexing step, run after `astro build`: parse flags, index, report, set the exit code.
// Exit codes: 0 indexed, 1 the site or content cannot be indexed (the message says why), 2 bad usage.
import { inspect } from 'node:util';
import { UsageError } from '../src/cli/args.ts';
import { runCommand } from '../src/cli/run.ts';
import { formatIndexReport, indexOptions, searchIndexCommand } from '../src/cli/search-index.ts';
import { buildSearchIndex, SearchIndexError } from '../src/search/indexer.ts';

process.exitCode = await runCommand(
  searchIndexCommand,
  async ({ flags, positionals }) => {
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"; pass the site folder with --site.`);
    const report = await buildSearchIndex(indexOptions(flags));
    console.log(formatIndexReport(report));
  },
  {
    expected: (error) =>
      error instanceof SearchIndexError
        ? {
            exitCode: 1,
            lines: [
              error.message,
              ...(error.cause ? [`cause: ${error.cause instanceof Error ? error.cause.message : inspect(error.cause)}`] : []),
            ],
          }
        : undefined,
  },
);
