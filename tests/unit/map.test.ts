import { describe, expect, it } from 'vitest';
import { loadSiteGraph } from '../../src/graph/site-graph.ts';
import { degrees, neighbourIds, noteGraph, type MapNode, type NoteGraph } from '../../src/map/graph.ts';
import { placeLabels, textWidth } from '../../src/map/labels.ts';
import { layoutMap, mapLabel, MAP_DEFAULTS, seededRandom, ticksFor, type MapLayout } from '../../src/map/layout.ts';
import { mapList } from '../../src/map/list.ts';
import { highlights } from '../../src/map/highlight.ts';
import { truncate } from '../../src/map/text.ts';
import { eraBands, type Era } from '../../src/map/timeline.ts';
import { THEME_IDS } from '../../src/schema/index.ts';
import { SITE_FIXTURE } from '../helpers/fixtures.ts';

/** A note graph of `count` notes in a ring with a few chords, spread over the themes. */
function ring(count: number): NoteGraph {
  const id = (i: number) => `note-${String(i).padStart(3, '0')}`;
  const nodes: MapNode[] = Array.from({ length: count }, (_, i) => ({
    id: id(i),
    title: `Note number ${i} with a title long enough to be cut`,
    theme: THEME_IDS[i % 3] ?? 'cheng-chi',
    route: `/notes/${id(i)}/`,
  }));
  const pairs = new Set<string>();
  for (let i = 0; i < count; i++) for (const j of [i + 1, i + 7]) if (j < count) pairs.add(`${id(i)}\n${id(j)}`);
  const edges = [...pairs].sort().map((p) => ({ source: p.split('\n')[0] ?? '', target: p.split('\n')[1] ?? '' }));
  const adjacency = new Map(nodes.map((n) => [n.id, [] as string[]]));
  for (const e of edges) {
    adjacency.get(e.source)?.push(e.target);
    adjacency.get(e.target)?.push(e.source);
  }
  for (const list of adjacency.values()) list.sort();
  return { nodes, edges, adjacency, byId: new Map(nodes.map((n) => [n.id, n])) };
}

/** Every dot and every label box inside the view box. */
function outside(layout: MapLayout): string[] {
  const problems: string[] = [];
  for (const n of layout.nodes) {
    if (n.x - n.r < 0 || n.y - n.r < 0 || n.x + n.r > layout.width || n.y + n.r > layout.height) problems.push(`dot ${n.id}`);
    const w = textWidth(n.label, MAP_DEFAULTS.fontSize);
    const x1 = n.labelAt.anchor === 'start' ? n.labelAt.x : n.labelAt.anchor === 'end' ? n.labelAt.x - w : n.labelAt.x - w / 2;
    const half = MAP_DEFAULTS.fontSize * 0.6;
    if (x1 < -0.5 || x1 + w > layout.width + 0.5 || n.labelAt.y - half < -0.5 || n.labelAt.y + half > layout.height + 0.5)
      problems.push(`label ${n.id}`);
  }
  return problems;
}

describe('noteGraph', () => {
  const graph = noteGraph(loadSiteGraph(SITE_FIXTURE));

  it('has the published notes, sorted by id, and no drafts', () => {
    const ids = graph.nodes.map((n) => n.id);
    expect(ids).toEqual([...ids].sort());
    expect(ids).toContain('alpha-note');
    expect(ids).not.toContain('draft-note');
  });

  it('joins notes linked in either direction or through `related`, once per pair', () => {
    const pairs = graph.edges.map((e) => `${e.source}–${e.target}`);
    expect(pairs).toContain('alpha-note–beta-note'); // a body link both ways, and `related`
    expect(pairs).toContain('beta-note–gamma-note'); // a body link from beta
    expect(new Set(pairs).size).toBe(pairs.length);
    for (const e of graph.edges) expect(e.source < e.target).toBe(true);
    expect(pairs.some((p) => p.includes('draft-note'))).toBe(false);
  });

  it('knows each note’s neighbours and degree', () => {
    expect(neighbourIds(graph, 'alpha-note')).toEqual(expect.arrayContaining(['beta-note', 'gamma-note']));
    expect(degrees(graph).get('alpha-note')).toBe(neighbourIds(graph, 'alpha-note').length);
    expect(neighbourIds(graph, 'no-such-note')).toEqual([]);
  });

  it('lists the map as text, by theme and title', () => {
    const list = mapList(graph);
    expect(list.map((g) => g.theme)).toEqual(THEME_IDS.filter((t) => graph.nodes.some((n) => n.theme === t)));
    const alpha = list.flatMap((g) => g.items).find((i) => i.node.id === 'alpha-note');
    expect(alpha?.neighbours.map((n) => n.title)).toEqual([...(alpha?.neighbours.map((n) => n.title) ?? [])].sort());
  });
});

