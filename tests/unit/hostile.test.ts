/**
 * Hostile input the checker must refuse quickly and without throwing: shapes too
 * big or too binary to commit as fixtures (tests/helpers/fixtures.ts has the small
 * ones), symbolic links, and images under public/ that are links.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/cli/check.ts';
import { MAX_FILE_BYTES } from '../../src/content/load.ts';
import { loadSiteGraph } from '../../src/graph/site-graph.ts';
import type { Finding } from '../../src/content/finding.ts';
import { validateSite } from '../../src/validate/index.ts';
import { contentWithOverlay, SITE_FIXTURE } from '../helpers/fixtures.ts';

const created: string[] = [];
const temp = (name: string) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `playbook-${name}-`));
  created.push(dir);
  return dir;
};
const fresh = () => {
  const dir = contentWithOverlay();
  created.push(dir);
  return dir;
};
afterAll(() => created.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** Frontmatter of a valid note: lines 1-9, a blank line 10, the body from line 11. */
const frontmatter = (title: string, extra = '') =>
  `---\ntitle: ${title}\nsummary: A fixture note made by a test.\ntheme: customer-obsession\nsources:\n  - id: fixture-text\n    locator: first paragraph\ncreated: 2026-11-01\n${extra}---\n\n`;
const BODY_LINE = 11;

/** A copy of the fixture site with one more file (relative to the content folder). */
function siteWith(file: string, content: string | Buffer): string {
  const dir = fresh();
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), content);
  return dir;
}

/** Runs the checker; it must neither throw nor take long (a bound against hangs: the real time is milliseconds). */
function check(dir: string): Finding[] {
  const started = performance.now();
  let findings: Finding[] = [];
  expect(() => {
    findings = runCheck(dir).findings;
  }).not.toThrow();
  expect(performance.now() - started).toBeLessThan(10_000);
  return findings;
}

const inFile = (findings: Finding[], dir: string, file: string) => findings.filter((f) => path.resolve(f.file) === path.join(dir, file));
const errorsIn = (findings: Finding[], dir: string, file: string) => inFile(findings, dir, file).filter((f) => f.severity === 'error');

/** `unit` repeated to about `total` characters, in lines of about 80 (one paragraph). */
function paragraph(unit: string, total: number): string {
  const perLine = Math.max(1, Math.floor(80 / unit.length));
  const line = unit.repeat(perLine);
  return `${Array.from({ length: Math.ceil(total / line.length) }, () => line).join('\n')}\n`;
}

