/** Table-of-contents logic: which headings to list, and whether a note is long enough to need one. */
export interface TocItem {
  depth: number;
  slug: string;
  text: string;
}

/** Notes with fewer sections than this read fine without a table of contents. */
export const TOC_MIN_ITEMS = 3;

export function tableOfContents(headings: readonly TocItem[], { minDepth = 2, maxDepth = 3 } = {}): TocItem[] {
  const items = headings.filter((h) => h.depth >= minDepth && h.depth <= maxDepth && h.slug !== 'footnote-label');
  return items.length >= TOC_MIN_ITEMS ? items : [];
}
