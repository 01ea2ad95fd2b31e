/**
 * The concept map's layout: a d3-force simulation run at build time, from a
 * fixed seed and for a fixed number of ticks, so the same notes and links give
 * byte-identical coordinates on every build and machine. Nothing here reads a
 * clock or Math.random.
 */
import {
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type SimulationLinkDatum,
  type SimulationNodeDatum,
} from 'd3-force';
import { THEME_IDS } from '../schema/index.ts';
import { degrees, type MapNode, type NoteGraph } from './graph.ts';
import { placeLabels, type LabelPlacement } from './labels.ts';
import { truncate } from './text.ts';

export interface LayoutOptions {
  width: number;
  height: number;
  /** Seed of the simulation's random source (d3 uses it to separate nodes that start on the same spot). */
  seed: number;
  /** Simulation steps; by default `ticksFor(notes)`. */
  ticks?: number;
  /** Space kept free at every edge of the view box. */
  padding: number;
  /** Longest node label, in characters (see `mapLabel`; the full title is the node's tooltip). */
  labelChars: number;
  /** Label font size in view-box units (the page's CSS must use the same). */
  fontSize: number;
}

/**
 * 1120 units wide: the width of the page's column at 1280 px (72rem less the gutters), so a unit is a
 * pixel there and the 13-unit labels read at 13 px.
 */
export const MAP_DEFAULTS: LayoutOptions = { width: 1120, height: 720, seed: 20261123, padding: 24, labelChars: 30, fontSize: 13 };

/**
 * A note's label on the map: the title's part before a colon when there is one ("Cheng and chi"
 * for "Cheng and chi: the expected and the extraordinary"), else the title cut at a word boundary.
 */
export function mapLabel(title: string, max: number): string {
  const colon = title.indexOf(': ');
  const head = colon > 0 ? title.slice(0, colon) : title;
  return truncate(head, max);
}

/** Node-steps a layout may take: 300 steps (where d3's default cooling stops) up to 300 notes. */
const WORK_BUDGET = 300 * 300;

/**
 * Simulation steps for a map of `nodes` notes. Each step costs about n log n, so
 * a fixed 300 would take seconds at a few thousand notes (2.5 s at 1,000); past
 * 300 notes the steps shrink to keep the work flat, down to 30, and the
 * simulation cools faster to match (see `layoutMap`), so it still settles.
 */
export function ticksFor(nodes: number): number {
  return Math.max(30, Math.min(300, Math.round(WORK_BUDGET / Math.max(1, nodes))));
}

export interface PlacedNode extends MapNode {
  x: number;
  y: number;
  r: number;
  degree: number;
  label: string;
  /** Where the label goes (src/map/labels.ts); `y` is its vertical centre. */
  labelAt: LabelPlacement;
}

