/**
 * The worksheet files of a play, as the worksheet generator writes them into
 * `dist/worksheets/<id>/`: a participant worksheet and a facilitator guide,
 * each as PDF in A4 and US Letter and as one Markdown file. The views, papers
 * and file names are defined here and the generator (src/worksheets/plan.ts)
 * names its files with them, so a link cannot miss its file.
 */

export const VIEWS = ['participant', 'facilitator'] as const;
export type View = (typeof VIEWS)[number];

export const PAPERS = ['a4', 'letter'] as const;
export type Paper = (typeof PAPERS)[number];

/**
 * Where one view of a play goes in the worksheets folder: `<id>/<view>-<paper>.<format>`
 * for a paged format, `<id>/<view>.<format>` otherwise.
 */
export const playFilePath = (playId: string, view: View, format: string, paper?: Paper): string =>
  paper ? `${playId}/${view}-${paper}.${format}` : `${playId}/${view}.${format}`;

/** The file name of a session pack: `session-2027-01-15` (or `session` without a date). */
export const packName = (date: string | undefined): string => (date ? `session-${date}` : 'session');

/** The site folder the build puts the worksheets in (`npm run worksheets` writes `dist/worksheets/`). */
export const WORKSHEETS_ROUTE = '/worksheets';

export interface WorksheetFile {
  view: View;
  format: 'pdf' | 'md';
  /** Only PDFs have a paper size. */
  paper?: Paper;
  /** Site route without base path, e.g. `/worksheets/x/participant-a4.pdf`. */
  route: string;
}

/** The files of one view, PDFs first (A4, then Letter), then Markdown. */
export function worksheetFiles(playId: string, view: View): WorksheetFile[] {
  const route = (format: string, paper?: Paper) => `${WORKSHEETS_ROUTE}/${playFilePath(playId, view, format, paper)}`;
  return [
    ...PAPERS.map((paper): WorksheetFile => ({ view, format: 'pdf', paper, route: route('pdf', paper) })),
    { view, format: 'md', route: route('md') },
  ];
}
