import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatReport, runCheck } from '../../src/cli/check.ts';
import { formatFinding, formatGithub } from '../../src/validate/finding.ts';
import { contentWithOverlay, INVALID_CASES, INVALID_FIXTURES, SITE_FIXTURE } from '../helpers/fixtures.ts';

const created: string[] = [];
const fresh = (overlay?: string) => {
  const dir = contentWithOverlay(overlay);
  created.push(dir);
  return dir;
};
afterAll(() => created.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

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
    const match = findings.find((f) => f.rule === rule && path.resolve(f.file) === path.join(dir, file) && f.line === line && (!message || message.test(f.message)));
    expect(match, `findings were:\n${findings.map(formatFinding).join('\n')}`).toBeDefined();
    expect(match?.fix.length).toBeGreaterThan(5);
    expect(match?.severity).toBe(rule === 'orphan' ? 'warning' : 'error');
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
    const text = formatReport(result(), 'text');
    expect(text).toMatch(/broken-wikilink\.mdx:11:15 {2}unknown-link {2}\[\[alpha-notes\]\]/);
    expect(text).toMatch(/\n {4}fix: /);
    expect(text).toMatch(/1 error, 1 warning; quotation check skipped: SOURCES_DIR is not set/);
  });

  it('json: machine-readable findings and counts', () => {
    const json = JSON.parse(formatReport(result(), 'json'));
    expect(json.errors).toBe(1);
    expect(json.findings.find((f: { rule: string }) => f.rule === 'unknown-link')).toMatchObject({ rule: 'unknown-link', line: 11, column: 15, severity: 'error' });
  });

  it('github: workflow annotations with escaped properties', () => {
    const line = formatGithub({ file: 'a,b.mdx', line: 3, column: 2, rule: 'r', severity: 'error', message: 'bad: 100%', fix: 'do x' });
    expect(line).toBe('::error file=a%2Cb.mdx,line=3,col=2,title=r::bad: 100%25 Fix: do x');
  });
});
