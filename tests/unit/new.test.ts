import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { helpText, parseCommand, UsageError } from '../../src/cli/args.ts';
import { clockFrom, formatCreated, gatherRequest, newCommand, titleProblem, type Prompter } from '../../src/cli/new.ts';
import { readEntry } from '../../src/content/load.ts';
import { parseBody } from '../../src/content/parse.ts';
import { inspectTree } from '../../src/content/safety.ts';
import { planEntry, placeholdersIn, writeEntry } from '../../src/scaffold/entry.ts';
import { placeholderFindings } from '../../src/validate/placeholders.ts';
import { COLLECTION_NAMES, COLLECTIONS } from '../../src/schema/index.ts';
import { formatFinding } from '../../src/content/finding.ts';
import { validateSchema } from '../../src/graph/schema-findings.ts';
import { contentWithOverlay } from '../helpers/fixtures.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TODAY = new Date('2026-11-23T12:00:00Z');
const created: string[] = [];
const tempDir = (prefix = 'playbook-new-') => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  created.push(dir);
  return dir;
};
afterAll(() => created.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** A terminal that answers from a script and records what it was told. */
function scripted(answers: string[]): Prompter & { asked: string[]; said: string[] } {
  const asked: string[] = [];
  const said: string[] = [];
  return {
    asked,
    said,
    ask: (question) => {
      asked.push(question);
      const answer = answers.shift();
      if (answer === undefined) return Promise.reject(new Error(`no scripted answer for "${question}"`));
      return Promise.resolve(answer);
    },
    say: (text) => said.push(text),
  };
}

const gather = (argv: string[], prompter?: Prompter) => {
  const { flags, positionals } = parseCommand(newCommand, argv);
  return gatherRequest(positionals, flags, { prompter, contentDir: '/content', today: TODAY });
};

describe('npm run new: arguments', () => {
  it('takes kind, title and flags', async () => {
    await expect(gather(['note', "Zoë's Café!", '--theme', 'cheng-chi'])).resolves.toEqual({
      kind: 'note',
      title: "Zoë's Café!",
      id: undefined,
      theme: 'cheng-chi',
      contentDir: '/content',
      today: TODAY,
    });
    await expect(gather(['term', 'Schwerpunkt', '--id', 'focal-point'])).resolves.toMatchObject({
      kind: 'term',
      id: 'focal-point',
      theme: undefined,
    });
  });

  it.each([
    [[], /missing the kind \(note, play, term, source, event, path\), the title and --theme/],
    [['note'], /missing the title and --theme \(customer-obsession, cheng-chi, sears-to-amazon\)\. For example: npm run new -- note "/],
    [['note', 'A title'], /missing --theme .*npm run new -- note "A title" --theme customer-obsession/],
    [['term'], /missing the term\. For example: npm run new -- term "/],
    [['nte', 'A title'], /"nte" is not a kind of entry\. Did you mean `note`\?/],
    [['term', 'A term', '--theme', 'cheng-chi'], /--theme applies to a note, play, path; a term has no theme/],
    [['note', 'No', '--theme', 'cheng-chi'], /the title "No": give a title of at least 3 characters/],
    [
      ['note', 'Two', 'words', '--theme', 'cheng-chi'],
      /expected a kind and a title, got 3 arguments\. Put the title in quotes: npm run new -- note "Two words"/,
    ],
  ])('without a terminal, %j fails with a clear message', async (argv, message) => {
    const failure = gather(argv);
    await expect(failure).rejects.toThrow(UsageError);
    await expect(failure).rejects.toThrow(message);
  });

  it('rejects an unknown theme and an unknown flag through the spec', () => {
    expect(() => parseCommand(newCommand, ['note', 'x', '--theme', 'cheng'])).toThrow(
      /--theme must be one of customer-obsession, cheng-chi, sears-to-amazon/,
    );
    expect(() => parseCommand(newCommand, ['note', 'x', '--them', 'cheng-chi'])).toThrow(
      /unknown option --them\. Did you mean `--theme`\?/,
    );
  });

  it('documents every kind in --help', () => {
    const help = helpText(newCommand);
    for (const kind of ['note', 'play', 'term', 'source', 'event', 'path']) expect(help).toMatch(new RegExp(`^  ${kind} +\\S`, 'm'));
    expect(help).toMatch(/--theme THEME/);
  });
});

describe('npm run new: on a terminal', () => {
  it('asks for each missing value, accepting numbers for choices', async () => {
    const terminal = scripted(['1', "Zoë's Café!", '2']);
    await expect(gather([], terminal)).resolves.toMatchObject({ kind: 'note', title: "Zoë's Café!", theme: 'cheng-chi' });
    expect(terminal.asked).toEqual(['Kind of entry (1-6 or a name): ', 'Title: ', 'Theme (1-3 or a name): ']);
    expect(terminal.said[0]).toMatch(/1\. note\n {2}2\. play/);
  });

  it('asks only for what is missing', async () => {
    const terminal = scripted(['sears-to-amazon']);
    await expect(gather(['play', 'Catalog walk'], terminal)).resolves.toMatchObject({
      kind: 'play',
      title: 'Catalog walk',
      theme: 'sears-to-amazon',
    });
    expect(terminal.asked).toEqual(['Theme (1-3 or a name): ']);
  });

  it('explains a refused answer and asks again', async () => {
    const terminal = scripted(['glossary', 'term', 'x', 'Flywheel']);
    await expect(gather([], terminal)).resolves.toMatchObject({ kind: 'term', title: 'Flywheel' });
    expect(terminal.said[1]).toBe('  "glossary" is not a kind of entry. Use one of: note, play, term, source, event, path.');
    expect(terminal.said[2]).toMatch(/^ {2}\S.*2/);
    expect(terminal.asked).toEqual(['Kind of entry (1-6 or a name): ', 'Kind of entry (1-6 or a name): ', 'Term: ', 'Term: ']);
  });

  it('gives up after three refused answers', async () => {
    await expect(gather(['note', 'A title'], scripted(['x', 'y', 'z']))).rejects.toThrow(/no valid theme given; nothing was written/);
  });

  it('asks for an id when the title gives none', async () => {
    const terminal = scripted(['Not An Id', 'success']);
    await expect(gather(['term', '成功'], terminal)).resolves.toMatchObject({ id: 'success' });
    expect(terminal.said).toEqual([expect.stringMatching(/"Not An Id" is not valid/)]);
  });
});

describe('titleProblem', () => {
  it('applies the schema of the kind', () => {
    expect(titleProblem('note', 'Fine title')).toBeNull();
    expect(titleProblem('note', 'x'.repeat(91))).toMatch(/90 characters/);
    expect(titleProblem('term', 'AB')).toBeNull();
    expect(titleProblem('note', 'two\nlines')).toMatch(/one line/);
  });
});

describe('clockFrom', () => {
  it('pins the date with SOURCE_DATE_EPOCH, or reads the clock', () => {
    expect(clockFrom({ SOURCE_DATE_EPOCH: '1795435200' }).toISOString()).toBe('2026-11-23T12:00:00.000Z');
    expect(clockFrom({}, () => TODAY)).toBe(TODAY);
    expect(() => clockFrom({ SOURCE_DATE_EPOCH: 'yesterday' })).toThrow(/whole seconds/);
  });
});

describe('formatCreated', () => {
  it('prints the file, each placeholder with its line, and the next steps', () => {
    const dir = contentWithOverlay();
    created.push(dir);
    const plan = planEntry({ kind: 'term', title: 'Flywheel', contentDir: path.join(dir), today: TODAY });
    writeEntry(plan, dir);
    const text = formatCreated(plan, placeholdersIn(plan, dir), { cwd: dir, defaultContentDir: dir });
    expect(text).toBe(
      [
        'Created glossary/flywheel.yaml',
        '',
        'Fill these 3 placeholders (the comments in the file say what goes where):',
        '  glossary/flywheel.yaml:4  `definition` still holds the placeholder: "TODO: the definition in our own words, one to three sentences (20-600…"',
        '  glossary/flywheel.yaml:11  `sources[0].id` is still the placeholder `todo`',
        '  glossary/flywheel.yaml:12  `sources[0].locator` still holds the placeholder: "TODO: where in the source the term is used or explained"',
        '',
        'Next steps:',
        '  1. Write the entry in your own words and replace every TODO and `todo` above.',
        '  2. Run `npm run check`: each blank left shows as a `placeholder` error. Repeat until it reports 0 errors.',
        '  3. Preview with `npm run dev` and open http://localhost:4321/glossary/#flywheel',
        '  4. Open a pull request and work through its checklist (see CONTRIBUTING.md).',
      ].join('\n'),
    );
  });

  it('names the content folder in the commands when it is not the default', () => {
    const plan = planEntry({ kind: 'note', title: 'Elsewhere', theme: 'cheng-chi', contentDir: '/work/other', today: TODAY });
    const text = formatCreated(plan, [], { cwd: '/work/site', defaultContentDir: '/work/site/content' });
    expect(text).toMatch(/npm run check -- --content \.\.\/other`/);
    expect(text).toMatch(/CONTENT_DIR=\.\.\/other npm run dev/);
  });
});

describe('scripts/new.ts', () => {
  const run = (args: string[], env: Record<string, string> = {}) => {
    const result = spawnSync(process.execPath, ['scripts/new.ts', ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      // Not a terminal: the script must take flags and never wait for input.
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, SOURCE_DATE_EPOCH: '1795435200', ...env },
      timeout: 30_000,
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  it('writes the entry and exits 0', () => {
    const dir = tempDir();
    const result = run(['note', "Zoë's Café!", '--theme', 'cheng-chi', '--content', dir]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const file = path.join(dir, 'notes', 'zoes-cafe.mdx');
    expect(result.stdout).toContain(`Created ${path.relative(ROOT, file)}`);
    expect(result.stdout).toMatch(/Fill these 9 placeholders/);
    expect(result.stdout).toMatch(/npm run check -- --content /);
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^---\ntitle: Zoë's Café!\n[\s\S]*\ncreated: 2026-11-23\n/);
  });

  it('refuses to overwrite: exit 2, the file unchanged', () => {
    const dir = tempDir();
    expect(run(['term', 'Flywheel', '--content', dir]).code).toBe(0);
    const file = path.join(dir, 'glossary', 'flywheel.yaml');
    fs.writeFileSync(file, 'term: Flywheel\n');
    const again = run(['term', 'Flywheel', '--content', dir]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/^new: .*glossary\/flywheel\.yaml already exists; nothing was written/);
    expect(fs.readFileSync(file, 'utf8')).toBe('term: Flywheel\n');
  });

  it.each([
    [['note', 'A title'], /new: missing --theme/],
    [[], /new: missing the kind/],
    [['recipe', 'A title'], /new: "recipe" is not a kind of entry/],
    [['note', 'A title', '--theme', 'cheng-chi', '--id', 'Bad Id'], /new: the id "Bad Id" is not valid/],
    [['play', 'Compose', '--theme', 'cheng-chi'], /new: the id "compose" would publish at \/plays\/compose\//],
    [
      ['play', 'Filter', '--theme', 'cheng-chi'],
      /^new: the id "filter" would publish at \/plays\/filter\/, which is reserved for a page of the site; nothing was written\. Choose another id with --id\n$/,
    ],
    [['play', 'A title', '--theme', 'cheng-chi', '--id', 'filter'], /new: the id "filter" would publish at \/plays\/filter\//],
    [
      ['note', 'A title', '--theme', 'cheng-chi', '--id', 'a--b'],
      /^new: the id "a--b" is not valid: ids are lowercase letters and digits in words joined by single hyphens, at most 80 characters; e\.g\. --id a-b\n$/,
    ],
    [['note', 'A title', '--theme', 'cheng-chi', '--id', 'x'.repeat(81)], /new: the id "x{81}" is not valid: .*at most 80 characters/],
    [['note', 'A title', '--theme', 'cheng-chi', '--id', ''], /new: --id is empty/],
    [['note', 'A title', '--colour', 'red'], /new: unknown option --colour/],
  ])('exits 2 without writing for %j', (args, message) => {
    const dir = tempDir();
    const result = run([...args, '--content', dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('prints help and exits 0', () => {
    const result = run(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Creates a content entry/);
  });
});

describe('CONTRIBUTING.md', () => {
  const text = fs.readFileSync(path.join(ROOT, 'CONTRIBUTING.md'), 'utf8');
  // Examples are fenced as ```yaml content/<folder>/<id>.yaml (or mdx): the info string names the file.
  const examples = [...text.matchAll(/^```(?:yaml|mdx) (content\/[\w-]+\/[\w-]+\.(?:ya?ml|mdx?))\n([\s\S]*?)^```$/gm)].map(
    ([, file = '', body = '']) => ({ file, body }),
  );

  it('has a worked example of every kind of entry', () => {
    const folders = new Set(examples.map((e) => e.file.split('/')[1]));
    expect([...folders].sort()).toEqual(
      Object.values(COLLECTIONS)
        .map((c) => c.folder)
        .sort(),
    );
  });

  it.each(examples.map((e) => [e.file, e] as const))('%s passes its schema and the MDX safety policy', (file, { body }) => {
    const dir = tempDir('playbook-docs-');
    const target = path.join(dir, file.replace(/^content\//, ''));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, body);
    const collection = COLLECTION_NAMES.find((name) => COLLECTIONS[name].folder === file.split('/')[1]);
    if (!collection) throw new Error(`no collection for ${file}`);
    const entry = readEntry(collection, target, dir);
    expect(validateSchema(entry).findings.map(formatFinding)).toEqual([]);
    expect(placeholderFindings(entry)).toEqual([]);
    if (entry.body) {
      const parsed = parseBody(entry.body, entry.extension);
      expect(parsed.ok && inspectTree(parsed.tree)).toEqual([]);
    }
  });

  it('documents every rule the checker can report', () => {
    const sources = [
      'src/validate/index.ts',
      'src/graph/schema-findings.ts',
      'src/validate/quotes.ts',
      'src/content/safety.ts',
      'src/graph/site-graph.ts',
      'src/validate/placeholders.ts',
      'src/content/load.ts',
      'src/content/parse.ts',
      ...fs.readdirSync(path.join(ROOT, 'src/validate')).map((file) => `src/validate/${file}`),
    ];
    const code = sources.map((file) => fs.readFileSync(path.join(ROOT, file), 'utf8')).join('\n');
    const rules = new Set(
      [...code.matchAll(/rule: '([a-z]+(?:-[a-z]+)+)'|finding\([^;]*?'([a-z]+-[a-z-]+|orphan)'|'(placeholder)'/g)].map(
        (m) => m[1] ?? m[2] ?? m[3],
      ),
    );
    const table = new Set([...text.matchAll(/^\| `([a-z-]+)`(?: \(warning\))? \|/gm)].map((m) => m[1]));
    expect([...rules].filter((rule) => !table.has(rule as string))).toEqual([]);
    expect(rules.size).toBeGreaterThan(25);
  });
});
