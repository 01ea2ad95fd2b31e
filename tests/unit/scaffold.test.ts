import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { runCheck } from '../../src/cli/check.ts';
import { loadContent, readEntry } from '../../src/content/load.ts';
import { RESERVED_ROUTES, STATIC_ROUTES } from '../../src/graph/routes.ts';
import { COLLECTIONS } from '../../src/schema/index.ts';
import { entryIdFor, isoDay, placeholdersIn, planEntry, ScaffoldError, writeEntry, type ScaffoldPlan } from '../../src/scaffold/entry.ts';
import { findBodyPlaceholders, findDataPlaceholders, isPlaceholder, placeholderFindings } from '../../src/validate/placeholders.ts';
import { MAX_SLUG_LENGTH, slugify } from '../../src/scaffold/slug.ts';
import { KIND_NAMES, KINDS, yamlScalar, type Kind } from '../../src/scaffold/templates.ts';
import { formatFinding } from '../../src/content/finding.ts';
import { validateSchema } from '../../src/graph/schema-findings.ts';
import { contentWithOverlay, SITE_FIXTURE } from '../helpers/fixtures.ts';

const created: string[] = [];
const freshSite = () => {
  const dir = contentWithOverlay();
  created.push(dir);
  return dir;
};
afterAll(() => created.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

// Noon, so the local date is 2026-11-23 in every time zone from UTC-11 to UTC+11.
const TODAY = new Date('2026-11-23T12:00:00Z');

describe('slugify', () => {
  it.each([
    ["Zoë's Café!", 'zoes-cafe'],
    ['Impress customers, not competitors', 'impress-customers-not-competitors'],
    ['Cheng & chi', 'cheng-and-chi'],
    ['  Sears — 1897 policy  ', 'sears-1897-policy'],
    ['Straße, Æsop, Øresund, Łódź', 'strasse-aesop-oresund-lodz'],
    ['Amazon’s “Day 1”', 'amazons-day-1'],
    ['AWS: from scaling pain', 'aws-from-scaling-pain'],
    ['ｆｕｌｌ width', 'full-width'],
    ['成功', ''],
    ['!!!', ''],
  ])('%j → %j', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it('cuts long titles at a word boundary', () => {
    const slug = slugify('the quick brown fox jumps over the lazy dog '.repeat(4));
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug).toMatch(/^the-quick-brown-fox.*[a-z]$/);
    expect(slugify('word-'.repeat(30))).toBe(Array(12).fill('word').join('-'));
  });

  it('always yields a valid id or nothing', () => {
    for (const title of ['A/B tests', '--x--', 'Ünïcödé 2.0', 'C++ & C#', "l'été", 'x'.repeat(200)]) {
      const slug = slugify(title);
      if (slug) expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    }
  });
});

describe('entryIdFor', () => {
  it('uses --id as given, or the title', () => {
    expect(entryIdFor('Any title', 'my-id')).toBe('my-id');
    expect(entryIdFor('Any title')).toBe('any-title');
  });

  it('refuses an invalid --id and suggests one', () => {
    expect(() => entryIdFor('x', 'My Id')).toThrow(/"My Id" is not valid.*--id my-id/);
  });

  it('asks for --id when the title gives no id', () => {
    expect(() => entryIdFor('成功')).toThrow(ScaffoldError);
    expect(() => entryIdFor('成功')).toThrow(/--id/);
  });
});

describe('isoDay', () => {
  it('formats the local calendar day', () => {
    expect(isoDay(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});

describe('placeholders', () => {
  it.each([
    ['todo', true],
    ['TODO', true],
    ['TODO: write it', true],
    ['  todo ', true],
    ['todo-list', false],
    ['Todo lists considered harmful', false],
    ['A summary with TODO: inside', false],
    ['', false],
  ])('isPlaceholder(%j) is %s', (value, expected) => {
    expect(isPlaceholder(value)).toBe(expected);
  });

  it('finds placeholders anywhere in the data, with their paths', () => {
    const data = {
      title: 'Real',
      summary: 'TODO: x',
      sources: [{ id: 'todo', locator: 'p. 3' }],
      tags: ['todo-list'],
      created: new Date(),
      n: 3,
    };
    expect(findDataPlaceholders(data)).toEqual([
      { path: ['summary'], value: 'TODO: x' },
      { path: ['sources', 0, 'id'], value: 'todo' },
    ]);
  });

  it('finds TODO: in the body, outside code', () => {
    const body = [
      'Intro.',
      'TODO: write this.',
      '',
      '```',
      'TODO: shown in code',
      '```',
      'Inline `TODO: code` is fine, but TODO: this is not.',
      '~~~~',
      '```',
      'TODO: still code',
      '~~~~',
      'A todo: list',
    ].join('\n');
    expect(findBodyPlaceholders(body)).toEqual([
      { line: 2, column: 1, text: 'TODO: write this.' },
      { line: 7, column: 34, text: 'TODO: this is not.' },
    ]);
  });

  it('turns each into a finding with the line, and the instruction as the fix', () => {
    const dir = freshSite();
    const file = path.join(dir, 'notes', 'x.mdx');
    fs.writeFileSync(
      file,
      [
        '---',
        'title: X note',
        'summary: "TODO: one sentence on the note."',
        'sources:',
        '  - id: todo',
        '    locator: somewhere',
        '---',
        '',
        'Text.',
        '',
        'TODO: the example.',
        '',
      ].join('\n'),
    );
    const findings = placeholderFindings(readEntry('notes', file, dir));
    expect(findings.map((f) => [f.line, f.column, f.rule, f.severity])).toEqual([
      [3, 1, 'placeholder', 'error'],
      [5, 1, 'placeholder', 'error'],
      [11, 1, 'placeholder', 'error'],
    ]);
    expect(findings[0]?.message).toBe('`summary` still holds the placeholder from `npm run new`: "TODO: one sentence on the note."');
    expect(findings[0]?.fix).toBe('replace it with one sentence on the note');
    expect(findings[1]?.message).toBe('`sources[0].id` is still the placeholder `todo` from `npm run new`');
    expect(findings[1]?.fix).toMatch(/id \(file name\) of a source in content\/sources\/, or `general`/);
    expect(findings[2]?.fix).toBe('replace the placeholder with the example');
  });

  it('raises no false alarm on the fixture site or the real content', () => {
    for (const dir of [SITE_FIXTURE, path.resolve('content')])
      expect(loadContent(dir).flatMap((entry) => placeholderFindings(entry))).toEqual([]);
  });
});

describe('yamlScalar', () => {
  it.each(['Plain title', 'Yes: no', '#1 rule', 'null', 'true', '2026-11-23', 'It\'s "quoted"', '- dash', '[x]', 'a: b # c'])(
    'round-trips %j',
    (value) => {
      const text = `title: ${yamlScalar(value)}\n`;
      const dir = freshSite();
      const file = path.join(dir, 'sources', 'round-trip.yaml');
      fs.writeFileSync(file, text);
      expect(readEntry('sources', file).data).toEqual({ title: value });
    },
  );
});

/** Notes, sources and texts that exist in tests/fixtures/site, to fill `todo` ids with. */
const NOTE_IDS = ['alpha-note', 'beta-note', 'gamma-note'];
const SENTENCE = 'A real sentence, written in our own words for this test.';

/** The value a contributor would write in place of each placeholder. */
function fillValue(fieldPath: (string | number)[]): unknown {
  const strings = fieldPath.filter((p): p is string => typeof p === 'string');
  const key = strings.at(-1);
  const index = fieldPath.findLast((p): p is number => typeof p === 'number') ?? 0;
  if (key === 'id' && strings.at(-2) === 'sources') return 'fixture-text';
  if (key === 'notes' || key === 'related' || key === 'note') return NOTE_IDS[index % NOTE_IDS.length];
  if (key === 'citedIn') return 'fixture-text';
  if (key === 'era') return 'sears';
  if (key === 'when') return '1897';
  return SENTENCE;
}

function fill(data: unknown, at: (string | number)[] = []): unknown {
  if (isPlaceholder(data)) return fillValue(at);
  if (Array.isArray(data)) return data.map((item, i) => fill(item, [...at, i]));
  if (data && typeof data === 'object' && !(data instanceof Date))
    return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, fill(v, [...at, k])]));
  return data;
}

/** The file as a contributor would leave it: every placeholder replaced by a real value. */
function filledText(plan: ScaffoldPlan): string {
  const entry = readEntry(KINDS[plan.kind].collection, plan.file);
  const yaml = stringify(fill(entry.data));
  if (!COLLECTIONS[KINDS[plan.kind].collection].body) return yaml;
  const body = entry.body.replace(/^TODO: .*$/gm, 'Real prose, written in our own words for this test.');
  return `---\n${yaml}---\n${body}`;
}

const TITLES: Record<Kind, string> = {
  note: "Zoë's Café!",
  play: 'The café walk-through',
  term: 'Café test',
  source: 'A work about cafés',
  event: 'The first café opens',
  path: 'Start with the café',
};

/** Lines of the generated text that hold a placeholder (comments excluded). */
const placeholderLines = (text: string) =>
  text
    .split('\n')
    .map((line, i) => ({ line, number: i + 1 }))
    .filter(({ line }) => !/^\s*#/.test(line) && /TODO:|(?::\s|-\s|\[)todo\b/.test(line))
    .map(({ number }) => number);

describe.each(KIND_NAMES)('the %s template', (kind) => {
  const plan = (dir: string) =>
    planEntry({ kind, title: TITLES[kind], theme: KINDS[kind].needsTheme ? 'cheng-chi' : undefined, contentDir: dir, today: TODAY });

  it('writes the file where its collection lives, named by the slug', () => {
    const dir = freshSite();
    const p = plan(dir);
    writeEntry(p, dir);
    const spec = KINDS[kind];
    expect(p.file).toBe(path.join(dir, COLLECTIONS[spec.collection].folder, `${slugify(TITLES[kind])}${spec.extension}`));
    expect(fs.readFileSync(p.file, 'utf8')).toBe(p.text);
    expect(p.route).toBe(COLLECTIONS[spec.collection].route(p.id));
  });

  it('parses, keeps the title and date, and is refused for each placeholder', () => {
    const dir = freshSite();
    const p = plan(dir);
    writeEntry(p, dir);
    const entry = readEntry(KINDS[kind].collection, p.file, dir);
    expect(entry.problem).toBeUndefined();
    const data = entry.data as Record<string, unknown>;
    expect(data.title ?? data.term).toBe(TITLES[kind]);
    if (kind === 'note') expect(data.created).toBe('2026-11-23');
    if (KINDS[kind].needsTheme) expect(data.theme).toBe('cheng-chi');
    const findings = placeholdersIn(p, dir);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.map((f) => f.line)).toEqual(placeholderLines(p.text));
    for (const finding of findings) expect(finding.fix.length).toBeGreaterThan(10);
  });

  it('passes the schema and the whole checker once the placeholders are filled', () => {
    const dir = freshSite();
    const p = plan(dir);
    writeEntry(p, dir);
    fs.writeFileSync(p.file, filledText(p));
    const entry = readEntry(KINDS[kind].collection, p.file, dir);
    expect(placeholderFindings(entry)).toEqual([]);
    const { findings: schemaFindings } = validateSchema(entry);
    expect(schemaFindings.map(formatFinding)).toEqual([]);
    const errors = runCheck(dir).findings.filter((f) => f.severity === 'error');
    expect(errors.map(formatFinding)).toEqual([]);
  });

  it('is reported by npm run check until filled (needs the placeholder rule in src/validate/index.ts)', () => {
    const dir = freshSite();
    const p = plan(dir);
    writeEntry(p, dir);
    const reported = runCheck(dir).findings.filter((f) => f.rule === 'placeholder' && path.resolve(f.file) === p.file);
    expect(reported.map((f) => f.line)).toEqual(placeholderLines(p.text));
  });
});

describe('writeEntry', () => {
  const plan = (dir: string, title = 'Refusal test note') =>
    planEntry({ kind: 'note', title, theme: 'cheng-chi', contentDir: dir, today: TODAY });

  it('refuses to overwrite, and leaves the existing file untouched', () => {
    const dir = freshSite();
    const file = path.join(dir, 'notes', 'alpha-note.mdx');
    const before = fs.readFileSync(file, 'utf8');
    expect(() => writeEntry(plan(dir, 'Alpha note'), dir)).toThrow(/notes\/alpha-note\.mdx already exists; nothing was written/);
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
  });

  it('refuses an id another extension already uses (x.md blocks x.mdx)', () => {
    const dir = freshSite();
    expect(fs.existsSync(path.join(dir, 'notes', 'beta-note.md'))).toBe(true);
    expect(() => writeEntry(plan(dir, 'Beta note'), dir)).toThrow(/beta-note\.md already exists/);
    expect(fs.existsSync(path.join(dir, 'notes', 'beta-note.mdx'))).toBe(false);
  });

  it('creates the collection folder when it is missing', () => {
    const dir = freshSite();
    fs.rmSync(path.join(dir, 'paths'), { recursive: true });
    const p = planEntry({ kind: 'path', title: 'A new path', theme: 'cheng-chi', contentDir: dir, today: TODAY });
    writeEntry(p, dir);
    expect(fs.existsSync(p.file)).toBe(true);
  });
});

describe('planEntry', () => {
  it('refuses an id that a page of the site already uses', () => {
    expect(() => planEntry({ kind: 'play', title: 'Compose', theme: 'cheng-chi', contentDir: '/x', today: TODAY })).toThrow(
      /\/plays\/compose\/.*--id/,
    );
  });

  it('refuses every id the checker would refuse as a reserved route (duplicate-route)', () => {
    expect(() => planEntry({ kind: 'play', title: 'Filter', theme: 'cheng-chi', contentDir: '/x', today: TODAY })).toThrow(
      /"filter" would publish at \/plays\/filter\/, which is reserved/,
    );
    // Every page route of the form /<folder>/<id>/ that an entry of some kind could take.
    const taken = [...STATIC_ROUTES, ...RESERVED_ROUTES].flatMap((route) => {
      const match = /^\/([a-z]+)\/([a-z0-9-]+)\/$/.exec(route);
      const kind = match && KIND_NAMES.find((k) => COLLECTIONS[KINDS[k].collection].folder === match[1]);
      return kind && match[2] ? [{ kind, id: match[2] }] : [];
    });
    expect(taken.map((t) => `${t.kind}/${t.id}`).sort()).toEqual(['play/compose', 'play/filter']);
    for (const { kind, id } of taken) {
      expect(() => planEntry({ kind, title: 'A title', id, theme: 'cheng-chi', contentDir: '/x', today: TODAY }), `${kind} ${id}`).toThrow(
        ScaffoldError,
      );
    }
  });

  it('refuses an id the content reader would refuse (invalid-id): the same rule and length', () => {
    expect(() => entryIdFor('x', 'y'.repeat(80))).not.toThrow();
    expect(() => entryIdFor('x', 'y'.repeat(81))).toThrow(/at most 80 characters/);
    expect(() => entryIdFor('x', 'Sears_Catalog')).toThrow(/e\.g\. --id sears-catalog$/);
  });

  it('needs a theme for a note, a play and a path', () => {
    for (const kind of ['note', 'play', 'path'] as const) {
      expect(() => planEntry({ kind, title: 'No theme', contentDir: '/x', today: TODAY })).toThrow(/needs a theme/);
    }
  });

  it('is deterministic for a given clock', () => {
    const request = { kind: 'note' as const, title: 'Same', theme: 'cheng-chi' as const, contentDir: '/x', today: TODAY };
    expect(planEntry(request)).toEqual(planEntry(request));
  });
});
