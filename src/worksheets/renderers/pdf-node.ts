/**
 * The PDF renderer as Node runs it (the CLI and the build): the shared
 * renderer (./pdf.ts) over the Node engine (../pdf/engine-node.ts).
 */
import { nodeEngine } from '../pdf/engine-node.ts';
import type { WorksheetDocument } from '../model.ts';
import { pdfLayoutWith, pdfRendererWith, renderPdfWith } from './pdf.ts';
import type { RenderOptions } from './types.ts';

export { documentId, SAVE_FILL, SPACINGS, STRAY_FILL } from './pdf.ts';

export const pdfRenderer = pdfRendererWith(nodeEngine);

export const renderPdf = async (document: WorksheetDocument, options: RenderOptions): Promise<Uint8Array> =>
  renderPdfWith(await nodeEngine(), document, options);

/** Page count and last-page fill of a document's layout, for tests. */
export const pdfLayout = async (document: WorksheetDocument, options: RenderOptions): Promise<ReturnType<typeof pdfLayoutWith>> =>
  pdfLayoutWith(await nodeEngine(), document, options);
