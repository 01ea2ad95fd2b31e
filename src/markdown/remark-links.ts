/**
 * remark-links: resolves internal links and `[[wikilinks]]` against the site
 * graph, rewrites them to final URLs (with the base path), and fails the build
 * with file:line on any link to a page or heading that does not exist.
 *
 * Wikilinks: `[[note-id]]`, `[[note-id|label]]`, `[[note-id#heading]]`,
 * `[[plays/id]]` (any collection as prefix).
 */
import type { PhrasingContent, Root, Text } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { withBase } from '../graph/routes.ts';
import { WIKI } from '../graph/extract.ts';
import { resolveLink, type GraphEntry, type SiteGraph } from '../graph/site-graph.ts';
import { failWith, type PipelineIssue } from './report.ts';

export interface RemarkLinksOptions {
  /** Returns the graph of the content being built (loaded once, cached). */
  graph: () => SiteGraph;
  /** The site's base path, e.g. `/` or `/playbook`. */
  base?: string;
}


function entryForFile(graph: SiteGraph, file: VFile): GraphEntry | undefined {
  const byPath = pathIndex(graph);
  return file.path ? byPath.get(file.path) : undefined;
}

const pathIndexes = new WeakMap<SiteGraph, Map<string, GraphEntry>>();
function pathIndex(graph: SiteGraph): Map<string, GraphEntry> {
  let index = pathIndexes.get(graph);
  if (!index) {
    index = new Map([...graph.entries.values()].map((entry) => [entry.raw.absolutePath, entry]));
    pathIndexes.set(graph, index);
  }
  return index;
}

export default function remarkLinks(options: RemarkLinksOptions) {
  const base = options.base ?? '/';
  return (tree: Root, file: VFile) => {
    const graph = options.graph();
    const entry = entryForFile(graph, file);
    if (!entry) return; // not a content entry (e.g. a page in src/pages)
    const issues: PipelineIssue[] = [];
    const position = (node: { position?: { start: { line: number; column: number } } | undefined }, extraColumn = 0) => ({
      line: node.position?.start.line ?? 1,
      column: (node.position?.start.column ?? 1) + extraColumn,
    });
    const href = (route: string, anchor: string | null) => `${withBase(base, route)}${anchor ? `#${anchor}` : ''}`;

    const imageDefinitions = new Set<string>();
    visit(tree, 'imageReference', (node) => {
      imageDefinitions.add(node.identifier);
    });
    visit(tree, (node, index, parent) => {
      if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
        // Reference-style links and images take their URL from a definition: rewriting it rewrites them.
        const kind = node.type === 'image' || (node.type === 'definition' && imageDefinitions.has(node.identifier)) ? 'image' : 'markdown';
        const resolution = resolveLink(graph, entry, { kind, target: node.url, label: '', line: 0, column: 0 });
        if (!resolution.ok) issues.push({ ...position(node), rule: resolution.rule, message: resolution.message, fix: resolution.fix });
        else if (!resolution.external) node.url = href(resolution.route, resolution.anchor);
        return;
      }
      if (node.type !== 'text' || !parent || index === undefined || !(node as Text).value.includes('[[')) return;
      const text = node as Text;
      const parts: PhrasingContent[] = [];
      let last = 0;
      for (const match of text.value.matchAll(WIKI)) {
        const start = match.index ?? 0;
        const target = (match[1] ?? '').trim();
        if (start > last) parts.push({ type: 'text', value: text.value.slice(last, start) });
        const resolution = resolveLink(graph, entry, { kind: 'wiki', target, label: '', line: 0, column: 0 });
        if (!resolution.ok) {
          issues.push({ ...position(text, start), rule: resolution.rule, message: resolution.message, fix: resolution.fix });
          parts.push({ type: 'text', value: match[0] });
        } else if (!resolution.external) {
          const linked = resolution.key ? graph.entries.get(resolution.key) : undefined;
          const label = match[2]?.trim() ?? linked?.title ?? target;
          parts.push({ type: 'link', url: href(resolution.route, resolution.anchor), children: [{ type: 'text', value: label }] });
        }
        last = start + match[0].length;
      }
      if (last === 0) return;
      if (last < text.value.length) parts.push({ type: 'text', value: text.value.slice(last) });
      (parent.children as PhrasingContent[]).splice(index, 1, ...parts);
      return [SKIP, index + parts.length];
    });
    if (issues.length > 0) failWith(file, issues);
  };
}
