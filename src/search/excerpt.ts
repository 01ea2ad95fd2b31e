/**
 * Pagefind's excerpts are HTML: page text with entities escaped and the
 * matched words wrapped in `<mark>`. The search page never assigns them to
 * innerHTML. This splits an excerpt into plain-text runs, marked or not, that
 * become text nodes and <mark> elements; any other markup stays literal text.
 */

export interface ExcerptPart {
  text: string;
  marked: boolean;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the entities Pagefind writes (named and numeric); anything else is left as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code.startsWith('#')) {
      const point = code[1] === 'x' || code[1] === 'X' ? Number.parseInt(code.slice(2), 16) : Number.parseInt(code.slice(1), 10);
      return Number.isInteger(point) && point > 0 && point <= 0x10ffff ? String.fromCodePoint(point) : whole;
    }
    return NAMED[code.toLowerCase()] ?? whole;
  });
}

/** Splits an excerpt at its `<mark>` tags; adjacent runs of the same kind are joined, empty runs dropped. */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let marked = false;
  for (const piece of excerpt.split(/(<\/?mark>)/)) {
    if (piece === '<mark>' || piece === '</mark>') {
      marked = piece === '<mark>';
      continue;
    }
    const text = decodeEntities(piece);
    if (!text) continue;
    const last = parts.at(-1);
    if (last && last.marked === marked) last.text += text;
    else parts.push({ text, marked });
  }
  return parts;
}

/** What a loaded result offers for an excerpt of our own (Pagefind 1.6 result data). */
export interface ExcerptSource {
  /** The page's indexed text, words separated by white space (entities escaped, as in Pagefind's excerpts). */
  content: string;
  /** Word positions of the matches in `content`. */
  locations: readonly number[];
  /** Matches with their weight; the heaviest chooses where the excerpt is. */
  weighted_locations?: readonly { location: number; balanced_score: number }[] | undefined;
  /** Elements with an id, with the word position where each starts: headings among them. */
  anchors?: readonly { element: string; location: number; text: string }[] | undefined;
  /** The result's title: the page text starts with it, and the result shows it already. */
  title?: string | undefined;
}

/** Words in an excerpt: Pagefind's own is 30. */
export const EXCERPT_WORDS = 30;

const SENTENCE_END = /[.!?…]["”’)\]]*$/;
const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

/**
 * An excerpt that starts where a sentence starts and never runs a heading into
 * the text: Pagefind's text of a page runs every heading into the paragraph
 * after it ("First section. Body text…") and cuts its excerpt wherever the
 * 30 words around the matches begin. Here the page's text is split at its
 * headings (the anchors whose element is h1-h6, and the title it opens with),
 * the best match outside a heading is chosen, and the excerpt runs from the
 * start of its sentence to the end of a sentence where one ends near the
 * length, else to the length with "…". Matched words are marked.
 */
export function sentenceExcerpt(source: ExcerptSource, length = EXCERPT_WORDS): ExcerptPart[] {
  const all = source.content.split(/\s+/);
  const heading = new Array<boolean>(all.length).fill(false);
  const cover = (from: number, count: number) => {
    for (let i = from; i < Math.min(all.length, from + count); i++) heading[i] = true;
  };
  if (source.title) {
    const count = wordCount(source.title);
    const opening = all.slice(0, count).join(' ');
    // Pagefind ends a heading with a full stop; a custom record that starts "Term (alias): …" has none.
    if (/\.$/.test(opening) && decodeEntities(opening.slice(0, -1)) === source.title.trim().replace(/\s+/g, ' ')) cover(0, count);
  }
  for (const anchor of source.anchors ?? []) if (/^h[1-6]$/.test(anchor.element)) cover(anchor.location, wordCount(anchor.text));

  const scored = source.weighted_locations?.length
    ? [...source.weighted_locations]
    : source.locations.map((location) => ({ location, balanced_score: 1 }));
  const inText = scored.filter(({ location }) => location >= 0 && location < all.length && !heading[location]);
  // Every match in a heading: show the text that follows the first of them.
  let at = inText.sort((a, b) => b.balanced_score - a.balanced_score || a.location - b.location)[0]?.location;
  if (at === undefined) {
    const first = Math.min(...source.locations.filter((location) => location >= 0 && location < all.length));
    at = Number.isFinite(first) ? first : 0;
    while (at < all.length && heading[at]) at++;
    if (at >= all.length) at = 0;
  }

  // The block of text around the match: from the heading before it to the heading after it.
  let blockStart = at;
  while (blockStart > 0 && !heading[blockStart - 1]) blockStart--;
  let blockEnd = at;
  while (blockEnd < all.length && !heading[blockEnd]) blockEnd++;

  let start = at;
  while (start > blockStart && !SENTENCE_END.test(all[start - 1] ?? '')) start--;
  let lead = '';
  // A sentence so long that its start is far before the match: start near the match instead.
  if (at - start > length - 8) {
    start = at - 8;
    lead = '… ';
  }
  let end = Math.min(blockEnd, start + length);
  let tail = '';
  if (end < blockEnd) {
    let sentenceEnd = end;
    while (sentenceEnd > at + 1 && !SENTENCE_END.test(all[sentenceEnd - 1] ?? '')) sentenceEnd--;
    if (sentenceEnd > at && sentenceEnd - start >= length * 0.6) end = sentenceEnd;
    else tail = ' …';
  }

  const marked = new Set(source.locations);
  const parts: ExcerptPart[] = [];
  const push = (text: string, isMarked: boolean) => {
    if (!text) return;
    const last = parts.at(-1);
    if (last && last.marked === isMarked) last.text += text;
    else parts.push({ text, marked: isMarked });
  };
  push(lead, false);
  for (let i = start; i < end; i++) {
    // Between two matched words the space is part of the mark: one highlight for "Fixture term".
    if (i > start) push(' ', marked.has(i - 1) && marked.has(i));
    push(decodeEntities(all[i] ?? ''), marked.has(i));
  }
  push(tail, false);
  return parts;
}