describe('pathological bodies are refused before parsing, fast', () => {
  const cases: { name: string; body: string; line: number; message: RegExp }[] = [
    { name: '60,000 > on one line', body: `${'>'.repeat(60_000)} deep\n`, line: BODY_LINE, message: /the line has 60005 characters/ },
    // Under the line-length limit, so only the quotation depth can refuse it (9,000 levels overflowed the parser's stack).
    { name: '9,000 > without spaces', body: `${'>'.repeat(9_000)} deep\n`, line: BODY_LINE, message: /quotations are nested 9000 deep/ },
    {
      name: '5,000 lines of 10 nested quotations',
      body: `${'>>>>>>>>>> x\n'.repeat(5_000)}`,
      line: BODY_LINE,
      message: /quotations are nested 10 deep/,
    },
    {
      name: 'a 20,000-level compact list',
      body: `${'- '.repeat(20_000)}item\n`,
      line: BODY_LINE,
      message: /the line has 40004 characters/,
    },
    {
      name: '4,000-level compact list (under the line limit)',
      body: `${'- '.repeat(4_000)}item\n`,
      line: BODY_LINE,
      message: /lists are nested 4000 deep/,
    },
    {
      name: 'a 300-level list nested by indentation',
      body: Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n'),
      line: BODY_LINE + 25,
      message: /indented 50 columns/,
    },
    { name: '*a **b repeated to 48 kB', body: paragraph('*a **b ', 48_000), line: BODY_LINE + 12, message: /\* and _ characters/ },
    { name: '_a __b repeated to 48 kB', body: paragraph('_a __b ', 48_000), line: BODY_LINE + 12, message: /\* and _ characters/ },
    // 24,000 `]` in one paragraph took the parser 4 s, a file's worth over 90 s.
    { name: '] repeated to 48 kB', body: paragraph(']', 48_000), line: BODY_LINE + 5, message: /\[ and \] characters/ },
    { name: '[a] repeated to 48 kB', body: paragraph('[a] ', 48_000), line: BODY_LINE + 10, message: /\[ and \] characters/ },
    { name: 'nested brackets', body: `${'('.repeat(5_000)}\n`, line: BODY_LINE, message: /nested more than 16/ },
  ];

  it.each(cases.flatMap((c) => ['.md', '.mdx'].map((extension) => ({ ...c, extension }))))(
    '$name ($extension)',
    ({ body, line, message, extension }) => {
      const file = `notes/hostile-body${extension}`;
      const dir = siteWith(file, `${frontmatter('Hostile body')}${body}`);
      const findings = check(dir);
      const errors = errorsIn(findings, dir, file);
      expect(errors.map((f) => `${f.line} ${f.rule} ${f.message}`)).toEqual([
        expect.stringMatching(new RegExp(`^${line} body-too-complex .*(?:${message.source})`)),
      ]);
    },
  );

  it('a big body of ordinary text is not refused', () => {
    const file = 'notes/long-but-plain.md';
    const paragraphs = Array.from(
      { length: 400 },
      (_, i) => `Paragraph ${i} has plain words, *some* emphasis, a [[beta-note]] link\nand a [second line](/notes/gamma-note/) of _text_.`,
    );
    const dir = siteWith(file, `${frontmatter('Long but plain')}Links to [[alpha-note]].\n\n${paragraphs.join('\n\n')}\n`);
    expect(errorsIn(check(dir), dir, file)).toEqual([]);
  });
});

describe('hostile YAML is refused before it is expanded or recursed into', () => {
  const play = fs.readFileSync(path.join(SITE_FIXTURE, 'plays/fixture-play.yaml'), 'utf8');
  /** A billion-laughs document: `levels` anchors, each aliasing the one before ten times. */
  const laughs = (levels: number) =>
    Array.from({ length: levels }, (_, i) =>
      i === 0
        ? `l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]`
        : `l${i}: &l${i} [${Array(10)
            .fill(`*l${i - 1}`)
            .join(', ')}]`,
    ).join('\n');

  it.each([
    {
      name: 'a 30-level alias bomb in frontmatter',
      file: 'notes/bomb.mdx',
      text: `${frontmatter('Bomb', `${laughs(30)}\n`)}Links to [[alpha-note]].\n`,
      line: 9,
      message: /anchors and aliases/,
    },
    {
      name: 'a 30-level alias bomb in a play',
      file: 'plays/bomb.yaml',
      text: `${play}${laughs(30)}\n`,
      line: play.split('\n').length,
      message: /anchors and aliases/,
    },
    {
      name: '20,000 levels of compact list in frontmatter',
      file: 'notes/compact.mdx',
      text: `${frontmatter('Compact', `tags:\n  ${'- '.repeat(20_000)}x\n`)}Text.\n`,
      line: 10,
      message: /more than 32 levels/,
    },
    {
      name: '20,000 levels of compact list in a play',
      file: 'plays/compact.yaml',
      text: `${play}extra:\n  ${'- '.repeat(20_000)}x\n`,
      line: play.split('\n').length + 1,
      message: /more than 32 levels/,
    },
    {
      name: '400 levels of list nested by indentation (as deep as 200 kB allows)',
      file: 'plays/indented.yaml',
      text: `${play}extra:\n${Array.from({ length: 400 }, (_, i) => `${'  '.repeat(i + 1)}-`).join('\n')} x\n`,
      line: play.split('\n').length + 33,
      message: /more than 32 levels/,
    },
    {
      name: '10,000 [ in frontmatter',
      file: 'notes/flow.mdx',
      text: `${frontmatter('Flow', `tags: ${'['.repeat(10_000)}\n`)}Text.\n`,
      line: 9,
      message: /more than 32 levels/,
    },
    {
      name: '10,000 { in a play',
      file: 'plays/flow.yaml',
      text: `${play}extra: ${'{a: '.repeat(10_000)}\n`,
      line: play.split('\n').length,
      message: /more than 32 levels/,
    },
  ])('$name', ({ file, text, line, message }) => {
    expect(Buffer.byteLength(text)).toBeLessThan(MAX_FILE_BYTES);
    const dir = siteWith(file, text);
    const errors = errorsIn(check(dir), dir, file);
    expect(errors.map((f) => `${f.line} ${f.rule} ${f.message}`)).toEqual([
      expect.stringMatching(new RegExp(`^${line} yaml-syntax .*(?:${message.source})`)),
    ]);
  });
});

