/**
 * The footer of every page: the play's title, "Page X of Y", and, when the site
 * has a public origin, its web address and a QR code to it. Drawn after all content (only then is Y known), as a
 * pagination artifact, so screen readers do not read it on every page.
 */
import { strings } from '../../plays/strings.ts';
import type { Ref } from './internals.ts';
import { qrShape, type QrShape } from './qr.ts';
import { artifact, COLOR, FOOTER, MARGIN, style, TYPE } from './page.ts';

export interface FooterContent {
  title: string;
  /** Absent when the site has no public origin: then neither address nor QR code is printed. */
  url?: string | undefined;
}

/** The top of the footer band: content must end above `footerTop - FOOTER.clearance`. */
export const footerTop = (pageHeight: number): number => pageHeight - FOOTER.bottom - FOOTER.qr;

export interface QrObject {
  name: string;
  shape: QrShape;
  ref: Ref;
}

export function drawFooter(doc: PDFKit.PDFDocument, content: FooterContent, page: number, pages: number, qr: QrObject | undefined): void {
  const { width, height } = doc.page;
  const top = footerTop(height);
  const right = width - MARGIN.side;
  const textRight = qr ? right - FOOTER.qr - 14 : right;
  const textWidth = textRight - MARGIN.side;
  // The footer sits below the content's bottom margin; lift the margin while drawing so pdfkit does not start a new page.
  const margin = doc.page.margins.bottom;
  doc.page.margins.bottom = 0;
  artifact(
    doc,
    () => {
      doc
        .lineWidth(0.5)
        .strokeColor(COLOR.rule)
        .moveTo(MARGIN.side, top - 8)
        .lineTo(textRight, top - 8)
        .stroke();
      // Title and page number take one line each (a long title ends in "…"); the address may wrap to two.
      const line = TYPE.footer * 1.55;
      const rows: [string, 'regular' | 'bold', string, number][] = [
        [content.title, 'bold', COLOR.text, 1],
        [strings.footer.page(page, pages), 'regular', COLOR.muted, 1],
        ...(content.url ? [[content.url, 'regular', COLOR.muted, 2] as [string, 'regular', string, number]] : []),
      ];
      let y = top;
      for (const [text, face, color, lines] of rows) {
        style(doc, face, TYPE.footer, color).text(text, MARGIN.side, y, {
          width: textWidth,
          height: lines * line - 1,
          lineGap: line - TYPE.footer * 1.362,
          ellipsis: true,
        });
        y += line;
      }
      if (!qr) return;
      // pdfkit's page space runs top-down; the XObject's runs bottom-up: flip and scale modules to points.
      const module = FOOTER.qr / qr.shape.size;
      // @types/pdfkit types the page's XObject dictionary as `any`; pdfkit writes it out as a PDF dictionary of references.
      (doc.page.xobjects as Record<string, Ref>)[qr.name] = qr.ref;
      doc.addContent(`q ${module} 0 0 ${-module} ${right - FOOTER.qr} ${top + FOOTER.qr} cm /${qr.name} Do Q`);
    },
    'Pagination',
  );
  doc.page.margins.bottom = margin;
}

/**
 * The QR code of `url` as a form XObject, drawn once per document and placed
 * on every page that needs it: a QR code is a few hundred rectangles, and
 * repeating them on each page would cost several kilobytes per page.
 */
export function qrObject(doc: PDFKit.PDFDocument, cache: Map<string, QrObject>, url: string): QrObject {
  let qr = cache.get(url);
  if (!qr) {
    const shape = qrShape(url);
    const ref = doc.ref({ Type: 'XObject', Subtype: 'Form', BBox: [0, 0, shape.size, shape.size], Resources: {} }) as Ref;
    // One unit per module, rows from the top; the page places it with a flipping matrix.
    ref.end(`0 g\n${shape.runs.map(([column, row, length]) => `${column} ${shape.size - row - 1} ${length} 1 re`).join('\n')}\nf`);
    qr = { name: `QR${cache.size + 1}`, shape, ref };
    cache.set(url, qr);
  }
  return qr;
}
