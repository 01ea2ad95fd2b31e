/**
 * Draws a card as a 1200×630 palette PNG. The design is plain CSS boxes and
 * text, laid out here by hand: fontkit shapes the text (./text.ts), lines
 * break over the measured widths (./wrap.ts), and each glyph's coverage comes
 * from a per-process atlas drawn by resvg (./glyphs.ts) and is copied onto the
 * card in palette colours (./canvas.ts, ./blend.ts). No card draws an SVG of
 * its own: a card takes a few milliseconds, where laying it out with satori
 * and drawing it with resvg took 40–70. Everything is deterministic, so the
 * same card gives the same bytes; the cache (./cache.ts) keys on everything
 * that shapes the picture.
 */
import { ui } from '../lib/ui.ts';
import type { ThemeId } from '../schema/index.ts';
import { createCanvas, drawGlyph, fillRect, ink, solid, type Canvas, type Ink } from './canvas.ts';
import type { OgCard } from './cards.ts';
import { glyphBitmap, SUBPIXELS } from './glyphs.ts';
import { encodePalettePng } from './png.ts';
import { advanceOf, face, shapeText, type ShapedGlyph, type Weight } from './text.ts';
import { OG_SIZE } from './url.ts';
import { wrapLines } from './wrap.ts';

/** Bump when the design, the drawing or the PNG encoding (./png.ts) changes, so cached images are drawn again. */
export const OG_DESIGN_VERSION = 4;

/** The site's light palette (src/styles/global.css); the images have no dark mode. */
const COLOURS = {
  bg: '#fdfcfa',
  fg: '#1d1f24',
  muted: '#4f5561',
  soft: '#f2efe8',
  line: '#d9d6cf',
  theme: { 'customer-obsession': '#1d4fa8', 'cheng-chi': '#8a3a12', 'sears-to-amazon': '#2c6b38' } satisfies Record<ThemeId, string>,
} as const;

/** Long titles get a smaller size, so up to three lines always fit. */
export const titleSize = (title: string): number => (title.length > 70 ? 54 : title.length > 40 ? 62 : 72);

/** The accent bar down the left edge, then the content box's padding. */
const BAR = 28;
const PAD = { top: 64, right: 80, bottom: 56, left: 72 } as const;
const LEFT = BAR + PAD.left;
/** Width of the text column, in pixels. */
const TEXT_WIDTH = OG_SIZE.width - LEFT - PAD.right;
/** Space under the eyebrow and under the title. */
const GAP = { eyebrow: 24, title: 28 } as const;
/** The footer: top border, space under it, text size, and at least this much room between site title and host. */
const FOOTER = { border: 2, paddingTop: 24, size: 26, between: 32 } as const;

interface TextStyle {
  weight: Weight;
  size: number;
  /** A multiple of the size; without it, CSS `normal`: the font's ascent plus descent. */
  lineHeight?: number;
  letterSpacing?: number;
}

const STYLE = {
  eyebrow: { weight: 700, size: 28, letterSpacing: 1.5 },
  title: (title: string): TextStyle => ({ weight: 700, size: titleSize(title), lineHeight: 1.12 }),
  summary: { weight: 400, size: 30, lineHeight: 1.4 },
  site: { weight: 700, size: FOOTER.size },
  host: { weight: 400, size: FOOTER.size },
} satisfies Record<string, TextStyle | ((title: string) => TextStyle)>;

/** A line of text ready to draw: its glyphs from the pen position `x` on `baseline` (whole pixels). */
export interface TextLine {
  text: string;
  glyphs: ShapedGlyph[];
  x: number;
  baseline: number;
  width: number;
  weight: Weight;
  size: number;
  colour: string;
}

interface Block {
  lines: TextLine[];
  /** Height of the block's line boxes, as CSS stacks them. */
  height: number;
}

interface SetOptions {
  x: number;
  top: number;
  maxWidth: number;
  maxLines: number;
  colour: string;
}

/** Sets text in lines of at most `maxWidth`, the first line box's top at `top`. */
function setText(text: string, style: TextStyle, { x, top, maxWidth, maxLines, colour }: SetOptions): Block {
  const { weight, size, letterSpacing = 0 } = style;
  const glyphs = shapeText(text, weight, size, letterSpacing);
  const ellipsis = shapeText('…', weight, size, letterSpacing);
  const { ascent, descent } = face(weight);
  const lineHeight = (style.lineHeight ?? ascent + descent) * size;
  // CSS centres the font's ascent + descent in the line box: half the leading above, half below.
  const baseline = (lineHeight - (ascent + descent) * size) / 2 + ascent * size;
  const lines = wrapLines(glyphs, { maxWidth, maxLines, ellipsisWidth: advanceOf(ellipsis) }).map((line, i): TextLine => {
    const drawn = [...glyphs.slice(line.start, line.end), ...(line.ellipsis ? ellipsis : [])];
    return {
      text: drawn.map((g) => g.text).join(''),
      glyphs: drawn,
      x,
      baseline: Math.round(top + i * lineHeight + baseline),
      width: advanceOf(drawn),
      weight,
      size,
      colour,
    };
  });
  return { lines, height: lines.length * lineHeight };
}

