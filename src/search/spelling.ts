/**
 * "Did you mean": corrects the words of a query that found nothing against
 * the site's vocabulary (vocabulary.ts writes it at build time, most frequent
 * word first). Pure and small: the search page loads it with the island and
 * fetches the vocabulary only after a query found nothing.
 */

/** The words of a text as the vocabulary holds them: lowercase runs of letters and digits. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Words shorter than this are never corrected (too many neighbours: "an", "on", "in"). */
export const MIN_WORD = 3;

/** How many edits a word of this length may be away from what was meant. */
export const maxEdits = (length: number): number => (length <= 5 ? 1 : length <= 9 ? 2 : 3);

/**
 * Edit distance with adjacent transpositions (optimal string alignment): the
 * number of insertions, deletions, substitutions and swaps of neighbours that
 * turn `a` into `b`. Stops early and returns `limit + 1` once it must exceed `limit`.
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let best = current[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (before[j - 2] ?? 0) + 1);
      current[j] = value;
      if (value < best) best = value;
    }
    if (best > limit) return limit + 1;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length] ?? 0;
}

export interface Vocabulary {
  /** Words, most frequent first. */
  list: readonly string[];
  /** Word → its rank in `list`. */
  rank: ReadonlyMap<string, number>;
}

/** The vocabulary file (one word a line, most frequent first) as a lookup. */
export function readVocabulary(text: string): Vocabulary {
  const list = text.split('\n').filter(Boolean);
  return { list, rank: new Map(list.map((word, i) => [word, i])) };
}

/**
 * The word of the vocabulary nearest to `word`, or null when `word` is known
 * (itself, or the start of a known word, which search matches already) or
 * nothing is near enough. Ties go to the more frequent word.
 */
export function nearestWord(word: string, vocabulary: Vocabulary): string | null {
  if (word.length < MIN_WORD || vocabulary.rank.has(word) || /^\p{N}+$/u.test(word)) return null;
  if (vocabulary.list.some((known) => known.startsWith(word))) return null;
  const limit = maxEdits(word.length);
  let best: string | null = null;
  let bestDistance = limit + 1;
  for (const known of vocabulary.list) {
    const distance = editDistance(word, known, Math.min(limit, bestDistance));
    // The list is in order of frequency, so the first word at a distance wins a tie.
    if (distance < bestDistance) {
      best = known;
      bestDistance = distance;
      if (distance === 1) break;
    }
  }
  return best;
}

/**
 * The query with each unknown word replaced by the nearest known one, or null
 * when no word changed. Words keep their order; known words stay as typed.
 */
export function suggestQuery(query: string, vocabulary: Vocabulary): string | null {
  const typed = query.trim().split(/\s+/).filter(Boolean);
  let changed = false;
  const out = typed.map((token) => {
    const parts = words(token);
    if (parts.length !== 1) return token;
    const nearest = nearestWord(parts[0] ?? '', vocabulary);
    if (!nearest) return token;
    changed = true;
    return nearest;
  });
  return changed ? out.join(' ') : null;
}
