/**
 * The worksheet files of a play, as the worksheet generator writes them into
 * `dist/worksheets/<id>/`: a participant worksheet and a facilitator guide,
 * each as PDF in A4 and US Letter and as one Markdown file.
 */
export const VIEWS = ['participant', 'facilitator'] as const;
export const PAPERS = ['a4', 'letter'] as const;
export type View = (typeof VIEWS)[number];
export type Paper = (typeof PAPERS)[number];

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
  const folder = `/worksheets/${playId}`;
  return [
    ...PAPERS.map((paper): WorksheetFile => ({ view, format: 'pdf', paper, route: `${folder}/${view}-${paper}.pdf` })),
    { view, format: 'md', route: `${folder}/${view}.md` },
  ];
}
