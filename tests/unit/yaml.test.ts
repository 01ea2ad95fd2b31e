import { describe, expect, it } from 'vitest';
import { MAX_YAML_DEPTH, parseYaml, yamlDepthProblem, type YamlResult } from '../../src/content/yaml.ts';

const refused = (result: YamlResult) => {
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.data)}`);
  return result.problem;
};
const data = (result: YamlResult) => {
  if (!result.ok) throw new Error(`expected data, got: ${result.problem.message} (line ${result.problem.line})`);
  return result.data;
};

/** A small deterministic generator, so the junk inputs are the same on every run. */
function junk(seed: number, length: number, alphabet: string): string {
  let state = seed;
  let out = '';
  for (let i = 0; i < length; i++) {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    out += alphabet[state % alphabet.length];
  }
  return out;
}

describe('parseYaml: plain data', () => {
  it('reads maps, lists, strings, numbers, booleans and null', () => {
    const text = [
      'title: Working backwards',
      'count: 3',
      'ratio: 0.5',
      'draft: false',
      'empty: null',
      'tags: [a, b]',
      'steps:',
      '  - title: One',
      '    minutes: 5',
      'quoted: "a: b"',
      'block: |',
      '  line one',
      '  line two',
    ].join('\n');
    expect(data(parseYaml(text))).toEqual({
      title: 'Working backwards',
      count: 3,
      ratio: 0.5,
      draft: false,
      empty: null,
      tags: ['a', 'b'],
      steps: [{ title: 'One', minutes: 5 }],
      quoted: 'a: b',
      block: 'line one\nline two\n',
    });
  });

  it('keeps dates as text (the core schema has no timestamps)', () => {
    expect(data(parseYaml('created: 2026-11-01\n'))).toEqual({ created: '2026-11-01' });
  });

  it('allows the tags plain data resolves to', () => {
    expect(data(parseYaml('a: !!str 1\nb: !!int "2"\nc: !!seq [x]\nd: !!map {k: v}\n'))).toEqual({ a: '1', b: 2, c: ['x'], d: { k: 'v' } });
  });

  it.each([
    ['an empty text', ''],
    ['a line break', '\n'],
    ['a comment only', '# nothing here\n'],
    ['a document marker only', '---\n'],
  ])('reads %s as an empty map, without throwing', (_name, text) => {
    expect(data(parseYaml(text))).toEqual({});
  });

  it('reads a key without a value (`? a`) without throwing', () => {
    expect(data(parseYaml('? a\n'))).toEqual({ a: null });
  });

  it('a merge key is plain text, not a merge', () => {
    expect(data(parseYaml('a: 1\n<<: {b: 2}\n'))).toEqual({ a: 1, '<<': { b: 2 } });
  });
});

describe('parseYaml: anchors and aliases are refused, with their line', () => {
  it.each([
    { name: 'an anchor alone', text: 'a: 1\nb: &x [1, 2]\n', line: 2 },
    { name: 'an anchor and an alias', text: 'a: &x 1\nb: *x\n', line: 1 },
    { name: 'an anchor on a key', text: 'title: t\n&k key: v\n', line: 2 },
    { name: 'a merge through an alias', text: 'base: &b {x: 1}\nother:\n  <<: *b\n', line: 1 },
    { name: 'an anchor deep in a list', text: 'steps:\n  - title: a\n  - title: &t b\n', line: 3 },
  ])('$name', ({ text, line }) => {
    // The column is that of the anchored value (after `&name `), so only the line is pinned here.
    const problem = refused(parseYaml(text));
    expect(problem).toMatchObject({ line, message: expect.stringMatching(/anchors and aliases/) });
  });

  it('an alias to no anchor is refused', () => {
    expect(refused(parseYaml('a: 1\nb: *nothing\n')).line).toBe(2);
  });

  it('refuses a billion-laughs document before anything is expanded', () => {
    const lines = ['l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < 40; i++)
      lines.push(
        `l${i}: &l${i} [${Array(10)
          .fill(`*l${i - 1}`)
          .join(', ')}]`,
      );
    const started = performance.now();
    const problem = refused(parseYaml(`title: laughs\n${lines.join('\n')}\n`));
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(problem).toMatchObject({ line: 2, message: expect.stringMatching(/anchors and aliases/) });
  });
});

describe('parseYaml: tags are refused, with their line', () => {
  it.each([
    { tag: '!!binary', text: 'title: t\ncover: !!binary R0lGODlh\n', line: 2, shown: 'tag:yaml.org,2002:binary' },
    { tag: '!!set', text: 'tags: !!set {a, b}\n', line: 1, shown: 'tag:yaml.org,2002:set' },
    { tag: '!!omap', text: 'a: 1\nb: !!omap [x: 1]\n', line: 2, shown: 'tag:yaml.org,2002:omap' },
    { tag: '!!timestamp', text: 'created: !!timestamp 2026-11-01\n', line: 1, shown: 'tag:yaml.org,2002:timestamp' },
    { tag: '!foo', text: 'a: 1\nb: 2\nc: !foo bar\n', line: 3, shown: '!foo' },
    { tag: '!<verbatim>', text: 'a: !<tag:example.com,2000:x> 1\n', line: 1, shown: 'tag:example.com,2000:x' },
    { tag: '!!python/object', text: 'a: !!python/object:os.system "ls"\n', line: 1, shown: 'python/object:os.system' },
    { tag: 'a %TAG directive', text: '%TAG !e! tag:example.com,2000:\n---\na: !e!thing 1\n', line: 3, shown: 'tag:example.com,2000:thing' },
    { tag: 'a tag on a key', text: 'title: t\n!foo key: v\n', line: 2, shown: '!foo' },
  ])('$tag', ({ text, line, shown }) => {
    const problem = refused(parseYaml(text));
    expect(problem.line).toBe(line);
    expect(problem.message).toContain(shown);
    expect(problem.fix).toMatch(/tag/);
  });
});

describe('parseYaml: duplicate keys are refused', () => {
  it.each([
    { text: 'a: 1\nb: 2\na: 3\n', line: 3 },
    { text: 'steps:\n  - title: x\n    title: y\n', line: 3 },
    { text: 'a: {k: 1, k: 2}\n', line: 1 },
  ])('$text', ({ text, line }) => {
    expect(refused(parseYaml(text))).toMatchObject({ line, message: expect.stringMatching(/unique/) });
  });
});

describe('parseYaml: nesting is limited, checked before the parser recurses', () => {
  const compact = (depth: number) => `${'- '.repeat(depth)}x\n`;
  const indented = (depth: number) => `${Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}-`).join('\n')} x\n`;
  const nestedArray = (depth: number): unknown => (depth === 0 ? 'x' : [nestedArray(depth - 1)]);

  it(`accepts ${MAX_YAML_DEPTH} levels of compact list`, () => {
    expect(data(parseYaml(compact(MAX_YAML_DEPTH)))).toEqual(nestedArray(MAX_YAML_DEPTH));
  });
  it(`refuses ${MAX_YAML_DEPTH + 1} levels of compact list, on its line`, () => {
    expect(refused(parseYaml(`title: t\nlist:\n  ${compact(MAX_YAML_DEPTH + 1)}`))).toMatchObject({
      line: 3,
      message: expect.stringMatching(/more than 32 levels/),
    });
  });
  it(`accepts ${MAX_YAML_DEPTH} levels of list nested by indentation`, () => {
    expect(data(parseYaml(indented(MAX_YAML_DEPTH)))).toEqual(nestedArray(MAX_YAML_DEPTH));
  });
  it('refuses lists nested by indentation on the first line too deep', () => {
    expect(refused(parseYaml(`a: 1\nb:\n${indented(100)}`))).toMatchObject({
      line: 2 + 33 + 1,
      message: expect.stringMatching(/more than 32 levels/),
    });
  });
  it(`accepts ${MAX_YAML_DEPTH} levels of flow brackets and refuses one more`, () => {
    expect(data(parseYaml(`${'['.repeat(MAX_YAML_DEPTH)}x${']'.repeat(MAX_YAML_DEPTH)}\n`))).toEqual(nestedArray(MAX_YAML_DEPTH));
    expect(refused(parseYaml(`a: 1\nb: ${'['.repeat(MAX_YAML_DEPTH + 1)}x${']'.repeat(MAX_YAML_DEPTH + 1)}\n`)).line).toBe(2);
  });
  it('counts flow brackets opened over several lines', () => {
    expect(refused(parseYaml(`a: 1\nb: ${Array(40).fill('[').join('\n')}\n`)).line).toBe(2 + 32);
  });
  it('does not count brackets inside quoted strings or comments', () => {
    expect(data(parseYaml(`a: "${'['.repeat(100)}"\nb: '${'{'.repeat(100)}'\nc: 1 # ${'['.repeat(100)}\n`))).toEqual({
      a: '['.repeat(100),
      b: '{'.repeat(100),
      c: 1,
    });
  });
  it.each([
    ['20,000 levels of compact list', compact(20_000)],
    ['20,000 levels of compact keys', `${'? '.repeat(20_000)}x\n`],
    ['20,000 open brackets', `${'['.repeat(20_000)}\n`],
    ['20,000 open braces', `${'{a: '.repeat(20_000)}\n`],
    ['2,000 levels of indentation', indented(2_000)],
  ])('refuses %s fast', (_name, text) => {
    const started = performance.now();
    expect(refused(parseYaml(text)).message).toMatch(/more than 32 levels/);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
  it.fails('KNOWN GAP (src/content/yaml.ts, yamlDepthProblem): maps indented one space per level pass up to about 64 levels', () => {
    // Indentation is counted in steps of two, so one-space indentation nests twice as deep as the limit says.
    // Harmless for the parser at this depth (it is far from the stack), but the documented limit is 32.
    const deep = `${Array.from({ length: 60 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')} 1\n`;
    expect(parseYaml(deep).ok).toBe(false);
  });
  it('yamlDepthProblem passes real shapes', () => {
    expect(yamlDepthProblem('title: t\nsteps:\n  - title: a\n    prompts: [who, what]\n    table: {rows: [a, b]}\n')).toBeNull();
  });
});

