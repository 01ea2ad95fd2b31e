/**
 * Line breaking over measured glyph advances, as CSS does it for the card's
 * text: greedy, breaking only at spaces, a word too long for a line of its own
 * broken between glyphs, and at most `maxLines` lines, the last one ending in
 * an ellipsis when text was cut (`line-clamp`). Pure: it sees advances, not
 * fonts, so it is tested with made-up widths.
 */

/** What wrapping needs to know of a glyph. */
export interface Measured {
  advance: number;
  /** A space: lines may break here, and it is dropped at either end of a line. */
  space: boolean;
}

/** Glyphs [start, end) of the text, without spaces at either end, and whether an ellipsis follows them. */
export interface Line {
  start: number;
  end: number;
  ellipsis: boolean;
}

export interface WrapOptions {
  maxWidth: number;
  maxLines?: number;
  /** Width of the ellipsis that ends a clamped last line. */
  ellipsisWidth?: number;
}

/** Width of glyphs [start, end). */
export function widthOf(glyphs: readonly Measured[], start: number, end: number): number {
  let width = 0;
  for (let i = start; i < end; i++) width += glyphs[i]?.advance ?? 0;
  return width;
}

const skipSpaces = (glyphs: readonly Measured[], i: number): number => {
  while (i < glyphs.length && glyphs[i]?.space) i++;
  return i;
};

/**
 * Where the line starting at `start` (not a space) ends: after the last whole
 * word that fits in `room`. If not even the first word fits, the line breaks
 * inside it, after as many glyphs as fit; at least one unless `allowEmpty`
 * (a clamped line still has its ellipsis), so wrapping always moves on.
 */
function lineEnd(glyphs: readonly Measured[], start: number, room: number, allowEmpty: boolean): number {
  let end = start;
  let width = 0;
  let i = start;
  while (i < glyphs.length) {
    // The word [i, j) and the spaces before it, since `end`.
    let j = i;
    while (j < glyphs.length && !glyphs[j]?.space) j++;
    const candidate = width + widthOf(glyphs, end, j);
    if (candidate > room) break;
    width = candidate;
    end = j;
    i = skipSpaces(glyphs, j);
  }
  if (end > start) return end;
  // A word wider than the line: as many of its glyphs as fit.
  while (end < glyphs.length && !glyphs[end]?.space && width + (glyphs[end]?.advance ?? 0) <= room) width += glyphs[end++]?.advance ?? 0;
  return end === start && !allowEmpty ? start + 1 : end;
}

/** Breaks measured text into lines. */
export function wrapLines(
  glyphs: readonly Measured[],
  { maxWidth, maxLines = Number.POSITIVE_INFINITY, ellipsisWidth = 0 }: WrapOptions,
): Line[] {
  const lines: Line[] = [];
  let start = skipSpaces(glyphs, 0);
  while (start < glyphs.length && lines.length < maxLines) {
    const end = lineEnd(glyphs, start, maxWidth, false);
    const next = skipSpaces(glyphs, end);
    if (lines.length === maxLines - 1 && next < glyphs.length) {
      // The last line allowed, and text left over: make room for the ellipsis.
      lines.push({ start, end: lineEnd(glyphs, start, maxWidth - ellipsisWidth, true), ellipsis: true });
      break;
    }
    lines.push({ start, end, ellipsis: false });
    start = next;
  }
  return lines;
}
