import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { ENTRY_ID, listCollectionFiles, loadContent, MAX_FILE_BYTES, MAX_ID_LENGTH, readEntry, suggestId } from '../../src/content/load.ts';
import { SITE_FIXTURE } from '../helpers/fixtures.ts';

const created: string[] = [];
afterAll(() => created.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
const temp = (name: string) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `playbook-reader-${name}-`));
  created.push(dir);
  return dir;
};

/** A content folder with an empty notes/ and plays/. */
let root: string;
beforeEach(() => {
  root = temp('root');
  fs.mkdirSync(path.join(root, 'notes'));
  fs.mkdirSync(path.join(root, 'plays'));
});
const write = (file: string, content: string | Buffer) => {
  const absolute = path.join(root, file);
  fs.writeFileSync(absolute, content);
  return absolute;
};
const note = (title = 'A note') => `---\ntitle: ${title}\nsummary: s\ntheme: customer-obsession\n---\n\nBody line 7.\n`;
const readNote = (name: string, content: string | Buffer) => readEntry('notes', write(`notes/${name}`, content), root, root);
const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : Buffer.from(part))));

describe('readEntry: text', () => {
  it('reads frontmatter, body and the line the body starts on', () => {
    const entry = readNote('plain.md', note('Plain'));
    expect(entry.problem).toBeUndefined();
    expect(entry).toMatchObject({
      collection: 'notes',
      id: 'plain',
      key: 'notes/plain',
      extension: '.md',
      bodyLine: 6,
      data: { title: 'Plain' },
    });
    expect(entry.body).toBe('\nBody line 7.\n');
    expect(entry.lineOf(['theme'])).toBe(4);
  });

  it('strips a byte-order mark: same data, same lines, no BOM in the text', () => {
    const plain = readNote('plain.md', note('Marked'));
    const marked = readNote('marked.md', bytes([0xef, 0xbb, 0xbf], note('Marked')));
    expect(marked.problem).toBeUndefined();
    expect(marked.source.charCodeAt(0)).not.toBe(0xfeff);
    expect(marked.source).toBe(plain.source);
    expect(marked.data).toEqual(plain.data);
    expect(marked.bodyLine).toBe(plain.bodyLine);
    expect(marked.lineOf(['theme'])).toBe(4);
  });

  it('reads CRLF line endings', () => {
    const entry = readNote('crlf.md', note('Windows').replace(/\n/g, '\r\n'));
    expect(entry.problem).toBeUndefined();
    expect(entry.data).toMatchObject({ title: 'Windows' });
    expect(entry.bodyLine).toBe(6);
  });

  it('a Markdown file without frontmatter is all body, with empty data (and does not throw)', () => {
    const entry = readNote('bare.md', 'Just text.\n');
    expect(entry.problem).toBeUndefined();
    expect(entry.data).toEqual({});
    expect(entry.body).toBe('Just text.\n');
  });

  it('reports a YAML problem on its line in the file, not in the frontmatter', () => {
    const entry = readNote('bad-yaml.md', '---\ntitle: t\nsummary: s\na: &x 1\n---\n\nBody.\n');
    expect(entry.problem).toMatchObject({ rule: 'yaml-syntax', line: 4 });
    expect(entry.data).toBeUndefined();
  });
});

describe('readEntry: encoding', () => {
  it.each([
    { name: 'a Latin-1 é', content: bytes('---\ntitle: Caf', [0xe9], '\n---\n'), line: 2, column: 11, byte: 15 },
    { name: 'a Windows-1252 quote', content: bytes('a\nb\nsaid ', [0x93], 'hi', [0x94], '\n'), line: 3, column: 6, byte: 10 },
    { name: 'an overlong slash (C0 AF)', content: bytes('a\nb', [0xc0, 0xaf], '\n'), line: 2, column: 2, byte: 4 },
    { name: 'an encoded surrogate (ED A0 80)', content: bytes('a\nb\nc', [0xed, 0xa0, 0x80], '\n'), line: 3, column: 2, byte: 6 },
    { name: 'a code point over U+10FFFF (F4 90 80 80)', content: bytes('x', [0xf4, 0x90, 0x80, 0x80]), line: 1, column: 2, byte: 2 },
    { name: 'a character cut off at the end (E2 82)', content: bytes('a\nb\nc', [0xe2, 0x82]), line: 3, column: 2, byte: 6 },
    { name: 'a bad byte after valid multi-byte characters', content: bytes('héllo wörld\n→ ', [0xff]), line: 2, column: 3, byte: 19 },
    { name: 'a bad byte right after a byte-order mark', content: bytes([0xef, 0xbb, 0xbf, 0xe9], 'x'), line: 1, column: 1, byte: 4 },
  ])('refuses $name as file-encoding, with line, column and byte', ({ content, line, column, byte }) => {
    const entry = readNote('encoded.md', content);
    expect(entry.problem).toMatchObject({ rule: 'file-encoding', line, column, message: `the file is not valid UTF-8 (byte ${byte})` });
    expect(entry.data).toBeUndefined();
    expect(entry.source).toBe('');
  });

  it('finds a bad byte near the end of a 190 kB file fast, on the right line', () => {
    const line = 'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor\n';
    const count = Math.floor(190_000 / line.length);
    const content = bytes(line.repeat(count), 'ab', [0xe9]);
    expect(content.length).toBeLessThan(MAX_FILE_BYTES);
    const started = performance.now();
    const entry = readNote('late.md', content);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(entry.problem).toMatchObject({ rule: 'file-encoding', line: count + 1, column: 3 });
  });
});

