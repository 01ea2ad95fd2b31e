import { describe, expect, it } from 'vitest';
import type { WorksheetDocument } from '../../src/worksheets/model.ts';
import { qrShape } from '../../src/worksheets/pdf/qr.ts';
import { documentId, renderPdf } from '../../src/worksheets/renderers/pdf.ts';

const tiny: WorksheetDocument = {
  title: 'Trust & Forgiveness <draft>',
  subject: 'A "quoted" subject',
  lang: 'en',
  sections: [{ footer: { title: 'Trust & Forgiveness', url: 'https://playbook.example/plays/trust-and-forgiveness/' }, blocks: [{ kind: 'heading', level: 1, text: 'Trust & Forgiveness' }] }],
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
    const pdf = Buffer.from(await renderPdf(tiny, { paper: 'a4', created })).toString('latin1');
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
