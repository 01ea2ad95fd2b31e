import type { Nodes } from 'hast';

/** The text content of a HAST node (what a screen reader would read). */
export function toText(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return node.children.map((child) => toText(child as Nodes)).join('');
  return '';
}
