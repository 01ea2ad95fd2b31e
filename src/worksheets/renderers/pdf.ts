/**
 * PDF renderer: the worksheet model as a tagged, fillable PDF (pdfkit).
 *
 * - Tagged: a `Document` of `Sect`s holding H1-H3, P, L/LI/Lbl/LBody, Table
 *   and Form elements; decoration and footers are artifacts. Language `en`,
 *   and the title shown as the window title.
 * - Fillable: every prompt's answer space is an AcroForm field named after the
 *   prompt (see ../sizing.ts and ../pdf/fields.ts).
 * - Byte-identical for the same input: the dates come from `options.created`
 *   and the document ID from a hash of the model, never from the clock; and
 *   the same in Node and in the browser, which pass in the same pdfkit build
 *   and font bytes (../pdf/engine.ts). Nothing here touches a file.
 *
 * Layout is a single column that flows from block to block. A heading is kept
 * with what follows it, and a prompt with its answer space, so no question is
 * separated from the place to answer it.
 */
import { sha256 } from '@noble/hashes/sha2';
import { ui } from '../../lib/ui.ts';
import type { Block, ListItem, Section, TableRow, WorksheetDocument } from '../model.ts';
import { drawAnswer, measureAnswer, type AnswerTarget } from '../pdf/answer.ts';
import { initForm, parentField, textField, type Form } from '../pdf/fields.ts';
import { drawFooter, footerTop, qrObject, type QrObject } from '../pdf/footer.ts';
import type { PdfEngine } from '../pdf/engine.ts';
import { escapeMetadata, setDocumentId, type Ref } from '../pdf/internals.ts';
import { packObjects } from '../pdf/object-streams.ts';
import { concatBytes } from '../../util/bytes.ts';
import {
  artifact,
  child,
  COLOR,
  FOOTER,
  leaf,
  LINE_GAP,
  MARGIN,
  measure,
  PAPER_SIZE,
  registerFonts,
  style,
  TYPE,
  type Face,
} from '../pdf/page.ts';
import type { RenderOptions, Renderer } from './types.ts';

/** Bumped when the layout changes, so document IDs change with it. */
const LAYOUT_VERSION = 3;

interface State {
  doc: PDFKit.PDFDocument;
  /** Set up with the first field, so documents without fields (facilitator guides) carry no form. */
  form?: Form | undefined;
  root: PDFKit.PDFStructureElement;
  /** The section being drawn, and the section of every page so far (for footers). */
  section: number;
  pageSections: number[];
  left: number;
  width: number;
  /** Lowest y content may reach on a page. */
  bottom: number;
  /** The current section's field prefix, and its parent field once a field needs it. */
  fieldPrefix?: string | undefined;
  fieldParent?: Ref | undefined;
  /** Vertical space between blocks, as a share of the normal space (see `renderPdf`). */
  spacing: number;
  /** For each section that runs over more than one page: how full its last page is (0 to 1). */
  lastPageFill: number[];
  /** Blocks that start a new page (`section:block`), to give a stray page company. */
  breaks: ReadonlySet<string>;
  /** Where a stray page's company could start: per section, the headings and the page each is on. */
  headings: { section: number; block: number; page: number }[];
  /** Sections whose last page is a stray, with that page. */
  strays: { section: number; page: number }[];
}

function formOf(s: State): Form {
  s.form ??= initForm(s.doc);
  return s.form;
}

function fieldParentOf(s: State): Ref | undefined {
  if (s.fieldPrefix && !s.fieldParent) s.fieldParent = parentField(formOf(s), s.fieldPrefix);
  return s.fieldParent;
}

const SPACE = { h1: 6, h2: 18, h3: 12, block: 8, prompt: 18 } as const;

const HEADING: Record<1 | 2 | 3, { size: number; before: number; after: number; color: string }> = {
  1: { size: TYPE.h1, before: 0, after: 6, color: COLOR.text },
  2: { size: TYPE.h2, before: SPACE.h2, after: 6, color: COLOR.accent },
  3: { size: TYPE.h3, before: SPACE.h3, after: 4, color: COLOR.text },
};

