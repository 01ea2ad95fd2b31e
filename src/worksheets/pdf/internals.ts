/**
 * The few pdfkit internals the worksheet PDFs need, typed in one place.
 * pdfkit 0.20 has no public API for these:
 * - the AcroForm dictionary (`_root.data.AcroForm`), to add the form fonts and
 *   field parents, because `formField`/`formAnnotation` cannot set `TU` (the
 *   accessible name) or appearance streams, and name every radio widget;
 * - the trailer's document ID (`_id`), which pdfkit derives from the info
 *   dictionary, to derive it from the content instead.
 * - the current font's parsed fontkit object (`_font.font`), to reuse it
 *   across documents instead of parsing the font file for each.
 * Pinned by the integration tests, which read the fields and IDs back.
 */
export type Ref = PDFKit.PDFKitReference & { data: Record<string, unknown> };

interface Internals {
  _font: { font: object } | null;
  info: Record<string, unknown>;
  _addInfo: () => void;
  _root: { data: { AcroForm?: { data: { Fields: Ref[]; DA: unknown; DR: { Font: Record<string, Ref> } } } } };
  _id: Uint8Array;
}

const internals = (doc: PDFKit.PDFDocument) => doc as unknown as Internals;

export function acroForm(doc: PDFKit.PDFDocument) {
  const form = internals(doc)._root.data.AcroForm;
  if (!form) throw new Error('initForm() must run before fields are added');
  return form.data;
}

/** The fontkit font behind the document's current font. */
export function parsedFont(doc: PDFKit.PDFDocument): object {
  const font = internals(doc)._font?.font;
  if (!font) throw new Error('no font selected');
  return font;
}

export function setDocumentId(doc: PDFKit.PDFDocument, id: Uint8Array): void {
  internals(doc)._id = id;
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/**
 * pdfkit copies Title and Subject into the XMP metadata without escaping, so a
 * title such as "Trust & Forgiveness" would make the XML invalid. This escapes
 * them for the XMP stream only; the Info dictionary, written earlier in
 * `doc.end()`, keeps the plain text.
 */
export function escapeMetadata(doc: PDFKit.PDFDocument): void {
  const target = internals(doc);
  const addInfo = target._addInfo;
  target._addInfo = function (this: Internals) {
    const plain = this.info;
    this.info = Object.fromEntries(
      Object.entries(plain).map(([k, v]) => [k, typeof v === 'string' ? v.replace(/[&<>"]/g, (c) => XML_ESCAPES[c] ?? c) : v]),
    );
    try {
      addInfo.call(this);
    } finally {
      this.info = plain;
    }
  };
}
