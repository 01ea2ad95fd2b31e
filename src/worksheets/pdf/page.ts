/**
 * The look of the worksheet PDFs: paper, margins, type sizes and colours, plus
 * the small drawing helpers every part of the PDF renderer shares.
 */
import type { Paper } from '../../plays/downloads.ts';
import { TYPED } from './fields.ts';
import { registerFonts as register, type FontBytes } from './fonts.ts';
import { parsedFont } from './internals.ts';

/** Page width and height in points. */
export const PAPER_SIZE: Record<Paper, [number, number]> = { a4: [595.28, 841.89], letter: [612, 792] };

export const MARGIN = { top: 50, side: 56 } as const;

/** Footer band: QR code side, distance from the bottom edge, space kept clear above it. */
export const FOOTER = { qr: 52, bottom: 24, clearance: 18 } as const;

export const COLOR = {
  text: '#1b1b1b',
  muted: '#5a5a5a',
  accent: '#0d5c6b',
  /** Borders of answer boxes: dark enough to print, light enough not to compete with the text. */
  box: '#8f8f8f',
  /** Ruled lines inside answer boxes. */
  rule: '#d6d6d6',
  noteBar: '#0d5c6b',
} as const;

export const TYPE = {
  eyebrow: 9,
  h1: 22,
  h2: 14,
  h3: 11.5,
  lede: 12,
  body: 10.5,
  meta: 9,
  label: 9.5,
  footer: 8,
} as const;

/** Extra space between lines of running text. */
export const LINE_GAP = 1.5;

/**
 * Answer space: one ruled line, one table row, and the side of a checkbox or
 * radio button. The ruled line's height is the line height of typed text in a
 * multi-line field (16.2 pt, 5.7 mm: a narrow-ruled line for handwriting), so
 * font size and line pitch are chosen together (./fields.ts).
 */
export const ANSWER = { lineHeight: Math.round(TYPED.size * TYPED.leading * 10) / 10, rowHeight: 22, control: 12 } as const;

export type Face = 'regular' | 'bold';

export function registerFonts(doc: PDFKit.PDFDocument, fonts: FontBytes): void {
  register(doc, fonts, parsedFont);
}

/** Sets font, size and colour in one call. */
export function style(doc: PDFKit.PDFDocument, face: Face, size: number, color: string = COLOR.text): PDFKit.PDFDocument {
  return doc.font(face).fontSize(size).fillColor(color);
}

/** Height of `text` wrapped to `width` in the given style. */
export function measure(doc: PDFKit.PDFDocument, text: string, face: Face, size: number, width: number, lineGap = LINE_GAP): number {
  return style(doc, face, size).heightOfString(text, { width, lineGap });
}

/** Draws decoration (boxes, rules, bullets' shapes) outside the structure tree, so screen readers skip it. */
export function artifact(doc: PDFKit.PDFDocument, draw: () => void, type?: 'Pagination' | 'Layout'): void {
  doc.markContent('Artifact', type ? { type } : undefined);
  draw();
  doc.endMarkedContent();
}

/** Structure element options, plus the header scope pdfkit supports but its types omit. */
export type StructOptions = PDFKit.Mixins.StructureElementOptions & { scope?: 'Row' | 'Column' | 'Both' };

/** A structure element added to `parent` before anything goes into it (pdfkit runs content closures only for attached elements). End it when done. */
export function child(
  doc: PDFKit.PDFDocument,
  parent: PDFKit.PDFStructureElement,
  type: string,
  options: StructOptions = {},
): PDFKit.PDFStructureElement {
  const element = doc.struct(type, options);
  parent.add(element);
  return element;
}

/** A structure element whose content is what `draw` puts on the page. */
export function leaf(
  doc: PDFKit.PDFDocument,
  parent: PDFKit.PDFStructureElement,
  type: string,
  draw: () => void,
  options: StructOptions = {},
): void {
  const element = child(doc, parent, type, options);
  element.add(draw);
  element.end();
}
