/**
 * One walk over an entry's Markdown tree that points every link at its final
 * address: inline and reference-style links and images (through their
 * definitions) and `[[wikilinks]]`. The page renderer and the Markdown twins both
 * use it, so a link resolves the same way on the page and in its Markdown copy;
 * they differ only in the address they write (a base path, or a full URL) and in
 * what they do with a link that does not resolve.
 */
import type { PhrasingContent, Root, Text } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import { WIKI } from './wikilink.ts';
import { resolveLink, type GraphEntry, type Resolution, type SiteGraph } from './site-graph.ts';

export type LinkFailure = Extract<Resolution, { ok: false }>;

export interface LinkRewrite {
  /** The address written for a resolved internal link. */
  address(route: string, anchor: string | null): string;
  /** A link that does not resolve; `node` is where it stands, `offset` its column within that node's text. */
  unresolved?(failure: LinkFailure, node: { position?: Text['position'] }, offset: number): void;
}

const text = (value: string): Text => ({ type: 'text', value });

export function rewriteLinks(
  tree: Root,
  graph: Pick<SiteGraph, 'routes' | 'anchors' | 'entries'>,
  entry: GraphEntry,
  rewrite: LinkRewrite,
): void {
  // A definition used by an image reference is an image address, and is checked as one.
  const imageDefinitions = new Set<string>();
  visit(tree, 'imageReference', (node) => {
    imageDefinitions.add(node.identifier);
  });
  visit(tree, (node, index, parent) => {
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
      // Reference-style links and images take their URL from a definition: rewriting it rewrites them.
      const kind = node.type === 'image' || (node.type === 'definition' && imageDefinitions.has(node.identifier)) ? 'image' : 'markdown';
      const resolution = resolveLink(graph, entry, { kind, target: node.url, label: '', line: 0, column: 0 });
      if (!resolution.ok) rewrite.unresolved?.(resolution, node, 0);
      else if (!resolution.external) node.url = rewrite.address(resolution.route, resolution.anchor);
      return;
    }
    if (node.type !== 'text' || !parent || index === undefined || !node.value.includes('[[')) return;
    const parts: PhrasingContent[] = [];
    let last = 0;
    for (const match of node.value.matchAll(WIKI)) {
      const start = match.index;
      const target = (match[1] ?? '').trim();
      if (start > last) parts.push(text(node.value.slice(last, start)));
      const resolution = resolveLink(graph, entry, { kind: 'wiki', target, label: '', line: 0, column: 0 });
      const linked = resolution.ok && !resolution.external && resolution.key ? graph.entries.get(resolution.key) : undefined;
      const label = match[2]?.trim() ?? linked?.title ?? target;
      if (resolution.ok && !resolution.external) {
        parts.push({ type: 'link', url: rewrite.address(resolution.route, resolution.anchor), children: [text(label)] });
      } else {
        if (!resolution.ok) rewrite.unresolved?.(resolution, node, start);
        // The build refuses a broken wikilink; where it is only reported, its label stays as text.
        parts.push(text(label));
      }
      last = start + match[0].length;
    }
    if (last === 0) return;
    if (last < node.value.length) parts.push(text(node.value.slice(last)));
    (parent.children as PhrasingContent[]).splice(index, 1, ...parts);
    return [SKIP, index + parts.length];
  });
}