describe('readEntry: control characters', () => {
  it.each([
    { name: 'NUL', char: '\u0000', code: 'U+0000 (NUL)' },
    { name: 'ESC', char: '\u001b', code: 'U+001B' },
    { name: 'backspace', char: '\u0008', code: 'U+0008' },
    { name: 'vertical tab', char: '\u000b', code: 'U+000B' },
    { name: 'form feed', char: '\u000c', code: 'U+000C' },
    { name: 'DEL', char: '\u007f', code: 'U+007F' },
    { name: 'C1 NEL', char: '\u0085', code: 'U+0085' },
    { name: 'C1 CSI', char: '\u009b', code: 'U+009B' },
  ])('refuses $name with its line and column', ({ char, code }) => {
    const entry = readNote('control.md', `${note()}\nab${char}cd\n`);
    expect(entry.problem).toMatchObject({ rule: 'control-character', line: 9, column: 3 });
    expect(entry.problem?.message).toContain(code);
  });

  it('allows tab, line feed and carriage return, and ordinary non-ASCII text', () => {
    expect(readNote('fine.md', `${note()}\tTabbed,\r\ncafé, “quoted”, 中文, emoji 🎉, U+00A0:\u00a0.\n`).problem).toBeUndefined();
  });
});

describe('readEntry: size', () => {
  it('accepts a file of exactly the limit', () => {
    const entry = readEntry('plays', write('plays/at-limit.yaml', `# ${'x'.repeat(MAX_FILE_BYTES - 3)}\n`), root, root);
    expect(entry.problem).toBeUndefined();
  });

  it('refuses one byte more, saying how large it is', () => {
    const entry = readEntry('plays', write('plays/over-limit.yaml', `# ${'x'.repeat(MAX_FILE_BYTES - 2)}\n`), root, root);
    expect(entry.problem).toMatchObject({ rule: 'file-too-large', line: 1, message: 'the file is 201 kB; the limit is 200 kB' });
  });

  it('refuses a large file before reading its bytes (no encoding or control-character finding)', () => {
    const started = performance.now();
    const entry = readNote('huge.md', bytes(note(), 'x'.repeat(5 * MAX_FILE_BYTES), [0, 0xe9]));
    expect(entry.problem?.rule).toBe('file-too-large');
    expect(entry.source).toBe('');
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe('readEntry: what a file is and where it lies', () => {
  it('refuses a symbolic link to a file outside the content folder, naming the link', () => {
    const outside = temp('outside');
    fs.writeFileSync(path.join(outside, 'secret.md'), note('Secret'));
    fs.symlinkSync(path.join(outside, 'secret.md'), path.join(root, 'notes/link.md'));
    const entry = readEntry('notes', path.join(root, 'notes/link.md'), root, root);
    expect(entry).toMatchObject({
      id: 'link',
      file: 'notes/link.md',
      data: undefined,
      source: '',
      problem: { rule: 'unsafe-file', message: expect.stringMatching(/symbolic link/) },
    });
  });

  it('refuses a symbolic link to a file inside the content folder', () => {
    const target = write('notes/real.md', note('Real'));
    fs.symlinkSync(target, path.join(root, 'notes/alias.md'));
    expect(readEntry('notes', path.join(root, 'notes/alias.md'), root, root).problem?.rule).toBe('unsafe-file');
    expect(readEntry('notes', target, root, root).problem).toBeUndefined();
  });

  it('refuses a dangling symbolic link', () => {
    fs.symlinkSync(path.join(root, 'notes/nowhere.md'), path.join(root, 'notes/dangling.md'));
    expect(readEntry('notes', path.join(root, 'notes/dangling.md'), root, root).problem?.rule).toBe('unsafe-file');
  });

  it('refuses a regular file reached through a linked folder, as lying outside the content folder', () => {
    const outside = temp('outside-folder');
    fs.writeFileSync(path.join(outside, 'planted.md'), note('Planted'));
    fs.rmSync(path.join(root, 'notes'), { recursive: true });
    fs.symlinkSync(outside, path.join(root, 'notes'));
    const entry = readEntry('notes', path.join(root, 'notes/planted.md'), root, root);
    expect(entry.problem).toMatchObject({ rule: 'unsafe-file', message: expect.stringMatching(/outside the content folder/) });
  });

  it('refuses a file outside the folder it is read for', () => {
    const other = temp('other');
    fs.mkdirSync(path.join(other, 'notes'));
    fs.writeFileSync(path.join(other, 'notes/elsewhere.md'), note('Elsewhere'));
    expect(readEntry('notes', path.join(other, 'notes/elsewhere.md'), root, root).problem).toMatchObject({
      rule: 'unsafe-file',
      message: expect.stringMatching(/outside/),
    });
  });

  it('refuses a folder named like an entry', () => {
    fs.mkdirSync(path.join(root, 'notes/folder.md'));
    expect(readEntry('notes', path.join(root, 'notes/folder.md'), root, root).problem).toMatchObject({
      rule: 'unsafe-file',
      message: expect.stringMatching(/not a regular file/),
    });
  });

  it('refuses a named pipe without opening it (reading one would block for ever)', () => {
    const fifo = path.join(root, 'notes/pipe.md');
    execFileSync('mkfifo', [fifo]);
    expect(readEntry('notes', fifo, root, root).problem).toMatchObject({
      rule: 'unsafe-file',
      message: expect.stringMatching(/not a regular file/),
    });
  });

  it('refuses a file that is not there', () => {
    expect(readEntry('notes', path.join(root, 'notes/missing.md'), root, root).problem).toMatchObject({
      rule: 'unsafe-file',
      message: expect.stringMatching(/ENOENT/),
    });
  });
});

describe('ids', () => {
  it.each(['a', 'a1', '1a', 'alpha-note', 'a-b-c-1-2-3', 'x'.repeat(MAX_ID_LENGTH)])('%s is a valid id', (id) => {
    expect(ENTRY_ID.test(id) && id.length <= MAX_ID_LENGTH).toBe(true);
    expect(readNote(`${id}.md`, note()).problem).toBeUndefined();
  });

  it.each([
    { name: 'Bad_Name', suggestion: 'bad-name' },
    { name: 'UPPER', suggestion: 'upper' },
    { name: 'a--b', suggestion: 'a-b' },
    { name: '-leading', suggestion: 'leading' },
    { name: 'trailing-', suggestion: 'trailing' },
    { name: '.hidden', suggestion: 'hidden' },
    { name: '.', suggestion: 'new-entry' },
    { name: 'x#y', suggestion: 'x-y' },
    { name: 'a?b', suggestion: 'a-b' },
    { name: 'a;b', suggestion: 'a-b' },
    { name: 'a b', suggestion: 'a-b' },
    { name: 'a.b', suggestion: 'a-b' },
    { name: "it's", suggestion: 'it-s' },
    { name: 'Café Olé', suggestion: 'cafe-ole' },
    { name: '中文', suggestion: 'new-entry' },
    { name: 'x'.repeat(MAX_ID_LENGTH + 1), suggestion: 'x'.repeat(MAX_ID_LENGTH) },
  ])('$name is refused as invalid-id and the fix suggests $suggestion', ({ name, suggestion }) => {
    expect(suggestId(name)).toBe(suggestion);
    expect(ENTRY_ID.test(suggestion)).toBe(true);
    const entry = readNote(`${name}.md`, note());
    expect(entry.problem).toMatchObject({ rule: 'invalid-id', line: 1, column: 1 });
    expect(entry.problem?.message).toContain(`"${name}.md"`);
    expect(entry.problem?.fix).toBe(`rename the file to ${suggestion}.md`);
    expect(entry.data).toBeUndefined();
  });

  it('checks the name before the file: an invalid name that is also a link is reported as invalid-id', () => {
    fs.symlinkSync('/etc/hostname', path.join(root, 'notes/Bad Link.md'));
    expect(readEntry('notes', path.join(root, 'notes/Bad Link.md'), root, root).problem?.rule).toBe('invalid-id');
  });
});

describe('loadContent', () => {
  it('reads the fixture site without problems', () => {
    const entries = loadContent(SITE_FIXTURE);
    expect(entries.length).toBeGreaterThan(10);
    expect(entries.filter((e) => e.problem)).toEqual([]);
  });

  it('lists entry files sorted, links and folders included (so they are refused by name), and never descends', () => {
    write('notes/b-note.md', note('B'));
    write('notes/a-note.mdx', note('A'));
    write('notes/readme.txt', 'not an entry');
    fs.mkdirSync(path.join(root, 'notes/sub'));
    fs.writeFileSync(path.join(root, 'notes/sub/nested.md'), note('Nested'));
    const outside = temp('outside-dir');
    fs.writeFileSync(path.join(outside, 'planted.md'), note('Planted'));
    fs.symlinkSync(outside, path.join(root, 'notes/linked'));
    fs.symlinkSync(path.join(root, 'notes/b-note.md'), path.join(root, 'notes/c-link.md'));
    expect(listCollectionFiles(root, 'notes').map((file) => path.relative(root, file))).toEqual([
      'notes/a-note.mdx',
      'notes/b-note.md',
      'notes/c-link.md',
    ]);
    const entries = loadContent(root, root);
    expect(entries.map((e) => `${e.key} ${e.problem?.rule ?? 'ok'}`)).toEqual([
      'notes/a-note ok',
      'notes/b-note ok',
      'notes/c-link unsafe-file',
    ]);
  });

  it('a missing collection folder is no entries, not an error', () => {
    expect(listCollectionFiles(root, 'glossary')).toEqual([]);
  });
});
