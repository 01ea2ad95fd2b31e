import { describe, expect, it } from 'vitest';
import type { Prompt } from '../../src/schema/play.ts';
import {
  answerSpec,
  fieldNames,
  GRID_CELL_LINES,
  layoutAnswer,
  slugify,
  type AnswerLayout,
  type LayoutMetrics,
} from '../../src/worksheets/sizing.ts';

/** A monospaced stand-in for the font: 5 points per character, 12-point lines. */
const metrics: LayoutMetrics = {
  width: 480,
  lineHeight: 22,
  rowHeight: 24,
  control: 12,
  labelWidth: (text) => text.length * 5,
  labelHeight: (text, width) => Math.max(1, Math.ceil((text.length * 5) / Math.max(width, 1))) * 12,
};

const PROMPTS = {
  lines: { id: 'who', question: 'Who are our customers?', kind: 'lines', lines: 3 },
  scale: { id: 'rating', question: 'How well do we know them?', kind: 'scale', low: 'Not at all', high: 'Very well' },
  checklist: { id: 'channels', question: 'Which channels do they use?', kind: 'checklist', options: ['Phone', 'Email', 'Chat', 'Shop'] },
  yesno: { id: 'agreed', question: 'Did we agree on one?', kind: 'yesno' },
  grid: { id: 'grid', question: 'Sort our ideas by surprise.', kind: 'grid', rows: ['Expected', 'Surprising'], columns: ['Now', 'Next'] },
  table: { id: 'actions', question: 'What will we do, and who?', kind: 'table', columns: ['Action', 'Owner', 'When'], rows: 3 },
} satisfies Record<string, Prompt>;

const layout = (prompt: Prompt, m: LayoutMetrics = metrics) => layoutAnswer(answerSpec(prompt), m);

/** Every field inside the column and below the top, and no two fields overlapping. */
function expectInBounds(result: AnswerLayout, m: LayoutMetrics = metrics) {
  for (const f of result.fields) {
    expect(f.x).toBeGreaterThanOrEqual(0);
    expect(f.y).toBeGreaterThanOrEqual(0);
    expect(f.x + f.width).toBeLessThanOrEqual(m.width + 0.001);
    expect(f.y + f.height).toBeLessThanOrEqual(result.height + 0.001);
  }
  result.fields.forEach((a, i) =>
    result.fields.slice(i + 1).forEach((b) => {
      const apart =
        a.x + a.width <= b.x + 0.001 || b.x + b.width <= a.x + 0.001 || a.y + a.height <= b.y + 0.001 || b.y + b.height <= a.y + 0.001;
      expect(apart, `${a.name} overlaps ${b.name}`).toBe(true);
    }),
  );
}

describe('field names', () => {
  it.each([
    ['lines', ['who']],
    ['scale', ['rating']],
    ['checklist', ['channels-phone', 'channels-email', 'channels-chat', 'channels-shop']],
    ['yesno', ['agreed']],
    ['grid', ['grid-r1c1', 'grid-r1c2', 'grid-r2c1', 'grid-r2c2']],
    [
      'table',
      [
        'actions-r1c1',
        'actions-r1c2',
        'actions-r1c3',
        'actions-r2c1',
        'actions-r2c2',
        'actions-r2c3',
        'actions-r3c1',
        'actions-r3c2',
        'actions-r3c3',
      ],
    ],
  ] as const)('%s prompts name their fields after the prompt id', (kind, names) => {
    expect(fieldNames(answerSpec(PROMPTS[kind]))).toEqual(names);
  });

  it.each([
    ['Phone', 'phone'],
    ['E-mail & chat', 'e-mail-chat'],
    ['Zoë Łukasz Ærø', 'zoe-lukasz-aero'],
    ['  Café  ', 'cafe'],
    ['电话', ''],
  ])('slugify(%j) is %j', (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });

  it('falls back to the position for options that slug to nothing or to a name already used', () => {
    const spec = answerSpec({ id: 'ways', question: 'Which ways reach us?', kind: 'checklist', options: ['E-mail', 'E mail', '电话'] });
    expect(fieldNames(spec)).toEqual(['ways-e-mail', 'ways-2', 'ways-3']);
  });
});