describe('bytes', () => {
  it('a byte-order mark is stripped: no finding, and the frontmatter is read', () => {
    const file = 'notes/bom-note.mdx';
    const dir = siteWith(
      file,
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(frontmatter('Marked note')), Buffer.from('Links to [[alpha-note]].\n')]),
    );
    expect(errorsIn(check(dir), dir, file)).toEqual([]);
    const entry = loadSiteGraph(dir, { fresh: true }).entries.get('notes/bom-note');
    expect(entry?.title).toBe('Marked note');
    expect(entry?.data).toBeDefined();
  });

  it('a Latin-1 byte is refused as file-encoding, with its line and column', () => {
    const file = 'notes/latin-one.mdx';
    // "Caf\xE9" on line 11, the body's first line: é in Latin-1 is the single byte 0xE9.
    const dir = siteWith(
      file,
      Buffer.concat([Buffer.from(`${frontmatter('Latin one')}Caf`), Buffer.from([0xe9]), Buffer.from(' au lait, [[alpha-note]].\n')]),
    );
    const errors = errorsIn(check(dir), dir, file);
    expect(errors).toMatchObject([
      { rule: 'file-encoding', line: BODY_LINE, column: 4, message: expect.stringMatching(/not valid UTF-8/) },
    ]);
  });

  it('a Latin-1 byte at the end of a large file is found fast (each prefix was decoded again: 37 s)', () => {
    const file = 'notes/latin-late.md';
    const filler = `${'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor\n'.repeat(2_400)}`;
    const lines = frontmatter('Latin late').split('\n').length - 1 + 2_400;
    const dir = siteWith(
      file,
      Buffer.concat([Buffer.from(frontmatter('Latin late') + filler), Buffer.from('na'), Buffer.from([0xef, 0x76]), Buffer.from('e\n')]),
    );
    expect(fs.statSync(path.join(dir, file)).size).toBeLessThan(MAX_FILE_BYTES);
    const errors = errorsIn(check(dir), dir, file);
    expect(errors).toMatchObject([{ rule: 'file-encoding', line: lines + 1, column: 3 }]);
  });

  it('a NUL byte is refused as control-character, with its line and column', () => {
    const file = 'notes/nul-byte.md';
    const dir = siteWith(
      file,
      Buffer.concat([Buffer.from(`${frontmatter('Nul byte')}Links to [[alpha-note]].\n\nab`), Buffer.from([0]), Buffer.from('cd\n')]),
    );
    expect(errorsIn(check(dir), dir, file)).toMatchObject([
      { rule: 'control-character', line: BODY_LINE + 2, column: 3, message: expect.stringMatching(/U\+0000 \(NUL\)/) },
    ]);
  });

  it('an escape character (U+001B) is refused as control-character', () => {
    const file = 'plays/escape.yaml';
    const dir = siteWith(file, `# a play\ntitle: "\u001b[31mred"\n`);
    expect(errorsIn(check(dir), dir, file)).toMatchObject([
      { rule: 'control-character', line: 2, column: 9, message: expect.stringMatching(/U\+001B/) },
    ]);
  });

  it('a file over 200 kB is refused before it is read: neither its bytes nor its body are looked at', () => {
    const file = 'notes/huge.md';
    // Every other rule would fire too if the file were read: a NUL byte, invalid UTF-8, a pathological body.
    const body = Buffer.concat([Buffer.from(frontmatter('Huge')), Buffer.from(paragraph(']', MAX_FILE_BYTES)), Buffer.from([0, 0xe9])]);
    expect(body.length).toBeGreaterThan(MAX_FILE_BYTES);
    const dir = siteWith(file, body);
    expect(errorsIn(check(dir), dir, file)).toMatchObject([
      { rule: 'file-too-large', line: 1, message: expect.stringMatching(/kB; the limit is 200 kB/) },
    ]);
  });

  it('a file of exactly 200 kB is not too large', () => {
    const file = 'plays/exactly-at-the-limit.yaml';
    const text = `# ${'x'.repeat(MAX_FILE_BYTES - 3)}\n`;
    expect(Buffer.byteLength(text)).toBe(MAX_FILE_BYTES);
    const dir = siteWith(file, text);
    expect(errorsIn(check(dir), dir, file).map((f) => f.rule)).not.toContain('file-too-large');
  });

  it('a link with a malformed %-escape is reported, not thrown', () => {
    const file = 'notes/bad-escape.mdx';
    const dir = siteWith(file, `${frontmatter('Bad escape')}Links to [[alpha-note]] and [x](/notes/%E0%A4%A/).\n`);
    expect(errorsIn(check(dir), dir, file).map((f) => f.rule)).toEqual(['unknown-link']);
  });
});

