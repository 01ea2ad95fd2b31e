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
import fs from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import type { RawEntry } from '../content/load.ts';
import { parseBody, type ParseResult } from '../content/parse.ts';
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
const CODE = ['src/markdown', 'src/graph', 'src/content', 'package-lock.json'];

const versions = new Map<string, string>();
/** A hash of our parsing and rendering code under `root`, computed once per process; null when `root` holds none of it. */
export function codeVersion(root: string): string | null {
  const known = versions.get(root);
  if (known !== undefined) return known || null;
  const hash = createHash('sha256');
  let files = 0;
  for (const relative of CODE) {
    const target = path.join(root, relative);
    if (!fs.existsSync(target)) continue;
    const list = fs.statSync(target).isDirectory()
      ? fs
          .readdirSync(target, { recursive: true, withFileTypes: true })
          .filter((dirent) => dirent.isFile())
          .map((dirent) => path.join(dirent.parentPath, dirent.name))
          .sort()
      : [target];
    for (const file of list) {
      hash.update(path.relative(root, file)).update('\0').update(fs.readFileSync(file)).update('\0');
      files++;
    }
  }
  const version = files > 0 ? hash.digest('hex').slice(0, 16) : '';
  versions.set(root, version);
  return version || null;
}

/** Where analyses are kept: beside the other build caches, in the project's node_modules. */
const cacheDir = (root: string) => path.join(root, 'node_modules/.cache/playbook-bodies');

const trees = new Map<string, { source: string; tree: Root }>();
const analyses = new Map<string, BodyAnalysis>();

/** The body with blank lines in front, so every node sits on its line in the file. */
const aligned = (raw: RawEntry) => '\n'.repeat(raw.bodyLine - 1) + raw.body;

function analyse(raw: RawEntry): BodyAnalysis {
  const text = aligned(raw);
  const parsed = parseBody(text, raw.extension);
  if (!parsed.ok) return { headings: [], links: [], quotes: [], safety: [], problem: parsed };
  trees.set(raw.absolutePath, { source: raw.source, tree: parsed.tree });
  return { ...outlineOf(parsed.tree, text, linkContexts(parsed.tree)), safety: inspectTree(parsed.tree) };
}

/**
 * The analysis of a body: from this process's memory, else from the disk cache
 * under `root` (the project, where our code is), else parsed now and kept.
 */
export function analyseBody(raw: RawEntry, root = process.cwd()): BodyAnalysis {
  const version = codeVersion(root);
  const key = createHash('sha256')
    .update(`${version ?? 'none'}\0${raw.extension}\0${raw.bodyLine}\0`)
    .update(raw.body)
    .digest('hex');
  const inMemory = analyses.get(key);
  if (inMemory) return inMemory;
  const file = path.join(cacheDir(root), key.slice(0, 2), `${key}.json`);
  if (version) {
    try {
      const cached = JSON.parse(fs.readFileSync(file, 'utf8')) as BodyAnalysis;
      analyses.set(key, cached);
      return cached;
    } catch {
      // Not cached yet (or unreadable): parse below.
    }
  }
  const analysis = analyse(raw);
  analyses.set(key, analysis);
  if (version) {
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      // Written whole, then renamed: a parallel reader never sees half a file.
      const temporary = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(temporary, JSON.stringify(analysis));
      fs.renameSync(temporary, file);
    } catch {
      // A cache that cannot be written only costs time.
    }
  }
  return analysis;
}

/**
 * The parsed tree of a body, for rendering: kept from the analysis when this
 * process parsed it, else parsed now. Callers must not change it (the renderer
 * works on a copy).
 */
export function bodyTree(raw: RawEntry): Root {
  const kept = trees.get(raw.absolutePath);
  if (kept && kept.source === raw.source) return kept.tree;
  const parsed = parseBody(aligned(raw), raw.extension);
  if (!parsed.ok) throw new Error(`${raw.file}:${parsed.line}:${parsed.column}: ${parsed.message}`);
  trees.set(raw.absolutePath, { source: raw.source, tree: parsed.tree });
  return parsed.tree;
}
