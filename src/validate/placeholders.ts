/**
 * The `placeholder` rule. `npm run new` writes files whose blanks are marked
 * so that the checker (and the build) reject them until a person fills them:
 *
 * - text blanks read `TODO: <what to write>`; the words after the marker are
 *   the instruction, so the finding's fix is the instruction itself;
 * - id blanks read `todo`, which is a well-formed id, so the schema alone
 *   would let it through (only "no such entry" would fire, which hides why).
 *
 * Pure: it reads a raw entry and returns findings; src/validate/ calls it.
 */
import type { RawEntry } from '../content/load.ts';
import type { Finding } from '../content/finding.ts';

export const PLACEHOLDER_RULE = 'placeholder';
/** Starts every text placeholder. Upper case and a colon, so ordinary prose never matches. */
export const TODO_MARKER = 'TODO:';
/** Stands in for an id the contributor must choose. */
export const TODO_ID = 'todo';

/** A text placeholder carrying its instruction, e.g. `TODO: one sentence on …`. */
export const todo = (instruction: string): string => `${TODO_MARKER} ${instruction}`;

/**
 * Whether a frontmatter value is a blank left by `npm run new`: `todo`, or
 * text starting with `TODO:`. "todo-list" or "Todo lists considered harmful"
 * are real values and do not match.
 */
export function isPlaceholder(value: unknown): value is string {
  return typeof value === 'string' && /^\s*todo\s*(?::|$)/i.test(value);
}

export interface DataPlaceholder {
  /** Field path, e.g. `['sources', 0, 'id']`. */
  path: (string | number)[];
  value: string;
}

/** Every placeholder in parsed YAML, in document order. */
export function findDataPlaceholders(data: unknown, path: (string | number)[] = []): DataPlaceholder[] {
  if (isPlaceholder(data)) return [{ path, value: data }];
  if (Array.isArray(data)) return data.flatMap((item, i) => findDataPlaceholders(item, [...path, i]));
  if (data !== null && typeof data === 'object' && !(data instanceof Date)) {
    return Object.entries(data).flatMap(([key, value]) => findDataPlaceholders(value, [...path, key]));
  }
  return [];
}

export interface BodyPlaceholder {
  /** 1-based line within the body. */
  line: number;
  /** 1-based column of the marker. */
  column: number;
  /** The rest of the line from the marker on. */
  text: string;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Every `TODO:` in a Markdown body, outside code: a fenced block or an inline
 * code span may show the marker on purpose (CONTRIBUTING-style examples).
 */
export function findBodyPlaceholders(body: string): BodyPlaceholder[] {
  const found: BodyPlaceholder[] = [];
  let fence: string | null = null;
  body.split('\n').forEach((line, i) => {
    const opener = FENCE.exec(line)?.[1];
    if (fence) {
      if (opener && opener[0] === fence[0] && opener.length >= fence.length) fence = null;
      return;
    }
    if (opener) {
      fence = opener;
      return;
    }
    // Blank out inline code with spaces so columns still match the file.
    const visible = line.replace(/(`+)[\s\S]*?\1/g, (code) => ' '.repeat(code.length));
    const column = visible.indexOf(TODO_MARKER);
    if (column >= 0) found.push({ line: i + 1, column: column + 1, text: line.slice(column).trim() });
  });
  return found;
}

const shorten = (text: string) => (text.length > 70 ? `${text.slice(0, 69)}…` : text);
const fieldName = (path: readonly (string | number)[]) =>
  `\`${path
    .map((p) => (typeof p === 'number' ? `[${p}]` : p))
    .join('.')
    .replace(/\.\[/g, '[')}\``;

/** What to put in place of a bare `todo`, judged by the field it sits in. */
function idFix(path: readonly (string | number)[]): string {
  const key = path.findLast((segment): segment is string => typeof segment === 'string');
  const parent = path.filter((segment) => typeof segment === 'string').at(-2);
  if (key === 'id' && parent === 'sources')
    return 'use the id (file name) of a source in content/sources/, or `general` with the fact itself as the locator';
  if (key === 'notes' || key === 'related' || key === 'note') return 'use the id (file name) of a note in content/notes/';
  if (key === 'citedIn') return 'use the id of a source text (kind: text) in content/sources/ that mentions this work';
  return 'replace it with a real value; the comment beside it says what goes there';
}

/** What to write instead of a text placeholder: its own instruction. */
function textFix(value: string, what = 'it'): string {
  const instruction = value
    .replace(/^\s*todo\s*:?\s*/i, '')
    .trim()
    .replace(/\.$/, '');
  return instruction ? `replace ${what} with ${instruction}` : `replace ${what} with the real text`;
}

/** One finding per placeholder left in an entry's frontmatter or body. */
export function placeholderFindings(entry: Pick<RawEntry, 'file' | 'data' | 'body' | 'bodyLine' | 'lineOf'>): Finding[] {
  const base = { file: entry.file, column: 1, rule: PLACEHOLDER_RULE, severity: 'error' as const };
  const fromData = findDataPlaceholders(entry.data).map(({ path, value }) => {
    const bare = value.trim().toLowerCase() === TODO_ID;
    return {
      ...base,
      line: entry.lineOf(path),
      message: bare
        ? `${fieldName(path)} is still the placeholder \`${TODO_ID}\` from \`npm run new\``
        : `${fieldName(path)} still holds the placeholder from \`npm run new\`: "${shorten(value.trim())}"`,
      fix: bare ? idFix(path) : textFix(value),
    };
  });
  const fromBody = findBodyPlaceholders(entry.body).map(({ line, column, text }) => ({
    ...base,
    line: line + entry.bodyLine - 1,
    column,
    message: `the text still holds a placeholder from \`npm run new\`: "${shorten(text)}"`,
    fix: textFix(text, 'the placeholder'),
  }));
  return [...fromData, ...fromBody];
}
