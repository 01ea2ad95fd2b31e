/**
 * What the search page suggests before anything is typed: the glossary terms
 * the most notes explain, since a term is the likeliest thing a reader comes
 * to look up. Ties go alphabetically, so the list only changes with content.
 */

export interface TermUse {
  term: string;
  /** How many notes explain or use the term. */
  notes: number;
}

const collator = new Intl.Collator('en', { sensitivity: 'base' });

export function suggestedQueries(terms: readonly TermUse[], count = 6): string[] {
  return [...terms]
    .sort((a, b) => b.notes - a.notes || collator.compare(a.term, b.term))
    .slice(0, count)
    .map((t) => t.term);
}
