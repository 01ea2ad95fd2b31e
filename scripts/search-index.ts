#!/usr/bin/env node
// Entry point of the search indexing step, run after `astro build`: parse flags, index, report, set the exit code.
// Exit codes: 0 indexed, 1 the site or content cannot be indexed (the message says why), 2 bad usage.
import { helpText, parseCommand, UsageError } from '../src/cli/args.ts';
import { formatIndexReport, indexOptions, searchIndexCommand } from '../src/search/command.ts';
import { buildSearchIndex, SearchIndexError } from '../src/search/indexer.ts';

try {
  const { flags, positionals } = parseCommand(searchIndexCommand, process.argv.slice(2));
  if (flags.help) {
    console.log(helpText(searchIndexCommand));
    process.exit(0);
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"; pass the site folder with --site.`);
  const report = await buildSearchIndex(indexOptions(flags));
  console.log(formatIndexReport(report));
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`search-index: ${error.message}`);
    process.exitCode = 2;
  } else if (error instanceof SearchIndexError) {
    console.error(`search-index: ${error.message}`);
    if (error.cause) console.error(`  cause: ${error.cause instanceof Error ? error.cause.message : String(error.cause)}`);
    process.exitCode = 1;
  } else throw error;
}
