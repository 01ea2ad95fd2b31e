/**
 * The sentence around a link, read from the body tree: what a reader of the
 * linked page needs to decide whether to follow the link back ("Linked from").
 * The text is plain (emphasis, code and links give their words; footnote marks
 * and images nothing), and a long sentence is clipped around the link at word
 * boundaries. A `[[wikilink]]` without a label stays `[[target]]`: its words
 * are the target's title, which only the graph knows (see `contextText`).
 */
import type { Nodes, Parent, Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';
import { WIKI } from './wikilink.ts';

/** Longest context kept, in characters (a sentence of about 30 words). */
export const CONTEXT_MAX = 200;

/** Blocks whose text is one run of sentences: a link's context never crosses them. */
const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

/** Where each link of a block starts and ends in the block's plain text. */
interface Flat {
  text: string;
  links: Map<Nodes, [number, number]>;
  /** Per text node, the span of each of its wikilinks, in order. */
  wikis: Map<Text, [number, number][]>;
}

function flatten(block: Parent): Flat {
  const flat: Flat = { text: '', links: new Map(), wikis: new Map() };
  const walk = (node: Nodes) => {
    switch (node.type) {
      case 'text': {
        const spans: [number, number][] = [];
        let last = 0;
        for (const match of node.value.matchAll(WIKI)) {
          const index = match.index ?? 0;
          flat.text += node.value.slice(last, index);
          const label = match[2]?.trim();
          const start = flat.text.length;
          flat.text += label ?? `[[${(match[1] ?? '').trim()}]]`;
          spans.push([start, flat.text.length]);
          last = index + match[0].length;
        }
        flat.text += node.value.slice(last);
        flat.wikis.set(node, spans);
        return;
      }
      case 'inlineCode':
        flat.text += node.value;
        return;
      case 'break':
        flat.text += ' ';
        return;
      case 'footnoteReference':
      case 'image':
      case 'imageReference':
        return;
      case 'link':
      case 'linkReference': {
        const start = flat.text.length;
        for (const child of node.children) walk(child);
        flat.links.set(node, [start, flat.text.length]);
        return;
      }
      default:
        if ('children' in node) for (const child of node.children) walk(child);
    }
  };
  for (const child of block.children) walk(child);
  return flat;
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
const squeeze = (text: string) => text.replace(/\s+/g, ' ');

/**
 * The sentence of `text` that holds the span [start, end), clipped to `max`
 * characters around the span at word boundaries, with "…" where it was cut.
 * Pure; exported for tests.
 */
export function sentenceAround(written: string, start: number, end: number, max = CONTEXT_MAX): string {
  // A line break inside a paragraph is a space to the reader; to the segmenter it would end a sentence.
  const text = written.replace(/[\r\n]/g, ' ');
  let from = 0;
  let to = text.length;
  for (const { index, segment } of segmenter.segment(text)) {
    if (index <= start && start < index + segment.length) {
      from = index;
      to = index + segment.length;
      break;
    }
  }
  // A link that runs past its sentence's end (a full stop inside the link text) takes the next sentence along.
  to = Math.max(to, Math.min(text.length, end));
  // Leading and trailing spaces are not part of the sentence.
  while (from < to && /\s/.test(text[from] ?? '')) from++;
  while (to > from && /\s/.test(text[to - 1] ?? '')) to--;
  if (to - from <= max) return squeeze(text.slice(from, to));
  // Too long: a window around the link, half the spare room on each side (the rest to whichever side has more).
  const spare = Math.max(0, max - (end - start));
  let left = Math.max(from, start - Math.floor(spare / 2));
  const right = Math.min(to, left + Math.max(max, end - start));
  left = Math.max(from, Math.min(left, right - max));
  // Cut at word boundaries, inwards, but never into the link itself.
  let a = left;
  if (a > from) {
    const space = text.indexOf(' ', a);
    a = space >= 0 && space < start ? space + 1 : Math.min(a, start);
  }
  let b = right;
  if (b < to) {
    const space = text.lastIndexOf(' ', b);
    b = space > end ? space : Math.max(b, end);
  }
  const head = a > from ? '…' : '';
  const tail = b < to ? '…' : '';
  return `${head}${squeeze(text.slice(a, b))
    .trim()
    .replace(/[\s,;:–—-]+$/, '')}${tail}`;
}

/**
 * The context of every link and wikilink of a body, keyed as `outlineOf`
 * meets them: link nodes by node, wikilinks by text node and match number.
 */
export interface LinkContexts {
  ofLink(node: Nodes): string | undefined;
  ofWiki(node: Text, match: number): string | undefined;
}

export function linkContexts(tree: Root): LinkContexts {
  const links = new Map<Nodes, string>();
  const wikis = new Map<Text, string[]>();
  visit(tree, (node) => {
    if (!BLOCKS.has(node.type)) return;
    const flat = flatten(node as Parent);
    for (const [link, [start, end]] of flat.links) links.set(link, sentenceAround(flat.text, start, end));
    for (const [text, spans] of flat.wikis)
      if (spans.length)
        wikis.set(
          text,
          spans.map(([start, end]) => sentenceAround(flat.text, start, end)),
        );
  });
  return {
    ofLink: (node) => links.get(node),
    ofWiki: (node, match) => wikis.get(node)?.[match],
  };
}

/** A context with each label-less `[[target]]` read as its target's title (or the target, when `titleOf` knows none). */
export function contextText(context: string, titleOf: (target: string) => string | undefined): string {
  return context.replace(WIKI, (_whole, target: string) => titleOf(target.trim()) ?? target.trim());
}