describe('layoutAnswer', () => {
  it('lines: one multi-line text field as tall as its lines, ruled at the line height', () => {
    const result = layout(PROMPTS.lines);
    expect(result.fields).toEqual([
      expect.objectContaining({ name: 'who', type: 'text', multiline: true, ruled: 22, height: 66, width: 480 }),
    ]);
    expect(result.height).toBe(66);
    expect(layout({ ...PROMPTS.lines, lines: 8 }).height).toBe(8 * 22);
    expect(layout({ ...PROMPTS.lines, lines: 1 }).fields[0]?.multiline).toBe(false);
  });

  it('scale: five radio buttons in one group, numbered, with the low and high labels at the ends', () => {
    const result = layout(PROMPTS.scale);
    expect(result.fields.map((f) => [f.name, f.type, f.value])).toEqual(['1', '2', '3', '4', '5'].map((v) => ['rating', 'radio', v]));
    const xs = result.fields.map((f) => f.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    const loose = result.labels.filter((l) => l.owner === undefined);
    expect(loose.map((l) => l.text)).toEqual(['Not at all', 'Very well']);
    expect(loose[0]?.x).toBeLessThan(xs[0] ?? 0);
    expect(loose[1]?.x).toBeGreaterThan(xs[4] ?? 0);
    expect(result.labels.filter((l) => l.owner !== undefined).map((l) => l.text)).toEqual(['1', '2', '3', '4', '5']);
    expect(result.fields.map((f) => f.part)).toEqual(['1 of 5, Not at all', '2 of 5', '3 of 5', '4 of 5', '5 of 5, Very well']);
    expectInBounds(result);
  });

  it('checklist: one checkbox per option, each with its label; two columns when the labels are short', () => {
    const result = layout(PROMPTS.checklist);
    expect(result.fields.map((f) => [f.name, f.type])).toEqual(
      ['phone', 'email', 'chat', 'shop'].map((o) => [`channels-${o}`, 'checkbox']),
    );
    expect(result.labels.map((l) => [l.text, l.owner])).toEqual([
      ['Phone', 0],
      ['Email', 1],
      ['Chat', 2],
      ['Shop', 3],
    ]);
    expect(new Set(result.fields.map((f) => f.x)).size).toBe(2);
    expectInBounds(result);
  });

  it('checklist: one column when a label is long', () => {
    const long = {
      ...PROMPTS.checklist,
      options: ['Phone', 'Email', 'Chat', 'A label far too long to share a line with another option label'],
    };
    expect(new Set(layout(long).fields.map((f) => f.x)).size).toBe(1);
  });

  it('yesno: a radio group with a yes and a no button', () => {
    const result = layout(PROMPTS.yesno);
    expect(result.fields.map((f) => [f.name, f.type, f.value, f.part])).toEqual([
      ['agreed', 'radio', 'yes', 'Yes'],
      ['agreed', 'radio', 'no', 'No'],
    ]);
    expectInBounds(result);
  });

  it('grid: a 2×2 grid of multi-line fields below the column labels and beside the row labels', () => {
    const result = layout(PROMPTS.grid);
    expect(result.fields.map((f) => [f.name, f.cell, f.part])).toEqual([
      ['grid-r1c1', { row: 1, column: 1 }, 'Expected, Now'],
      ['grid-r1c2', { row: 1, column: 2 }, 'Expected, Next'],
      ['grid-r2c1', { row: 2, column: 1 }, 'Surprising, Now'],
      ['grid-r2c2', { row: 2, column: 2 }, 'Surprising, Next'],
    ]);
    for (const f of result.fields) expect(f).toMatchObject({ type: 'text', multiline: true, height: GRID_CELL_LINES * 22 });
    const columns = result.labels.filter((l) => l.role === 'column');
    const rows = result.labels.filter((l) => l.role === 'row');
    expect(columns.map((l) => l.text)).toEqual(['Now', 'Next']);
    expect(rows.map((l) => l.text)).toEqual(['Expected', 'Surprising']);
    const firstField = Math.min(...result.fields.map((f) => f.x));
    for (const row of rows) expect(row.x + row.width).toBeLessThanOrEqual(firstField);
    expectInBounds(result);
  });

  it('table: columns × rows single-line fields under a header row', () => {
    const result = layout(PROMPTS.table);
    expect(result.fields).toHaveLength(9);
    expect(result.fields.every((f) => f.type === 'text' && !f.multiline && f.height === 24 && f.width === 160)).toBe(true);
    expect(result.fields[3]).toMatchObject({ name: 'actions-r2c1', part: 'Action, row 2' });
    expect(result.labels.map((l) => l.text)).toEqual(['Action', 'Owner', 'When']);
    expect(result.height).toBe((result.fields[0]?.y ?? 0) + 3 * 24);
    expectInBounds(result);
  });

  it('wraps long column labels and makes the header taller, never wider than the column', () => {
    const long = { ...PROMPTS.table, columns: ['Action', 'A very long column heading that must wrap over lines'] };
    const result = layout(long);
    expect(result.fields[0]?.y).toBeGreaterThan(layout(PROMPTS.table).fields[0]?.y ?? 0);
    for (const l of result.labels) expect(l.x + l.width).toBeLessThanOrEqual(metrics.width);
  });

  it('fits every kind in a narrow column', () => {
    const narrow = { ...metrics, width: 300 };
    for (const prompt of Object.values(PROMPTS)) expectInBounds(layout(prompt, narrow), narrow);
  });
});
