/**
 * Places the concept map's labels: each label goes right of, left of, above or
 * below its dot, whichever overlaps least with the dots and the labels placed
 * before it and stays inside the view box. Greedy, in a fixed order (hubs
 * first), so it is deterministic. Text widths are estimated from the character
 * count: good enough to keep labels apart without measuring fonts at build time.
 */

export type LabelSide = 'right' | 'left' | 'above' | 'below';

export interface LabelInput {
  id: string;
  x: number;
  y: number;
  r: number;
  label: string;
  /** Placement priority: higher goes first and gets the best spot. */
  weight: number;
}

export interface LabelPlacement {
  side: LabelSide;
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
}

export interface LabelOptions {
  width: number;
  height: number;
  fontSize: number;
  /** Gap between a dot and its label. */
  gap: number;
}

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Average advance of a character of a sans-serif font, in ems. */
const CHAR_EM = 0.56;

export const textWidth = (text: string, fontSize: number): number => text.length * CHAR_EM * fontSize;

const overlap = (a: Box, b: Box) => Math.max(0, Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1)) * Math.max(0, Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1));

function candidate(node: LabelInput, side: LabelSide, options: LabelOptions): { box: Box; placement: LabelPlacement } {
  const { fontSize, gap } = options;
  const w = textWidth(node.label, fontSize);
  const h = fontSize * 1.2;
  const half = h / 2;
  switch (side) {
    case 'right':
      return { box: { x1: node.x + node.r + gap, y1: node.y - half, x2: node.x + node.r + gap + w, y2: node.y + half }, placement: { side, x: node.x + node.r + gap, y: node.y, anchor: 'start' } };
    case 'left':
      return { box: { x1: node.x - node.r - gap - w, y1: node.y - half, x2: node.x - node.r - gap, y2: node.y + half }, placement: { side, x: node.x - node.r - gap, y: node.y, anchor: 'end' } };
    case 'above':
    case 'below': {
      const cy = side === 'above' ? node.y - node.r - gap - half : node.y + node.r + gap + half;
      // Centred on the dot, but slid sideways to stay in the view box near its left and right edges.
      const x1 = Math.min(Math.max(node.x - w / 2, 1), options.width - w - 1);
      const centred = Math.abs(x1 - (node.x - w / 2)) < 0.05;
      return {
        box: { x1, y1: cy - half, x2: x1 + w, y2: cy + half },
        placement: centred ? { side, x: node.x, y: cy, anchor: 'middle' } : { side, x: x1, y: cy, anchor: 'start' },
      };
    }
  }
}

const SIDES: readonly LabelSide[] = ['right', 'left', 'below', 'above'];

/**
 * Boxes bucketed on a coarse grid, so a candidate is compared only with the
 * boxes near it: comparing with every dot and label made placing labels
 * quadratic (3 s at 5,000 notes). The sum of overlaps is the same.
 */
class BoxGrid {
  readonly #cells = new Map<string, Box[]>();
  readonly cell: number;
  constructor(cell: number) {
    this.cell = cell;
  }

  #keys(box: Box): string[] {
    const keys: string[] = [];
    for (let x = Math.floor(box.x1 / this.cell); x <= Math.floor(box.x2 / this.cell); x++) {
      for (let y = Math.floor(box.y1 / this.cell); y <= Math.floor(box.y2 / this.cell); y++) keys.push(`${x},${y}`);
    }
    return keys;
  }

  add(box: Box): void {
    for (const key of this.#keys(box)) {
      const cell = this.#cells.get(key);
      if (cell) cell.push(box);
      else this.#cells.set(key, [box]);
    }
  }

  /** Total overlap of `box` with the boxes in the grid, each counted once. */
  overlap(box: Box): number {
    const seen = new Set<Box>();
    let sum = 0;
    for (const key of this.#keys(box)) {
      for (const other of this.#cells.get(key) ?? []) {
        if (seen.has(other)) continue;
        seen.add(other);
        sum += overlap(box, other);
      }
    }
    return sum;
  }
}

/** Label positions by node id. The label's `y` is its vertical centre. */
export function placeLabels(nodes: readonly LabelInput[], options: LabelOptions): Map<string, LabelPlacement> {
  const cell = Math.max(8, options.fontSize * 8);
  const dots = new BoxGrid(cell);
  for (const n of nodes) dots.add({ x1: n.x - n.r, y1: n.y - n.r, x2: n.x + n.r, y2: n.y + n.r });
  const placed = new BoxGrid(cell);
  const result = new Map<string, LabelPlacement>();
  const order = [...nodes].sort((a, b) => b.weight - a.weight || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const node of order) {
    let best: { score: number; box: Box; placement: LabelPlacement } | undefined;
    for (const side of SIDES) {
      const { box, placement } = candidate(node, side, options);
      const outside =
        Math.max(0, -box.x1) + Math.max(0, box.x2 - options.width) + Math.max(0, -box.y1) + Math.max(0, box.y2 - options.height);
      // Leaving the view box is never acceptable; covering a dot is worse than touching another label.
      const score =
        outside * 1e6 +
        dots.overlap(box) * 3 +
        placed.overlap(box);
      if (!best || score < best.score) best = { score, box, placement };
    }
    if (best) {
      placed.add(best.box);
      result.set(node.id, best.placement);
    }
  }
  return result;
}