describe('layoutMap', () => {
  const graph = ring(60);

  it('gives the same coordinates for the same input, every time', () => {
    expect(JSON.stringify(layoutMap(graph))).toBe(JSON.stringify(layoutMap(graph)));
    expect(JSON.stringify(layoutMap(noteGraph(loadSiteGraph(SITE_FIXTURE))))).toBe(
      JSON.stringify(layoutMap(noteGraph(loadSiteGraph(SITE_FIXTURE)))),
    );
  });

  it('does not depend on the order the notes come in', () => {
    const shuffled = { ...graph, nodes: [...graph.nodes].reverse() };
    expect(layoutMap(shuffled)).toEqual(layoutMap(graph));
  });

  it('uses its seed', () => {
    expect(layoutMap(graph, { seed: 1 }).nodes.map((n) => [n.x, n.y])).not.toEqual(
      layoutMap(graph, { seed: 2 }).nodes.map((n) => [n.x, n.y]),
    );
  });

  it.each([1, 2, 3, 12, 60, 250])('keeps every dot and label of %i notes inside the view box', (count) => {
    const layout = layoutMap(ring(count));
    expect(layout.nodes).toHaveLength(count);
    expect(outside(layout)).toEqual([]);
    expect(layout.height).toBeLessThanOrEqual(MAP_DEFAULTS.height);
  });

  it('rounds coordinates to one decimal, so the SVG is short and stable', () => {
    for (const n of layoutMap(graph).nodes) for (const v of [n.x, n.y, n.labelAt.x, n.labelAt.y]) expect(Math.round(v * 10) / 10).toBe(v);
  });

  it('draws every edge between its two dots', () => {
    const layout = layoutMap(graph);
    const at = new Map(layout.nodes.map((n) => [n.id, n]));
    expect(layout.edges).toHaveLength(graph.edges.length);
    for (const e of layout.edges)
      expect([e.x1, e.y1, e.x2, e.y2]).toEqual([at.get(e.source)?.x, at.get(e.source)?.y, at.get(e.target)?.x, at.get(e.target)?.y]);
  });

  it('lists nodes by title, the order of the links for keyboard and screen reader', () => {
    const titles = layoutMap(noteGraph(loadSiteGraph(SITE_FIXTURE))).nodes.map((n) => n.title);
    expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, 'en')));
  });

  it('copes with no notes at all', () => {
    expect(layoutMap({ nodes: [], edges: [], adjacency: new Map(), byId: new Map() }).nodes).toEqual([]);
  });
});

describe('seededRandom', () => {
  it('repeats for a seed and stays in [0, 1)', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const values = Array.from({ length: 1000 }, () => a());
    expect(values).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(seededRandom(43)()).not.toBe(values[0]);
  });
});

describe('placeLabels', () => {
  const options = { width: 400, height: 200, fontSize: 10, gap: 3 };

  it('keeps a label off a neighbouring dot: two dots side by side label outwards', () => {
    const placed = placeLabels(
      [
        { id: 'a', x: 180, y: 100, r: 5, label: 'left one', weight: 2 },
        { id: 'b', x: 220, y: 100, r: 5, label: 'right one', weight: 1 },
      ],
      options,
    );
    expect([placed.get('a')?.side, placed.get('b')?.side]).toEqual(['left', 'right']);
  });

  it('turns a label inwards at the right edge', () => {
    expect(placeLabels([{ id: 'a', x: 395, y: 100, r: 5, label: 'near the edge', weight: 1 }], options).get('a')).toMatchObject({
      side: 'left',
      anchor: 'end',
    });
  });
});

/** Pairs of visible labels whose boxes (as the layout estimates them) overlap. */
function overlappingLabels(layout: MapLayout): string[] {
  const boxes = layout.nodes
    .filter((n) => !n.labelAt.hidden)
    .map((n) => {
      const w = textWidth(n.label, MAP_DEFAULTS.fontSize);
      const x1 = n.labelAt.anchor === 'start' ? n.labelAt.x : n.labelAt.anchor === 'end' ? n.labelAt.x - w : n.labelAt.x - w / 2;
      const half = MAP_DEFAULTS.fontSize * 0.6;
      return { id: n.id, x1, x2: x1 + w, y1: n.labelAt.y - half, y2: n.labelAt.y + half };
    });
  const pairs: string[] = [];
  for (const [i, a] of boxes.entries()) {
    for (const b of boxes.slice(i + 1)) if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) pairs.push(`${a.id} / ${b.id}`);
  }
  return pairs;
}

describe('labels that never overlap', () => {
  it.each([12, 60, 250])('places the labels of %i notes without overlap, hiding those with no free spot', (count) => {
    const layout = layoutMap(ring(count));
    expect(overlappingLabels(layout)).toEqual([]);
    // A small map has room for every label.
    if (count <= 12) expect(layout.nodes.filter((n) => n.labelAt.hidden)).toEqual([]);
  });

  it('hides a label that has no free spot instead of overlapping', () => {
    // Twelve dots on one spot and eight sides to put a label: some must wait for hover or focus.
    const crowd = Array.from({ length: 12 }, (_, i) => ({ id: `n${i}`, x: 200, y: 100, r: 5, label: 'a long label here', weight: 12 - i }));
    const placed = placeLabels(crowd, { width: 400, height: 200, fontSize: 10, gap: 3 });
    const hidden = [...placed.values()].filter((p) => p.hidden);
    expect(hidden.length).toBeGreaterThan(0);
    expect(placed.get('n0')?.hidden).toBeUndefined();
  });

  it('measures text with wide-font advances: capitals and m wider than i and l', () => {
    expect(textWidth('mmmm', 10)).toBeGreaterThan(textWidth('iiii', 10) * 2);
    // C h e n g _ a n d _ c h i: 7.18 em in DejaVu Sans.
    expect(textWidth('Cheng and chi', 13)).toBeCloseTo(13 * 7.18, 1);
  });
});

