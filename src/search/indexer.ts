/**
 * Builds the Pagefind index of a built site with Pagefind's Node API:
 * records from the content model (records.ts), words from the built pages,
 * files written to `<site>/pagefind/`. Runs after `astro build`.
 *
 * Records are added one at a time, in a fixed order, so the same site always
 * gives the same index files. Only the files the search page uses are written:
 * Pagefind also emits its ready-made UIs (about 400 kB), which we do not ship.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { loadSiteGraph, type SiteGraph } from '../graph/site-graph.ts';
import { pageProblem, tagPage } from './html.ts';
import { countByType, recordFilters, recordMeta, SearchRecordError, searchRecords } from './records.ts';
import type { SearchRecord, SearchType } from './types.ts';
import { siteVocabulary, VOCABULARY_FILE, vocabularyText } from './vocabulary.ts';

/** The folder under the site that holds the index; the search page loads `pagefind.js` from it. */
export const BUNDLE_DIR = 'pagefind';
/** The language of every record: the site is written in English (`<html lang="en">`). */
export const LANGUAGE = 'en';
/** Pagefind's own UIs and highlighter, which the search page does not use. */
const UNUSED_FILE = /^pagefind-(?:ui|modular-ui|component-ui|highlight)\.(?:js|css)$/;
/** Files that hold the index itself (as opposed to code): loaded per query. */
const INDEX_FILE = /\.pf_(?:meta|index|fragment|filter)$/;

/** A failure the entry point reports as it is: the message says what to do, `cause` keeps the detail. */
export class SearchIndexError extends Error {
  override name = 'SearchIndexError';
}

export interface IndexOptions {
  /** The built site, e.g. `dist`. */
  siteDir: string;
  /** The content folder the site was built from. */
  contentDir: string;
  /** Its graph, when the caller has loaded it already (the build, scripts/build.ts). */
  graph?: SiteGraph;
  /**
   * Work of the caller's to do while Pagefind's process builds the index files from the pages it was
   * given, when this process would only wait (1,000 notes: about 1.3 s). An error it throws ends the
   * indexing and is thrown as it is.
   */
  alongside?: () => void;
}

export interface IndexReport {
  /** Records per type. */
  records: Record<SearchType, number>;
  total: number;
  /** The folder the index was written to. */
  outputDir: string;
  files: number;
  /** Bytes of every file written. */
  bytes: number;
  /** Bytes of the index data alone (metadata, word chunks, fragments, filters). */
  indexBytes: number;
  /** Words in the "Did you mean" vocabulary (`pagefind/vocabulary.txt`) and its size. */
  vocabularyWords: number;
  vocabularyBytes: number;
  milliseconds: number;
}

/** Fails with what went wrong and how to fix it, listing at most a few cases. */
function fail(problems: string[], advice: string): never {
  const shown = problems.slice(0, 5).map((p) => `  - ${p}`);
  const more = problems.length > shown.length ? [`  … and ${problems.length - shown.length} more`] : [];
  throw new SearchIndexError(
    [`${problems.length === 1 ? 'a page cannot' : `${problems.length} pages cannot`} be indexed:`, ...shown, ...more, advice].join('\n'),
  );
}

/** Fails before Pagefind starts if a record's page was not built (a site built from other content). */
function checkPagesExist(siteDir: string, records: readonly SearchRecord[]): void {
  const missing = records.flatMap((record) =>
    record.source.kind === 'html' && !fs.existsSync(path.join(siteDir, record.source.file))
      ? [`${record.key}: no ${record.source.file} in ${siteDir}`]
      : [],
  );
  if (missing.length > 0) fail(missing, 'Build the site from the same content folder before indexing it (CONTENT_DIR, or --content).');
}

/** Requests sent to Pagefind before the oldest is awaited: enough to keep it busy, few enough to keep memory flat. */
const IN_FLIGHT = 32;

/**
 * Adds every record, in order. Each record is a round trip to Pagefind's
 * process; awaiting each before sending the next left both processes idle most
 * of the time (1,000 pages: 3.9 s). Requests are sent in order, with up to
 * IN_FLIGHT unanswered, so the index is the same as one built one by one.
 */
