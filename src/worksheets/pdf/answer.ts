/**
 * Draws one prompt's answer space: the boxes, lines and labels from
 * `layoutAnswer`, and a fillable field over each box. Grids and tables are
 * tagged as tables (header cells, data cells holding the fields); the other
 * kinds as one `Form` element per field, with its visible label inside.
 */
import { layoutAnswer, type AnswerLayout, type AnswerSpec, type FieldBox, type LabelBox, type LayoutMetrics } from '../sizing.ts';
import { strings } from '../../plays/strings.ts';
import { checkbox, radioButton, radioGroup, textField, type Form } from './fields.ts';
import type { Ref } from './internals.ts';
import { ANSWER, artifact, child, COLOR, leaf, LINE_GAP, style, TYPE } from './page.ts';

export interface AnswerTarget {
  doc: PDFKit.PDFDocument;
  form: Form;
  /** Structure element the answer's elements go into. */
  struct: PDFKit.PDFStructureElement;
  /** Parent field for the names (session packs), if any. */
  parentField?: Ref | undefined;
  question: string;
}

export function answerMetrics(doc: PDFKit.PDFDocument, width: number): LayoutMetrics {
  return {
    width,
    ...ANSWER,
    labelHeight: (text, w, header) =>
      style(doc, header ? 'bold' : 'regular', TYPE.label).heightOfString(text, { width: w, lineGap: LINE_GAP }),
    labelWidth: (text, header) => style(doc, header ? 'bold' : 'regular', TYPE.label).widthOfString(text),
  };
}

export function measureAnswer(doc: PDFKit.PDFDocument, spec: AnswerSpec, width: number): AnswerLayout {
  return layoutAnswer(spec, answerMetrics(doc, width));
}

const accessibleName = (question: string, field: FieldBox) => (field.part ? strings.answer.fieldName(question, field.part) : question);

function drawBox(doc: PDFKit.PDFDocument, field: FieldBox, x: number, y: number, rounded: boolean): void {
  const left = x + field.x;
  const top = y + field.y;
  artifact(doc, () => {
    doc.lineWidth(0.6).strokeColor(COLOR.box);
    if (field.type === 'radio') doc.circle(left + field.width / 2, top + field.height / 2, field.width / 2).stroke();
    else if (field.type === 'checkbox') doc.roundedRect(left, top, field.width, field.height, 1.5).stroke();
    else if (rounded) doc.roundedRect(left, top, field.width, field.height, 3).stroke();
    else doc.rect(left, top, field.width, field.height).stroke();
    if (field.ruled && field.height > field.ruled) {
      doc.lineWidth(0.5).strokeColor(COLOR.rule);
      for (let line = field.ruled; line < field.height - 1; line += field.ruled) {
        doc
          .moveTo(left + 6, top + line)
          .lineTo(left + field.width - 6, top + line)
          .stroke();
      }
    }
  });
}

function drawLabel(doc: PDFKit.PDFDocument, label: LabelBox, x: number, y: number): void {
  const header = label.role === 'column' || label.role === 'row';
  style(doc, header ? 'bold' : 'regular', TYPE.label, COLOR.text).text(label.text, x + label.x, y + label.y, {
    width: label.width,
    align: label.align,
    lineGap: LINE_GAP,
  });
}

/** The widget over a box: text fields sit inside their border, controls exactly on it. */
function addField(target: AnswerTarget, field: FieldBox, x: number, y: number, struct: PDFKit.PDFStructureElement, group?: Ref): void {
  const inset = field.type === 'text' ? 2 : 0;
  const place = {
    x: x + field.x + inset,
    y: y + field.y + inset,
    width: field.width - 2 * inset,
    height: field.height - 2 * inset,
    struct,
  };
  const name = { name: field.name, accessibleName: accessibleName(target.question, field), parent: target.parentField };
  if (field.type === 'text') textField(target.form, { ...place, ...name, multiline: Boolean(field.multiline) });
  else if (field.type === 'checkbox') checkbox(target.form, { ...place, ...name });
  else if (group) radioButton(target.form, group, { ...place, value: field.value ?? '' });
}

/** Draws the answer space of `spec` with its top left at (x, y); returns its height. */
export function drawAnswer(target: AnswerTarget, spec: AnswerSpec, x: number, y: number, width: number): number {
  const { doc } = target;
  const layout = measureAnswer(doc, spec, width);
  const rounded = spec.kind === 'lines';
  for (const field of layout.fields) drawBox(doc, field, x, y, rounded);
  if (spec.kind === 'grid' || spec.kind === 'table') drawTable(target, layout, x, y, spec.kind === 'grid');
  else drawControls(target, spec, layout, x, y);
  return layout.height;
}

/** Lines, scales, checklists and yes/no: fields and their labels in reading order. */
function drawControls(target: AnswerTarget, spec: AnswerSpec, layout: AnswerLayout, x: number, y: number): void {
  const { doc } = target;
  const radios = layout.fields.filter((f) => f.type === 'radio');
  const group =
    radios.length > 0
      ? radioGroup(target.form, { name: radios[0]?.name ?? '', accessibleName: target.question, parent: target.parentField })
      : undefined;
  // Labels that name no field (a scale's two ends) are read where they sit: before and after the buttons.
  const loose = layout.labels.filter((l) => l.owner === undefined);
  const [before, after] = spec.kind === 'scale' ? [loose.slice(0, 1), loose.slice(1)] : [[], loose];
  for (const label of before) leaf(doc, target.struct, 'P', () => drawLabel(doc, label, x, y));
  layout.fields.forEach((field, index) => {
    const element = child(doc, target.struct, 'Form', field.type === 'radio' ? { alt: accessibleName(target.question, field) } : {});
    addField(target, field, x, y, element, group);
    for (const label of layout.labels.filter((l) => l.owner === index)) element.add(() => drawLabel(doc, label, x, y));
    element.end();
  });
  for (const label of after) leaf(doc, target.struct, 'P', () => drawLabel(doc, label, x, y));
}

/** Grids and tables: a header row, then rows of data cells (a grid's rows start with their label). */
function drawTable(target: AnswerTarget, layout: AnswerLayout, x: number, y: number, rowHeaders: boolean): void {
  const { doc } = target;
  const table = child(doc, target.struct, 'Table');
  const header = child(doc, table, 'TR');
  if (rowHeaders) child(doc, header, 'TH').end();
  for (const label of layout.labels.filter((l) => l.role === 'column'))
    leaf(doc, header, 'TH', () => drawLabel(doc, label, x, y), { scope: 'Column' });
  header.end();
  const rows = [...new Set(layout.fields.map((f) => f.cell?.row ?? 0))];
  for (const row of rows) {
    const tr = child(doc, table, 'TR');
    const rowLabel = layout.labels.find((l) => l.role === 'row' && l.index === row);
    if (rowHeaders && rowLabel) leaf(doc, tr, 'TH', () => drawLabel(doc, rowLabel, x, y), { scope: 'Row' });
    for (const field of layout.fields.filter((f) => f.cell?.row === row)) {
      const td = child(doc, tr, 'TD');
      const element = child(doc, td, 'Form');
      addField(target, field, x, y, element);
      element.end();
      td.end();
    }
    tr.end();
  }
  table.end();
}