function newPage(s: State): void {
  s.doc.addPage();
  s.doc.y = MARGIN.top;
}

const atTop = (s: State) => s.doc.y <= MARGIN.top + 0.5;

/** Starts a new page unless `height` fits below the current position. */
function ensure(s: State, height: number): void {
  if (!atTop(s) && s.doc.y + height > s.bottom) newPage(s);
}

/** Space between blocks at the layout's spacing. */
const gap = (s: State, points: number) => points * s.spacing;

/** Vertical space before a block, dropped at the top of a page. */
function space(s: State, points: number): void {
  if (!atTop(s)) s.doc.y += gap(s, points);
}

/** One tagged run of text across the column, from the current position. */
function text(
  s: State,
  parent: PDFKit.PDFStructureElement,
  type: string,
  value: string,
  face: Face,
  size: number,
  color: string,
  options: PDFKit.Mixins.TextOptions = {},
): void {
  leaf(s.doc, parent, type, () => {
    style(s.doc, face, size, color).text(value, s.left, s.doc.y, { width: s.width, lineGap: LINE_GAP, ...options });
  });
}

/**
 * How much of what follows a heading must fit on its page: further headings
 * and short meta lines (a step's time), then the first part of the next real
 * block (a whole prompt, three lines of a paragraph, one list item). A short
 * paragraph right before a prompt (a step's instructions on the worksheet)
 * stays with that prompt too, within half a page. So a heading is never left
 * alone at the foot of a page, nor instructions parted from their question.
 */
function keepHeight(s: State, rest: readonly Block[]): number {
  let height = 0;
  for (const [i, block] of rest.entries()) {
    if (block.kind === 'heading') {
      const look = HEADING[block.level];
      height += gap(s, look.before) + measure(s.doc, block.text, 'bold', look.size, s.width) + look.after;
    } else if (block.kind === 'paragraph' && block.style === 'meta') {
      height += 2 + measure(s.doc, block.text, 'regular', TYPE.meta, s.width);
    } else if (block.kind === 'prompt') {
      return height + gap(s, SPACE.prompt) + promptHeight(s, block);
    } else if (block.kind === 'paragraph') {
      const full = gap(s, SPACE.block) + measure(s.doc, block.text, 'regular', TYPE.body, s.width);
      const next = rest[i + 1];
      const withPrompt = next?.kind === 'prompt' ? height + full + gap(s, SPACE.prompt) + promptHeight(s, next) : Infinity;
      return withPrompt <= (s.bottom - MARGIN.top) / 2 ? withPrompt : height + Math.min(full, gap(s, SPACE.block) + 3 * TYPE.body * 1.5);
    } else {
      return height + 48;
    }
  }
  return height;
}

const QUESTION_INDENT = 20;

function promptHeight(s: State, block: Extract<Block, { kind: 'prompt' }>): number {
  return measure(s.doc, block.question, 'bold', TYPE.h3, s.width) + 6 + measureAnswer(s.doc, block.answer, s.width).height;
}

function drawHeading(
  s: State,
  parent: PDFKit.PDFStructureElement,
  block: Extract<Block, { kind: 'heading' }>,
  rest: readonly Block[],
): void {
  const look = HEADING[block.level];
  space(s, look.before);
  ensure(s, measure(s.doc, block.text, 'bold', look.size, s.width) + look.after + keepHeight(s, rest));
  text(s, parent, `H${block.level}`, block.text, 'bold', look.size, look.color);
  s.doc.y += look.after;
}