describe('mapLabel', () => {
  it.each([
    ['Cheng and chi: the expected and the extraordinary', 'Cheng and chi'],
    ['Customers are always dissatisfied, even when they are happy', 'Customers are always…'],
    ['Unmet needs', 'Unmet needs'],
  ])('%s → %s', (title, label) => {
    expect(mapLabel(title, 30)).toBe(label);
  });
});

describe('highlights', () => {
  it('gives each note its own edges and its neighbours, by title', () => {
    const layout = layoutMap(ring(12));
    const near = highlights(layout);
    const first = near.get('note-000');
    expect(first?.neighbours.map((n) => n.id).sort()).toEqual(['note-001', 'note-007']);
    expect(first?.edges.match(/M/g)).toHaveLength(2);
    const degrees = layout.nodes.reduce((sum, n) => sum + (near.get(n.id)?.neighbours.length ?? 0), 0);
    expect(degrees).toBe(2 * layout.edges.length);
  });
});

describe('truncate', () => {
  it.each([
    ['Short title', 20, 'Short title'],
    ['Allstate and e-books: bundling around a relationship', 28, 'Allstate and e-books…'],
    ['Supercalifragilisticexpialidocious words', 12, 'Supercalifr…'],
    ['  spaces   inside  ', 20, 'spaces inside'],
  ])('%s (%i) → %s', (text, max, expected) => {
    const out = truncate(text, max);
    expect(out).toBe(expected);
    expect(out.length).toBeLessThanOrEqual(max);
  });
});

describe('eraBands', () => {
  const ev = (id: string, when: string, era: Era) => ({ id, when, era });

  it('groups the events of one era, in date order', () => {
    const bands = eraBands([
      ev('prime', '2005', 'amazon'),
      ev('catalog', '1897', 'sears'),
      ev('policy', '1895-03', 'sears'),
      ev('store', '1995-07', 'amazon'),
    ]);
    expect(bands.map((b) => [b.era, b.from, b.to, b.events.map((e) => e.id)])).toEqual([
      ['sears', '1895', '1897', ['policy', 'catalog']],
      ['amazon', '1995', '2005', ['store', 'prime']],
    ]);
  });

  it('keeps one band per era when eras interleave, bands in the order their eras begin', () => {
    // The shape of the real timeline: service events between Amazon ones, Sears' bankruptcy after both began.
    const bands = eraBands([
      ev('bankruptcy', '2018-10', 'sears'),
      ev('hbr-2011', '2011-06', 'service'),
      ev('temkin', '2013', 'amazon'),
      ev('founded', '1994', 'amazon'),
      ev('tesla', '2016', 'service'),
      ev('growth', '2016', 'amazon'),
      ev('catalog', '1890', 'sears'),
      ev('record', '2020-07', 'amazon'),
    ]);
    expect(bands.map((b) => [b.era, b.id, b.from, b.to, b.events.map((e) => e.id)])).toEqual([
      ['sears', 'era-sears', '1890', '2018', ['catalog', 'bankruptcy']],
      ['amazon', 'era-amazon', '1994', '2020', ['founded', 'temkin', 'growth', 'record']],
      ['service', 'era-service', '2011', '2016', ['hbr-2011', 'tesla']],
    ]);
  });

  it('orders a year before a month of that year, and ties by id', () => {
    expect(
      eraBands([ev('b', '1995-07', 'amazon'), ev('z', '1995', 'amazon'), ev('a', '1995', 'amazon')])[0]?.events.map((e) => e.id),
    ).toEqual(['a', 'z', 'b']);
  });
});

describe('ticksFor', () => {
  it('runs the full 300 steps for small maps', () => {
    for (const n of [0, 1, 37, 300]) expect(ticksFor(n)).toBe(300);
  });
  it('keeps the work of large maps flat, never below 30 steps', () => {
    expect(ticksFor(1000)).toBe(90);
    expect(ticksFor(1000) * 1000).toBeLessThanOrEqual(300 * 300);
    expect(ticksFor(3000)).toBe(30);
    expect(ticksFor(100_000)).toBe(30);
  });
  it('still settles a large map: no two notes share a spot', () => {
    const layout = layoutMap(ring(600));
    const spots = new Set(layout.nodes.map((node) => `${Math.round(node.x)},${Math.round(node.y)}`));
    expect(spots.size).toBeGreaterThan(600 * 0.95);
  });
});
