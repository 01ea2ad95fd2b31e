/**
 * Fillable AcroForm fields for the worksheet PDFs: text fields, checkboxes and
 * radio groups, each named after its prompt and carrying the question as its
 * accessible name (`TU`), each widget tagged inside a `Form` structure element.
 *
 * Notes:
 * - Typed answers use Helvetica (`/Helv`, the form font every viewer has)
 *   rather than the embedded Noto Sans: the embedded font is a subset with only
 *   the glyphs the page prints, so a viewer could not type other letters in it.
 * - Checkboxes and radio buttons get their own on/off appearance streams (a
 *   vector tick, a dot), drawn without a font, so they toggle in every viewer;
 *   text fields are left to the viewer (`NeedAppearances`).
 * - The boxes and lines around fields are drawn on the page as artifacts; the
 *   widgets themselves are transparent, so print and screen look the same.
 */
import { acroForm, type Ref } from './internals.ts';

const FLAG = { multiline: 1 << 12, noToggleToOff: 1 << 14, radio: 1 << 15 } as const;
/** Annotation flag: print the widget. */
const PRINT = 4;
/**
 * Typed answers: the font size of multi-line fields and single-line fields,
 * and the line height viewers give Helvetica in a multi-line field, as a
 * factor of the size. Acrobat and PDFium advance by the font's box height
 * (1.156 × size); poppler by the size itself, pdf.js by 1.35 × size. The
 * ruled lines of an answer box are drawn at `TYPED.size × TYPED.leading`
 * (see ./page.ts), so typed lines sit on the printed ones in the first two
 * and stay within a few points of them in the others.
 */
export const TYPED = { size: 14, singleLineSize: 12, leading: 1.156 } as const;

export interface Form {
  doc: PDFKit.PDFDocument;
  /** On/off appearance streams by kind and size, shared by every widget that looks the same. */
  appearances: Map<string, { on: Ref; off: Ref }>;
}

interface Placement {
  x: number;
  y: number;
  width: number;
  height: number;
  /** The `Form` structure element the widget belongs to. */
  struct: PDFKit.PDFStructureElement;
}

/** Sets up the document's AcroForm with the two form fonts. Call once, after a font is selected. */
export function initForm(doc: PDFKit.PDFDocument): Form {
  doc.initForm();
  const form = acroForm(doc);
  const font = (base: string, encoding?: string) => {
    const ref = doc.ref({ Type: 'Font', Subtype: 'Type1', BaseFont: base, ...(encoding && { Encoding: encoding }) }) as Ref;
    ref.end(undefined);
    return ref;
  };
  form.DR.Font.Helv = font('Helvetica', 'WinAnsiEncoding');
  form.DR.Font.ZaDb = font('ZapfDingbats');
  // Single-line text fields inherit this; multi-line ones set their own size, checkboxes and radio buttons their own font.
  form.DA = new String(`/Helv ${TYPED.singleLineSize} Tf 0 g`);
  return { doc, appearances: new Map() };
}

function attach(form: Form, field: Ref, parent: Ref | undefined): void {
  if (parent) {
    field.data.Parent = parent;
    (parent.data.Kids as Ref[]).push(field);
  } else acroForm(form.doc).Fields.push(field);
}

/** The widget pdfkit created last on the current page. */
const lastAnnotation = (doc: PDFKit.PDFDocument): Ref => {
  const annotations = doc.page.annotations as Ref[];
  return annotations[annotations.length - 1] as Ref;
};

/**
 * A field that only groups others, so their full names read `parent.child`
 * (session packs put each play's fields under the play's id). pdfkit writes it
 * when the document ends, after its kids.
 */
export function parentField(form: Form, name: string, parent?: Ref): Ref {
  const field = form.doc.ref({ T: new String(name), Kids: [] }) as Ref;
  attach(form, field, parent);
  return field;
}

export interface TextFieldOptions extends Placement {
  name: string;
  accessibleName: string;
  multiline: boolean;
  parent?: Ref | undefined;
}

export function textField(form: Form, o: TextFieldOptions): void {
  const { doc } = form;
  const dict: Record<string, unknown> = {
    Subtype: 'Widget',
    FT: 'Tx',
    T: new String(o.name),
    TU: new String(o.accessibleName),
    F: PRINT,
    ...(o.multiline && { Ff: FLAG.multiline, DA: new String(`/Helv ${TYPED.size} Tf 0 g`) }),
    ...(o.parent && { Parent: o.parent }),
    structParent: o.struct,
  };
  addWidget(doc, o, dict);
}

