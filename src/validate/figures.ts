/**
 * The figure check: every year (a four-digit 1xxx or 20xx), percentage and
 * amount of money in a note's prose must appear in one of the source texts,
 * unless it stands in a "Beyond the texts" section, where the note gives
 * outside facts and cites them as `general`. Like the quotation check, it runs
 * only when the folder of source texts is known (SOURCES_DIR).
 */
import fs from 'node:fs';
import path from 'node:path';
import { isEntryOf, type SiteGraph } from '../graph/site-graph.ts';
import { severityOf, type Finding } from '../content/finding.ts';
import { proseLines, type ProseLine } from './prose.ts';

/** The heading of the section where a note states facts the texts do not give. */
export const BEYOND_HEADING = 'Beyond the texts';

const NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const SCALE = String.raw`(?:\s?(?:thousand|million|billion|trillion|bn|m|k)\b)?`;
const CURRENCY_SIGN = '[$€£¥]';
const CURRENCY_WORD = String.raw`(?:dollars?|euros?|pounds?|yen|USD|EUR|GBP)\b`;
/** Money ($62 billion, US$5, 40 dollars), percentages (40%, 72 percent) and years (1897, 2017). */
const FIGURE = new RegExp(
  [
    String.raw`(?<sign>${CURRENCY_SIGN})\s?(?<money>${NUMBER})${SCALE}`,
    String.raw`(?<![\d.,])(?<money2>${NUMBER})${SCALE}\s?${CURRENCY_WORD}`,
    String.raw`(?<![\d.,])(?<percent>${NUMBER})\s?(?:%|per\s?cent\b)`,
    String.raw`(?<![\w.,$€£¥])(?<year>1\d{3}|20\d{2})(?![\w%]|[.,]\d)`,
  ].join('|'),
  'giu',
);

export interface Figure {
  /** As written, e.g. "$62 billion". */
  text: string;
  /** The form two writings of one figure share: "$62b", "40%", "1897". */
  key: string;
  /** 0-based offset in the searched text. */
  index: number;
}

const scaleOf = (text: string): string => {
  const word = /(thousand|million|billion|trillion|bn|m|k)\b\s*\S*$/i.exec(text)?.[1]?.toLowerCase() ?? '';
  return { thousand: 'k', k: 'k', million: 'm', m: 'm', billion: 'b', bn: 'b', trillion: 't' }[word] ?? '';
};

/** Every figure in `text`. */
export function findFigures(text: string): Figure[] {
  const out: Figure[] = [];
  for (const match of text.matchAll(FIGURE)) {
    const g = match.groups ?? {};
    const number = (g.money ?? g.money2 ?? g.percent ?? g.year ?? '').replace(/,/g, '');
    let key: string;
    if (g.year) key = number;
    else if (g.percent) key = `${number}%`;
    else key = `$${number}${scaleOf(match[0])}`;
    out.push({ text: match[0].trim(), key, index: match.index });
  }
  return out;
}

/** The lines of a note's prose outside its "Beyond the texts" sections. */
export function linesOutsideBeyond(lines: readonly ProseLine[], raw: readonly string[]): ProseLine[] {
  const out: ProseLine[] = [];
  let beyondDepth = 0;
  lines.forEach((line, i) => {
    const heading = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(raw[i] ?? '');
    if (heading && line.text.trim() !== '') {
      const depth = heading[1]?.length ?? 0;
      if (beyondDepth && depth <= beyondDepth) beyondDepth = 0;
      if (!beyondDepth && (heading[2] ?? '').trim().toLowerCase() === BEYOND_HEADING.toLowerCase()) beyondDepth = depth;
    }
    if (!beyondDepth) out.push(line);
  });
  return out;
}

const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?';

/** A year the texts abbreviate after a month ("Jul’20", "July '20") written out in full ("Jul 2020"), so a note may say 2020. */
export function expandShortYears(text: string): string {
  return text.replace(new RegExp(`(${MONTH})\\s?['’‘](\\d{2})\\b`, 'g'), (_m, month: string, yy: string) => `${month} 20${yy}`);
}

/** The figure keys that the source texts in `sourcesDir` contain. */
function figuresOfTexts(graph: SiteGraph, sourcesDir: string): Set<string> {
  const keys = new Set<string>();
  for (const entry of graph.byCollection.sources) {
    if (!isEntryOf(entry, 'sources') || entry.data.kind !== 'text' || !entry.data.file) continue;
    const file = path.join(sourcesDir, entry.data.file);
    if (!fs.existsSync(file)) continue; // the quotation check reports a missing text
    for (const figure of findFigures(expandShortYears(fs.readFileSync(file, 'utf8').replace(/\s+/g, ' ')))) keys.add(figure.key);
  }
  return keys;
}

/** Years, percentages and amounts of money in notes that no source text gives and no "Beyond the texts" section holds. */
export function checkFigures(graph: SiteGraph, sourcesDir: string): Finding[] {
  const known = figuresOfTexts(graph, sourcesDir);
  const findings: Finding[] = [];
  for (const note of graph.byCollection.notes) {
    if (note.raw.problem || note.parseProblem || !note.raw.body) continue;
    const raw = note.raw.body.split('\n');
    for (const line of linesOutsideBeyond(proseLines(note.raw.body, note.raw.bodyLine), raw)) {
      for (const figure of findFigures(line.text)) {
        if (known.has(figure.key)) continue;
        findings.push({
          file: note.raw.file,
          line: line.line,
          column: figure.index + 1,
          rule: 'figure-outside-texts',
          severity: severityOf('figure-outside-texts'),
          message: `"${figure.text}" is in none of the source texts, and stands outside a "${BEYOND_HEADING}" section`,
          fix: `take the figure from a source text, or move the sentence under a "## ${BEYOND_HEADING}" heading and cite it as { id: general, locator: <the fact> }`,
        });
      }
    }
  }
  return findings;
}
