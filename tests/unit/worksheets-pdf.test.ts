import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { Prompt } from '../../src/schema/play.ts';
import { loadWorksheetContent } from '../../src/worksheets/load.ts';
import { playDocument, type ModelContext, type PlayInput, type WorksheetDocument } from '../../src/worksheets/model.ts';
import { TYPED } from '../../src/worksheets/pdf/fields.ts';
import { ANSWER } from '../../src/worksheets/pdf/page.ts';
import { qrShape } from '../../src/worksheets/pdf/qr.ts';
import { documentId, pdfLayout, renderPdf, STRAY_FILL } from '../../src/worksheets/renderers/pdf-node.ts';
import type { Paper } from '../../src/plays/downloads.ts';
import { packObjects } from '../../src/worksheets/pdf/object-streams.ts';
import { GRID_CELL_LINES } from '../../src/worksheets/sizing.ts';
import { pdfObjectsText } from '../helpers/pdf-objects.ts';
import { SITE_FIXTURE } from '../helpers/fixtures.ts';

const tiny: WorksheetDocument = {
  title: 'Trust & Forgiveness <draft>',
  subject: 'A "quoted" subject',
  lang: 'en',
  sections: [
    {
      footer: { title: 'Trust & Forgiveness', url: 'https://playbook.example/plays/trust-and-forgiveness/' },
      blocks: [{ kind: 'heading', level: 1, text: 'Trust & Forgiveness' }],
    },
  ],
};
const created = new Date('2026-01-01T00:00:00Z');

describe('qrShape', () => {
  it('draws the three finder patterns as 7-module runs and stays inside the symbol', () => {
    const { size, runs } = qrShape('https://playbook.example/plays/three-questions/');
    expect(size).toBe(33);
    expect(runs).toContainEqual([0, 0, 7]);
    expect(runs).toContainEqual([size - 7, 0, 7]);
    expect(runs).toContainEqual([0, size - 1, 7]);
    for (const [column, row, length] of runs) {
      expect(column + length).toBeLessThanOrEqual(size);
      expect(row).toBeLessThan(size);
    }
  });
});

describe('renderPdf', () => {
  it('derives the document ID from the content and paper, not the clock', () => {
    const a4 = documentId(tiny, { paper: 'a4', created });
    expect(Buffer.from(documentId(tiny, { paper: 'a4', created })).equals(Buffer.from(a4))).toBe(true);
    expect(Buffer.from(documentId(tiny, { paper: 'letter', created })).equals(Buffer.from(a4))).toBe(false);
    expect(a4).toHaveLength(16);
  });

  it('pins the dates and escapes the title in the XMP metadata only', async () => {
    const pdf = pdfObjectsText(await renderPdf(tiny, { paper: 'a4', created }));
    // pdfkit writes each Info value as its own object: two dates, then the plain title.
    expect(pdf.match(/obj\n\(D:20260101000000Z\)\nendobj/g)).toHaveLength(2);
    expect(pdf).toContain('obj\n(Trust & Forgiveness <draft>)\nendobj');
    const xmp = /<x:xmpmeta[\s\S]*<\/x:xmpmeta>/.exec(pdf)?.[0] ?? '';
    expect(xmp).toContain('Trust &amp; Forgiveness &lt;draft&gt;');
    expect(xmp).not.toMatch(/&(?!amp;|lt;|gt;|quot;)/);
  });

  it('is byte-identical across runs in one process', async () => {
    const first = Buffer.from(await renderPdf(tiny, { paper: 'letter', created }));
    const second = Buffer.from(await renderPdf(tiny, { paper: 'letter', created }));
    expect(second.equals(first)).toBe(true);
  });
});

describe('packObjects', () => {
  /** A file laid out as pdfkit writes one: objects, a classic cross-reference table, the trailer. */
  function classic(objects: string[]): Uint8Array {
    let text = '%PDF-1.7\n%\xff\xff\xff\xff\n';
    const offsets = objects.map((body, i) => {
      const at = text.length;
      text += `${i + 1} 0 obj\n${body}\nendobj\n`;
      return at;
    });
    const xref = text.length;
    text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
    text += `trailer\n<<\n/Size ${objects.length + 1}\n/Root 1 0 R\n/ID [<00> <00>]\n>>\nstartxref\n${xref}\n%%EOF\n`;
    return Buffer.from(text, 'latin1');
  }

  it('moves every object but streams into a compressed object stream, with a cross-reference stream, and keeps each object whole', async () => {
    const objects = [
      '<<\n/Type /Catalog\n/Pages 2 0 R\n>>',
      '<<\n/Type /Pages\n/Kids [3 0 R]\n/Count 1\n>>',
      '<<\n/Type /Page\n/Parent 2 0 R\n/MediaBox [0 0 200 200]\n/Contents 4 0 R\n>>',
      '<<\n/Length 7\n>>\nstream\n0 0 m S\n\nendstream',
    ];
    const packed = packObjects(classic(objects));
    const text = Buffer.from(packed).toString('latin1');
    expect(text).toContain('/Type /ObjStm /N 3');
    expect(text).toContain('/Type /XRef /Size 7 /W [1 3 2] /Root 1 0 R /ID [<00> <00>]');
    expect(text).not.toMatch(/\nxref\n|trailer/);
    // The stream stays a plain object; the others are the same text inside the object stream.
    expect(text).toContain('4 0 obj\n<<\n/Length 7\n>>\nstream\n0 0 m S\n');
    const expanded = pdfObjectsText(packed);
    objects.slice(0, 3).forEach((body, i) => expect(expanded).toContain(`${i + 1} 0 obj\n${body}\nendobj`));
    expect((await PDFDocument.load(packed)).getPageCount()).toBe(1);
  });

  it('returns a file it cannot read as pdfkit writes it unchanged', () => {
    const odd = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\nstartxref\n0\n%%EOF\n', 'latin1');
    expect(packObjects(odd)).toBe(odd);
  });
});