function drawParagraph(s: State, parent: PDFKit.PDFStructureElement, block: Extract<Block, { kind: 'paragraph' }>): void {
  const { doc } = s;
  const size =
    block.style === 'lede' ? TYPE.lede : block.style === 'meta' ? TYPE.meta : block.style === 'note' ? TYPE.meta + 0.5 : TYPE.body;
  const color = block.style === 'meta' ? COLOR.muted : COLOR.text;
  const indent = block.style === 'note' ? 12 : 0;
  const full = (block.label ? `${block.label}: ` : '') + block.text;
  const height = measure(doc, full, 'regular', size, s.width - indent);
  space(s, block.style === 'meta' ? 2 : SPACE.block);
  // Keep short paragraphs whole; let long ones flow once three lines fit.
  ensure(s, Math.min(height, 3 * size * 1.5));
  const top = doc.y;
  if (block.style === 'note') {
    // A note that runs onto the next page keeps its bar on the first page only.
    const barHeight = Math.min(height, s.bottom - top);
    artifact(doc, () => doc.rect(s.left, top, 2.5, barHeight).fillColor(COLOR.noteBar).fill());
  }
  leaf(doc, parent, 'P', () => {
    if (block.label) {
      style(doc, 'bold', size, color).text(`${block.label}: `, s.left + indent, top, {
        width: s.width - indent,
        lineGap: LINE_GAP,
        continued: true,
      });
      style(doc, 'regular', size, color).text(block.text, { lineGap: LINE_GAP });
    } else {
      style(doc, 'regular', size, color).text(block.text, s.left + indent, top, { width: s.width - indent, lineGap: LINE_GAP });
    }
  });
}

const isAddress = (value: string) => /^https?:\/\/\S+$/.test(value);

/** Label and value pairs as a list: the label in a narrow left column. */
function drawFacts(s: State, parent: PDFKit.PDFStructureElement, block: Extract<Block, { kind: 'facts' }>): void {
  const { doc } = s;
  const labelWidth = 78;
  const valueWidth = s.width - labelWidth;
  space(s, SPACE.block + 2);
  const list = child(doc, parent, 'L');
  for (const item of block.items) {
    const height = Math.max(measure(doc, item.value, 'regular', TYPE.body, valueWidth), TYPE.body * 1.5);
    ensure(s, height);
    const top = doc.y;
    const li = child(doc, list, 'LI');
    leaf(doc, li, 'Lbl', () =>
      style(doc, 'bold', TYPE.meta, COLOR.muted).text(item.label, s.left, top + 1.5, { width: labelWidth - 8, lineGap: LINE_GAP }),
    );
    const body = child(doc, li, 'LBody');
    if (isAddress(item.value)) {
      leaf(doc, body, 'Link', () =>
        style(doc, 'regular', TYPE.body, COLOR.accent).text(item.value, s.left + labelWidth, top, {
          width: valueWidth,
          lineGap: LINE_GAP,
          link: item.value,
        }),
      );
    } else {
      body.add(() => style(doc, 'regular', TYPE.body).text(item.value, s.left + labelWidth, top, { width: valueWidth, lineGap: LINE_GAP }));
    }
    body.end();
    li.end();
    doc.y = top + height + 4;
  }
  list.end();
}

function drawList(s: State, parent: PDFKit.PDFStructureElement, block: Extract<Block, { kind: 'list' }>): void {
  const { doc } = s;
  const indent = block.ordered || block.check ? 20 : 14;
  const width = s.width - indent;
  space(s, SPACE.block - 2);
  const list = child(doc, parent, 'L');
  block.items.forEach((item: ListItem, i) => {
    const main = (item.label ? `${item.label}: ` : '') + item.text;
    const height =
      measure(doc, main, 'regular', TYPE.body, width) + (item.detail ? measure(doc, item.detail, 'regular', TYPE.meta, width) + 1 : 0);
    ensure(s, Math.min(height, 3 * TYPE.body * 1.5));
    const top = doc.y;
    const li = child(doc, list, 'LI');
    if (block.check) {
      // A box to tick on paper: decoration, since the item's text says what it is.
      const side = 8;
      artifact(doc, () =>
        doc
          .lineWidth(0.7)
          .strokeColor(COLOR.box)
          .roundedRect(s.left + 0.5, top + (TYPE.body * 1.4 - side) / 2, side, side, 1)
          .stroke(),
      );
    } else {
      leaf(doc, li, 'Lbl', () => {
        const marker = block.ordered ? `${i + 1}.` : '•';
        style(doc, block.ordered ? 'bold' : 'regular', TYPE.body, COLOR.accent).text(marker, s.left, top, {
          width: indent - 4,
          lineGap: LINE_GAP,
        });
      });
    }
    leaf(doc, li, 'LBody', () => {
      if (item.label) {
        style(doc, 'bold', TYPE.body).text(`${item.label}: `, s.left + indent, top, { width, lineGap: LINE_GAP, continued: true });
        style(doc, 'regular', TYPE.body).text(item.text, { lineGap: LINE_GAP });
      } else {
        style(doc, 'regular', TYPE.body).text(item.text, s.left + indent, top, { width, lineGap: LINE_GAP });
      }
      if (item.detail)
        style(doc, 'regular', TYPE.meta, COLOR.muted).text(item.detail, s.left + indent, doc.y + 1, { width, lineGap: LINE_GAP });
    });
    li.end();
    doc.y += 3;
  });
  list.end();
}

