/**
 * remark-links: resolves internal links and `[[wikilinks]]` against the site
 * graph, rewrites them to final URLs (with the base path), and fails the build
 * with file:line on any link to a page or heading that does not exist.
 *
 * Wikilinks: `[[note-id]]`, `[[note-id|label]]`, `[[note-id#heading]]`,
 * `[[plays/id]]` (any collection as prefix).
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { withBase } from '../graph/routes.ts';
import { rewriteLinks } from '../graph/rewrite-links.ts';
import type { GraphEntry, SiteGraph } from '../graph/site-graph.ts';
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

    rewriteLinks(tree, graph, entry, {
      address: (route, anchor) => `${withBase(base, route)}${anchor ? `#${anchor}` : ''}`,
      unresolved: (failure, node, offset) =>
        issues.push({ ...position(node, offset), rule: failure.rule, message: failure.message, fix: failure.fix }),
    });
    if (issues.length > 0) failWith(file, issues);
  };
}