export interface CardLayout {
  /** Colour of the bar and the eyebrow. */
  accent: string;
  /** The footer's top border. */
  border: { x: number; y: number; width: number; height: number };
  eyebrow: TextLine[];
  title: TextLine[];
  summary: TextLine[];
  site: TextLine[];
  host: TextLine[];
}

/**
 * Where everything goes: the CSS design the cards had under satori, laid out
 * by hand. A column of eyebrow, title and summary from the top, the footer on
 * the bottom padding. (satori let the 28 px bar shrink to make room for long
 * text, to 13–24 px; here it keeps its width.) Pure but for the font caches.
 */
export function cardLayout(card: OgCard, host: string): CardLayout {
  const accent = card.theme ? COLOURS.theme[card.theme] : COLOURS.fg;
  const column = { x: LEFT, maxWidth: TEXT_WIDTH };
  let top = PAD.top;
  // One line of eyebrow (they are short; a long one is cut rather than pushing the rest down).
  const eyebrow = setText(card.eyebrow.toUpperCase(), STYLE.eyebrow, { ...column, top, maxLines: 1, colour: accent });
  top += eyebrow.height + GAP.eyebrow;
  const title = setText(card.title, STYLE.title(card.title), { ...column, top, maxLines: 3, colour: COLOURS.fg });
  top += title.height + GAP.title;
  // Three lines of summary under a title of one or two lines, two under a longer one: the footer always has room.
  const summary = setText(card.summary, STYLE.summary, { ...column, top, maxLines: title.lines.length > 2 ? 2 : 3, colour: COLOURS.muted });

  // The footer stands on the bottom padding: the border, 24 px, then a line of 26 px text, site title left and host right.
  // (Both faces have the same ascent and descent, so one line box fits both.)
  const { ascent, descent } = face(700);
  const footerLine = (ascent + descent) * FOOTER.size;
  const footerTop = OG_SIZE.height - PAD.bottom - footerLine;
  const site = setText(ui.siteTitle, STYLE.site, { ...column, top: footerTop, maxLines: 1, colour: COLOURS.fg });
  const siteWidth = site.lines[0]?.width ?? 0;
  const hostLines = setText(host, STYLE.host, {
    ...column,
    top: footerTop,
    maxWidth: Math.max(0, TEXT_WIDTH - siteWidth - FOOTER.between),
    maxLines: 1,
    colour: COLOURS.muted,
  }).lines.map((line) => ({
    ...line,
    x: LEFT + TEXT_WIDTH - line.width,
  }));
  const borderTop = Math.round(footerTop - FOOTER.paddingTop - FOOTER.border);
  return {
    accent,
    border: { x: LEFT, y: borderTop, width: TEXT_WIDTH, height: FOOTER.border },
    eyebrow: eyebrow.lines,
    title: title.lines,
    summary: summary.lines,
    site: site.lines,
    host: hostLines,
  };
}

/** Copies a line's glyphs from the atlas, each at its pen position rounded to the atlas's sub-pixel steps. */
function drawLine(canvas: Canvas, line: TextLine, colour: Ink): void {
  const f = face(line.weight);
  let pen = line.x;
  for (const g of line.glyphs) {
    if (!g.space) {
      const at = pen + g.dx;
      let x = Math.floor(at);
      let phase = Math.round((at - x) * SUBPIXELS);
      if (phase === SUBPIXELS) {
        x++;
        phase = 0;
      }
      drawGlyph(canvas, glyphBitmap(f, g.id, line.size, phase), x, line.baseline + Math.round(g.dy), colour);
    }
    pen += g.advance;
  }
}

/** Composes a card in palette indices. */
export function paintCard(card: OgCard, host: string): Canvas {
  const layout = cardLayout(card, host);
  const canvas = createCanvas(OG_SIZE.width, OG_SIZE.height, COLOURS.bg);
  fillRect(canvas, 0, 0, BAR, OG_SIZE.height, solid(canvas, layout.accent));
  const { border } = layout;
  fillRect(canvas, border.x, border.y, border.width, border.height, solid(canvas, COLOURS.line));
  // One set of palette entries per text colour, in the order the text is drawn (a fixed order: fixed bytes).
  const inks = new Map<string, Ink>();
  for (const line of [...layout.eyebrow, ...layout.title, ...layout.summary, ...layout.site, ...layout.host]) {
    let colour = inks.get(line.colour);
    if (!colour) {
      colour = ink(canvas, line.colour);
      inks.set(line.colour, colour);
    }
    drawLine(canvas, line, colour);
  }
  return canvas;
}

/** Draws one card as a PNG (synchronously; the API is async for callers that render in other ways). */
export function drawCard(card: OgCard, host: string): Buffer {
  const canvas = paintCard(card, host);
  return encodePalettePng(canvas.width, canvas.height, canvas.pixels, canvas.palette);
}

/** Draws one card; a failure to draw rejects the promise. */
export function renderCard(card: OgCard, host: string): Promise<Buffer> {
  return new Promise((resolve) => resolve(drawCard(card, host)));
}
