/**
 * The one YAML parser of the site: frontmatter and YAML entries are read here,
 * by the checker and the build alike. Content needs plain data only, so the
 * options are strict: the core schema, no tags, no anchors or aliases (an alias
 * bomb is refused before anything is expanded), unique keys, and a nesting
 * limit checked on the text before the parser recurses into it.
 */
import { isAlias, LineCounter, parseDocument, visit, type Document } from 'yaml';

/** Deepest nesting of maps and lists a content file may have; real entries use at most 4. */
export const MAX_YAML_DEPTH = 32;

/** The tags plain data resolves to; `!!binary`, `!!set`, custom `!tags` and the like are refused. */
const PLAIN_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'seq', 'map'].map((name) => `tag:yaml.org,2002:${name}`));

export interface YamlProblem {
  message: string;
  fix: string;
  /** 1-based, within the YAML text. */
  line: number;
  column: number;
}

export type YamlResult =
  | { ok: true; document: Document; lineCounter: LineCounter; data: unknown }
  | { ok: false; problem: YamlProblem; document?: Document; lineCounter: LineCounter };

/**
 * A cheap upper bound of the nesting on each line: leading indentation in
 * steps of two, compact sequences (`- - -`), and open flow brackets. The
 * parser itself recurses per level, so deep input must be refused before it.
 */
export function yamlDepthProblem(text: string): YamlProblem | null {
  let flow = 0;
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    const indent = /^[ \t]*/.exec(line)?.[0].length ?? 0;
    const compact = /^(?:[ \t]*[-?:][ \t]+)*/.exec(line)?.[0].replace(/[^-?:]/g, '').length ?? 0;
    let inQuote: string | null = null;
    for (let i = 0; i < line.length; i++) {
      const char = line[i];
      if (inQuote) {
        if (char === inQuote) inQuote = null;
      } else if (char === '"' || char === "'") inQuote = char;
      else if (char === '#' && (i === 0 || line[i - 1] === ' ')) break;
      else if (char === '[' || char === '{') flow++;
      else if (char === ']' || char === '}') flow = Math.max(0, flow - 1);
      if (flow > MAX_YAML_DEPTH) break;
    }
    if (indent / 2 + compact > MAX_YAML_DEPTH || flow > MAX_YAML_DEPTH) {
      return {
        message: `the YAML nests more than ${MAX_YAML_DEPTH} levels deep`,
        fix: 'content entries are flat: a few fields, lists of plain values or small maps',
        line: index + 1,
        column: 1,
      };
    }
  }
  return null;
}

export function parseYaml(text: string): YamlResult {
  const lineCounter = new LineCounter();
  const tooDeep = yamlDepthProblem(text);
  if (tooDeep) return { ok: false, problem: tooDeep, lineCounter };
  const at = (offset: number | undefined) => {
    const { line, col } = lineCounter.linePos(offset ?? 0);
    return { line, column: col };
  };
  let document: Document;
  try {
    document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, schema: 'core', strict: true });
  } catch (error) {
    // A backstop: no input may crash the reader.
    return { ok: false, problem: { message: `the YAML could not be read (${(error as Error).message})`, fix: 'simplify the file', line: 1, column: 1 }, lineCounter };
  }
  const error = document.errors[0];
  if (error) {
    return {
      ok: false,
      problem: {
        ...at(error.pos[0]),
        message: error.message.split('\n')[0] ?? 'invalid YAML',
        fix: 'check indentation and quote values that contain a colon, e.g. locator: "Part II: delight"',
      },
      document,
      lineCounter,
    };
  }
  let refused: YamlProblem | null = null;
  visit(document, (_key, node) => {
    // An empty document, or a key without a value (`? a`), is visited as null.
    if (node === null || typeof node !== 'object') return undefined;
    const range = (node as { range?: [number, number, number] }).range;
    if (isAlias(node) || (node as { anchor?: string }).anchor) {
      refused = { ...at(range?.[0]), message: 'YAML anchors and aliases (&name, *name) are not allowed', fix: 'write each value out in full' };
      return visit.BREAK;
    }
    const tag = (node as { tag?: string }).tag;
    if (tag && !PLAIN_TAGS.has(tag)) {
      refused = { ...at(range?.[0]), message: `the YAML tag "${tag}" is not allowed`, fix: 'remove the !tag; write plain strings, numbers, lists and maps' };
      return visit.BREAK;
    }
    return undefined;
  });
  const warning = document.warnings[0];
  if (!refused && warning) {
    refused = { ...at(warning.pos[0]), message: warning.message.split('\n')[0] ?? 'unsupported YAML', fix: 'remove the !tag; write plain strings, numbers, lists and maps' };
  }
  if (refused) return { ok: false, problem: refused, document, lineCounter };
  try {
    return { ok: true, document, lineCounter, data: document.toJS({ maxAliasCount: 0 }) ?? {} };
  } catch (error) {
    return { ok: false, problem: { message: `the YAML could not be read (${(error as Error).message})`, fix: 'simplify the file', line: 1, column: 1 }, document, lineCounter };
  }
}
