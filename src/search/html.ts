/**
 * Prepares a built page for Pagefind. The page marks its main content with
 * `data-pagefind-body` (and its weights); the record's filters and metadata
 * come from the content model, so they are added here, outside the body,
 * where Pagefind reads them without indexing them as text. Pages then carry
 * no search bookkeeping, and every kind of entry is tagged the same way.
 */
import { recordFilters, recordMeta } from './records.ts';
import type { SearchRecord } from './types.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;' };

/** Escapes text for a double-quoted HTML attribute. */
export const escapeAttribute = (text: string): string => text.replace(/[&"<>]/g, (c) => ESCAPES[c] ?? c);

/** Why a built page cannot be indexed, or null if it can. */
export function pageProblem(html: string): string | null {
  if (!/<body[\s>]/.test(html) || !html.includes('</body>')) return 'it is not a complete HTML page';
  if (!/\sdata-pagefind-body[\s=>]/.test(html)) return 'it marks no main content with data-pagefind-body';
  return null;
}

/**
 * The hidden elements that give a page its filters and metadata. Inline
 * values (`key:value`) run to the end of the attribute, commas included, so
 * each value gets an element of its own.
 */
export function searchTags(record: SearchRecord): string {
  const filters = Object.entries(recordFilters(record)).flatMap(([key, values]) =>
    values.map((value) => `<span data-pagefind-filter="${escapeAttribute(`${key}:${value}`)}"></span>`),
  );
  const meta = Object.entries(recordMeta(record)).map(
    ([key, value]) => `<span data-pagefind-meta="${escapeAttribute(`${key}:${value}`)}"></span>`,
  );
  return `<div hidden>${[...filters, ...meta].join('')}</div>`;
}

/** The page with its search tags added just before `</body>`. */
export function tagPage(html: string, record: SearchRecord): string {
  const end = html.lastIndexOf('</body>');
  if (end < 0) return html;
  return `${html.slice(0, end)}${searchTags(record)}${html.slice(end)}`;
}
