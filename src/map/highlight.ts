/**
 * What the concept map shows while a note is pointed at or focused: the
 * note's own edges as one SVG path, and its neighbours (dot and label). The
 * page puts these inside the note's link, so plain CSS (`:hover`,
 * `:focus-visible`) can show them; no script. Pure over a layout.
 */
import type { MapLayout, PlacedNode } from './layout.ts';

export interface NodeHighlight {
  /** `M x1 y1 L x2 y2` for every edge at the note. */
  edges: string;
  /** Neighbours, by title. */
  neighbours: PlacedNode[];
}

export function highlights(layout: MapLayout): Map<string, NodeHighlight> {
  const byId = new Map(layout.nodes.map((node) => [node.id, node]));
  const out = new Map<string, NodeHighlight>(layout.nodes.map((node) => [node.id, { edges: '', neighbours: [] }]));
  for (const edge of layout.edges) {
    const segment = `M${edge.x1} ${edge.y1}L${edge.x2} ${edge.y2}`;
    for (const [from, to] of [
      [edge.source, edge.target],
      [edge.target, edge.source],
    ] as const) {
      const entry = out.get(from);
      const other = byId.get(to);
      if (!entry || !other) continue;
      entry.edges += segment;
      entry.neighbours.push(other);
    }
  }
  for (const entry of out.values()) entry.neighbours.sort((a, b) => a.title.localeCompare(b.title, 'en') || (a.id < b.id ? -1 : 1));
  return out;
}
