/**
 * What the site needs to know of a body without its tree: headings, links,
 * quotations, the safety policy's findings, or why it did not parse. Parsing
 * is most of the cost of loading a large site (micromark, about 5 ms a note),
 * and this analysis is a pure function of the body's bytes and our code, so it
 * is kept on disk under that key: a rebuild, a `npm run check` or a dev-server
 * reload parses only the bodies that changed. The tree itself is parsed again
 * only for an entry that is rendered (see `bodyTree`).
 */
import { createHash } from 'node:crypto';
import type { Root } from 'mdast';
import type { RawEntry } from '../content/load.ts';
import { parseBody, type ParseResult } from '../content/parse.ts';
import { diskCache } from '../lib/disk-cache.ts';
import { codeVersion } from '../util/code-version.ts';
import { inspectTree, type SafetyIssue } from '../content/safety.ts';
import { outlineOf, type BodyOutline } from './extract.ts';
import { linkContexts } from './link-context.ts';

export interface BodyAnalysis extends BodyOutline {
  /** Violations of the safety policy (src/content/safety.ts). */
  safety: SafetyIssue[];
  /** Why the body could not be parsed, if it could not. */
  problem?: Extract<ParseResult, { ok: false }>;
}

/** The code whose change changes an analysis or a rendering: the Markdown pipeline, the graph, and the locked dependencies. */
export const BODY_CODE = ['src/markdown', 'src/graph', 'src/content', 'package-lock.json'];

/**
 * Trees parsed in this process, by file. Astro evaluates the config (which checks the content)
 * and the content loader (which renders it) in separate module graphs; kept on `globalThis`, the
 * tree the check parsed is the one the renderer uses, instead of every body being parsed twice.
 * An entry holds the code version too, so a tree from older parser code (a dev-server edit) is not reused.
 */
const TREES = Symbol.for('customer-obsession-playbook.body-trees');
type TreeMemo = Map<string, { source: string; version: string | null; tree: Root }>;
const trees: TreeMemo = ((globalThis as unknown as Record<symbol, TreeMemo | undefined>)[TREES] ??= new Map() as TreeMemo);
const analyses = new Map<string, BodyAnalysis>();

/** The body with blank lines in front, so every node sits on its line in the file. */
const aligned = (raw: RawEntry) => '\n'.repeat(raw.bodyLine - 1) + raw.body;

function analyse(raw: RawEntry, version: string | null): BodyAnalysis {
  const text = aligned(raw);
  const parsed = parseBody(text, raw.extension);
  if (!parsed.ok) return { headings: [], links: [], quotes: [], safety: [], problem: parsed };
  trees.set(raw.absolutePath, { source: raw.source, version, tree: parsed.tree });
  return { ...outlineOf(parsed.tree, text, linkContexts(parsed.tree)), safety: inspectTree(parsed.tree) };
}

/**
 * The analysis of a body: from this process's memory, else from the disk cache
 * under `root` (the project, where our code is), else parsed now and kept.
 */
export function analyseBody(raw: RawEntry, root = process.cwd()): BodyAnalysis {
  const version = codeVersion(root, BODY_CODE);
  const key = createHash('sha256')
    .update(`${version ?? 'none'}\0${raw.extension}\0${raw.bodyLine}\0`)
    .update(raw.body)
    .digest('hex');
  const inMemory = analyses.get(key);
  if (inMemory) return inMemory;
  // Without a code version (no source under `root`) nothing is kept on disk: a stale analysis could not be told apart.
  const disk = version ? diskCache<BodyAnalysis>(root, 'playbook-bodies') : undefined;
  let analysis = disk?.get(key);
  if (!analysis) {
    analysis = analyse(raw, version);
    disk?.set(key, analysis);
  }
  analyses.set(key, analysis);
  return analysis;
}

/**
 * The parsed tree of a body, for rendering: kept from the analysis when this
 * process parsed it, else parsed now. Callers must not change it (the renderer
 * works on a copy).
 */
export function bodyTree(raw: RawEntry, root = process.cwd()): Root {
  const version = codeVersion(root, BODY_CODE);
  const kept = trees.get(raw.absolutePath);
  if (kept && kept.source === raw.source && kept.version === version) return kept.tree;
  const parsed = parseBody(aligned(raw), raw.extension);
  if (!parsed.ok) throw new Error(`${raw.file}:${parsed.line}:${parsed.column}: ${parsed.message}`);
  trees.set(raw.absolutePath, { source: raw.source, version, tree: parsed.tree });
  return parsed.tree;
}

/**
 * Lets go of the tree kept for a body once its last user is done with it (the content loader
 * after rendering, the twins after writing). A large site's trees take hundreds of megabytes
 * that the rest of the build needs; a later `bodyTree` only parses again.
 */
export function releaseBodyTree(raw: RawEntry): void {
  trees.delete(raw.absolutePath);
}
