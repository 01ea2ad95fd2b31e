/**
 * The allowed MDX components (./components.ts) as static HTML, for remark-rehype.
 * The safety policy admits only these, with literal string props, so a note
 * that passed it is Markdown plus a few fixed shapes of HTML: it renders to
 * HTML at load time and is never compiled to JavaScript (see ./render-static.ts).
 */
import type { Element, ElementContent, Properties } from 'hast';
import type { Nodes as MdastNodes, Parents as MdastParents, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { SiteGraph } from '../graph/site-graph.ts';
import { withBase } from '../graph/routes.ts';

/** The part of mdast-util-mdx-jsx's element node that we read. */
interface JsxElement {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: { type: string; name?: string; value?: unknown }[];
  children: MdastNodes[];
  position?: { start: { line: number; column: number } };
}

/** The part of mdast-util-to-hast's state that handlers use. */
interface ToHastState {
  all(parent: MdastParents): ElementContent[];
}

export interface StaticComponentOptions {
  graph: () => SiteGraph;
  base: string;
}

const ASIDE_TITLES = { note: 'Note', tip: 'Tip', caution: 'Caution' } as const;

const h = (tagName: string, properties: Properties, children: ElementContent[]): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});
const text = (value: string): ElementContent => ({ type: 'text', value });

function props(node: JsxElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const attribute of node.attributes) if (attribute.name && typeof attribute.value === 'string') out[attribute.name] = attribute.value;
  return out;
}

const PHRASING = new Set([
  'a',
  'abbr',
  'b',
  'br',
  'cite',
  'code',
  'del',
  'em',
  'i',
  'img',
  'kbd',
  'mark',
  'q',
  's',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
]);
const isPhrasing = (node: ElementContent) =>
  node.type === 'text' || node.type === 'comment' || (node.type === 'element' && PHRASING.has(node.tagName));

/** Block content for a container: inline children (`<Aside>text</Aside>` on one line) get a paragraph of their own. */
function asBlocks(children: ElementContent[]): ElementContent[] {
  const meaningful = children.filter((child) => !(child.type === 'text' && !child.value.trim()));
  return meaningful.length > 0 && meaningful.every(isPhrasing) ? [h('p', {}, children)] : children;
}

/**
 * MDX's own unravelling: a paragraph holding nothing but components (a one-line
 * `<Aside>…</Aside>`) is not a paragraph; its components stand on their own.
 * Without this the HTML would put an <aside> inside a <p>.
 */
export function remarkUnravelComponents() {
  return (tree: Root) => {
    visit(tree, 'paragraph', (node, index, parent) => {
      if (!parent || index === undefined) return;
      const children = node.children as MdastNodes[];
      const onlyComponents =
        children.some((child) => child.type === 'mdxJsxTextElement') &&
        children.every((child) => child.type === 'mdxJsxTextElement' || (child.type === 'text' && !child.value.trim()));
      if (!onlyComponents) return;
      const flow = children.filter((child) => child.type === 'mdxJsxTextElement').map((child) => ({ ...child, type: 'mdxJsxFlowElement' }));
      parent.children.splice(index, 1, ...(flow as never[]));
      return index + flow.length;
    });
  };
}

/** remark-rehype handlers for the allowed components; anything else is a bug the safety policy should have caught. */
export function staticComponentHandlers({ graph, base }: StaticComponentOptions) {
  function quote(state: ToHastState, node: JsxElement): Element {
    const { by = '', source = '' } = props(node);
    const cited = graph().entries.get(`sources/${source}`);
    const sourceLink: ElementContent =
      cited && !cited.draft ? h('a', { href: withBase(base, cited.route) }, [text(cited.title)]) : text(source);
    return h('figure', { className: ['quote'] }, [
      h('blockquote', {}, asBlocks(state.all(node as never))),
      h('figcaption', {}, [text(`— ${by}, in `), sourceLink]),
    ]);
  }

  function aside(state: ToHastState, node: JsxElement): Element {
    const { kind: kindProp = 'note', title } = props(node);
    const kind = kindProp in ASIDE_TITLES ? (kindProp as keyof typeof ASIDE_TITLES) : 'note';
    const label = title ?? ASIDE_TITLES[kind];
    return h('aside', { className: ['aside', `aside-${kind}`], ariaLabel: label }, [
      h('p', { className: ['aside-title'] }, [text(label)]),
      ...asBlocks(state.all(node as never)),
    ]);
  }

  const components: Record<string, (state: ToHastState, node: JsxElement) => Element> = { Quote: quote, Aside: aside };

  function element(state: ToHastState, node: JsxElement): Element {
    const render = node.name ? components[node.name] : undefined;
    if (!render) {
      const where = node.position ? ` at line ${node.position.start.line}` : '';
      throw new Error(
        `<${node.name ?? ''}>${where} has no static rendering; the safety policy (src/content/safety.ts) should have rejected it`,
      );
    }
    return render(state, node);
  }

  return { mdxJsxFlowElement: element, mdxJsxTextElement: element };
}
