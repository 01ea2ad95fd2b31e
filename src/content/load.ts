/**
 * The one reader of the content folder. Every file is read once, as bytes, and
 * refused (with a rule, a line and a fix) unless it is a regular file inside the
 * content folder, valid UTF-8 without NUL or control characters, under the size
 * limit, and named with a valid id. A BOM is stripped. YAML goes through the one
 * safe parser (./yaml.ts). No validation against schemas happens here; see
 * src/validate/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isMap, isSeq, LineCounter, type Document, type Node } from 'yaml';
import { COLLECTIONS, type CollectionName } from '../schema/index.ts';
import { parseYaml } from './yaml.ts';

/** Largest content file accepted, checked before the file is parsed. */
export const MAX_FILE_BYTES = 200 * 1024;
/** An id (file name without extension): lowercase letters and digits in words joined by single hyphens. */
export const ENTRY_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_ID_LENGTH = 80;

/** Why a file was refused before its content could be used. */
export interface ReadProblem {
  rule: 'unsafe-file' | 'file-encoding' | 'control-character' | 'file-too-large' | 'invalid-id' | 'yaml-syntax';
  message: string;
  fix: string;
  line: number;
  column: number;
}

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
  /** The whole file, decoded (empty when the file was refused). */
  source: string;
  /** Parsed YAML (the frontmatter for Markdown entries), or undefined if it was refused. */
  data: unknown;
  /** The Markdown body (empty for YAML entries). */
  body: string;
  /** 1-based line on which the body starts. */
  bodyLine: number;
  /** 1-based line of a field, e.g. `['sources', 0, 'id']`, falling back to its closest parent. */
  lineOf: (fieldPath: readonly PropertyKey[]) => number;
  /** Set when the file was refused: nothing else of it is used. */
  problem?: ReadProblem;
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
/** C0 controls other than tab, line feed and carriage return; DEL; C1 controls. */
// eslint-disable-next-line no-control-regex -- finding control characters is this expression's purpose
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Resolves the content folder: `CONTENT_DIR` or `content/` in the working directory. */
export function contentDir(env: Record<string, string | undefined> = process.env): string {
  return path.resolve(env.CONTENT_DIR ?? 'content');
}

/** Line and column of a character offset. */
function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** A suggestion for a file name that breaks the id rule. */
export function suggestId(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, MAX_ID_LENGTH) || 'new-entry'
  );
}

const wholeFile = (rule: ReadProblem['rule'], message: string, fix: string) => ({ problem: { rule, message, fix, line: 1, column: 1 } });

/** Checks a file's name, place, kind and bytes; returns its text or the reason it is refused. */
function readText(root: string, absolutePath: string, id: string, extension: string): { text: string } | { problem: ReadProblem } {
  if (!ENTRY_ID.test(id) || id.length > MAX_ID_LENGTH) {
    return wholeFile(
      'invalid-id',
      `the file name "${id}${extension}" is not a valid id: ids are lowercase letters and digits in words joined by single hyphens, at most ${MAX_ID_LENGTH} characters`,
      `rename the file to ${suggestId(id)}${extension}`,
    );
  }
  return readChecked(root, absolutePath);
}

/** Checks a file's place, kind and bytes (not its name); returns its text or the reason it is refused. */
function readChecked(root: string, absolutePath: string): { text: string } | { problem: ReadProblem } {
  const whole = wholeFile;
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(absolutePath);
  } catch (error) {
    return whole('unsafe-file', `the file cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`, 'check that the file exists and is readable');
  }
  if (stat.isSymbolicLink()) return whole('unsafe-file', 'the file is a symbolic link; content files must be regular files', 'replace the link with the file itself');
  if (!stat.isFile()) return whole('unsafe-file', 'this is not a regular file', 'content folders hold only entry files');
  const real = fs.realpathSync(absolutePath);
  const realRoot = fs.realpathSync(root);
  if (!real.startsWith(realRoot + path.sep)) return whole('unsafe-file', 'the file lies outside the content folder', 'move the file into the content folder');
  if (stat.size > MAX_FILE_BYTES) {
    return whole('file-too-large', `the file is ${Math.ceil(stat.size / 1024)} kB; the limit is ${MAX_FILE_BYTES / 1024} kB`, 'split it into several entries');
  }
  const bytes = fs.readFileSync(absolutePath);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    let valid = 0;
    // Find the first byte that does not decode, for the line number: one pass, byte by byte, as a stream
    // (decoding every prefix again took minutes on a large file). `valid` is the end of the last whole character.
    const stream = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    for (let index = 0; index < bytes.length; index++) {
      try {
        if (stream.decode(bytes.subarray(index, index + 1), { stream: true }) !== '') valid = index + 1;
      } catch {
        break;
      }
    }
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, valid));
    const at = position(before, before.length);
    return { problem: { rule: 'file-encoding', message: `the file is not valid UTF-8 (byte ${valid + 1})`, fix: 'save the file as UTF-8 (most editors: "Save with encoding" → UTF-8)', ...at } };
  }
  const control = CONTROL.exec(text);
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return {
      problem: {
        rule: 'control-character',
        message: `the file holds the control character U+${code}${code === '0000' ? ' (NUL)' : ''}`,
        fix: 'delete the character; content is plain text',
        ...position(text, control.index),
      },
    };
  }
  return { text };
}