describe('parseYaml never throws', () => {
  const inputs: [string, string][] = [
    ['10,000 [', '['.repeat(10_000)],
    ['10,000 ]', ']'.repeat(10_000)],
    ['10,000 {', '{'.repeat(10_000)],
    ['10,000 :', ':'.repeat(10_000)],
    ['5,000 anchors', '&a '.repeat(5_000)],
    ['5,000 aliases', '*a '.repeat(5_000)],
    ['5,000 tags', '! '.repeat(5_000)],
    ['5,000 directives', '%YAML 1.2\n'.repeat(5_000)],
    ['an unclosed quote', `a: "${'x'.repeat(10_000)}`],
    ['tabs as indentation', 'a:\n\t- b\n\t\t- c\n'],
    ['document markers', '---\n...\n---\n---\n'],
    ['a lone NUL-free control soup', '\u0007\u0008\u000b\u000c'],
    ['block scalar indicators', '|\n|\n>\n>-\n|+9\n'],
    ['a key without a value', '? a\n? b\n'],
    ['a null item', '- \n-\n'],
  ];
  for (let seed = 1; seed <= 40; seed++) inputs.push([`junk #${seed}`, junk(seed, 2_000, ' \n\t-:?[]{},&*!|>\'"%@`#abc12')]);

  it.each(inputs)('%s', (_name, text) => {
    let result: YamlResult | undefined;
    expect(() => {
      result = parseYaml(text);
    }).not.toThrow();
    if (result && !result.ok) {
      expect(result.problem.line).toBeGreaterThanOrEqual(1);
      expect(result.problem.message.length).toBeGreaterThan(0);
    }
  });
});
