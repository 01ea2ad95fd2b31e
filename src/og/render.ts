/**
 * Renders a card to a 1200×630 PNG: satori lays the card out and turns its text
 * into paths (with the bundled Noto Sans, never a system font), resvg draws the
 * SVG. Both are deterministic, so the same card gives the same bytes; the cache
 * keys on everything that shapes the picture.
 */
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import { ui } from '../lib/ui.ts';
import type { ThemeId } from '../schema/index.ts';
import type { OgCard } from './cards.ts';
import { ogFonts } from './fonts.ts';
import { encodeIndexedPng } from './png.ts';
import { OG_SIZE } from './url.ts';

/** Bump when the design or the PNG encoding (./png.ts) changes, so cached images are drawn again. */
export const OG_DESIGN_VERSION = 3;

/** The site's light palette (src/styles/global.css); the images have no dark mode. */
const COLOURS = {
  bg: '#fdfcfa',
  fg: '#1d1f24',
  muted: '#4f5561',
  soft: '#f2efe8',
  line: '#d9d6cf',
  theme: { 'customer-obsession': '#1d4fa8', 'cheng-chi': '#8a3a12', 'sears-to-amazon': '#2c6b38' } satisfies Record<ThemeId, string>,
} as const;

interface Node {
  type: string;
  props: { style?: Record<string, string | number>; children?: (Node | string)[] | string };
}
const el = (type: string, style: Record<string, string | number>, children?: Node['props']['children']): Node => ({ type, props: { style, ...(children !== undefined && { children }) } });

/** Long titles get a smaller size, so up to three lines always fit. */
export const titleSize = (title: string): number => (title.length > 70 ? 54 : title.length > 40 ? 62 : 72);

/** Width of the text column, in pixels. */
const TEXT_WIDTH = OG_SIZE.width - 28 - 72 - 80;

/**
 * How many lines `text` takes at `fontSize`, wrapped greedily at spaces with an
 * average glyph width (bold Noto Sans is about 0.58 em). An estimate, used only
 * to give the summary the lines the title leaves free.
 */
export function estimateLines(text: string, fontSize: number, width = TEXT_WIDTH, em = 0.58): number {
  const perLine = Math.max(1, Math.floor(width / (fontSize * em)));
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const need = used === 0 ? word.length : used + 1 + word.length;
    if (need <= perLine) used = need;
    else {
      lines++;
      used = word.length;
    }
  }
  return lines;
}

/** The card as satori's element tree. Pure. */
export function cardTree(card: OgCard, host: string): Node {
  const accent = card.theme ? COLOURS.theme[card.theme] : COLOURS.fg;
  return el('div', { width: OG_SIZE.width, height: OG_SIZE.height, display: 'flex', backgroundColor: COLOURS.bg, fontFamily: 'Noto Sans' }, [
    el('div', { width: 28, height: '100%', backgroundColor: accent }),
    el('div', { display: 'flex', flexDirection: 'column', flexGrow: 1, padding: '64px 80px 56px 72px' }, [
      el('div', { fontSize: 28, fontWeight: 700, color: accent, letterSpacing: 1.5, textTransform: 'uppercase' }, card.eyebrow),
      el('div', { marginTop: 24, fontSize: titleSize(card.title), fontWeight: 700, lineHeight: 1.12, color: COLOURS.fg, lineClamp: 3 }, card.title),
      // Three lines of summary under a title of one or two lines, two under a longer one: the footer always has room.
      el('div', { marginTop: 28, fontSize: 30, lineHeight: 1.4, color: COLOURS.muted, lineClamp: estimateLines(card.title, titleSize(card.title)) > 2 ? 2 : 3 }, card.summary),
      el('div', { flexGrow: 1 }),
      el('div', { display: 'flex', justifyContent: 'space-between', alignItems: 'center', borderTop: `2px solid ${COLOURS.line}`, paddingTop: 24, fontSize: 26 }, [
        el('div', { fontWeight: 700, color: COLOURS.fg }, ui.siteTitle),
        el('div', { color: COLOURS.muted }, host),
      ]),
    ]),
  ]);
}

/** Draws one card. */
export async function renderCard(card: OgCard, host: string): Promise<Buffer> {
  const { fonts } = ogFonts();
  const svg = await satori(cardTree(card, host) as never, { ...OG_SIZE, fonts });
  const image = new Resvg(svg, { font: { loadSystemFonts: false }, fitTo: { mode: 'original' } }).render();
  // A palette PNG when the card allows it (it always has so far), else resvg's own RGBA PNG.
  return encodeIndexedPng(image.width, image.height, image.pixels) ?? Buffer.from(image.asPng());
}
