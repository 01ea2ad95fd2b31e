/** Cuts `text` to at most `max` characters at a word boundary where one is near, ending with an ellipsis. */
export function truncate(text: string, max: number): string {
  const clean = text.trim().replace(/\s+/g, ' ');
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  // Break at the last space unless that throws away more than a third of the room.
  return `${(space > max * 0.66 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}
