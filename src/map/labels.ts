/**
 * Places the concept map's labels: each label goes beside, above, below or
 * diagonally off its dot, at the first spot that touches no label placed
 * before it and stays inside the view box (the fewest dots covered wins among
 * free spots). A label with no free spot is `hidden`: the page shows it only
 * while its note is pointed at or focused, so labels on screen never overlap.
 * Greedy, in a fixed order (hubs first), so it is deterministic. Text widths
 * come from a table of DejaVu Sans advances (see `textWidth`).
 */

export type LabelSide = 'right' | 'left' | 'above' | 'below' | 'above-right' | 'below-right' | 'above-left' | 'below-left';

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
  /** No free spot: shown only while the note is hovered or focused. */
  hidden?: boolean;
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

/**
 * Advances of the printable ASCII characters (space to ~) in DejaVu Sans, in
 * hundredths of an em. DejaVu Sans is Debian's and many Linux systems' sans
 * serif and wider than the usual system fonts (Segoe UI, San Francisco,
 * Roboto), so a box measured with it holds the label in any of them.
 */
const ADVANCES = [
  32, 40, 46, 84, 64, 95, 78, 27, 39, 39, 50, 84, 32, 36, 32, 34, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 34, 34, 84, 84, 84, 53, 100, 68,
  69, 70, 77, 63, 58, 77, 75, 29, 29, 66, 56, 86, 75, 79, 60, 79, 69, 63, 61, 73, 68, 99, 69, 61, 69, 39, 34, 39, 84, 50, 50, 61, 63, 55,
  63, 62, 35, 63, 63, 28, 28, 58, 28, 97, 63, 61, 63, 63, 41, 52, 39, 63, 59, 82, 59, 59, 52, 64, 34, 64, 84,
];
/** Curly quotes, dashes and the ellipsis, which titles use; anything else counts as an M-wide letter. */
const OTHER: Record<string, number> = { '‘': 32, '’': 32, '“': 52, '”': 52, '–': 50, '—': 100, '…': 100 };

/** Width of `text` at `fontSize`, in the same units. */
export const textWidth = (text: string, fontSize: number): number => {
  let hundredths = 0;
  for (const char of text) {
    const code = char.charCodeAt(0);
    hundredths += (code >= 32 && code < 127 ? ADVANCES[code - 32] : OTHER[char]) ?? 86;
  }
  return (hundredths / 100) * fontSize;
};

const overlap = (a: Box, b: Box) =>
  Math.max(0, Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1)) * Math.max(0, Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1));

function candidate(node: LabelInput, side: LabelSide, options: LabelOptions): { box: Box; placement: LabelPlacement } {
  const { fontSize, gap } = options;
  const w = textWidth(node.label, fontSize);
  const h = fontSize * 1.25;
  const half = h / 2;
  const reach = node.r + gap;
  switch (side) {
    case 'right':
      return {
        box: { x1: node.x + reach, y1: node.y - half, x2: node.x + reach + w, y2: node.y + half },
        placement: { side, x: node.x + reach, y: node.y, anchor: 'start' },
      };
    case 'left':
      return {
        box: { x1: node.x - reach - w, y1: node.y - half, x2: node.x - reach, y2: node.y + half },
        placement: { side, x: node.x - reach, y: node.y, anchor: 'end' },
      };
    case 'above-right':
    case 'below-right':
    case 'above-left':
    case 'below-left': {
      // Off the dot's corner: the text starts (or ends) where the dot ends, a line above or below its centre.
      const cy = side.startsWith('above') ? node.y - node.r - half : node.y + node.r + half;
      const right = side.endsWith('right');
      const x = right ? node.x + node.r * 0.7 : node.x - node.r * 0.7;
      return {
        box: right ? { x1: x, y1: cy - half, x2: x + w, y2: cy + half } : { x1: x - w, y1: cy - half, x2: x, y2: cy + half },
        placement: { side, x, y: cy, anchor: right ? 'start' : 'end' },
      };
    }
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

const SIDES: readonly LabelSide[] = ['right', 'left', 'below', 'above', 'below-right', 'above-right', 'below-left', 'above-left'];

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
    let fallback: LabelPlacement | undefined;
    for (const side of SIDES) {
      const { box, placement } = candidate(node, side, options);
      const outside = box.x1 < 0 || box.y1 < 0 || box.x2 > options.width || box.y2 > options.height;
      // A hidden label still shows on hover and focus: it goes where it stays inside the view box.
      if (!outside) fallback ??= placement;
      // Leaving the view box or touching a label already placed is never acceptable.
      if (outside || placed.overlap(box) > 0) continue;
      const score = dots.overlap(box);
      if (!best || score < best.score) best = { score, box, placement };
      if (score === 0) break;
    }
    if (best) {
      // A unit of air around each label, so rounding never lets two touch.
      placed.add({ x1: best.box.x1 - 1, y1: best.box.y1 - 1, x2: best.box.x2 + 1, y2: best.box.y2 + 1 });
      result.set(node.id, best.placement);
    } else {
      result.set(node.id, { ...(fallback ?? candidate(node, 'right', options).placement), hidden: true });
    }
  }
  return result;
}
