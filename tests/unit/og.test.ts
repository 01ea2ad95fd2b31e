import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it, vi } from 'vitest';
import { loadSiteGraph } from '../../src/graph/site-graph.ts';
import { cachedCardPng, cacheKey } from '../../src/og/cache.ts';
import { ogCards, type OgCard } from '../../src/og/cards.ts';
import { encodePalettePng } from '../../src/og/png.ts';
import { cardLayout, OG_DESIGN_VERSION, renderCard, type TextLine } from '../../src/og/render.ts';
import { face, shapeText } from '../../src/og/text.ts';
import { ogImageFor, ogImageForPage } from '../../src/og/url.ts';
import { SITE_FIXTURE } from '../helpers/fixtures.ts';
import { decodePng } from '../helpers/png.ts';

const SITE = { siteUrl: 'https://example.org', basePath: '/', contentDir: SITE_FIXTURE };
const SUB = { siteUrl: 'https://example.org', basePath: '/playbook', contentDir: SITE_FIXTURE };

/** Width and height from a PNG's IHDR chunk. */
const size = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

/** Decodes a PNG back to RGBA pixels by drawing it with resvg: a decoder that is not ours. */
function decode(png: Buffer): Uint8Array {
  const { width, height } = size(png);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><image width="${width}" height="${height}" href="data:image/png;base64,${png.toString('base64')}"/></svg>`;
  return new Resvg(svg, { font: { loadSystemFonts: false } }).render().pixels;
}

describe('image URLs', () => {
  it.each([
    ['/notes/alpha-note/', SITE, 'https://example.org/og/notes/alpha-note.png'],
    ['/plays/fixture-play/', SITE, 'https://example.org/og/plays/fixture-play.png'],
    ['/themes/cheng-chi/', SITE, 'https://example.org/og/themes/cheng-chi.png'],
    ['/playbook/notes/alpha-note/', SUB, 'https://example.org/playbook/og/notes/alpha-note.png'],
    ['/notes/draft-note/', SITE, 'https://example.org/og/site/playbook.png'],
    ['/plays/compose/', SITE, 'https://example.org/og/site/playbook.png'],
    ['/themes/cheng-chi/book/', SITE, 'https://example.org/og/site/playbook.png'],
    ['/glossary/', SITE, 'https://example.org/og/site/playbook.png'],
    ['/', SUB, 'https://example.org/playbook/og/site/playbook.png'],
  ])('%s → %s', (pathname, config, expected) => {
    expect(ogImageForPage(pathname, { config })).toBe(expected);
  });

  it('builds absolute URLs from SITE_URL and BASE_PATH', () => {
    expect(ogImageFor('notes', 'x', SUB)).toBe('https://example.org/playbook/og/notes/x.png');
  });
});

describe('cards', () => {
  const cards = ogCards(loadSiteGraph(SITE_FIXTURE));

  it('has one per published note, play and theme, and one for the site', () => {
    const graph = loadSiteGraph(SITE_FIXTURE);
    const published = (['notes', 'plays', 'themes'] as const).flatMap((kind) =>
      graph.byCollection[kind].filter((e) => !e.draft).map((e) => `${kind}/${e.id}`),
    );
    expect(cards.map((c) => `${c.kind}/${c.id}`)).toEqual(['site/playbook', ...published]);
    expect(published).toContain('notes/alpha-note');
    expect(published).not.toContain('notes/draft-note');
  });

  it('says what the entry is and which theme it belongs to', () => {
    expect(cards.find((c) => c.id === 'beta-note')).toMatchObject({
      eyebrow: 'Cheng and chi · Note',
      title: 'Beta note',
      theme: 'cheng-chi',
    });
    expect(cards.find((c) => c.id === 'fixture-play')?.summary).toMatch(/^A play used by the tests/);
    expect(cards.find((c) => c.kind === 'themes' && c.id === 'cheng-chi')).toMatchObject({ eyebrow: 'Theme', theme: 'cheng-chi' });
  });
});

const COLOURS = { bg: '#fdfcfa', fg: '#1d1f24', muted: '#4f5561', line: '#d9d6cf', blue: '#1d4fa8' };
const TEXT_LEFT = 100;
const TEXT_RIGHT = 1120;

const long: OgCard = {
  kind: 'notes',
  id: 'long',
  eyebrow: 'Customer obsession · Note',
  title: 'A deliberately long title that has to wrap onto three lines of the card to test the layout, and then goes on past them',
  summary:
    'A summary of the full 160 characters that a note may have, so that the image is as busy as any real one can be, with words all the way to the last line.',
  theme: 'customer-obsession',
};
const short: OgCard = { ...long, id: 'short', title: 'Short', summary: 'One line of summary.' };

const textOf = (lines: TextLine[]) => lines.map((l) => l.text);

describe('layout', () => {
  it('wraps the title over measured widths: one, two or three lines', () => {
    const lines = (title: string) => cardLayout({ ...long, title }, 'example.org').title.length;
    expect(lines('Cheng/Chi Map')).toBe(1);
    expect(lines('The local running-shoe store versus Zappos')).toBe(2);
    expect(lines('Collective mediocrity: what watching competitors does to a market')).toBe(3);
  });

  it('keeps every line inside the text column', () => {
    const layout = cardLayout(long, 'example.org');
    for (const line of [...layout.eyebrow, ...layout.title, ...layout.summary, ...layout.site, ...layout.host]) {
      expect(line.x, line.text).toBeGreaterThanOrEqual(TEXT_LEFT);
      expect(line.x + line.width, line.text).toBeLessThanOrEqual(TEXT_RIGHT + 1e-9);
    }
  });

  it('clamps a long title to three lines and the summary under it to two, each ending in an ellipsis', () => {
    const layout = cardLayout(long, 'example.org');
    expect(textOf(layout.title)).toHaveLength(3);
    expect(layout.title[2]?.text).toMatch(/\S…$/);
    expect(textOf(layout.summary)).toHaveLength(2);
    expect(layout.summary[1]?.text).toMatch(/\S…$/);
    // Only whole words before the ellipsis, and in order.
    const words = `${layout.title.map((l) => l.text).join(' ')}`.replace('…', '').split(' ');
    expect(long.title.startsWith(words.join(' '))).toBe(true);
  });

  it('gives the summary three lines under a shorter title, and no ellipsis to text that fits', () => {
    const layout = cardLayout({ ...long, title: 'Working backwards' }, 'example.org');
    expect(layout.summary).toHaveLength(3);
    expect(textOf(layout.summary).join(' ')).toBe(long.summary);
    const longer = cardLayout({ ...long, title: 'Working backwards', summary: `${long.summary} ${long.summary}` }, 'example.org');
    expect(longer.summary).toHaveLength(3);
    expect(longer.summary[2]?.text).toMatch(/\S…$/);
    const fits = cardLayout(short, 'example.org');
    expect(textOf(fits.title)).toEqual(['Short']);
    expect(textOf(fits.summary)).toEqual(['One line of summary.']);
  });

  it('stacks the blocks top to bottom with the footer on the bottom padding', () => {
    const layout = cardLayout(long, 'example.org');
    const baselines = [...layout.eyebrow, ...layout.title, ...layout.summary].map((l) => l.baseline);
    expect(baselines).toEqual([...baselines].sort((a, b) => a - b));
    expect(layout.eyebrow[0]?.text).toBe('CUSTOMER OBSESSION · NOTE');
    expect(layout.border.y).toBeGreaterThan(baselines.at(-1) ?? 0);
    expect(layout.site[0]?.baseline).toBe(layout.host[0]?.baseline);
    expect((layout.host[0]?.x ?? 0) + (layout.host[0]?.width ?? 0)).toBeCloseTo(TEXT_RIGHT, 6);
    expect(layout.site[0]?.baseline).toBeLessThan(630 - 56);
  });

  it('breaks a word too long for a line between its letters', () => {
    const layout = cardLayout({ ...long, title: 'Supercalifragilisticexpialidociouslyspeaking' }, 'example.org');
    expect(layout.title.length).toBeGreaterThan(1);
    expect(layout.title.map((l) => l.text).join('')).toBe('Supercalifragilisticexpialidociouslyspeaking');
  });
});

describe('shaping', () => {
  it('shapes word by word exactly as fontkit shapes the whole text (no kerning across spaces)', () => {
    const texts = [
      long.title,
      long.summary,
      'Why “Two-Pizza” Teams? AV, Ty, Wa, fi fl — V. T. Yo',
      ...ogCards(loadSiteGraph(SITE_FIXTURE)).map((c) => `${c.title} ${c.summary}`),
    ];
    for (const weight of [400, 700] as const) {
      const { font } = face(weight);
      for (const text of texts) {
        const run = font.layout(text);
        const scale = 30 / font.unitsPerEm;
        const whole = run.glyphs.map((g, i) => [g.id, (run.positions[i]?.xAdvance ?? 0) * scale]);
        expect(shapeText(text, weight, 30).map((g) => [g.id, g.advance])).toEqual(whole);
      }
    }
  });

  it('adds letter spacing after every glyph and collapses white space', () => {
    const plain = shapeText('AB  C', 700, 28);
    const spaced = shapeText(' AB C\n', 700, 28, 1.5);
    expect(spaced.map((g) => g.text)).toEqual(['A', 'B', ' ', 'C']);
    expect(plain.map((g) => g.text)).toEqual(['A', 'B', ' ', 'C']);
    spaced.forEach((g, i) => expect(g.advance).toBeCloseTo((plain[i]?.advance ?? 0) + 1.5, 9));
    // A no-break space is not a place to break.
    expect(shapeText('10\u00a0km away', 400, 30).map((g) => g.space)).toEqual([
      false,
      false,
      false,
      false,
      false,
      true,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('rendering', () => {
  it('draws a 1200×630 palette PNG of at most 60 kB, byte-identical every time', async () => {
    const first = await renderCard(long, 'example.org');
    const second = await renderCard(long, 'example.org');
    const png = decodePng(first);
    expect([png.width, png.height, png.colourType]).toEqual([1200, 630, 3]);
    expect(first.length).toBeLessThanOrEqual(60 * 1024);
    expect(second.equals(first)).toBe(true);
    expect(OG_DESIGN_VERSION).toBe(4);
  });

  it('gives different bytes for a different title', async () => {
    const a = await renderCard(short, 'example.org');
    const b = await renderCard({ ...short, title: 'Shorts' }, 'example.org');
    expect(b.equals(a)).toBe(false);
  });

  it('does not depend on what the process drew before (a cold glyph atlas gives the same bytes)', async () => {
    for (const card of ogCards(loadSiteGraph(SITE_FIXTURE))) await renderCard(card, 'example.org');
    const warm = await renderCard(long, 'example.org');
    vi.resetModules();
    const fresh = await import('../../src/og/render.ts');
    expect((await fresh.renderCard(long, 'example.org')).equals(warm)).toBe(true);
  });

  it('paints the accent bar in the theme colour, or in the text colour without a theme', async () => {
    const themed = decodePng(await renderCard(long, 'example.org'));
    expect([themed.colour(0, 0), themed.colour(14, 315), themed.colour(27, 629), themed.colour(28, 315)]).toEqual([
      COLOURS.blue,
      COLOURS.blue,
      COLOURS.blue,
      COLOURS.bg,
    ]);
    const plain = decodePng(await renderCard({ ...long, theme: null }, 'example.org'));
    expect(plain.colour(14, 315)).toBe(COLOURS.fg);
  });

  it('draws the title in dark antialiased text, and leaves the background right of a short title', async () => {
    const png = decodePng(await renderCard(short, 'example.org'));
    const [title] = cardLayout(short, 'example.org').title;
    if (!title) throw new Error('no title line');
    const colours = new Map<string, number>();
    for (let y = title.baseline - 50; y < title.baseline + 4; y++) {
      for (let x = TEXT_LEFT - 2; x < title.x + title.width + 2; x++)
        colours.set(png.colour(x, y), (colours.get(png.colour(x, y)) ?? 0) + 1);
    }
    // Solid strokes in the text colour, a background around them, and edge pixels in between.
    expect(colours.get(COLOURS.fg) ?? 0).toBeGreaterThan(1000);
    expect(colours.get(COLOURS.bg) ?? 0).toBeGreaterThan(1000);
    expect(colours.size).toBeGreaterThan(8);
    for (let y = title.baseline - 60; y < title.baseline + 20; y++) {
      for (let x = Math.ceil(title.x + title.width) + 8; x < 1200; x += 1) expect(png.colour(x, y), `${x},${y}`).toBe(COLOURS.bg);
    }
  });

  it('draws the eyebrow in the accent colour, the footer rule and the host at the right edge', async () => {
    const png = decodePng(await renderCard(short, 'example.org'));
    const layout = cardLayout(short, 'example.org');
    const eyebrow = layout.eyebrow[0];
    if (!eyebrow) throw new Error('no eyebrow');
    const row = (y: number, x0: number, x1: number) => Array.from({ length: x1 - x0 }, (_, i) => png.colour(x0 + i, y));
    const band = (line: TextLine) =>
      Array.from({ length: 24 }, (_, i) => row(line.baseline - 20 + i, Math.floor(line.x), Math.ceil(line.x + line.width))).flat();
    expect(band(eyebrow)).toContain(COLOURS.blue);
    expect(band(eyebrow)).not.toContain(COLOURS.fg);
    expect(new Set(row(layout.border.y, TEXT_LEFT, TEXT_RIGHT))).toEqual(new Set([COLOURS.line]));
    expect(png.colour(TEXT_LEFT - 1, layout.border.y)).toBe(COLOURS.bg);
    const host = layout.host[0];
    if (!host) throw new Error('no host');
    expect(band(host)).toContain(COLOURS.muted);
    // The host's last letter reaches the column's right edge, and nothing is drawn past it.
    const inked = (x: number) => Array.from({ length: 24 }, (_, i) => png.colour(x, host.baseline - 20 + i)).some((c) => c !== COLOURS.bg);
    expect([TEXT_RIGHT - 6, TEXT_RIGHT - 5, TEXT_RIGHT - 4, TEXT_RIGHT - 3].some(inked)).toBe(true);
    expect(Array.from({ length: 1200 - TEXT_RIGHT - 1 }, (_, i) => TEXT_RIGHT + 1 + i).some(inked)).toBe(false);
  });

  it('decodes the same with a decoder that is not ours', async () => {
    const file = await renderCard(long, 'example.org');
    const ours = decodePng(file);
    const theirs = decode(file);
    for (const [x, y] of [
      [0, 0],
      [14, 300],
      [120, 150],
      [300, 170],
      [700, 560],
      [1100, 560],
      [1199, 629],
    ] as const) {
      const i = (y * 1200 + x) * 4;
      expect(`#${Buffer.from(theirs.subarray(i, i + 3)).toString('hex')}`, `${x},${y}`).toBe(ours.colour(x, y));
    }
    expect(Buffer.from(theirs).equals(Buffer.from(decode(file)))).toBe(true);
  });

  it('keeps every busy card under 60 kB', async () => {
    const busy: OgCard[] = [
      long,
      { ...long, theme: null, kind: 'site' },
      { ...long, theme: 'cheng-chi', title: 'WWWWWWWWW MMMMMMMMM WWWWWWWWW MMMMMMMM' },
      { ...long, theme: 'sears-to-amazon', title: 'mmmm '.repeat(30), summary: 'Wmgq '.repeat(40), eyebrow: 'W'.repeat(80) },
    ];
    for (const card of busy)
      expect((await renderCard(card, 'a-rather-long-host-name.example.org')).length, card.title).toBeLessThanOrEqual(60 * 1024);
  });

  it('changes the cache key with anything that changes the picture', () => {
    expect(cacheKey(long, 'example.org')).toBe(cacheKey({ ...long }, 'example.org'));
    expect(cacheKey(long, 'example.org')).not.toBe(cacheKey({ ...long, title: 'Other' }, 'example.org'));
    expect(cacheKey(long, 'example.org')).not.toBe(cacheKey(long, 'example.com'));
  });

  it('draws once and then reads the cache, marking the image as used so pruning keeps it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'og-cache-'));
    let draws = 0;
    const render = async (c: OgCard, host: string) => {
      draws++;
      return renderCard(c, host);
    };
    const first = await cachedCardPng(long, 'example.org', { dir, render });
    const file = path.join(dir, `${cacheKey(long, 'example.org')}.png`);
    const longAgo = new Date(Date.now() - 400 * 24 * 60 * 60 * 1000);
    fs.utimesSync(file, longAgo, longAgo);
    const second = await cachedCardPng(long, 'example.org', { dir, render });
    expect([first.cached, second.cached, draws]).toEqual([false, true, 1]);
    expect(fs.statSync(file).mtimeMs).toBeGreaterThan(Date.now() - 60_000);
    expect(second.png.equals(first.png)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual([`${cacheKey(long, 'example.org')}.png`]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('PNG encoding', () => {
  it('keeps palette indices and colours exactly, over rows alike and unlike', () => {
    const width = 7;
    const height = 5;
    const indices = Uint8Array.from({ length: width * height }, (_, i) => (i < 14 ? 0 : (i * 37) % 3));
    const palette = [253, 252, 250, 29, 31, 36, 0, 128, 255];
    const png = decodePng(encodePalettePng(width, height, indices, palette));
    expect([png.width, png.height, png.colourType]).toEqual([width, height, 3]);
    expect([...png.indices]).toEqual([...indices]);
    expect([...png.palette]).toEqual(palette);
    expect(() => encodePalettePng(2, 2, new Uint8Array(3), palette)).toThrow(RangeError);
  });
});
