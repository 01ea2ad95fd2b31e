/**
 * The quotation check: every `<Quote>` must appear verbatim in the source text
 * it cites. Whitespace, curly versus straight quotes and non-breaking spaces
 * are ignored; everything else (words, spelling, punctuation) must match.
 */
import fs from 'node:fs';
import path from 'node:path';
import { outlineOf, type BodyQuote } from '../graph/extract.ts';
import { isEntryOf, type SiteGraph } from '../graph/site-graph.ts';
import { parseBody } from '../content/parse.ts';
import type { Finding } from '../content/finding.ts';

export interface FoundQuote {
  text: string;
  by: string;
  source: string;
  line: number;
  column: number;
}

/** Normalises text for comparison: quotes, dashes, spaces. */
export function normalizeQuoteText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u2018\u2019\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201F\u2033]/g, '"')
    .replace(/\u2026/g, '...')
    .replace(/[\u00A0\u2000-\u200B\u202F\u205F\u3000\s]+/g, ' ')
    .trim();
}

/** Every `<Quote>` in an MDX body, with its props and position (file lines, given the body's first line). */
export function findQuotes(body: string, firstLine = 1): FoundQuote[] {
  const parsed = parseBody('\n'.repeat(firstLine - 1) + body, '.mdx');
  return parsed.ok ? normalized(outlineOf(parsed.tree).quotes) : [];
}

const normalized = (quotes: readonly BodyQuote[]): FoundQuote[] =>
  quotes.map((quote) => ({ ...quote, text: normalizeQuoteText(quote.text) }));

export interface QuoteCheck {
  findings: Finding[];
  checked: number;
}

/** Checks every quotation in the site against the texts in `sourcesDir`. */
export function checkQuotes(graph: SiteGraph, sourcesDir: string): QuoteCheck {
  const findings: Finding[] = [];
  const texts = new Map<string, string>();
  const textOfSource = (file: string) => {
    if (!texts.has(file)) {
      const full = path.join(sourcesDir, file);
      texts.set(file, fs.existsSync(full) ? normalizeQuoteText(fs.readFileSync(full, 'utf8')) : '');
    }
    return texts.get(file) ?? '';
  };
  let checked = 0;
  for (const entry of graph.entries.values()) {
    for (const quote of normalized(entry.quotes)) {
      checked++;
      const at = { file: entry.raw.file, line: quote.line, column: quote.column, severity: 'error' as const };
      const source = graph.entries.get(`sources/${quote.source}`);
      const data = isEntryOf(source, 'sources') ? source.data : undefined;
      if (!data || data.kind !== 'text' || !data.file) {
        findings.push({
          ...at,
          rule: 'quote-source',
          message: `the quotation cites "${quote.source}", which is not one of the source texts`,
          fix: 'cite the source text (kind: text) the quotation appears in, not a work it mentions',
        });
        continue;
      }
      const text = textOfSource(data.file);
      if (!text) {
        findings.push({
          ...at,
          rule: 'quote-source',
          message: `the text file ${data.file} of "${quote.source}" is not in ${sourcesDir}`,
          fix: 'check `file` in the source entry, or SOURCES_DIR',
        });
      } else if (!text.includes(quote.text)) {
        findings.push({
          ...at,
          rule: 'quote-not-verbatim',
          message: `the quotation "${quote.text.slice(0, 60)}${quote.text.length > 60 ? '…' : ''}" does not appear word for word in ${data.file}`,
          fix: 'copy the words exactly as the text has them (only quote marks and spacing may differ), or paraphrase without quotation marks',
        });
      }
    }
  }
  return { findings, checked };
}
