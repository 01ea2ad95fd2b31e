/** Ordering and grouping helpers. Everything the site lists goes through these, so builds are stable. */

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Sorts by a string key with a stable tie-break on `id`. */
export function sortBy<T extends { id: string }>(items: readonly T[], key: (item: T) => string): T[] {
  return [...items].sort((a, b) => collator.compare(key(a), key(b)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Groups items by a key, keeping the order of `keys` (groups with no items are kept, empty). */
export function groupBy<T, K extends string>(items: readonly T[], keyOf: (item: T) => K, keys: readonly K[]): Map<K, T[]> {
  const groups = new Map<K, T[]>(keys.map((key) => [key, []]));
  for (const item of items) groups.get(keyOf(item))?.push(item);
  return groups;
}

/** The items before and after `id` in `list`. */
export function neighbours<T extends { id: string }>(list: readonly T[], id: string): { previous?: T; next?: T } {
  const index = list.findIndex((item) => item.id === id);
  if (index < 0) return {};
  const previous = list[index - 1];
  const next = list[index + 1];
  return { ...(previous && { previous }), ...(next && { next }) };
}

/** Most recently changed first (by `updated`, else `created`), then by id. */
export function byRecency<T extends { id: string; data: { created: Date; updated?: Date | undefined } }>(items: readonly T[]): T[] {
  const time = (item: T) => (item.data.updated ?? item.data.created).getTime();
  return [...items].sort((a, b) => time(b) - time(a) || (a.id < b.id ? -1 : 1));
}

/**
 * The items changed after the first day any item was published (by `updated`,
 * else `created`), most recent first, at most `count`. When every item shares
 * one date (a site published at once) none is newer than the rest, so the list
 * is empty: "recently updated" would only repeat the first notes by id.
 */
export function recentlyChanged<T extends { id: string; data: { created: Date; updated?: Date | undefined } }>(
  items: readonly T[],
  count: number,
): T[] {
  const day = (item: T) => (item.data.updated ?? item.data.created).toISOString().slice(0, 10);
  const first = items.map(day).sort()[0];
  return byRecency(items)
    .filter((item) => day(item) > (first ?? ''))
    .slice(0, count);
}