/**
 * Paper used well and filled well, over the fixture play and synthetic plays
 * of every length: typed text fits the ruled lines, no section ends on a stray
 * page, the participant sheet keeps each question with its answer space, and
 * the facilitator guide's first page holds the timing and the checklist.
 */
describe('layout', () => {
  const content = loadWorksheetContent(SITE_FIXTURE);
  const fixture = content.plays.find((p) => p.id === 'fixture-play') as PlayInput;
  const ctx: ModelContext = { siteUrl: 'https://playbook.example', basePath: '/', titles: content.titles };
  const options = (paper: Paper) => ({ paper, created });

  /** A play of `count` steps, each with its own prompt, the kinds in turn, and instructions of varying length. */
  function synthetic(count: number): PlayInput {
    const kinds = fixture.data.prompts;
    const prompts = Array.from({ length: count }, (_, i) => ({
      ...(kinds[i % kinds.length] as Prompt),
      id: `p${i + 1}`,
      question: `Question ${i + 1}: what did we learn about our customers this time?`,
    }));
    const steps = prompts.map((p, i) => ({
      title: `Step ${i + 1}`,
      minutes: 5,
      instructions: 'Talk it through, then write. '.repeat(1 + (i % 4) * 3),
      facilitator: 'Keep the time.',
      prompts: [p.id],
    }));
    return { id: `synthetic-${count}`, data: { ...fixture.data, steps, prompts, runMinutes: 5 * count } };
  }

  it('sizes the typed text of multi-line fields to the ruled lines', async () => {
    expect(ANSWER.lineHeight).toBeCloseTo(TYPED.size * TYPED.leading, 1);
    const pdf = await PDFDocument.load(await renderPdf(playDocument(fixture, 'participant', ctx), options('a4')));
    const form = pdf.getForm();
    const lines = { who: 3, 'grid-r1c1': GRID_CELL_LINES, 'grid-r2c2': GRID_CELL_LINES };
    for (const [name, ruled] of Object.entries(lines)) {
      const field = form.getTextField(name);
      expect(field.isMultiline(), name).toBe(true);
      const size = Number(/\/Helv ([\d.]+) Tf/.exec(field.acroField.getDefaultAppearance() ?? '')?.[1]);
      expect(size, name).toBe(TYPED.size);
      // The widget sits 2 pt inside its ruled box on each side: the box holds exactly its ruled lines of typed text.
      const box = (field.acroField.getWidgets()[0]?.getRectangle().height ?? 0) + 4;
      expect(box / (size * TYPED.leading), name).toBeCloseTo(ruled, 1);
    }
    // Single-line fields (table cells) keep a smaller size that fits their row.
    const cell = form.getTextField('actions-r1c1');
    expect(cell.acroField.getDefaultAppearance() ?? `/Helv ${TYPED.singleLineSize} Tf`).toContain(`/Helv ${TYPED.singleLineSize} Tf`);
  });

  it.each(['a4', 'letter'] as const)(
    'leaves no section on %s with a stray last page, for plays of 1 to 12 questions',
    async (paper) => {
      for (let count = 1; count <= 12; count++) {
        const play = synthetic(count);
        for (const view of ['participant', 'facilitator'] as const) {
          const layout = await pdfLayout(playDocument(play, view, ctx), options(paper));
          for (const fill of layout.lastPageFill)
            expect(fill, `${count} questions, ${view}: ${layout.pages} pages`).toBeGreaterThanOrEqual(STRAY_FILL);
        }
      }
    },
    60_000,
  );

  it('keeps each question with its answer space and opens the guide with the timing and the checklist', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'worksheets-layout-'));
    try {
      // Real plays have 5 to 7 steps; the first page holds the timing and the checklist up to 10.
      for (const count of [4, 7, 10]) {
        const play = synthetic(count);
        const guide = path.join(dir, `guide-${count}.pdf`);
        fs.writeFileSync(guide, await renderPdf(playDocument(play, 'facilitator', ctx), options('letter')));
        const first = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-enc', 'UTF-8', guide, '-'], { encoding: 'utf8' }).replace(
          /\s+/g,
          ' ',
        );
        expect(first).toContain('Timing');
        expect(first).toContain(`${count}. Step ${count}`);
        expect(first, `${count} steps`).toContain('Before the session');
        expect(first).toContain('A room for 2 to 8 people');

        const sheet = path.join(dir, `sheet-${count}.pdf`);
        const bytes = await renderPdf(playDocument(play, 'participant', ctx), options('a4'));
        fs.writeFileSync(sheet, bytes);
        // Each question's fields sit on the page that prints the question.
        const pdf = await PDFDocument.load(bytes);
        const pages = pdf.getPages();
        for (let page = 0; page < pages.length; page++) {
          const text = execFileSync('pdftotext', ['-f', String(page + 1), '-l', String(page + 1), '-enc', 'UTF-8', sheet, '-'], {
            encoding: 'utf8',
          });
          const asked = [...text.matchAll(/Question (\d+):/g)].map((m) => `p${m[1]}`);
          const annots = new Set((pages[page]?.node.Annots()?.asArray() ?? []).map(String));
          const here = pdf
            .getForm()
            .getFields()
            .filter((f) => f.acroField.getWidgets().some((w) => annots.has(String(pdf.context.getObjectRef(w.dict)))));
          const prompts = [...new Set(here.map((f) => f.getName().replace(/-.*$/, '')))].filter((n) => /^p\d+$/.test(n));
          expect(prompts, `${count} questions, page ${page + 1}`).toEqual(asked);
        }
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
