/**
 * An entry's body as clean CommonMark (with GFM tables, footnotes and
 * strikethrough), from the tree the graph parsed: wikilinks and relative links
 * resolved to the site's addresses, the two MDX components turned into plain
 * blockquotes (`<Quote>` with its attribution, `<Aside>` with its title), and
 * no HTML at all. The graph's tree is never changed: this works on a copy.
 */
import type {
  BlockContent,
  Blockquote,
  DefinitionContent,
  Link,
  Nodes,
  Paragraph,
  Parents,
  PhrasingContent,
  Root,
  RootContent,
  Text,
} from 'mdast';
import { toMarkdown, type Options } from 'mdast-util-to-markdown';
import remarkGfm from 'remark-gfm';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { rewriteLinks } from '../graph/rewrite-links.ts';
import type { GraphEntry } from '../graph/site-graph.ts';
import { siteAddress } from './routes.ts';
import { twinStrings } from './strings.ts';
import type { TwinContext } from './types.ts';

/** The part of mdast-util-mdx-jsx's element node that we read. */
interface JsxElement {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: { type: string; name?: string; value?: unknown }[];
  children: (BlockContent | PhrasingContent)[];
}

const isJsx = (node: { type: string }): node is JsxElement => node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';
const isBlank = (node: { type: string; value?: unknown }) => node.type === 'text' && typeof node.value === 'string' && !node.value.trim();
const PHRASING = new Set([
  'text',
  'emphasis',
  'strong',
  'delete',
  'inlineCode',
  'break',
  'link',
  'linkReference',
  'image',
  'imageReference',
  'footnoteReference',
  'mdxJsxTextElement',
]);

function props(node: JsxElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const attribute of node.attributes) if (attribute.name && typeof attribute.value === 'string') out[attribute.name] = attribute.value;
  return out;
}

/** Block content from a component's children: inline children get a paragraph of their own. */
function asBlocks(children: (BlockContent | PhrasingContent)[]): BlockContent[] {
  const meaningful = children.filter((child) => !isBlank(child));
  if (meaningful.length === 0) return [];
  if (meaningful.every((child) => PHRASING.has(child.type))) return [{ type: 'paragraph', children: children as PhrasingContent[] }];
  return meaningful as BlockContent[];
}

const text = (value: string): Text => ({ type: 'text', value });
const paragraph = (...children: PhrasingContent[]): Paragraph => ({ type: 'paragraph', children });
const link = (url: string, label: string): Link => ({ type: 'link', url, children: [text(label)] });

/** An address of the site for a resolved route and anchor. */
const addressOf = (context: TwinContext, route: string, anchor: string | null) =>
  `${siteAddress(context.publicUrl, context.base, route)}${anchor ? `#${anchor}` : ''}`;

/** A component as Markdown: `<Quote>` and `<Aside>` as blockquotes, anything else (which the safety policy refuses) as its content. */
function componentBlocks(node: JsxElement, context: TwinContext): BlockContent[] {
  const attributes = props(node);
  if (node.name === 'Quote') {
    const cited = context.graph.entries.get(`sources/${attributes.source ?? ''}`);
    const source: PhrasingContent =
      cited && !cited.draft ? link(addressOf(context, cited.route, null), cited.title) : text(attributes.source ?? '');
    const by = attributes.by ? `— ${attributes.by}, in ` : '— ';
    return [{ type: 'blockquote', children: [...asBlocks(node.children), paragraph(text(by), source)] } satisfies Blockquote];
  }
  if (node.name === 'Aside') {
    const kind = attributes.kind as keyof typeof twinStrings.aside | undefined;
    const label = attributes.title ?? twinStrings.aside[kind && kind in twinStrings.aside ? kind : 'note'];
    const blocks = asBlocks(node.children);
    const first = blocks[0];
    const title: PhrasingContent = { type: 'strong', children: [text(`${label}:`)] };
    // The title leads the aside's first paragraph, as a bold run-in ("**Try it:** Run …").
    if (first?.type === 'paragraph')
      return [{ type: 'blockquote', children: [paragraph(title, text(' '), ...first.children), ...blocks.slice(1)] }];
    return [{ type: 'blockquote', children: [paragraph(title), ...blocks] }];
  }
  return asBlocks(node.children);
}

