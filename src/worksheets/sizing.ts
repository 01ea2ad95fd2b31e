/**
 * Answer space for each kind of prompt, in two stages:
 *
 * - `answerSpec`: which fields a prompt needs and what they are called, with no
 *   geometry. The model stores it; the Markdown renderer reads it directly.
 * - `layoutAnswer`: where those fields sit, in points, for a given column width.
 *   The PDF renderer draws exactly these boxes.
 *
 * Field names follow the prompt id (`who`, `rating`, `channels-phone`,
 * `grid-r1c2`, `actions-r2c1`) so a filled-in PDF can be read back by name.
 */
import type { Prompt } from '../schema/play.ts';
import { SCALE_POINTS } from '../plays/scale.ts';
import { strings } from '../plays/strings.ts';

export { SCALE_POINTS };

/** Ruled lines in each cell of a two-by-two grid. */
export const GRID_CELL_LINES = 4;

export interface Choice {
  /** Export value of the radio button, e.g. `3` or `yes`. */
  value: string;
  /** What the reader sees beside it. */
  label: string;
}

export interface Cell {
  field: string;
  /** 1-based. */
  row: number;
  /** 1-based. */
  column: number;
}

export type AnswerSpec =
  | { kind: 'lines'; field: string; lines: number }
  | { kind: 'scale'; field: string; choices: Choice[]; low: string; high: string }
  | { kind: 'checklist'; options: { field: string; label: string }[] }
  | { kind: 'yesno'; field: string; choices: Choice[] }
  | { kind: 'grid'; rows: readonly [string, string]; columns: readonly [string, string]; lines: number; cells: Cell[] }
  | { kind: 'table'; columns: string[]; rows: number; cells: Cell[] };

