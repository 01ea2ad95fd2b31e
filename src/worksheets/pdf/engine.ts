/**
 * What the PDF renderer needs from its surroundings, passed in so the same
 * renderer runs in Node (the CLI, the build) and in the browser (the composer's
 * "Download the pack"): pdfkit's document class and the font files' bytes.
 *
 * Both sides use pdfkit's browser build (`pdfkit.browser.mjs`, the package's
 * `default` export). Its Node build compresses with node:zlib and its browser
 * build with fflate; the two deflaters give different bytes for the same page,
 * so one build everywhere is what makes a pack from the browser byte-identical
 * to one from `npm run worksheets -- --pack`. The browser build reads no files:
 * fonts are bytes, and the standard fonts are not used (see `documentOptions`).
 */
import type { FontBytes } from './fonts.ts';

export type PdfDocumentClass = typeof import('pdfkit');

export interface PdfEngine {
  PDFDocument: PdfDocumentClass;
  fonts: FontBytes;
}
