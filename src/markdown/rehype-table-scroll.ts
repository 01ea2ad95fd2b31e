/**
 * rehype-table-scroll: wraps every table in a box that scrolls sideways on its
 * own, so a wide table never widens the page (at 320 px a four-column table
 * made a note 342 px wide). The box is a labelled, focusable <section> (a
 * region), so a keyboard user can scroll it (WCAG 2.1.1, axe
 * `scrollable-region-focusable`): the label is the table's caption, else its
 * header cells.
 */
import type { Element, ElementContent, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import { toText } from '../lib/hast-text.ts';

export interface TableScrollOptions {
  /** The region's label from the table's caption or header cells, e.g. `Table: Trait, True, Fake`. */
  label?: (caption: string) => string;
  /** Class of the wrapper. */
  className?: string;
}

const isElement = (node: ElementContent | undefined, tag: string): node is Element => node?.type === 'element' && node.tagName === tag;

/** The table's caption, else the text of its first row's cells, joined by commas. */
export function tableCaption(table: Element): string {
  const caption = table.children.find((child) => isElement(child, 'caption'));
  if (caption) return toText(caption).trim().replace(/\s+/g, ' ');
  let firstRow: Element | undefined;
  visit(table, 'element', (node) => {
    if (firstRow) return SKIP;
    if (node.tagName === 'tr') firstRow = node;
    return undefined;
  });
  return (firstRow?.children ?? [])
    .filter((cell): cell is Element => isElement(cell, 'th') || isElement(cell, 'td'))
    .map((cell) => toText(cell).trim().replace(/\s+/g, ' '))
    .filter(Boolean)
    .join(', ');
}

export default function rehypeTableScroll(options: TableScrollOptions = {}) {
  const label = options.label ?? ((caption: string) => `Table: ${caption}`);
  const className = options.className ?? 'table-scroll';
  return (tree: Root) => {
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'table' || !parent || index === undefined) return undefined;
      const caption = tableCaption(node);
      const wrapper: Element = {
        type: 'element',
        tagName: 'section',
        properties: { className: [className], tabIndex: 0, ariaLabel: label(caption || 'table') },
        children: [node],
      };
      parent.children[index] = wrapper;
      return SKIP;
    });
  };
}
