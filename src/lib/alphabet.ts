/** Groups items A-Z by the first letter of a label (digits and symbols under "#"), sorted within each group. */
export function alphabetGroups<T>(items: readonly T[], label: (item: T) => string): [string, T[]][] {
  const collator = new Intl.Collator('en', { sensitivity: 'base' });
  const groups = new Map<string, T[]>();
  for (const item of [...items].sort((a, b) => collator.compare(label(a), label(b)))) {
    const first = label(item).normalize('NFD').charAt(0).toUpperCase();
    const letter = /[A-Z]/.test(first) ? first : '#';
    groups.set(letter, [...(groups.get(letter) ?? []), item]);
  }
  return [...groups.entries()].sort(([a], [b]) => (a === '#' ? 1 : b === '#' ? -1 : a < b ? -1 : 1));
}