export interface PlacedEdge {
  source: string;
  target: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface MapLayout {
  width: number;
  height: number;
  nodes: PlacedNode[];
  edges: PlacedEdge[];
}

/** mulberry32: a tiny seeded PRNG with good spread, returning [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One decimal: enough for a screen, and it keeps the SVG short and stable. */
const round = (value: number) => Math.round(value * 10) / 10;

/** Larger circles for notes with more links, so hubs stand out. */
export const nodeRadius = (degree: number) => round(5 + 1.6 * Math.sqrt(degree));

type SimNode = SimulationNodeDatum & { id: string; theme: MapNode['theme']; r: number };

export function layoutMap(graph: NoteGraph, overrides: Partial<LayoutOptions> = {}): MapLayout {
  const options = { ...MAP_DEFAULTS, ...overrides };
  const { width, height, padding } = options;
  const degree = degrees(graph);
  // Each theme pulls its notes towards its own column, so colours cluster and cross-theme links read as bridges.
  const column = new Map(THEME_IDS.map((theme, i) => [theme, ((i + 1) * width) / (THEME_IDS.length + 1)]));
  // Nodes in id order, so the same notes always meet the generator in the same order.
  const sorted = [...graph.nodes].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // Start positions come from the seeded generator (d3 would otherwise use a fixed spiral and the
  // seed would only break ties): each note starts near its theme's column.
  const random = seededRandom(options.seed);
  const simNodes: SimNode[] = sorted.map((node) => ({
    id: node.id,
    theme: node.theme,
    r: nodeRadius(degree.get(node.id) ?? 0),
    x: (column.get(node.theme) ?? width / 2) + (random() - 0.5) * (width / THEME_IDS.length),
    y: height / 2 + (random() - 0.5) * height * 0.8,
  }));
  const links: SimulationLinkDatum<SimNode>[] = graph.edges.map((edge) => ({ source: edge.source, target: edge.target }));

  const simulation = forceSimulation(simNodes)
    .randomSource(random)
    .force(
      'link',
      forceLink<SimNode, SimulationLinkDatum<SimNode>>(links)
        .id((node) => node.id)
        .distance(70),
    )
    .force('charge', forceManyBody<SimNode>().strength(-220))
    .force(
      'collide',
      forceCollide<SimNode>((node) => node.r + 16),
    )
    .force('x', forceX<SimNode>((node) => column.get(node.theme) ?? width / 2).strength(0.06))
    .force('y', forceY<SimNode>(height / 2).strength(0.04))
    .stop();
  const ticks = options.ticks ?? ticksFor(simNodes.length);
  // Cool from alpha 1 to d3's alphaMin (0.001) in exactly `ticks` steps, as d3's default does in 300.
  simulation.alphaDecay(1 - Math.pow(simulation.alphaMin(), 1 / ticks)).tick(ticks);

  // Fit the result into the view box with one uniform scale (at most 3×, so three notes do not fill a wall).
  const xs = simNodes.flatMap((n) => [(n.x ?? 0) - n.r, (n.x ?? 0) + n.r]);
  const ys = simNodes.flatMap((n) => [(n.y ?? 0) - n.r, (n.y ?? 0) + n.r]);
  const [minX, maxX, minY, maxY] = simNodes.length ? [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)] : [0, 0, 0, 0];
  const scale = Math.min(3, (width - 2 * padding) / Math.max(1, maxX - minX), (height - 2 * padding) / Math.max(1, maxY - minY));
  const offsetX = (width - (maxX - minX) * scale) / 2 - minX * scale;
  // The height shrinks to what the notes use (plus room for a label above and below), so a wide map has no empty bands.
  const labelRoom = options.fontSize * 1.5;
  const usedHeight = Math.min(height, Math.ceil((maxY - minY) * scale + 2 * (padding + labelRoom)));
  const offsetY = (usedHeight - (maxY - minY) * scale) / 2 - minY * scale;

  const byId = new Map(sorted.map((node) => [node.id, node]));
  const dots = simNodes.map((sim) => ({
    id: sim.id,
    x: round((sim.x ?? 0) * scale + offsetX),
    y: round((sim.y ?? 0) * scale + offsetY),
    r: sim.r,
    label: mapLabel(byId.get(sim.id)?.title ?? sim.id, options.labelChars),
    weight: degree.get(sim.id) ?? 0,
  }));
  const labels = placeLabels(dots, { width, height: usedHeight, fontSize: options.fontSize, gap: 3 });
  const nodes: PlacedNode[] = dots.map((dot) => {
    const at = labels.get(dot.id) ?? { side: 'right', x: dot.x + dot.r + 3, y: dot.y, anchor: 'start' };
    return {
      ...(byId.get(dot.id) as MapNode),
      x: dot.x,
      y: dot.y,
      r: dot.r,
      degree: dot.weight,
      label: dot.label,
      labelAt: { ...at, x: round(at.x), y: round(at.y) },
    };
  });
  const placed = new Map(nodes.map((node) => [node.id, node]));
  const edges = graph.edges.flatMap((edge) => {
    const a = placed.get(edge.source);
    const b = placed.get(edge.target);
    return a && b ? [{ source: a.id, target: b.id, x1: a.x, y1: a.y, x2: b.x, y2: b.y }] : [];
  });
  // Tab and reading order follow the titles, not the simulation.
  nodes.sort((a, b) => a.title.localeCompare(b.title, 'en') || (a.id < b.id ? -1 : 1));
  return { width, height: usedHeight, nodes, edges };
}
