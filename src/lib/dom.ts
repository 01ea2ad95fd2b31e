/**
 * Tiny DOM helpers shared by the site's two islands (the session composer and
 * search). They build nodes with textContent only, so no string from content
 * or the URL is ever parsed as HTML.
 */

/** Fills `{key}` placeholders in a UI string. */
export const fill = (template: string, values: Record<string, string>): string =>
  template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');

/** An element with optional text (as textContent) and class. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}