/** The line under a table row, across the text column: heavier under the header than between rows. */
function rowRule(s: State, y: number, width: number, color: string): void {
  artifact(s.doc, () =>
    s.doc
      .lineWidth(width)
      .strokeColor(color)
      .moveTo(s.left, y)
      .lineTo(s.left + s.width, y)
      .stroke(),
  );
}

/** Column widths: each column's natural width, then the spare room (or the shortfall) shared by the wide ones. */
function columnWidths(s: State, columns: readonly string[], rows: readonly TableRow[], pad: number): number[] {
  const natural = columns.map(
    (c, i) =>
      Math.max(
        style(s.doc, 'bold', TYPE.meta).widthOfString(c),
        ...rows.map((r) => style(s.doc, 'regular', TYPE.body).widthOfString(r.cells[i] ?? '')),
      ) +
      2 * pad,
  );
  const total = natural.reduce((a, b) => a + b, 0);
  const flexible = natural.map((w) => w > s.width / columns.length);
  const flexTotal = natural.reduce((sum, w, i) => sum + (flexible[i] ? w : 0), 0);
  if (flexTotal === 0) return natural.map((w) => (w * s.width) / total);
  return natural.map((w, i) => (flexible[i] ? w + ((s.width - total) * w) / flexTotal : w));
}