/** Reads one file into a raw entry. `root` is the content folder it must lie in. */
export function readEntry(collection: CollectionName, absolutePath: string, cwd = process.cwd(), root = path.dirname(path.dirname(absolutePath))): RawEntry {
  const extension = path.extname(absolutePath);
  const id = path.basename(absolutePath, extension);
  const spec = COLLECTIONS[collection];
  const file = path.relative(cwd, absolutePath) || absolutePath;
  const base = { collection, id, key: `${collection}/${id}`, file, absolutePath, extension };
  const read = readText(root, absolutePath, id, extension);
  if ('problem' in read) {
    return { ...base, bytes: 0, source: '', data: undefined, body: '', bodyLine: 1, lineOf: () => read.problem.line, problem: read.problem };
  }
  const source = read.text;
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
  const yaml = parseYaml(yamlText);
  const lineOf = (fieldPath: readonly PropertyKey[]) => (yaml.document ? fieldLine(yaml.document, yaml.lineCounter, fieldPath) : 1) + yamlFirstLine - 1;
  const entry = { ...base, bytes: Buffer.byteLength(source), source, body, bodyLine, lineOf };
  if (!yaml.ok) {
    const { line, column, message, fix } = yaml.problem;
    return { ...entry, data: undefined, problem: { rule: 'yaml-syntax', message: `the YAML does not parse: ${message}`, fix, line: line + yamlFirstLine - 1, column } };
  }
  return { ...entry, data: yaml.data };
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
    // Links and other non-files are listed too, so the reader refuses them by name instead of skipping them.
    .filter((dirent) => (spec.extensions as readonly string[]).includes(path.extname(dirent.name)))
    .map((dirent) => path.join(folder, dirent.name))
    .sort();
}

/** Reads every entry of every collection. */
export function loadContent(root: string, cwd = process.cwd()): RawEntry[] {
  const entries: RawEntry[] = [];
  for (const collection of Object.keys(COLLECTIONS) as CollectionName[]) {
    for (const file of listCollectionFiles(root, collection)) entries.push(readEntry(collection, file, cwd, root));
  }
  return entries;
}

/** A data file of the content folder that is not an entry (e.g. `redirects.yaml`), read and parsed like one. */
export interface RawDataFile {
  /** Path relative to the working directory, for messages. */
  file: string;
  absolutePath: string;
  /** Parsed YAML, or undefined if the file was refused. */
  data: unknown;
  /** 1-based line of a field, e.g. `['notes', 'old-id']`, falling back to its closest parent. */
  lineOf: (fieldPath: readonly PropertyKey[]) => number;
  problem?: ReadProblem;
}

/**
 * Reads `<root>/<name>` with the same checks as an entry (a regular file inside the folder, UTF-8,
 * no control characters, the size limit) and the one YAML parser. Null when there is no such file.
 */
export function readDataFile(root: string, name: string, cwd = process.cwd()): RawDataFile | null {
  const absolutePath = path.join(root, name);
  try {
    fs.lstatSync(absolutePath);
  } catch {
    return null;
  }
  const file = path.relative(cwd, absolutePath) || absolutePath;
  const read = readChecked(root, absolutePath);
  if ('problem' in read) return { file, absolutePath, data: undefined, lineOf: () => read.problem.line, problem: read.problem };
  const yaml = parseYaml(read.text);
  const lineOf = (fieldPath: readonly PropertyKey[]) => (yaml.document ? fieldLine(yaml.document, yaml.lineCounter, fieldPath) : 1);
  if (!yaml.ok) {
    const { line, column, message, fix } = yaml.problem;
    return { file, absolutePath, data: undefined, lineOf, problem: { rule: 'yaml-syntax', message: `the YAML does not parse: ${message}`, fix, line, column } };
  }
  return { file, absolutePath, data: yaml.data, lineOf };
}
