/**
 * Reads the content folder into raw entries: file text, parsed YAML and a way
 * to find the line of any field. No validation happens here; see src/validate/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { COLLECTIONS, type CollectionName } from '../schema/index.ts';

export interface RawEntry {
  collection: CollectionName;
  /** File name without extension: the entry's id. */
  id: string;
  /** `collection/id`: unique across the site. */
  key: string;
  /** Path relative to the working directory, for messages. */
  file: string;
  /** Absolute path. */
  absolutePath: string;
  extension: string;
  /** Size of the file in bytes. */
  bytes: number;
  /** The whole file. */
  source: string;
  /** Parsed YAML (the frontmatter for Markdown entries), or undefined if it did not parse. */
  data: unknown;
  /** The Markdown body (empty for YAML entries). */
  body: string;
  /** 1-based line on which the body starts. */
  bodyLine: number;
  /** 1-based line of a field, e.g. `['sources', 0, 'id']`, falling back to its closest parent. */
  lineOf: (fieldPath: readonly PropertyKey[]) => number;
  /** A YAML syntax error, if any: message and line. */
  yamlError?: { message: string; line: number; column: number };
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Resolves the content folder: `CONTENT_DIR` or `content/` in the working directory. */
export function contentDir(env: Record<string, string | undefined> = process.env): string {
  return path.resolve(env.CONTENT_DIR ?? 'content');
}

/** Reads one file into a raw entry. Exported for tests. */
export function readEntry(collection: CollectionName, absolutePath: string, cwd = process.cwd()): RawEntry {
  const source = fs.readFileSync(absolutePath, 'utf8');
  const extension = path.extname(absolutePath);
  const id = path.basename(absolutePath, extension);
  const spec = COLLECTIONS[collection];
  let yamlText = source;
  let yamlFirstLine = 1;
  let body = '';
  let bodyLine = 1;
  if (spec.body) {
    const match = FRONTMATTER.exec(source);
    if (match) {
      yamlText = match[1] ?? '';
      yamlFirstLine = 2;
      body = source.slice(match[0].length);
      bodyLine = match[0].split('\n').length + (match[0].endsWith('\n') ? 0 : 1);
    } else {
      yamlText = '';
      body = source;
    }
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const firstError = document.errors[0];
  const errorAt = firstError ? lineCounter.linePos(firstError.pos[0]) : undefined;
  const yamlError = firstError
    ? {
        message: firstError.message.split('\n')[0] ?? 'invalid YAML',
        line: (errorAt?.line ?? 1) + yamlFirstLine - 1,
        column: errorAt?.col ?? 1,
      }
    : undefined;
  const data = yamlError ? undefined : (document.toJS() ?? {});
  const lineOf = (fieldPath: readonly PropertyKey[]) => fieldLine(document, lineCounter, fieldPath) + yamlFirstLine - 1;
  return {
    collection,
    id,
    key: `${collection}/${id}`,
    file: path.relative(cwd, absolutePath) || absolutePath,
    absolutePath,
    extension,
    bytes: Buffer.byteLength(source),
    source,
    data,
    body,
    bodyLine,
    lineOf,
    ...(yamlError && { yamlError }),
  };
}

/** The line of the deepest node on `fieldPath` that exists (keys point at their key, not their value). */
function fieldLine(document: Document, lineCounter: LineCounter, fieldPath: readonly PropertyKey[]): number {
  let node: unknown = document.contents;
  let line = 1;
  for (const segment of fieldPath) {
    if (isMap(node)) {
      const pair = node.items.find((item) => (item.key as { value?: unknown } | null)?.value === segment);
      if (!pair) break;
      const keyNode = pair.key as Node | null;
      if (keyNode?.range) line = lineCounter.linePos(keyNode.range[0]).line;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (!item) break;
      if (item.range) line = lineCounter.linePos(item.range[0]).line;
      node = item;
    } else break;
  }
  return line;
}

/** Lists the entry files of one collection, sorted by name, so every run sees the same order. */
export function listCollectionFiles(root: string, collection: CollectionName): string[] {
  const spec = COLLECTIONS[collection];
  const folder = path.join(root, spec.folder);
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder, { withFileTypes: true })
    .filter((dirent) => dirent.isFile() && (spec.extensions as readonly string[]).includes(path.extname(dirent.name)))
    .map((dirent) => path.join(folder, dirent.name))
    .sort();
}

/** Reads every entry of every collection. */
export function loadContent(root: string, cwd = process.cwd()): RawEntry[] {
  const entries: RawEntry[] = [];
  for (const collection of Object.keys(COLLECTIONS) as CollectionName[]) {
    for (const file of listCollectionFiles(root, collection)) entries.push(readEntry(collection, file, cwd));
  }
  return entries;
}
