/**
 * Turns Zod validation issues into findings that name the file, the line of
 * the field and what to write instead. Shared by the build and the checker.
 */
import type { z } from 'astro/zod';
import type { RawEntry } from '../content/load.ts';
import { didYouMean } from '../lib/nearest.ts';
import { COLLECTIONS } from '../schema/index.ts';
import type { Finding } from './finding.ts';

type Issue = z.core.$ZodIssue;

const fieldName = (path: readonly PropertyKey[]) =>
  path.length === 0 ? 'the frontmatter' : `\`${path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.').replace(/\.\[/g, '[')}\``;

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
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    return { ...base, message: `${field} is required but missing`, fix: `add ${field} (see CONTRIBUTING.md for its format)` };
  }
  return { ...base, message: `${field}: ${issue.message}`, fix: fixFor(issue) };
}

function fixFor(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `give ${fieldName(issue.path)} a value of type ${issue.expected}`;
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
  return { data: undefined, findings: result.error.issues.map((issue) => issueToFinding(entry, issue)) };
}
