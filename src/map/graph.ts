/**
 * The note graph behind the concept map and each note's neighbourhood: the
 * published notes and the undirected edges between them, from body links (the
 * site graph's `outgoing`) and frontmatter `related`. Pure over the site graph.
 */
import { isEntryOf, type EntryOf, type SiteGraph } from '../graph/site-graph.ts';
import type { ThemeId } from '../schema/index.ts';

export interface MapNode {
  id: string;
  title: string;
  theme: ThemeId;
  route: string;
}

/** An undirected edge; `source < target`, so each pair appears once. */
export interface MapEdge {
  source: string;
  target: string;
}

export interface NoteGraph {
  /** Published notes, sorted by id (the order the layout starts from). */
  nodes: MapNode[];
  /** Sorted by source, then target. */
  edges: MapEdge[];
  /** Note id → ids of the notes one edge away, sorted. */
  adjacency: Map<string, string[]>;
  /** Note id → node: every note page looks up its neighbours, so this is built once, not per page. */
  byId: Map<string, MapNode>;
}

const cache = new WeakMap<SiteGraph, NoteGraph>();

/** The note graph of a site graph, computed once per site graph. */
export function noteGraph(graph: SiteGraph): NoteGraph {
  let built = cache.get(graph);
  if (!built) {
    built = buildNoteGraph(graph);
    cache.set(graph, built);
  }
  return built;
}

function buildNoteGraph(graph: SiteGraph): NoteGraph {
  const published = graph.byCollection.notes.filter((note) => !note.draft);
  const ids = new Set(published.map((note) => note.id));
  const nodes = published
    .filter((note): note is EntryOf<'notes'> => isEntryOf(note, 'notes'))
    .map((note) => ({ id: note.id, title: note.title, theme: note.data.theme, route: note.route }));
  const pairs = new Set<string>();
  const add = (a: string, b: string) => {
    if (a === b || !ids.has(a) || !ids.has(b)) return;
    pairs.add(a < b ? `${a}\n${b}` : `${b}\n${a}`);
  };
  for (const note of published) {
    for (const link of graph.outgoing.get(note.key) ?? []) {
      const { resolution } = link;
      if (resolution.ok && !resolution.external && resolution.key?.startsWith('notes/'))
        add(note.id, resolution.key.slice('notes/'.length));
    }
    if (isEntryOf(note, 'notes')) for (const id of note.data.related) add(note.id, id);
  }
  const edges = [...pairs].sort().map((pair) => {
    const [source = '', target = ''] = pair.split('\n');
    return { source, target };
  });
  const adjacency = new Map<string, string[]>(nodes.map((node) => [node.id, []]));
  for (const { source, target } of edges) {
    adjacency.get(source)?.push(target);
    adjacency.get(target)?.push(source);
  }
  for (const list of adjacency.values()) list.sort();
  return { nodes, edges, adjacency, byId: new Map(nodes.map((node) => [node.id, node])) };
}

/** Ids of the notes one edge away from `id`, sorted. */
export function neighbourIds(graph: NoteGraph, id: string): string[] {
  return graph.adjacency.get(id) ?? [];
}

/** Number of edges at each node. */
export function degrees(graph: NoteGraph): Map<string, number> {
  return new Map(graph.nodes.map((node) => [node.id, neighbourIds(graph, node.id).length]));
}
