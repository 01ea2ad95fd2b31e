import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatReport, runCheck } from '../../src/cli/check.ts';
import { formatFinding, formatGithub, WARNING_RULES } from '../../src/content/finding.ts';
import { contentWithOverlay, INVALID_CASES, INVALID_FIXTURES, SITE_FIXTURE } from '../helpers/fixtures.ts';

const created: string[] = [];
const fresh = (overlay?: string) => {
  const dir = contentWithOverlay(overlay);
  created.push(dir);
  return dir;
};
afterAll(() => created.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** The parts of `--format json` these tests read. */
interface JsonReport {
  errors: number;
  findings: { rule: string; file: string }[];
}

describe('content checker on the valid fixture site', () => {
  it('reports nothing', () => {
    expect(runCheck(SITE_FIXTURE).findings).toEqual([]);
  });
});

describe('content checker on invalid fixtures', () => {
  it('has a test row for every fixture folder', () => {
    expect(new Set(INVALID_CASES.map((c) => c.overlay))).toEqual(new Set(fs.readdirSync(INVALID_FIXTURES)));
  });

  it.each(INVALID_CASES)('$overlay: $rule at $file:$line', ({ overlay, rule, file, line, message }) => {
    const dir = fresh(overlay);
    const { findings } = runCheck(dir);
    const match = findings.find(
      (f) => f.rule === rule && path.resolve(f.file) === path.join(dir, file) && f.line === line && (!message || message.test(f.message)),
    );
    expect(match, `findings were:\n${findings.map(formatFinding).join('\n')}`).toBeDefined();
    expect(match?.fix.length).toBeGreaterThan(5);
    expect(match?.severity).toBe(WARNING_RULES.has(rule) ? 'warning' : 'error');
  });

  it('executes nothing while checking: the expression fixture writes no file', () => {
    fs.rmSync('/tmp/playbook-pwned-expression', { force: true });
    runCheck(fresh('mdx-expression'));
    expect(fs.existsSync('/tmp/playbook-pwned-expression')).toBe(false);
  });
});

describe('report formats', () => {
  const result = () => runCheck(fresh('unknown-link'));

  it('text: path:line:column  rule  message, then the fix', () => {
    const checked = result();
    const text = formatReport(checked, 'text');
    expect(text).toMatch(/broken-wikilink\.mdx:11:15 {2}unknown-link {2}\[\[alpha-notes\]\]/);
    expect(text).toMatch(/\n {4}fix: /);
    // The fixture note is also an orphan, short, unlinked and without questions: warnings, which do not fail the check.
    const warnings = checked.findings.filter((f) => f.severity === 'warning').map((f) => f.rule);
    expect(new Set(warnings)).toEqual(new Set(['orphan', 'note-too-short', 'note-links', 'note-reflect']));
    expect(text).toContain(`1 error, ${warnings.length} warnings; quotation check skipped: SOURCES_DIR is not set`);
  });

  it('json: machine-readable findings and counts', () => {
    const json = JSON.parse(formatReport(result(), 'json')) as JsonReport;
    expect(json.errors).toBe(1);
    expect(json.findings.find((f) => f.rule === 'unknown-link')).toMatchObject({
      rule: 'unknown-link',
      line: 11,
      column: 15,
      severity: 'error',
    });
  });

  describe('control and invisible characters are printed as visible escapes', () => {
    const ESC = '\u001b';
    const RLO = '\u202e';
    const hostile = {
      file: `notes/${ESC}[2J${RLO}evil.mdx`,
      line: 1,
      column: 1,
      rule: 'duplicate-title',
      severity: 'error' as const,
      message: `the title "${ESC}]0;owned${String.fromCharCode(7)} ${RLO}gnp.exe" is used twice\u009b`,
      fix: `rename it${String.fromCharCode(127)}`,
    };
    // Anything a terminal acts on: C0 but tab and line feed, DEL, C1, bidi and invisible formatting characters.
    // eslint-disable-next-line no-control-regex -- matching control characters is what this expression is for
    const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/u;

    it('text: in the file name, the message and the fix', () => {
      const text = formatFinding(hostile);
      expect(text).not.toMatch(UNSAFE);
      expect(text).toBe(
        'notes/\\u001b[2J\\u202eevil.mdx:1:1  duplicate-title  the title "\\u001b]0;owned\\u0007 \\u202egnp.exe" is used twice\\u009b\n    fix: rename it\\u007f',
      );
    });

    it('text: the whole report, from a real file whose name holds ESC [2J and U+202E', () => {
      const dir = fresh();
      fs.writeFileSync(path.join(dir, 'glossary', `${ESC}[2J${RLO}x.yaml`), 'term: Whatever\n');
      const text = formatReport(runCheck(dir), 'text');
      expect(text).toMatch(/invalid-id/);
      expect(text).toContain('\\u001b[2J\\u202ex.yaml');
      expect(text.replace(/\n/g, '')).not.toMatch(UNSAFE);
    });

    it('github: escaped too, line breaks as %0A', () => {
      const line = formatGithub({ ...hostile, message: `a${ESC}[31m\nb` });
      expect(line).not.toMatch(UNSAFE);
      expect(line).toContain('a\\u001b[31m%0Ab');
    });

    it('json: kept as data (JSON escapes control characters itself)', () => {
      const json = formatReport({ findings: [hostile], entries: 1, milliseconds: 1, quotes: { checked: 0 } }, 'json');
      expect(json).not.toContain(ESC);
      expect((JSON.parse(json) as JsonReport).findings[0]?.file).toBe(hostile.file);
    });
  });

  it('github: workflow annotations with escaped properties', () => {
    const line = formatGithub({ file: 'a,b.mdx', line: 3, column: 2, rule: 'r', severity: 'error', message: 'bad: 100%', fix: 'do x' });
    expect(line).toBe('::error file=a%2Cb.mdx,line=3,col=2,title=r::bad: 100%25 Fix: do x');
  });
});
