/**
 * The worksheet files of a play, as the worksheet generator writes them into
 * `dist/worksheets/<id>/`: a participant worksheet and a facilitator guide,
 * each as PDF in A4 and US Letter and as one Markdown file. Views, papers and
 * file names come from the generator itself, so a link cannot miss its file.
 */
import { VIEWS, type View } from '../worksheets/model.ts';
import { playFilePath } from '../worksheets/plan.ts';
import { PAPERS, type Paper } from '../worksheets/renderers/types.ts';

export { PAPERS, VIEWS, type Paper, type View };

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
  return [...PAPERS.map((paper): WorksheetFile => ({ view, format: 'pdf', paper, route: route('pdf', paper) })), { view, format: 'md', route: route('md') }];
}