function circlePath(cx: number, cy: number, r: number): string {
  const k = 0.5523 * r;
  const n = (v: number) => Number(v.toFixed(3));
  return [
    `${n(cx + r)} ${n(cy)} m`,
    `${n(cx + r)} ${n(cy + k)} ${n(cx + k)} ${n(cy + r)} ${n(cx)} ${n(cy + r)} c`,
    `${n(cx - k)} ${n(cy + r)} ${n(cx - r)} ${n(cy + k)} ${n(cx - r)} ${n(cy)} c`,
    `${n(cx - r)} ${n(cy - k)} ${n(cx - k)} ${n(cy - r)} ${n(cx)} ${n(cy - r)} c`,
    `${n(cx + k)} ${n(cy - r)} ${n(cx + r)} ${n(cy - k)} ${n(cx + r)} ${n(cy)} c`,
  ].join(' ');
}

/** The on/off appearance of a checkbox (a tick) or radio button (a dot) of side `size`, created once per document. */
function appearance(form: Form, kind: 'check' | 'dot', size: number): { on: Ref; off: Ref } {
  const key = `${kind}-${size}`;
  const cached = form.appearances.get(key);
  if (cached) return cached;
  const stream = (content: string) => {
    const ref = form.doc.ref({ Type: 'XObject', Subtype: 'Form', BBox: [0, 0, size, size], Resources: {} }) as Ref;
    ref.end(content);
    return ref;
  };
  const s = (f: number) => Number((f * size).toFixed(3));
  const on =
    kind === 'check'
      ? stream(`0 g 0 G ${s(0.12)} w 1 J 1 j ${s(0.2)} ${s(0.52)} m ${s(0.42)} ${s(0.28)} l ${s(0.82)} ${s(0.76)} l S`)
      : stream(`0 g ${circlePath(size / 2, size / 2, size * 0.27)} f`);
  const result = { on, off: stream(' ') };
  form.appearances.set(key, result);
  return result;
}

export interface CheckboxOptions extends Placement {
  name: string;
  accessibleName: string;
  parent?: Ref | undefined;
}

export function checkbox(form: Form, o: CheckboxOptions): void {
  const { doc } = form;
  const look = appearance(form, 'check', o.width);
  const dict: Record<string, unknown> = {
    Subtype: 'Widget',
    FT: 'Btn',
    T: new String(o.name),
    TU: new String(o.accessibleName),
    DA: new String('/ZaDb 0 Tf 0 g'),
    F: PRINT,
    MK: { CA: new String('4') },
    AS: 'Off',
    AP: { N: { Yes: look.on, Off: look.off } },
    ...(o.parent && { Parent: o.parent }),
    structParent: o.struct,
  };
  addWidget(doc, o, dict);
}

/** A radio group: one field whose widgets are the buttons. Exactly one can be on; clicking it again keeps it on. */
export function radioGroup(form: Form, o: { name: string; accessibleName: string; parent?: Ref | undefined }): Ref {
  const field = form.doc.ref({
    FT: 'Btn',
    Ff: FLAG.radio | FLAG.noToggleToOff,
    T: new String(o.name),
    TU: new String(o.accessibleName),
    V: 'Off',
    Kids: [],
  }) as Ref;
  attach(form, field, o.parent);
  return field;
}

export interface RadioButtonOptions extends Placement {
  /** Export value, e.g. `3` or `yes`. */
  value: string;
}

export function radioButton(form: Form, group: Ref, o: RadioButtonOptions): void {
  const { doc } = form;
  const look = appearance(form, 'dot', o.width);
  const dict: Record<string, unknown> = {
    Subtype: 'Widget',
    Parent: group,
    DA: new String('/ZaDb 0 Tf 0 g'),
    F: PRINT,
    MK: { CA: new String('l') },
    AS: 'Off',
    AP: { N: { [o.value]: look.on, Off: look.off } },
    structParent: o.struct,
  };
  doc.annotate(o.x, o.y, o.width, o.height, dict);
  (group.data.Kids as Ref[]).push(lastAnnotation(doc));
}

/** Places a field's widget on the page and hangs it under its parent field, or the form. */
function addWidget(
  doc: PDFKit.PDFDocument,
  o: { x: number; y: number; width: number; height: number; parent?: { data: Record<string, unknown> } | undefined },
  dict: Record<string, unknown>,
): void {
  doc.annotate(o.x, o.y, o.width, o.height, dict);
  const widget = lastAnnotation(doc);
  if (o.parent) (o.parent.data.Kids as Ref[]).push(widget);
  else acroForm(doc).Fields.push(widget);
}