/** Replaces every component, innermost first, so a Quote inside an Aside becomes a nested blockquote. */
function replaceComponents(parent: Parents, context: TwinContext): void {
  // MDX's unravelling first: a paragraph holding only components is those components, as blocks.
  const children = (parent.children as Nodes[]).flatMap((child): Nodes[] =>
    child.type === 'paragraph' && child.children.some((c) => isJsx(c)) && child.children.every((c) => isJsx(c) || isBlank(c))
      ? child.children.filter((c) => isJsx(c)).map((c) => ({ ...c, type: 'mdxJsxFlowElement' }) as unknown as Nodes)
      : [child],
  );
  for (const child of children) if ('children' in child) replaceComponents(child, context);
  const out: Nodes[] = [];
  for (const child of children) {
    if (isJsx(child)) {
      out.push(...(child.type === 'mdxJsxFlowElement' ? componentBlocks(child, context) : (child.children as Nodes[])));
    } else if (
      child.type === 'html' ||
      child.type === 'mdxjsEsm' ||
      child.type === 'mdxFlowExpression' ||
      child.type === 'mdxTextExpression'
    ) {
      // No raw HTML (only comments pass the safety policy) and no code in a twin.
    } else {
      out.push(child);
    }
  }
  (parent as { children: Nodes[] }).children = out;
}

/** The body of an entry as a Markdown tree ready to print: a copy of the graph's tree, transformed. */
export function twinBodyTree(tree: Root, entry: GraphEntry, context: TwinContext): RootContent[] {
  const copy = structuredClone(tree);
  replaceComponents(copy, context);
  // Links and images point at the site's addresses; wikilinks become ordinary links with the target's title.
  rewriteLinks(copy, context.graph, entry, { address: (route, anchor) => addressOf(context, route, anchor) });
  // Position data belongs to the source file, not to the twin.
  visit(copy, (node) => {
    delete node.position;
  });
  return copy.children;
}

const gfm = unified().use(remarkGfm);
gfm.freeze();
const extensions = (gfm.data() as { toMarkdownExtensions?: Options[] }).toMarkdownExtensions ?? [];

/** A character no text of the site holds, standing in for `<` while the text is escaped. */
const LT = '\uE000';

/**
 * Markdown as one style: `-` bullets, `*` emphasis, fenced code, `---` rules,
 * links always `[text](url)`. A `<` in text is written `&lt;`, never `\<`: GFM
 * takes a backslash after a bare address into the link, which would leave a
 * following `<tag>` live as HTML wherever the twin is pasted.
 */
const OPTIONS: Options = {
  bullet: '-',
  emphasis: '_',
  strong: '*',
  fence: '`',
  rule: '-',
  listItemIndent: 'one',
  resourceLink: true,
  extensions,
  handlers: {
    text: (node: Text, _parent, state, info) => state.safe(node.value.replaceAll('<', LT), info).replaceAll(LT, '&lt;'),
  },
};

/** Blocks as Markdown text, ending in one line feed. */
export function markdownOf(children: readonly (RootContent | DefinitionContent)[]): string {
  return toMarkdown({ type: 'root', children: [...children] as RootContent[] }, OPTIONS);
}

/**
 * Block runs written apart, as one: what `markdownOf` gives for their blocks together, since it
 * separates blocks by a blank line. (It would not, were a run to end in a list and the next to open
 * with one; no caller joins those.)
 */
export const joinMarkdown = (...runs: string[]): string => runs.filter((run) => run !== '').join('\n');