/** Latin letters that do not decompose into a base letter and an accent. */
const LETTERS: Record<string, string> = { ł: 'l', æ: 'ae', ø: 'o', œ: 'oe', ß: 'ss', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/** A field-name part from free text: "E-mail & chat" → `e-mail-chat`, "Ærø" → `aero`; empty when no Latin letter is left. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[łæøœßđðþı]/g, (c) => LETTERS[c] ?? c)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const cells = (id: string, rows: number, columns: number): Cell[] =>
  Array.from({ length: rows * columns }, (_, i) => {
    const row = Math.floor(i / columns) + 1;
    const column = (i % columns) + 1;
    return { field: `${id}-r${row}c${column}`, row, column };
  });

/** The fields a prompt needs, named after its id. */
export function answerSpec(prompt: Prompt): AnswerSpec {
  switch (prompt.kind) {
    case 'lines':
      return { kind: 'lines', field: prompt.id, lines: prompt.lines };
    case 'scale':
      return {
        kind: 'scale',
        field: prompt.id,
        low: prompt.low,
        high: prompt.high,
        choices: Array.from({ length: SCALE_POINTS }, (_, i) => ({ value: String(i + 1), label: String(i + 1) })),
      };
    case 'checklist': {
      // Option labels are free text: two may slug alike, or to nothing ("Ærø" is fine, "电话" is not),
      // so fall back to the option's position to keep every name unique and stable.
      const used = new Set<string>();
      const options = prompt.options.map((label, i) => {
        let part = slugify(label);
        if (!part || used.has(part)) part = String(i + 1);
        used.add(part);
        return { field: `${prompt.id}-${part}`, label };
      });
      return { kind: 'checklist', options };
    }
    case 'yesno':
      return {
        kind: 'yesno',
        field: prompt.id,
        choices: [
          { value: 'yes', label: strings.answer.yes },
          { value: 'no', label: strings.answer.no },
        ],
      };
    case 'grid':
      return { kind: 'grid', rows: prompt.rows, columns: prompt.columns, lines: GRID_CELL_LINES, cells: cells(prompt.id, 2, 2) };
    case 'table':
      return {
        kind: 'table',
        columns: [...prompt.columns],
        rows: prompt.rows,
        cells: cells(prompt.id, prompt.rows, prompt.columns.length),
      };
  }
}

/** Every field name of an answer, in reading order. */
export function fieldNames(spec: AnswerSpec): string[] {
  switch (spec.kind) {
    case 'lines':
    case 'scale':
    case 'yesno':
      return [spec.field];
    case 'checklist':
      return spec.options.map((o) => o.field);
    case 'grid':
    case 'table':
      return spec.cells.map((c) => c.field);
  }
}

// ---------------------------------------------------------------------------
// Geometry

export interface LayoutMetrics {
  /** Width of the text column, in points. */
  width: number;
  /** Height of one handwritten line. */
  lineHeight: number;
  /** Height of one table row. */
  rowHeight: number;
  /** Side of a checkbox or diameter of a radio button. */
  control: number;
  /** Height of `text` wrapped to `width` in the label style (`header`: the bold style of row and column labels). */
  labelHeight: (text: string, width: number, header?: boolean) => number;
  /** Width of `text` on one line in the label style. */
  labelWidth: (text: string, header?: boolean) => number;
}

export interface FieldBox {
  /** Field name; radio buttons of one group share it. */
  name: string;
  type: 'text' | 'checkbox' | 'radio';
  /** Position relative to the top left of the answer area, in points. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Text fields: more than one line. */
  multiline?: boolean;
  /** Text fields: draw ruled lines this far apart, for handwriting. */
  ruled?: number;
  /** Radio buttons: the export value of this button. */
  value?: string;
  /** What this field is within the prompt ("Phone", "Expected, Now"); empty when the question alone names it. */
  part: string;
  /** Grids and tables: the 1-based cell. */
  cell?: { row: number; column: number };
}

export interface LabelBox {
  text: string;
  x: number;
  y: number;
  width: number;
  align: 'left' | 'center' | 'right';
  /** `column`/`row`: a table header; `option`: text beside a control. */
  role: 'column' | 'row' | 'option';
  /** Index in `fields` of the field this label names, if any. */
  owner?: number;
  /** Headers: the 1-based row or column they head (0 for the empty corner). */
  index?: number;
}

export interface AnswerLayout {
  height: number;
  fields: FieldBox[];
  labels: LabelBox[];
}

const GAP = 6;
/** Controls sit this much below the centre of their label's line box, level with the lowercase letters rather than the line box. */
const OPTICAL = 1;
const OPTION_GAP = 8;
const CELL_PAD = 4;

/** Places the fields of an answer inside a column `metrics.width` wide. */
export function layoutAnswer(spec: AnswerSpec, metrics: LayoutMetrics): AnswerLayout {
  switch (spec.kind) {
    case 'lines':
      return layoutLines(spec, metrics);
    case 'scale':
      return layoutScale(spec, metrics);
    case 'checklist':
      return layoutChecklist(spec, metrics);
    case 'yesno':
      return layoutYesNo(spec, metrics);
    case 'grid':
      return layoutGrid(spec, metrics);
    case 'table':
      return layoutTable(spec, metrics);
  }
}

function layoutLines(spec: Extract<AnswerSpec, { kind: 'lines' }>, m: LayoutMetrics): AnswerLayout {
  const height = spec.lines * m.lineHeight;
  return {
    height,
    labels: [],
    fields: [
      { name: spec.field, type: 'text', x: 0, y: 0, width: m.width, height, multiline: spec.lines > 1, ruled: m.lineHeight, part: '' },
    ],
  };
}

/** Low label, five numbered buttons, high label, on one row; the labels wrap inside a fixed column if long. */
function layoutScale(spec: Extract<AnswerSpec, { kind: 'scale' }>, m: LayoutMetrics): AnswerLayout {
  const pitch = m.control * 3;
  const buttons = spec.choices.length * pitch;
  const labelWidth = Math.min(Math.max(m.labelWidth(spec.low), m.labelWidth(spec.high)) + 2, (m.width - buttons) / 2 - GAP);
  const lowHeight = m.labelHeight(spec.low, labelWidth);
  const highHeight = m.labelHeight(spec.high, labelWidth);
  const numberHeight = m.labelHeight('5', pitch);
  const rowHeight = Math.max(lowHeight, highHeight, m.control + 2 + numberHeight);
  const top = (rowHeight - m.control - 2 - numberHeight) / 2;
  const fields: FieldBox[] = [];
  const labels: LabelBox[] = [{ text: spec.low, x: 0, y: (rowHeight - lowHeight) / 2, width: labelWidth, align: 'right', role: 'option' }];
  spec.choices.forEach((choice, i) => {
    const left = labelWidth + GAP + i * pitch;
    const x = left + (pitch - m.control) / 2;
    const part = strings.answer.scalePart(
      Number(choice.value),
      spec.choices.length,
      i === 0 ? spec.low : i === spec.choices.length - 1 ? spec.high : undefined,
    );
    fields.push({ name: spec.field, type: 'radio', x, y: top, width: m.control, height: m.control, value: choice.value, part });
    labels.push({ text: choice.label, x: left, y: top + m.control + 2, width: pitch, align: 'center', role: 'option', owner: i });
  });
  labels.push({
    text: spec.high,
    x: labelWidth + GAP + buttons + GAP,
    y: (rowHeight - highHeight) / 2,
    width: labelWidth,
    align: 'left',
    role: 'option',
  });
  return { height: rowHeight, fields, labels };
}

/** One checkbox per option, in two columns when every label fits in half the width. */
function layoutChecklist(spec: Extract<AnswerSpec, { kind: 'checklist' }>, m: LayoutMetrics): AnswerLayout {
  const labelOffset = m.control + OPTION_GAP;
  const half = m.width / 2;
  const columns = spec.options.length > 3 && spec.options.every((o) => labelOffset + m.labelWidth(o.label) <= half - GAP) ? 2 : 1;
  const columnWidth = m.width / columns;
  const perColumn = Math.ceil(spec.options.length / columns);
  const fields: FieldBox[] = [];
  const labels: LabelBox[] = [];
  const columnHeights = Array.from({ length: columns }, () => 0);
  // Boxes line up with the first line of their label, so long labels wrap below, not around, the box.
  const firstLine = m.labelHeight('Ag', m.width);
  const boxTop = Math.max(0, (firstLine - m.control) / 2 + OPTICAL);
  // Fill down each column first, so the options read top to bottom in their written order.
  spec.options.forEach((option, i) => {
    const column = Math.floor(i / perColumn);
    const x = column * columnWidth;
    const y = columnHeights[column] ?? 0;
    const labelHeight = m.labelHeight(option.label, columnWidth - labelOffset - GAP);
    const rowHeight = Math.max(boxTop + m.control, labelHeight) + OPTION_GAP;
    fields.push({ name: option.field, type: 'checkbox', x, y: y + boxTop, width: m.control, height: m.control, part: option.label });
    labels.push({
      text: option.label,
      x: x + labelOffset,
      y,
      width: columnWidth - labelOffset - GAP,
      align: 'left',
      role: 'option',
      owner: i,
    });
    columnHeights[column] = y + rowHeight;
  });
  return { height: Math.max(...columnHeights) - OPTION_GAP, fields, labels };
}

function layoutYesNo(spec: Extract<AnswerSpec, { kind: 'yesno' }>, m: LayoutMetrics): AnswerLayout {
  const fields: FieldBox[] = [];
  const labels: LabelBox[] = [];
  const labelHeight = m.labelHeight(strings.answer.yes, m.width);
  const height = Math.max(m.control + OPTICAL, labelHeight);
  let x = 0;
  for (const [i, choice] of spec.choices.entries()) {
    fields.push({
      name: spec.field,
      type: 'radio',
      x,
      y: Math.min((height - m.control) / 2 + OPTICAL, height - m.control),
      width: m.control,
      height: m.control,
      value: choice.value,
      part: choice.label,
    });
    const width = m.labelWidth(choice.label) + 2;
    labels.push({
      text: choice.label,
      x: x + m.control + OPTION_GAP,
      y: (height - labelHeight) / 2,
      width,
      align: 'left',
      role: 'option',
      owner: i,
    });
    x += m.control + OPTION_GAP + width + OPTION_GAP * 4;
  }
  return { height, fields, labels };
}

/** Row labels on the left, column labels on top, a multi-line field in each of the four cells. */
function layoutGrid(spec: Extract<AnswerSpec, { kind: 'grid' }>, m: LayoutMetrics): AnswerLayout {
  const rowLabelWidth = Math.min(Math.max(...spec.rows.map((r) => m.labelWidth(r, true))) + 2 * CELL_PAD + 2, m.width / 4);
  const cellWidth = (m.width - rowLabelWidth) / 2;
  const headerHeight = Math.max(...spec.columns.map((c) => m.labelHeight(c, cellWidth - 2 * CELL_PAD, true))) + 2 * CELL_PAD;
  const cellHeight = spec.lines * m.lineHeight;
  const labels: LabelBox[] = spec.columns.map((text, i) => ({
    text,
    x: rowLabelWidth + i * cellWidth + CELL_PAD,
    y: CELL_PAD,
    width: cellWidth - 2 * CELL_PAD,
    align: 'center' as const,
    role: 'column' as const,
    index: i + 1,
  }));
  spec.rows.forEach((text, i) => {
    const labelHeight = m.labelHeight(text, rowLabelWidth - 2 * CELL_PAD, true);
    labels.push({
      text,
      x: CELL_PAD,
      y: headerHeight + i * cellHeight + (cellHeight - labelHeight) / 2,
      width: rowLabelWidth - 2 * CELL_PAD,
      align: 'left',
      role: 'row',
      index: i + 1,
    });
  });
  const fields = spec.cells.map((cell): FieldBox => ({
    name: cell.field,
    type: 'text',
    x: rowLabelWidth + (cell.column - 1) * cellWidth,
    y: headerHeight + (cell.row - 1) * cellHeight,
    width: cellWidth,
    height: cellHeight,
    multiline: true,
    ruled: m.lineHeight,
    part: `${spec.rows[cell.row - 1]}, ${spec.columns[cell.column - 1]}`,
    cell: { row: cell.row, column: cell.column },
  }));
  return { height: headerHeight + 2 * cellHeight, fields, labels };
}

/** Column headers, then `rows` rows of single-line fields, one per cell. */
function layoutTable(spec: Extract<AnswerSpec, { kind: 'table' }>, m: LayoutMetrics): AnswerLayout {
  const columnWidth = m.width / spec.columns.length;
  const headerHeight = Math.max(...spec.columns.map((c) => m.labelHeight(c, columnWidth - 2 * CELL_PAD, true))) + 2 * CELL_PAD;
  const labels: LabelBox[] = spec.columns.map((text, i) => ({
    text,
    x: i * columnWidth + CELL_PAD,
    y: CELL_PAD,
    width: columnWidth - 2 * CELL_PAD,
    align: 'left' as const,
    role: 'column' as const,
    index: i + 1,
  }));
  const fields = spec.cells.map((cell): FieldBox => ({
    name: cell.field,
    type: 'text',
    x: (cell.column - 1) * columnWidth,
    y: headerHeight + (cell.row - 1) * m.rowHeight,
    width: columnWidth,
    height: m.rowHeight,
    part: `${spec.columns[cell.column - 1]}, ${strings.answer.tableRow(cell.row)}`,
    cell: { row: cell.row, column: cell.column },
  }));
  return { height: headerHeight + spec.rows * m.rowHeight, fields, labels };
}
