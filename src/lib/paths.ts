/** Reading paths seen from a note: which paths it is a step of, where, and the steps around it. Pure. */

export interface PathLike {
  id: string;
  title: string;
  steps: readonly { note: string }[];
}

export interface PathPosition {
  pathId: string;
  title: string;
  /** 1-based step number among the path's published steps. */
  position: number;
  total: number;
  /** Note ids of the steps before and after, if any. */
  previous?: string;
  next?: string;
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/**
 * Every path that has `noteId` as a step, by path title. Steps whose note is
 * not published are skipped (a draft never counts as step 3 of 7). A note that
 * appears twice in one path is placed at its first step.
 */
export function pathsContaining(
  paths: readonly PathLike[],
  noteId: string,
  isPublished: (noteId: string) => boolean = () => true,
): PathPosition[] {
  const out: PathPosition[] = [];
  for (const path of paths) {
    const steps = path.steps.map((step) => step.note).filter(isPublished);
    const index = steps.indexOf(noteId);
    if (index < 0) continue;
    const previous = steps[index - 1];
    const next = steps[index + 1];
    out.push({
      pathId: path.id,
      title: path.title,
      position: index + 1,
      total: steps.length,
      ...(previous && { previous }),
      ...(next && { next }),
    });
  }
  return out.sort((a, b) => collator.compare(a.title, b.title) || (a.pathId < b.pathId ? -1 : a.pathId > b.pathId ? 1 : 0));
}

const START_HERE = 'Start here';

/** The label of a theme page's button to a reading path: "Start here: <title>", unless the title already starts so. */
export function startHereLabel(title: string): string {
  const trimmed = title.trim();
  return trimmed.toLowerCase().startsWith(START_HERE.toLowerCase()) ? trimmed : `${START_HERE}: ${trimmed}`;
}
