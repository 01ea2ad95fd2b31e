/**
 * The search page's state lives in its address: `?q=…&type=…&theme=…`. So a
 * search can be shared, survives a reload, and the back button steps through
 * earlier searches. Pure, for the browser and the tests alike.
 */

export interface SearchState {
  /** The query as typed (leading and trailing spaces trimmed). */
  q: string;
  /** A SEARCH_TYPES value, or null for every type. */
  type: string | null;
  /** A theme id, or null for every theme. */
  theme: string | null;
}

export interface Allowed {
  types: readonly string[];
  themes: readonly string[];
}

/** Longer queries are cut: nobody types more, and a shared link cannot make the page search a novel. */
export const MAX_QUERY = 200;

const pick = (value: string | null, allowed: readonly string[]): string | null =>
  value !== null && allowed.includes(value) ? value : null;

/** Reads the state from a query string; unknown types and themes are ignored rather than matching nothing. */
export function parseSearchState(search: string, allowed: Allowed): SearchState {
  const params = new URLSearchParams(search);
  return {
    q: (params.get('q') ?? '').trim().slice(0, MAX_QUERY),
    type: pick(params.get('type'), allowed.types),
    theme: pick(params.get('theme'), allowed.themes),
  };
}

/** The query string of a state, `?q=…&type=…&theme=…` in that order, leaving out what is empty; `''` when all is. */
export function serializeSearchState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  if (state.type) params.set('type', state.type);
  if (state.theme) params.set('theme', state.theme);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** Whether two states ask for the same search. */
export const sameSearch = (a: SearchState, b: SearchState): boolean => serializeSearchState(a) === serializeSearchState(b);

/** The Pagefind filters of a state. */
export function searchFilters(state: SearchState): Record<string, string> {
  return { ...(state.type && { type: state.type }), ...(state.theme && { theme: state.theme }) };
}
