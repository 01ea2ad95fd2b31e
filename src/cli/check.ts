/**
 * The content checker: every rule the build enforces, plus the MDX safety
 * policy, on the source files, without building the site.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { loadSiteGraph } from '../graph/site-graph.ts';
import { printable } from '../util/invisible.ts';
import { formatFinding, formatGithub, isError, sortFindings, type Finding } from '../content/finding.ts';
import { validateSite } from '../validate/index.ts';
import { checkFigures } from '../validate/figures.ts';
import { checkQuotes } from '../validate/quotes.ts';
import { UsageError, type CommandSpec } from './args.ts';

export const checkCommand: CommandSpec = {
  name: 'check',
  summary: 'Checks the content: frontmatter, references, links and anchors, MDX safety, and more.',
  usage: 'npm run check -- [--format text|json|github] [--changed] [--base REF] [--content DIR]',
  flags: {
    format: {
      type: 'string',
      choices: ['text', 'json', 'github'],
      default: 'text',
      description: 'output format; github prints workflow annotations',
    },
    changed: { type: 'boolean', default: false, description: 'report only files changed against the base branch' },
    base: { type: 'string', default: 'origin/main', value: 'REF', description: 'branch or commit --changed compares against' },
    content: { type: 'string', value: 'DIR', description: 'content folder (default: $CONTENT_DIR or content/)' },
    sources: { type: 'string', value: 'DIR', description: 'folder of the source texts for the quotation check (default: $SOURCES_DIR)' },
    help: { type: 'boolean', short: 'h', description: 'show this help' },
  },
  examples: ['npm run check', 'npm run check -- --changed', 'npm run check -- --format github'],
};

export interface CheckResult {
  findings: Finding[];
  entries: number;
  milliseconds: number;
  /** What the quotation check did: how many it verified, or why it was skipped. */
  quotes: { checked: number } | { skipped: string };
}

/** Files changed against `base` (committed, staged, unstaged and untracked). */
export function changedFiles(base: string, cwd = process.cwd()): Set<string> {
  const git = (args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  let mergeBase: string;
  try {
    mergeBase = git(['merge-base', 'HEAD', base]).trim();
  } catch {
    throw new UsageError(
      `cannot compare with "${base}": no such branch or commit here. Pass --base with a branch that exists (e.g. --base main).`,
    );
  }
  const names = [
    ...git(['diff', '--name-only', '--diff-filter=ACMR', mergeBase]).split('\n'),
    ...git(['ls-files', '--others', '--exclude-standard']).split('\n'),
  ];
  const top = git(['rev-parse', '--show-toplevel']).trim();
  return new Set(names.filter(Boolean).map((name) => path.resolve(top, name)));
}

export function runCheck(contentDir: string, only?: ReadonlySet<string>, sourcesDir?: string): CheckResult {
  const started = performance.now();
  const graph = loadSiteGraph(contentDir, { fresh: true });
  const findings = validateSite(graph, only && { only });
  let quotes: CheckResult['quotes'] = { skipped: 'SOURCES_DIR is not set, so quotations were not compared with the source texts' };
  if (sourcesDir) {
    const result = checkQuotes(graph, sourcesDir);
    // Figures need the texts too: a year or an amount no text gives must stand under "Beyond the texts".
    findings.push(...[...result.findings, ...checkFigures(graph, sourcesDir)].filter((f) => !only || only.has(path.resolve(f.file))));
    quotes = { checked: result.checked };
  }
  return { findings: sortFindings(findings), entries: graph.entries.size, milliseconds: Math.round(performance.now() - started), quotes };
}

export function formatReport(result: CheckResult, format: string): string {
  const errors = result.findings.filter(isError).length;
  const warnings = result.findings.length - errors;
  const quoteLine =
    'checked' in result.quotes
      ? `${result.quotes.checked} quotations verified against the source texts`
      : `quotation check skipped: ${result.quotes.skipped}`;
  // Findings are escaped by formatFinding and formatGithub; the summary may name a folder.
  const summary = printable(
    `${result.entries} entries checked in ${result.milliseconds} ms: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}; ${quoteLine}`,
  );
  if (format === 'json')
    return JSON.stringify({ errors, warnings, entries: result.entries, quotes: result.quotes, findings: result.findings }, null, 2);
  if (format === 'github') return [...result.findings.map(formatGithub), summary].join('\n');
  return [...result.findings.map(formatFinding), result.findings.length ? '' : null, summary].filter((l) => l !== null).join('\n');
}