describe('symbolic links', () => {
  const note = (title: string) => `${frontmatter(title)}Links to [[alpha-note]].\n`;

  it('a link in notes/ to a note outside the content folder is refused as unsafe-file, naming the link', () => {
    const outside = temp('outside');
    fs.writeFileSync(path.join(outside, 'secret.mdx'), note('Secret outside'));
    const dir = fresh();
    fs.symlinkSync(path.join(outside, 'secret.mdx'), path.join(dir, 'notes/outside-link.mdx'));
    const findings = check(dir);
    expect(errorsIn(findings, dir, 'notes/outside-link.mdx')).toMatchObject([
      { rule: 'unsafe-file', line: 1, message: expect.stringMatching(/symbolic link/) },
    ]);
    expect(findings.some((f) => f.file.includes(outside))).toBe(false);
    const graph = loadSiteGraph(dir, { fresh: true });
    expect(graph.entries.get('notes/outside-link')?.data).toBeUndefined();
    expect([...graph.entries.values()].some((e) => e.title === 'Secret outside')).toBe(false);
  });

  it('a link in notes/ to a note inside the content folder is refused too', () => {
    const dir = fresh();
    fs.symlinkSync(path.join(dir, 'notes/alpha-note.mdx'), path.join(dir, 'notes/inside-link.mdx'));
    fs.symlinkSync('../notes/beta-note.md', path.join(dir, 'notes/relative-link.md'));
    const findings = check(dir);
    expect(errorsIn(findings, dir, 'notes/inside-link.mdx')).toMatchObject([{ rule: 'unsafe-file', line: 1 }]);
    expect(errorsIn(findings, dir, 'notes/relative-link.md')).toMatchObject([{ rule: 'unsafe-file', line: 1 }]);
    // The target itself is still read as usual.
    expect(errorsIn(findings, dir, 'notes/alpha-note.mdx')).toEqual([]);
  });

  it('a linked folder is not followed: nothing in it becomes an entry', () => {
    const outside = temp('outside-folder');
    fs.writeFileSync(path.join(outside, 'planted.mdx'), note('Planted note'));
    const dir = fresh();
    fs.symlinkSync(outside, path.join(dir, 'notes/sub'));
    fs.symlinkSync(outside, path.join(dir, 'notes/folder.mdx'));
    const findings = check(dir);
    const graph = loadSiteGraph(dir, { fresh: true });
    expect([...graph.entries.keys()].filter((key) => key.includes('planted'))).toEqual([]);
    expect([...graph.entries.values()].some((e) => e.title === 'Planted note')).toBe(false);
    expect(findings.some((f) => f.file.includes('planted'))).toBe(false);
    // A link named like an entry is refused by name rather than skipped.
    expect(errorsIn(findings, dir, 'notes/folder.mdx')).toMatchObject([{ rule: 'unsafe-file' }]);
  });

  it('a collection folder that is a link to outside the content folder is refused file by file', () => {
    const outside = temp('outside-collection');
    fs.writeFileSync(path.join(outside, 'elsewhere.mdx'), note('Elsewhere'));
    const dir = fresh();
    fs.rmSync(path.join(dir, 'timeline'), { recursive: true });
    fs.mkdirSync(path.join(outside, 'timeline'));
    fs.copyFileSync(path.join(SITE_FIXTURE, 'timeline/fixture-event.yaml'), path.join(outside, 'timeline/fixture-event.yaml'));
    fs.symlinkSync(path.join(outside, 'timeline'), path.join(dir, 'timeline'));
    const findings = check(dir);
    expect(errorsIn(findings, dir, 'timeline/fixture-event.yaml')).toMatchObject([
      { rule: 'unsafe-file', message: expect.stringMatching(/outside the content folder/) },
    ]);
  });

  describe('images under public/', () => {
    const setup = () => {
      const outside = temp('outside-public');
      fs.writeFileSync(path.join(outside, 'secret.png'), 'not really a png');
      fs.mkdirSync(path.join(outside, 'folder'));
      fs.writeFileSync(path.join(outside, 'folder/inner.png'), 'not really a png');
      const publicDir = temp('public');
      fs.mkdirSync(path.join(publicDir, 'images'));
      fs.writeFileSync(path.join(publicDir, 'images/real.png'), 'not really a png');
      fs.symlinkSync(path.join(outside, 'secret.png'), path.join(publicDir, 'images/linked.png'));
      fs.symlinkSync(path.join(outside, 'folder'), path.join(publicDir, 'images/linked-folder'));
      const body = [
        '![a real image](/images/real.png)',
        '![a linked image](/images/linked.png)',
        '![an image in a linked folder](/images/linked-folder/inner.png)',
        '![a missing image](/images/missing.png)',
      ];
      const file = 'notes/images.mdx';
      const dir = siteWith(file, `${frontmatter('Images')}Links to [[alpha-note]].\n\n${body.join('\n\n')}\n`);
      return { dir, file, publicDir };
    };

    it('an image that is a link to a file outside public/ is refused as image-source; a real file is accepted', () => {
      const { dir, file, publicDir } = setup();
      const findings = validateSite(loadSiteGraph(dir, { fresh: true }), { publicDir });
      const errors = errorsIn(findings, dir, file);
      expect(errors.map((f) => `${f.line} ${f.rule}`)).toEqual([
        `${BODY_LINE + 4} image-source`,
        `${BODY_LINE + 6} image-source`,
        `${BODY_LINE + 8} image-source`,
      ]);
      expect(errors[0]?.message).toMatch(/\/images\/linked\.png.*not a regular file/);
      expect(errors[1]?.message).toMatch(/linked-folder\/inner\.png.*outside public/);
      expect(errors[2]?.message).toMatch(/missing\.png.*is not in public/);
    });

    it('a link anywhere under public/ is refused by name, used or not: the folder is published as it is', () => {
      const { dir, publicDir } = setup();
      fs.symlinkSync(path.join(publicDir, 'images'), path.join(publicDir, 'unused-link'));
      const findings = validateSite(loadSiteGraph(dir, { fresh: true }), { publicDir });
      const links = findings
        .filter((f) => f.rule === 'unsafe-file')
        .map((f) => [path.relative(publicDir, path.resolve(f.file)), f.line, f.severity])
        .sort();
      expect(links).toEqual([
        ['images/linked-folder', 1, 'error'],
        ['images/linked.png', 1, 'error'],
        ['unused-link', 1, 'error'],
      ]);
    });
  });
});
