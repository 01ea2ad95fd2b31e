/**
 * The order of a theme book's chapters: the steps of the theme's reading
 * paths first (a path is the order its author meant the notes to be read in),
 * then every other note of the theme by title. Pure.
 */
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

export function bookOrder<T extends { id: string; title: string }>(
  notes: readonly T[],
  paths: readonly { steps: readonly { note: string }[] }[],
): T[] {
  const byId = new Map(notes.map((note) => [note.id, note]));
  const ordered: T[] = [];
  const seen = new Set<string>();
  for (const path of paths) {
    for (const { note } of path.steps) {
      const found = byId.get(note);
      if (found && !seen.has(note)) {
        seen.add(note);
        ordered.push(found);
      }
    }
  }
  const rest = notes.filter((note) => !seen.has(note.id)).sort((a, b) => collator.compare(a.title, b.title) || (a.id < b.id ? -1 : 1));
  return [...ordered, ...rest];
}