async function addRecords(index: pagefind.PagefindIndex, siteDir: string, records: readonly SearchRecord[]): Promise<void> {
  const broken: string[] = [];
  const pending: { record: SearchRecord; response: Promise<pagefind.NewFileResponse> }[] = [];
  const settle = async (item: { record: SearchRecord; response: Promise<pagefind.NewFileResponse> }) => {
    const response = await item.response;
    if (response.errors.length > 0)
      throw new SearchIndexError(`Pagefind refused ${item.record.key} (${item.record.url}): ${response.errors.join('; ')}`);
  };
  for (const record of records) {
    let response: Promise<pagefind.NewFileResponse>;
    if (record.source.kind === 'html') {
      const html = fs.readFileSync(path.join(siteDir, record.source.file), 'utf8');
      const problem = pageProblem(html);
      if (problem) {
        broken.push(`${record.source.file}: ${problem}`);
        continue;
      }
      response = index.addHTMLFile({ url: record.url, content: tagPage(html, record) });
    } else {
      response = index.addCustomRecord({
        url: record.url,
        content: record.source.content,
        language: LANGUAGE,
        meta: { ...recordMeta(record) },
        filters: recordFilters(record),
      });
    }
    pending.push({ record, response });
    if (pending.length >= IN_FLIGHT) await settle(pending.shift() as (typeof pending)[number]);
  }
  for (const item of pending) await settle(item);
  if (broken.length > 0) fail(broken, 'Mark the main content of each entry page with data-pagefind-body.');
}

/** Replaces `<site>/pagefind/` with the files the search page needs; returns what it wrote. */
function writeBundle(outputDir: string, files: readonly pagefind.IndexFile[]): { files: number; bytes: number; indexBytes: number } {
  fs.rmSync(outputDir, { recursive: true, force: true });
  let count = 0;
  let bytes = 0;
  let indexBytes = 0;
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    if (UNUSED_FILE.test(path.basename(file.path))) continue;
    const target = path.join(outputDir, file.path);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, file.content);
    count += 1;
    bytes += file.content.byteLength;
    if (INDEX_FILE.test(file.path)) indexBytes += file.content.byteLength;
  }
  return { files: count, bytes, indexBytes };
}

/** Starts Pagefind's service with one language for every record, so pages and custom records share one index. */
async function startIndex(): Promise<pagefind.PagefindIndex> {
  let created: pagefind.NewIndexResponse;
  try {
    created = await pagefind.createIndex({ forceLanguage: LANGUAGE });
  } catch (error) {
    throw new SearchIndexError('Pagefind did not start; is the `pagefind` package installed for this platform?', { cause: error });
  }
  if (!created.index) throw new SearchIndexError(`Pagefind did not create an index: ${created.errors.join('; ')}`);
  return created.index;
}

/** Indexes the built site in `siteDir`. Throws SearchIndexError with a cause; never exits the process. */
export async function buildSearchIndex({ siteDir, contentDir, graph: loaded, alongside }: IndexOptions): Promise<IndexReport> {
  const started = performance.now();
  if (!fs.existsSync(path.join(siteDir, 'index.html'))) {
    throw new SearchIndexError(`no built site in ${siteDir}: run \`npm run build\` first, or pass the folder with --site.`);
  }
  let records: SearchRecord[];
  const graph = loaded ?? loadSiteGraph(contentDir, { fresh: true });
  try {
    records = searchRecords(graph);
  } catch (error) {
    if (error instanceof SearchRecordError) throw new SearchIndexError(error.message, { cause: error });
    throw error;
  }
  if (records.length === 0)
    throw new SearchIndexError(`no published entries in ${contentDir}: is that the content folder the site was built from?`);
  checkPagesExist(siteDir, records);

  try {
    const index = await startIndex();
    await addRecords(index, siteDir, records);
    // The request goes out at once; Pagefind's answer waits until `alongside` is done.
    const indexed = index.getFiles();
    try {
      alongside?.();
    } catch (error) {
      await indexed.catch(() => undefined);
      throw error;
    }
    const { errors, files } = await indexed;
    if (errors.length > 0) throw new SearchIndexError(`Pagefind could not build the index: ${errors.join('; ')}`);
    const outputDir = path.join(siteDir, BUNDLE_DIR);
    const written = writeBundle(outputDir, files);
    // Beside pagefind.js, so the search page finds it under the same bundle path.
    const vocabulary = siteVocabulary(graph);
    const text = vocabularyText(vocabulary);
    fs.writeFileSync(path.join(outputDir, VOCABULARY_FILE), text);
    const vocabularyBytes = Buffer.byteLength(text);
    return {
      records: countByType(records),
      total: records.length,
      outputDir,
      files: written.files + 1,
      bytes: written.bytes + vocabularyBytes,
      indexBytes: written.indexBytes,
      vocabularyWords: vocabulary.length,
      vocabularyBytes,
      milliseconds: Math.round(performance.now() - started),
    };
  } finally {
    // The Node API runs Pagefind as a child process; close it or Node never exits.
    await pagefind.close();
  }
}
