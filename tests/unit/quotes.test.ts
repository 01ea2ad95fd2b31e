import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSiteGraph } from '../../src/graph/site-graph.ts';
import { formatFinding } from '../../src/content/finding.ts';
import { checkQuotes, findQuotes, normalizeQuoteText } from '../../src/validate/quotes.ts';
import { FIXTURES, SITE_FIXTURE } from '../helpers/fixtures.ts';

const FIXTURE_SOURCES = path.join(FIXTURES, 'sources');

describe('normalizeQuoteText', () => {
  it('ignores curly versus straight quotes, non-breaking and repeated spaces', () => {
    expect(normalizeQuoteText('“It’s  the\u00a0customer,”\n he said')).toBe(`"It's the customer," he said`);
  });
});

describe('findQuotes', () => {
  it('finds each Quote with its props and file line', () => {
    const body = 'Intro.\n\n<Quote by="Jeff Bezos" source="customer-service-edge">Stay focused.</Quote>\n';
    expect(findQuotes(body, 11)).toEqual([
      { text: 'Stay focused.', by: 'Jeff Bezos', source: 'customer-service-edge', line: 13, column: 1 },
    ]);
  });
});

describe('checkQuotes on fixtures', () => {
  it('accepts the fixture site, whose quotation is verbatim', () => {
    const result = checkQuotes(loadSiteGraph(SITE_FIXTURE, { fresh: true }), FIXTURE_SOURCES);
    expect(result).toEqual({ findings: [], checked: 1 });
  });

  it('names file and line of a changed word, and of a quotation citing a work instead of a text', () => {
    const dir = fs.mkdtempSync('/tmp/playbook-quotes-');
    fs.cpSync(SITE_FIXTURE, dir, { recursive: true });
    fs.cpSync(path.join(FIXTURES, 'invalid-quotes'), dir, { recursive: true });
    const { findings } = checkQuotes(loadSiteGraph(dir, { fresh: true }), FIXTURE_SOURCES);
    expect(findings.map((f) => [path.basename(f.file), f.line, f.rule])).toEqual([
      ['misquote.mdx', 13, 'quote-not-verbatim'],
      ['misquote.mdx', 15, 'quote-source'],
    ]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

// The real content against the real source texts. CI sets SOURCES_DIR (see .ci/run).
const sourcesDir = process.env.SOURCES_DIR;
describe('every quotation in content/ is verbatim in its source text', () => {
  if (!sourcesDir) {
    it.skip('skipped: set SOURCES_DIR to the folder of the source texts (../shared/sources) to run this check', () => {});
    return;
  }
  it(`matches the texts in ${sourcesDir}`, () => {
    const result = checkQuotes(loadSiteGraph(path.resolve('content'), { fresh: true }), path.resolve(sourcesDir));
    expect(result.findings.map(formatFinding)).toEqual([]);
    expect(result.checked).toBeGreaterThan(0);
  });
});
