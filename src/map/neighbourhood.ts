/**
 * A note's one-hop neighbourhood as a small fan: the note on the left, its
 * linked notes in a column to its right, one curve to each. The SVG draws only
 * the dots and curves; the titles are an HTML list beside it, one row per dot,
 * so they wrap to the page width and read as ordinary links. A fan rather than
 * a force layout because its size follows from the number of neighbours alone
 * (the note page has a byte budget) and it stays legible at phone width.
 */
import type { MapNode } from './graph.ts';

export interface FanOptions {
  /** Height of one neighbour's row, in view-box units (Neighbourhood.astro scales the SVG so a row matches a list row). */
  row: number;
  /** Most neighbours drawn; the rest are counted in `more`. */
  max: number;
}

export const FAN_DEFAULTS: FanOptions = { row: 24, max: 12 };

export interface FanNode extends MapNode {
  x: number;
  y: number;
}

export interface FanLayout {
  width: number;
  height: number;
  centre: { x: number; y: number };
  nodes: FanNode[];
  /** One SVG path with a curve from the centre to every neighbour. */
  edges: string;
  /** Neighbours not drawn (beyond `max`). */
  more: number;
}

const CENTRE_X = 10;
const COLUMN_X = 64;
/** Room right of the column for the dots' radius. */
const WIDTH = 72;

/** Lays out `neighbours` (already sorted) around the note in the centre. Pure. */
export function fanLayout(neighbours: readonly MapNode[], overrides: Partial<FanOptions> = {}): FanLayout {
  const options = { ...FAN_DEFAULTS, ...overrides };
  const shown = neighbours.slice(0, options.max);
  const height = Math.max(1, shown.length) * options.row;
  const centre = { x: CENTRE_X, y: height / 2 };
  const nodes = shown.map((node, i) => ({ ...node, x: COLUMN_X, y: i * options.row + options.row / 2 }));
  // A horizontal S-curve: leaves the note flat, arrives at each neighbour flat.
  const bend = (COLUMN_X - CENTRE_X) / 2;
  const edges = nodes.map((n) => `M${centre.x} ${centre.y}C${centre.x + bend} ${centre.y} ${n.x - bend} ${n.y} ${n.x} ${n.y}`).join('');
  return { width: WIDTH, height, centre, nodes, edges, more: neighbours.length - shown.length };
}
