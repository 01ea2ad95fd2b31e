/**
 * Turns Zod validation issues into findings that name the file, the line of
 * the field and what to write instead. Shared by the build and the checker.
 */
import type { z } from 'astro/zod';
import type { RawEntry } from '../content/load.ts';
import { didYouMean } from '../util/nearest.ts';
import { COLLECTIONS } from '../schema/index.ts';
import type { Finding } from '../content/finding.ts';

type Issue = z.core.$ZodIssue;

const fieldName = (path: readonly PropertyKey[]) =>
  path.length === 0
    ? 'the frontmatter'
    : `\`${path
        .map((p) => (typeof p === 'number' ? `[${p}]` : String(p)))
        .join('.')
        .replace(/\.\[/g, '[')}\``;

/** The shape a schema accepts at the top level, for "did you mean" on unknown keys. */
function knownKeys(schema: z.ZodType): string[] {
  const def = (schema as unknown as { def?: { shape?: Record<string, unknown>; in?: z.ZodType; schema?: z.ZodType } }).def;
  if (def?.shape) return Object.keys(def.shape);
  if (def?.in) return knownKeys(def.in);
  if (def?.schema) return knownKeys(def.schema);
  return [];
}

/** One finding per issue. */
export function issueToFinding(entry: RawEntry, issue: Issue): Finding {
  const where = entry.lineOf(issue.path);
  const field = fieldName(issue.path);
  const base = { file: entry.file, line: where, column: 1, rule: 'frontmatter-schema', severity: 'error' as const };
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeys(COLLECTIONS[entry.collection].schema);
    const keys = issue.keys;
    return {
      ...base,
      line: entry.lineOf([...issue.path, keys[0] ?? '']),
      message: `unknown field${keys.length > 1 ? 's' : ''} ${keys.map((k) => `\`${k}\``).join(', ')} in ${entry.collection}.${keys.length === 1 ? didYouMean(keys[0] ?? '', known) : ''}`,
      fix: `remove ${keys.length > 1 ? 'them' : 'it'} or rename to a field listed in CONTRIBUTING.md (known fields: ${known.join(', ')})`,
    };
  }
  const expected = expectedTypes(issue);
  if (expected) {
    // Zod 4 leaves `issue.input` undefined, so whether the field is there is read from the file's own data.
    const found = valueAt(entry.data, issue.path);
    if (!found.present)
      return { ...base, message: `${field} is required but missing`, fix: `add ${field} (see CONTRIBUTING.md for its format)` };
    return {
      ...base,
      message: `${field} must be ${expected.map(typeName).join(' or ')}, but it is ${describeValue(found.value)}`,
      fix: typeFix(field, expected, found.value),
    };
  }
  return { ...base, message: `${field}: ${issue.message}`, fix: fixFor(issue) };
}

/**
 * The types a wrong-typed value should have had: an `invalid_type` issue, or a
 * union (such as a date, written as text or read as a date) whose every branch
 * failed on the type of the value itself. Null for any other issue.
 */
function expectedTypes(issue: Issue): string[] | null {
  if (issue.code === 'invalid_type') return [issue.expected];
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    const branches = issue.errors.map((errors) => errors.find((inner) => inner.code === 'invalid_type' && inner.path.length === 0));
    if (branches.every((inner) => inner !== undefined))
      return [...new Set(branches.map((inner) => (inner.code === 'invalid_type' ? inner.expected : '')))];
  }
  return null;
}

/** The value at a field path in the parsed file, and whether the field is there at all. */
function valueAt(data: unknown, fieldPath: readonly PropertyKey[]): { present: boolean; value?: unknown } {
  let value = data;
  for (const key of fieldPath) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return { present: false };
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value === undefined ? { present: false } : { present: true, value };
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a group of fields',
  date: 'a date',
};
const typeName = (type: string) => TYPE_NAMES[type] ?? `a ${type}`;

/** What a value from the file is, as a contributor reads YAML: `a number (42)`, `a list (2 items)`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return `a list (${value.length} item${value.length === 1 ? '' : 's'})`;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'a date' : `a date (${value.toISOString().slice(0, 10)})`;
  switch (typeof value) {
    case 'string': {
      const chars = [...value];
      return `a string (${JSON.stringify(chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : value)})`;
    }
    case 'number':
    case 'bigint':
      return `a number (${String(value)})`;
    case 'boolean':
      return `${String(value)} (true or false)`;
    case 'object':
      return 'a group of fields';
    default:
      return typeof value;
  }
}

function typeFix(field: string, expected: readonly string[], value: unknown): string {
  if (expected.includes('string') && (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date)) {
    return `put the value of ${field} in quotes so YAML reads it as text, e.g. "${value instanceof Date ? value.toISOString().slice(0, 10) : String(value)}"`;
  }
  if (expected.includes('string') && Array.isArray(value)) return `write ${field} as one piece of text, not a list`;
  if (expected.includes('array')) return `write ${field} as a list, e.g. [a, b] or one "- item" per line`;
  if (value === null) return `write a value after ${field}: (see CONTRIBUTING.md for its format)`;
  return `give ${field} ${expected.map(typeName).join(' or ')} (see CONTRIBUTING.md for its format)`;
}

function fixFor(issue: Issue): string {
  switch (issue.code) {
    case 'too_big':
    case 'too_small':
    case 'invalid_format':
    case 'invalid_value':
    case 'custom':
      return issue.message.split(';').pop()?.trim() ?? issue.message;
    default:
      return 'see CONTRIBUTING.md for the field’s format';
  }
}

/** Validates one entry's data against its collection's schema. */
export function validateSchema(entry: RawEntry): { data: unknown; findings: Finding[] } {
  if (entry.problem) {
    const { rule, message, fix, line, column } = entry.problem;
    return { data: undefined, findings: [{ file: entry.file, line, column, rule, severity: 'error', message, fix }] };
  }
  const result = COLLECTIONS[entry.collection].schema.safeParse(entry.data);
  if (result.success) return { data: result.data, findings: [] };
  // A value of the wrong type is reported once: Zod goes on to check it (a list as a summary is also "too short").
  const key = (issue: Issue) => JSON.stringify(issue.path.map(String));
  const wrongType = new Set(result.error.issues.filter((issue) => expectedTypes(issue)).map(key));
  const issues = result.error.issues.filter((issue) => expectedTypes(issue) || !wrongType.has(key(issue)));
  return { data: undefined, findings: issues.map((issue) => issueToFinding(entry, issue)) };
}