function drawTable(s: State, parent: PDFKit.PDFStructureElement, block: Extract<Block, { kind: 'table' }>): void {
  const { doc } = s;
  const pad = 4;
  const widths = columnWidths(s, block.columns, block.rows, pad);
  const xs = widths.map((_, i) => s.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
  space(s, SPACE.block);
  const table = child(doc, parent, 'Table');
  // On a page after the first, the header row is repeated for the eye only: an artifact, so it is read once.
  const header = (repeat: boolean) => {
    const top = doc.y;
    const height = Math.max(...block.columns.map((c, i) => measure(doc, c, 'bold', TYPE.meta, (widths[i] ?? 0) - 2 * pad))) + 2 * pad;
    const draw = (c: string, i: number) =>
      style(doc, 'bold', TYPE.meta, COLOR.muted).text(c, (xs[i] ?? 0) + pad, top + pad, {
        width: (widths[i] ?? 0) - 2 * pad,
        lineGap: LINE_GAP,
      });
    if (repeat) artifact(doc, () => block.columns.forEach(draw));
    else {
      const tr = child(doc, table, 'TR');
      block.columns.forEach((c, i) => leaf(doc, tr, 'TH', () => draw(c, i), { scope: 'Column' }));
      tr.end();
    }
    rowRule(s, top + height, 0.8, COLOR.box);
    doc.y = top + height;
  };
  header(false);
  for (const row of block.rows) {
    const height = Math.max(...row.cells.map((c, i) => measure(doc, c, 'regular', TYPE.body, (widths[i] ?? 0) - 2 * pad))) + 2 * pad;
    if (doc.y + height > s.bottom) {
      newPage(s);
      header(true);
    }
    const top = doc.y;
    const tr = child(doc, table, 'TR');
    row.cells.forEach((c, i) =>
      leaf(doc, tr, 'TD', () =>
        style(doc, 'regular', TYPE.body, row.muted ? COLOR.muted : COLOR.text).text(c, (xs[i] ?? 0) + pad, top + pad, {
          width: (widths[i] ?? 0) - 2 * pad,
          lineGap: LINE_GAP,
        }),
      ),
    );
    tr.end();
    rowRule(s, top + height, 0.4, COLOR.rule);
    doc.y = top + height;
  }
  table.end();
}

/** Team and date: the value printed on its line, or a fillable field on the line when none was given. */
function drawFillIn(s: State, parent: PDFKit.PDFStructureElement, block: Extract<Block, { kind: 'fill-in' }>): void {
  const { doc } = s;
  const gap = 18;
  const shares = block.items.length === 2 ? [0.64, 0.36] : block.items.map(() => 1 / block.items.length);
  const lineHeight = 24;
  space(s, SPACE.block + 6);
  ensure(s, lineHeight + 12);
  const top = doc.y;
  let x = s.left;
  block.items.forEach((item, i) => {
    const width = s.width * (shares[i] ?? 0) - (i < block.items.length - 1 ? gap : 0);
    const labelWidth = style(doc, 'bold', TYPE.meta).widthOfString(item.label) + 8;
    const baseline = top + lineHeight;
    artifact(doc, () =>
      doc
        .lineWidth(0.6)
        .strokeColor(COLOR.box)
        .moveTo(x + labelWidth, baseline)
        .lineTo(x + width, baseline)
        .stroke(),
    );
    if (item.value) {
      const value = item.value;
      const left = x;
      leaf(doc, parent, 'P', () => {
        style(doc, 'bold', TYPE.meta, COLOR.muted).text(`${item.label}: `, left, baseline - TYPE.meta * 1.45, { lineBreak: false });
        style(doc, 'regular', TYPE.lede).text(value, left + labelWidth, baseline - TYPE.lede * 1.4, { lineBreak: false });
      });
    } else {
      leaf(doc, parent, 'P', () =>
        style(doc, 'bold', TYPE.meta, COLOR.muted).text(item.label, x, baseline - TYPE.meta * 1.45, { lineBreak: false }),
      );
      const form = child(doc, parent, 'Form');
      textField(formOf(s), {
        name: item.field,
        accessibleName: item.label,
        multiline: false,
        parent: fieldParentOf(s),
        x: x + labelWidth,
        y: top + 4,
        width: width - labelWidth,
        height: lineHeight - 5,
        struct: form,
      });
      form.end();
    }
    x += width + gap;
  });
  doc.y = top + lineHeight + 4;
}

function drawPrompt(s: State, parent: PDFKit.PDFStructureElement, block: Extract<Block, { kind: 'prompt' }>): void {
  const { doc } = s;
  space(s, SPACE.prompt);
  ensure(s, promptHeight(s, block));
  const top = doc.y;
  const container = child(doc, parent, 'Div');
  leaf(doc, container, 'H3', () => {
    // The number hangs in the margin so questions and answer boxes share one left edge.
    style(doc, 'bold', TYPE.h3, COLOR.accent).text(`${block.number}.`, s.left - QUESTION_INDENT, top, {
      width: QUESTION_INDENT - 4,
      lineGap: LINE_GAP,
    });
    style(doc, 'bold', TYPE.h3).text(block.question, s.left, top, { width: s.width, lineGap: LINE_GAP });
  });
  const target: AnswerTarget = { doc, form: formOf(s), struct: container, parentField: fieldParentOf(s), question: block.question };
  const answerTop = doc.y + 6;
  const height = drawAnswer(target, block.answer, s.left, answerTop, s.width);
  container.end();
  doc.y = answerTop + height;
}

function drawBlock(s: State, parent: PDFKit.PDFStructureElement, block: Block, rest: readonly Block[]): void {
  switch (block.kind) {
    case 'eyebrow':
      text(s, parent, 'P', block.text.toUpperCase(), 'bold', TYPE.eyebrow, COLOR.accent, { characterSpacing: 0.8 });
      s.doc.y += SPACE.h1;
      return;
    case 'heading':
      return drawHeading(s, parent, block, rest);
    case 'paragraph':
      return drawParagraph(s, parent, block);
    case 'facts':
      return drawFacts(s, parent, block);
    case 'list':
      return drawList(s, parent, block);
    case 'table':
      return drawTable(s, parent, block);
    case 'fill-in':
      return drawFillIn(s, parent, block);
    case 'prompt':
      return drawPrompt(s, parent, block);
  }
}

function drawSection(s: State, section: Section, index: number): void {
  s.section = index;
  if (index > 0) newPage(s);
  s.fieldPrefix = section.fieldPrefix;
  s.fieldParent = undefined;
  const sect = child(s.doc, s.root, 'Sect');
  const firstPage = s.pageSections.length - 1;
  section.blocks.forEach((block, i) => {
    if (s.breaks.has(`${index}:${i}`) && !atTop(s)) newPage(s);
    drawBlock(s, sect, block, section.blocks.slice(i + 1));
    if (block.kind === 'heading' && block.level > 1) s.headings.push({ section: index, block: i, page: s.pageSections.length - 1 });
  });
  const lastPage = s.pageSections.length - 1;
  if (lastPage > firstPage) {
    const fill = (s.doc.y - MARGIN.top) / (s.bottom - MARGIN.top);
    s.lastPageFill.push(fill);
    if (fill < STRAY_FILL) s.strays.push({ section: index, page: lastPage });
  }
  sect.end();
}

/** A stable 16-byte document ID from everything that shapes the file. */
export function documentId(document: WorksheetDocument, options: RenderOptions): Uint8Array {
  const json = JSON.stringify({ LAYOUT_VERSION, document, paper: options.paper, created: options.created.toISOString() });
  return sha256(new TextEncoder().encode(json)).slice(0, 16);
}

/**
 * A page holding less than this share of its height, at the end of a section
 * that runs over several pages, is a stray: one question or a bullet alone.
 */
export const STRAY_FILL = 0.3;

/** A last page less used than this is worth trying to save with tighter spacing. */
export const SAVE_FILL = 0.5;

/** Spacing between blocks: normal, then tighter when that saves a page or a stray. */
export const SPACINGS = [1, 0.55] as const;

interface Laid {
  doc: PDFKit.PDFDocument;
  state: State;
  pages: number;
}

/** Lays out every section at one spacing, without footers: the document is not ended. */
function layOut(
  engine: PdfEngine,
  document: WorksheetDocument,
  options: RenderOptions,
  spacing: number,
  breaks: ReadonlySet<string> = new Set(),
): Laid {
  const [width, height] = PAPER_SIZE[options.paper];
  // Content stops above the footer band; pdfkit's own page breaks (in long paragraphs) use the same limit.
  const bottom = footerTop(height) - FOOTER.clearance;
  const doc = new engine.PDFDocument({
    size: [width, height],
    // No default font: pdfkit's would be Helvetica, which its browser build cannot load without its metrics, and the worksheets never print in it.
    font: '',
    margins: { top: MARGIN.top, left: MARGIN.side, right: MARGIN.side, bottom: height - bottom },
    autoFirstPage: false,
    bufferPages: true,
    tagged: true,
    lang: document.lang,
    pdfVersion: '1.7',
    displayTitle: true,
    info: {
      Title: document.title,
      Subject: document.subject,
      Creator: ui.siteTitle,
      CreationDate: options.created,
      ModDate: options.created,
    },
  });
  setDocumentId(doc, documentId(document, options));
  escapeMetadata(doc);
  registerFonts(doc, engine.fonts);
  doc.font('regular');
  const root = doc.struct('Document');
  const state: State = {
    doc,
    root,
    section: 0,
    pageSections: [],
    left: MARGIN.side,
    width: width - 2 * MARGIN.side,
    bottom,
    spacing,
    lastPageFill: [],
    breaks,
    headings: [],
    strays: [],
  };
  doc.on('pageAdded', () => {
    // Tab through fields in structure order, as PDF/UA asks; remember whose footer this page gets.
    (doc.page.dictionary.data as Record<string, unknown>).Tabs = 'S';
    state.pageSections.push(state.section);
  });
  doc.addPage();
  doc.addStructure(root);
  doc.y = MARGIN.top;
  document.sections.forEach((section, i) => drawSection(state, section, i));
  root.end();
  return { doc, state, pages: state.pageSections.length };
}

/**
 * The page breaks that give each stray page company: before the last heading
 * on the page before it, so that heading's part (a step with its questions,
 * "After the session" with its list) moves over whole.
 */
function companyBreaks(laid: Laid): Set<string> {
  const breaks = new Set(laid.state.breaks);
  for (const stray of laid.state.strays) {
    const heading = laid.state.headings.filter((h) => h.section === stray.section && h.page === stray.page - 1).at(-1);
    if (heading) breaks.add(`${heading.section}:${heading.block}`);
  }
  return breaks;
}

/**
 * Lays a document out so that no section ends on a stray page (less than
 * `STRAY_FILL` of it used): first at normal spacing; on a stray, with tighter
 * spacing, kept when that saves the page or the stray; failing both, the
 * last part before the stray moves onto its page. Every pass is
 * deterministic, so the same input still gives the same bytes.
 */
function layOutWell(engine: PdfEngine, document: WorksheetDocument, options: RenderOptions): Laid {
  let laid = layOut(engine, document, options, SPACINGS[0]);
  for (const spacing of SPACINGS.slice(1)) {
    // Worth a try when a section ends on a stray, or when a last page is under half used: tighter spacing may save it.
    const sparse = laid.state.lastPageFill.some((fill) => fill < SAVE_FILL);
    if (laid.state.strays.length === 0 && !sparse) return laid;
    // A looser document that is dropped is never ended: nothing of it is written.
    const tighter = layOut(engine, document, options, spacing);
    if (tighter.pages < laid.pages || (laid.state.strays.length > 0 && tighter.state.strays.length === 0)) laid = tighter;
  }
  if (laid.state.strays.length === 0) return laid;
  const moved = layOut(engine, document, options, laid.state.spacing, companyBreaks(laid));
  return moved.pages <= laid.pages && moved.state.strays.length < laid.state.strays.length ? moved : laid;
}

export function renderPdfWith(engine: PdfEngine, document: WorksheetDocument, options: RenderOptions): Promise<Uint8Array> {
  const laid = layOutWell(engine, document, options);
  const { doc, state } = laid;
  const chunks: Uint8Array[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    // pdfkit leaves the structure tree, the widgets and the xref uncompressed: stored in object streams they take a fraction of the space.
    doc.on('end', () => resolve(packObjects(concatBytes(chunks))));
    doc.on('error', reject);
  });
  const qrCache = new Map<string, QrObject>();
  const { start, count } = doc.bufferedPageRange();
  for (let page = start; page < start + count; page++) {
    doc.switchToPage(page);
    const footer = document.sections[state.pageSections[page - start] ?? 0]?.footer ?? { title: document.title };
    drawFooter(doc, footer, page - start + 1, count, footer.url ? qrObject(doc, qrCache, footer.url) : undefined);
  }
  doc.end();
  return done;
}

/** The PDF renderer over an engine, loaded on first use (Node reads files, the browser fetches them). */
export function pdfRendererWith(engine: () => Promise<PdfEngine>): Renderer {
  return { format: 'pdf', paged: true, render: async (document, options) => renderPdfWith(await engine(), document, options) };
}

/** How a document is laid out, for tests: page count, and the fill of each section's last page when it has several. */
export function pdfLayoutWith(
  engine: PdfEngine,
  document: WorksheetDocument,
  options: RenderOptions,
): { pages: number; spacing: number; lastPageFill: number[] } {
  const { pages, state } = layOutWell(engine, document, options);
  return { pages, spacing: state.spacing, lastPageFill: state.lastPageFill };
}
