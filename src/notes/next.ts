/**
 * A note page's one "Next": the note after this one in the theme's order (the
 * order of the theme book: its reading paths' steps, then the other notes by
 * title), or, for a reader who came from a reading path, the path's next step.
 * The page renders the theme's choice and one alternative per path; CSS shows
 * the path's when the address names it (`#path-<id>`, see NoteNext.astro). Pure.
 */
import type { PathPosition } from '../lib/paths.ts';

export type NextChoice =
  /** The next note in the theme's order. */
  | { kind: 'theme'; note: string }
  /** The next step of the reading path the reader follows. */
  | { kind: 'path'; pathId: string; title: string; position: number; total: number; note: string }
  /** The path's last step: it says so, and goes on in the theme's order (`note`, when there is one). */
  | { kind: 'path-end'; pathId: string; title: string; total: number; note?: string };

/**
 * The one Next of `noteId`: along the path `from` when the note is a step of it,
 * else the theme's order (`themeOrder`: the theme's note ids in reading order).
 * Null when there is nowhere to go.
 */
export function chooseNext(
  noteId: string,
  themeOrder: readonly string[],
  paths: readonly PathPosition[],
  from?: string,
): NextChoice | null {
  const index = themeOrder.indexOf(noteId);
  const themeNext = index >= 0 ? themeOrder[index + 1] : undefined;
  const path = from === undefined ? undefined : paths.find((p) => p.pathId === from);
  if (path) {
    if (path.next)
      return { kind: 'path', pathId: path.pathId, title: path.title, position: path.position, total: path.total, note: path.next };
    return {
      kind: 'path-end',
      pathId: path.pathId,
      title: path.title,
      total: path.total,
      ...(themeNext !== undefined && { note: themeNext }),
    };
  }
  return themeNext === undefined ? null : { kind: 'theme', note: themeNext };
}

/** The fragment that tells a note page its reader follows a path: `/notes/x/#path-<id>`. */
export const pathFragment = (pathId: string): string => `path-${pathId}`;
