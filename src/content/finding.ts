/**
 * A finding is one problem in one content file. The build, the content checker
 * and the tests all speak this shape, so a contributor sees the same message
 * wherever the problem is caught.
 */
import { printable } from '../util/invisible.ts';

export type Severity = 'error' | 'warning';

export interface Finding {
  /** Path of the file, relative to the working directory. */
  file: string;
  /** 1-based line, or 1 when the problem concerns the whole file. */
  line: number;
  /** 1-based column. */
  column: number;
  /** Stable rule id, e.g. `unknown-link`. Documented in CONTRIBUTING.md. */
  rule: string;
  severity: Severity;
  /** What is wrong. */
  message: string;
  /** What to do about it. */
  fix: string;
}

export const isError = (finding: Finding): boolean => finding.severity === 'error';

/**
 * The rules that warn instead of failing the check and the build: the editor's
 * rules on a note's shape (CONTRIBUTING.md, section 8, says why).
 * Every other rule is an error.
 */
export const WARNING_RULES: ReadonlySet<string> = new Set(['orphan', 'note-too-short', 'note-links', 'note-reflect', 'tag-list-missing']);

/** The severity of a rule's findings. */
export const severityOf = (rule: string): Severity => (WARNING_RULES.has(rule) ? 'warning' : 'error');

/** Sorts findings by file, then position, then rule, so output is stable. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
  );
}

/**
 * `path:line:column  rule  message` then an indented fix line: the checker's text format.
 * File names, titles and values quoted from content can hold control characters
 * (ESC [2J clears a terminal) and bidirectional overrides (U+202E reverses what
 * follows): every one is printed as a visible escape such as `\u001b`.
 */
export function formatFinding(finding: Finding): string {
  const label = finding.severity === 'warning' ? `${finding.rule} (warning)` : finding.rule;
  const text = (value: string) => printable(value, { multiline: true });
  return `${printable(finding.file)}:${finding.line}:${finding.column}  ${printable(label)}  ${text(finding.message)}\n    fix: ${text(finding.fix)}`;
}

/** A GitHub Actions workflow command, shown as an annotation on the pull request diff. */
export function formatGithub(finding: Finding): string {
  // Line breaks become %0A (GitHub shows them); every other control or invisible character a visible escape.
  const escape = (text: string) => printable(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
  const property = (text: string) => escape(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const kind = finding.severity === 'warning' ? 'warning' : 'error';
  return `::${kind} file=${property(finding.file)},line=${finding.line},col=${finding.column},title=${property(finding.rule)}::${escape(`${finding.message} Fix: ${finding.fix}`)}`;
}

/** An error carrying findings, thrown by the build so Astro prints every problem at once. */
export class ContentError extends Error {
  readonly findings: Finding[];
  constructor(findings: Finding[]) {
    const errors = sortFindings(findings.filter(isError));
    super(
      `Content check failed with ${errors.length} error${errors.length === 1 ? '' : 's'}:\n\n${errors.map(formatFinding).join('\n')}\n\nRun \`npm run check\` to see every finding.`,
    );
    this.name = 'ContentError';
    this.findings = errors;
  }
}
