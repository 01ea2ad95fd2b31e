/**
 * Headings and links of a parsed body, read from its tree: inline links and
 * images, reference-style ones (through their definitions), links that span
 * lines, and `[[wikilinks]]` in text. Code is a node of its own in the tree,
 * so nothing inside it counts. The renderer reads the same tree.
 */
import GithubSlugger from 'github-slugger';
import type { Definition, Heading, Root, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';

export interface BodyHeading {
  depth: number;
  text: string;
  /** The id the heading gets in HTML. */
  slug: string;
  line: number;
}

export interface BodyLink {
  kind: 'wiki' | 'markdown' | 'image';
  /** The raw target: `note-id#anchor` for wikilinks, the URL for Markdown links and images. */
  target: string;
  label: string;
  line: number;
  column: number;
}

export interface BodyOutline {
  headings: BodyHeading[];
  links: BodyLink[];
}

/** `[[target]]` or `[[target|label]]`; shared with remark-links so both read wikilinks alike. */
export const WIKI = /\[\[([^\][\n|]+?)(?:\|([^\][\n]+?))?\]\]/g;

interface Positioned {
  position?: { start: { line: number; column: number } } | undefined;
}
const at = (node: Positioned) => ({ line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 });

/** Line and column of an offset inside a text node, which may span lines. */
function within(node: Text, offset: number) {
  const start = at(node);
  const before = node.value.slice(0, offset);
  const breaks = before.split('\n');
  return breaks.length === 1 ? { line: start.line, column: start.column + offset } : { line: start.line + breaks.length - 1, column: (breaks.at(-1)?.length ?? 0) + 1 };
}

/** Headings and links of a body tree, in document order. */
export function outlineOf(tree: Root): BodyOutline {
  const headings: BodyHeading[] = [];
  const links: BodyLink[] = [];
  const slugger = new GithubSlugger();
  const definitions = new Map<string, Definition>();
  const used = new Set<string>();
  visit(tree, (node) => {
    if (node.type === 'definition' && !definitions.has(node.identifier)) definitions.set(node.identifier, node);
    if (node.type === 'imageReference' || node.type === 'linkReference') used.add(node.identifier);
  });
  visit(tree, (node) => {
    switch (node.type) {
      case 'heading': {
        const text = toString(node as Heading).trim();
        headings.push({ depth: (node as Heading).depth, text, slug: slugger.slug(text), line: at(node).line });
        break;
      }
      case 'link':
        links.push({ kind: 'markdown', target: node.url, label: toString(node), ...at(node) });
        break;
      case 'image':
        links.push({ kind: 'image', target: node.url, label: node.alt ?? '', ...at(node) });
        break;
      case 'imageReference':
      case 'linkReference': {
        const definition = definitions.get(node.identifier);
        if (!definition) break;
        const kind = node.type === 'imageReference' ? 'image' : 'markdown';
        links.push({ kind, target: definition.url, label: node.type === 'imageReference' ? (node.alt ?? '') : toString(node), ...at(node) });
        break;
      }
      case 'definition':
        // A definition that nothing uses still holds a URL a reader could reach through the raw file; check it like a link.
        if (!used.has(node.identifier)) links.push({ kind: 'markdown', target: node.url, label: node.label ?? '', ...at(node) });
        break;
      case 'text':
        for (const match of node.value.matchAll(WIKI)) {
          links.push({ kind: 'wiki', target: (match[1] ?? '').trim(), label: (match[2] ?? match[1] ?? '').trim(), ...within(node, match.index ?? 0) });
        }
        break;
      default:
        break;
    }
  });
  return { headings, links };
}
