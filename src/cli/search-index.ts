/**
 * `node scripts/search-index.ts`: the command-line spec as data, and the
 * report it prints. Indexing lives in src/search/indexer.ts; printing and the exit code
 * belong to the entry point.
 */
import path from 'node:path';
import type { CommandSpec, ParsedFlags } from './args.ts';
import { readSiteConfig } from '../config.ts';
import type { IndexOptions, IndexReport } from '../search/indexer.ts';
import { SEARCH_TYPES, type SearchType } from '../search/types.ts';

export const DEFAULT_SITE = 'dist';

export const searchIndexCommand: CommandSpec = {
  name: 'search-index',
  summary:
    'Builds the search index of a built site with Pagefind: one record per note, play, glossary term, timeline event, source, theme and reading path.',
  usage: 'node scripts/search-index.ts [--site DIR] [--content DIR]',
  flags: {
    site: { type: 'string', value: 'DIR', default: DEFAULT_SITE, description: 'the built site to index; the index goes to DIR/pagefind/' },
    content: { type: 'string', value: 'DIR', description: 'content folder the site was built from (default: $CONTENT_DIR or content/)' },
    help: { type: 'boolean', short: 'h', description: 'show this help' },
  },
  examples: [
    'npm run build && node scripts/search-index.ts',
    'CONTENT_DIR=tests/fixtures/site node scripts/search-index.ts --site /tmp/site',
  ],
};

/** Turns parsed flags into indexer options, resolving folders against the working directory. */
export function indexOptions(flags: ParsedFlags, env: Record<string, string | undefined> = process.env): IndexOptions {
  return {
    siteDir: path.resolve(typeof flags.site === 'string' ? flags.site : DEFAULT_SITE),
    contentDir: typeof flags.content === 'string' ? path.resolve(flags.content) : readSiteConfig(env).contentDir,
  };
}

const NAMES: Record<SearchType, [one: string, many: string]> = {
  notes: ['note', 'notes'],
  plays: ['play', 'plays'],
  glossary: ['glossary term', 'glossary terms'],
  timeline: ['timeline event', 'timeline events'],
  sources: ['source', 'sources'],
  themes: ['theme', 'themes'],
  paths: ['reading path', 'reading paths'],
};

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Two lines: what was indexed and how long it took; what was written and how big it is. */
export function formatIndexReport(report: IndexReport, cwd = process.cwd()): string {
  const counts = SEARCH_TYPES.map((type) => `${report.records[type]} ${NAMES[type][report.records[type] === 1 ? 0 : 1]}`).join(', ');
  const relative = path.relative(cwd, report.outputDir);
  const where = relative && !relative.startsWith('..') ? relative : report.outputDir;
  return [
    `search-index: indexed ${report.total} records (${counts}) in ${seconds(report.milliseconds)}`,
    `search-index: wrote ${report.files} files, ${kB(report.bytes)} (index data ${kB(report.indexBytes)}, vocabulary ${report.vocabularyWords} words in ${kB(report.vocabularyBytes)}), to ${where}${path.sep}`,
  ].join('\n');
}
