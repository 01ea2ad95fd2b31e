/**
 * The concept map as text: every note, grouped by theme, with the notes it is
 * linked with. The map page shows it under the picture for screen readers and
 * for anyone who prefers a list.
 */
import { THEME_IDS, type ThemeId } from '../schema/index.ts';
import { neighbourIds, type MapNode, type NoteGraph } from './graph.ts';

export interface MapListItem {
  node: MapNode;
  neighbours: MapNode[];
}

const byTitle = (a: MapNode, b: MapNode) => a.title.localeCompare(b.title, 'en') || (a.id < b.id ? -1 : 1);

/** Themes in their fixed order (empty ones left out), notes and neighbours by title. */
export function mapList(graph: NoteGraph): { theme: ThemeId; items: MapListItem[] }[] {
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  return THEME_IDS.map((theme) => ({
    theme,
    items: graph.nodes
      .filter((node) => node.theme === theme)
      .sort(byTitle)
      .map((node) => ({
        node,
        neighbours: neighbourIds(graph, node.id)
          .map((id) => byId.get(id))
          .filter((n): n is MapNode => Boolean(n))
          .sort(byTitle),
      })),
  })).filter((group) => group.items.length > 0);
}
