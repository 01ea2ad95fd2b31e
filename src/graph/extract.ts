/**
 * Headings and links of a parsed body, read from its tree: inline links and
 * images, reference-style ones (through their definitions), links that span
 * lines, and `[[wikilinks]]` in text. Code is a node of its own in the tree,
 * so nothing inside it counts. The renderer reads the same tree.
 */
import GithubSlugger from 'github-slugger';
import type { Definition, Root, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { LinkContexts } from './link-context.ts';
import { WIKI } from './wikilink.ts';

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
  /** The sentence around a link or wikilink, as plain text (./link-context.ts); none for images and definitions. */
  context?: string;
}

/** A `<Quote>` component: its props and its words as written (normalised by the quotation check). */
export interface BodyQuote {
  text: string;
  by: string;
  source: string;
  line: number;
  column: number;
}

export interface BodyOutline {
  headings: BodyHeading[];
  links: BodyLink[];
  quotes: BodyQuote[];
}

/** The part of an MDX JSX element node that is read here. */
interface JsxElement {
  name: string | null;
  attributes: { type: string; name?: string; value?: unknown }[];
}

const textOf = (node: unknown): string => {
  const n = node as { type?: string; value?: string; children?: unknown[] };
  if (n.type === 'text' || n.type === 'inlineCode') return n.value ?? '';
  return (n.children ?? []).map(textOf).join(' ');
};

interface Positioned {
  position?: { start: { line: number; column: number } } | undefined;
}
const at = (node: Positioned) => ({ line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 });

/**
 * Places matches inside one text node, in order. With the source, each match
 * is found in the node's own stretch of it, because a node's value drops what
 * Markdown strips (a list item's indentation on continuation lines) and would
 * misplace it; without the source (or where an escape makes the written form
 * differ) it counts in the value. One pass over the node, however many matches.
 */
function locator(node: Text, source: string | undefined) {
  const from = at(node);
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  const written = source !== undefined && start !== undefined && end !== undefined ? source.slice(start, end) : undefined;
  let cursor = 0;
  let line = from.line;
  let lineStart = -(from.column - 1);
  const advance = (text: string, to: number) => {
    for (let i = cursor; i < to; i++) {
      if (text.charCodeAt(i) === 10) {
        line++;
        lineStart = i + 1;
      }
    }
    cursor = to;
    return { line, column: to - lineStart + 1 };
  };
  return (match: string, offsetInValue: number) => {
    if (written !== undefined) {
      const index = written.indexOf(match, cursor);
      if (index !== -1) return advance(written, index);
    }
    const breaks = node.value.slice(0, offsetInValue).split('\n');
    return breaks.length === 1
      ? { line: from.line, column: from.column + offsetInValue }
      : { line: from.line + breaks.length - 1, column: (breaks.at(-1)?.length ?? 0) + 1 };
  };
}

/**
 * Headings, links and quotations of a body tree, in document order; give the source the tree was
 * parsed from for exact columns, and the tree's link contexts (`linkContexts`) to keep each link's sentence.
 */
export function outlineOf(tree: Root, source?: string, contexts?: LinkContexts): BodyOutline {
  const headings: BodyHeading[] = [];
  const links: BodyLink[] = [];
  const quotes: BodyQuote[] = [];
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
        const text = toString(node).trim();
        headings.push({ depth: node.depth, text, slug: slugger.slug(text), line: at(node).line });
        break;
      }
      case 'link': {
        const context = contexts?.ofLink(node);
        links.push({ kind: 'markdown', target: node.url, label: toString(node), ...at(node), ...(context !== undefined && { context }) });
        break;
      }
      case 'image':
        links.push({ kind: 'image', target: node.url, label: node.alt ?? '', ...at(node) });
        break;
      case 'imageReference':
      case 'linkReference': {
        const definition = definitions.get(node.identifier);
        if (!definition) break;
        const kind = node.type === 'imageReference' ? 'image' : 'markdown';
        const context = kind === 'markdown' ? contexts?.ofLink(node) : undefined;
        links.push({
          kind,
          target: definition.url,
          label: node.type === 'imageReference' ? (node.alt ?? '') : toString(node),
          ...at(node),
          ...(context !== undefined && { context }),
        });
        break;
      }
      case 'definition':
        // A definition that nothing uses still holds a URL a reader could reach through the raw file; check it like a link.
        if (!used.has(node.identifier)) links.push({ kind: 'markdown', target: node.url, label: node.label ?? '', ...at(node) });
        break;
      case 'text': {
        const place = locator(node, source);
        let count = 0;
        for (const match of node.value.matchAll(WIKI)) {
          const context = contexts?.ofWiki(node, count++);
          links.push({
            kind: 'wiki',
            target: (match[1] ?? '').trim(),
            label: (match[2] ?? match[1] ?? '').trim(),
            ...place(match[0], match.index ?? 0),
            ...(context !== undefined && { context }),
          });
        }
        break;
      }
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const element = node as unknown as JsxElement;
        if (element.name !== 'Quote') break;
        const prop = (name: string) => {
          const attribute = element.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
          return typeof attribute?.value === 'string' ? attribute.value : '';
        };
        quotes.push({ text: textOf(node), by: prop('by'), source: prop('source'), ...at(node) });
        break;
      }
      default:
        break;
    }
  });
  return { headings, links, quotes };
}
