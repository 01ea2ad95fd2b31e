/**
 * The messages contributors read for frontmatter that breaks a schema, from a
 * real file through the content reader: a value of the wrong type says what
 * was expected and what was found; only a field that is not there is "missing".
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readEntry } from '../../src/content/load.ts';
import type { CollectionName } from '../../src/schema/index.ts';
import { validateSchema } from '../../src/graph/schema-findings.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'schema-findings-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const NOTE = {
  title: 'title: A note with a title',
  summary: 'summary: A summary that is long enough to pass the rule.',
  theme: 'theme: cheng-chi',
  sources: 'sources:\n  - id: general\n    locator: a known fact',
  created: 'created: 2026-11-01',
};

/** Writes a note whose frontmatter has the given lines (a field set to null is left out) and returns its findings. */
function findingsOf(fields: Partial<Record<string, string | null>>, collection: CollectionName = 'notes', text?: string) {
  const lines = Object.values({ ...NOTE, ...fields }).filter((line): line is string => typeof line === 'string');
  const folder = path.join(root, collection);
  fs.mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `n${fs.readdirSync(folder).length}.${collection === 'notes' ? 'md' : 'yaml'}`);
  fs.writeFileSync(file, text ?? `---\n${lines.join('\n')}\n---\n\nThe body.\n`);
  return validateSchema(readEntry(collection, file, root, root)).findings.map((f) => ({ line: f.line, message: f.message, fix: f.fix }));
}

describe('a field of the wrong type', () => {
  it('a number as the title: says a string was expected and a number found', () => {
    expect(findingsOf({ title: 'title: 42' })).toEqual([
      {
        line: 2,
        message: '`title` must be a string, but it is a number (42)',
        fix: 'put the value of `title` in quotes so YAML reads it as text, e.g. "42"',
      },
    ]);
  });

  it('a list as the summary: one finding, not also "too short"', () => {
    expect(findingsOf({ summary: 'summary: [one, two]' })).toEqual([
      {
        line: 3,
        message: '`summary` must be a string, but it is a list (2 items)',
        fix: 'write `summary` as one piece of text, not a list',
      },
    ]);
  });

  it('true as a draft flag is fine; a word is not', () => {
    expect(findingsOf({ draft: 'draft: true' })).toEqual([]);
    expect(findingsOf({ draft: 'draft: maybe' })[0]?.message).toBe('`draft` must be true or false, but it is a string ("maybe")');
  });

  it('deep in a list: the id of a citation', () => {
    expect(findingsOf({ sources: 'sources:\n  - id: 7\n    locator: a known fact' })[0]?.message).toBe(
      '`sources[0].id` must be a string, but it is a number (7)',
    );
  });

  it('a date, which may be written as text or read as a date', () => {
    expect(findingsOf({ created: 'created: 5' })[0]?.message).toBe('`created` must be a date or a string, but it is a number (5)');
  });

  it('a field written with no value is empty, not missing', () => {
    expect(findingsOf({ title: 'title:' })[0]).toMatchObject({
      message: '`title` must be a string, but it is empty',
      fix: 'write a value after `title`: (see CONTRIBUTING.md for its format)',
    });
  });

  it('a string where a list belongs', () => {
    expect(findingsOf({ sources: 'sources: general' })[0]?.message).toBe('`sources` must be a list, but it is a string ("general")');
  });
});

describe('a field that is not there', () => {
  it('is "required but missing", for the title and for a date', () => {
    expect(findingsOf({ title: null })).toEqual([
      { line: 2, message: '`title` is required but missing', fix: 'add `title` (see CONTRIBUTING.md for its format)' },
    ]);
    expect(findingsOf({ created: null }).map((f) => f.message)).toEqual(['`created` is required but missing']);
  });

  it('is "required but missing" inside a list item too', () => {
    expect(findingsOf({ sources: 'sources:\n  - id: general' }).map((f) => f.message)).toEqual([
      '`sources[0].locator` is required but missing',
    ]);
  });
});

describe('an invisible formatting character in a title', () => {
  it('is refused with the character, where it is, and the fix', () => {
    expect(findingsOf({ title: 'title: "Impress \\u202Ecustomers"' })).toEqual([
      {
        line: 2,
        message:
          '`title`: holds U+202E (right-to-left override) at character 9, an invisible formatting character that can reorder or hide the text around it; delete it (if your editor does not show it, retype the text)',
        fix: 'delete it (if your editor does not show it, retype the text)',
      },
    ]);
  });
});
