import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { loadSiteGraph } from '../../src/graph/site-graph.ts';
import { cachedCardPng, cacheKey } from '../../src/og/cache.ts';
import { ogCards, type OgCard } from '../../src/og/cards.ts';
import { encodeIndexedPng } from '../../src/og/png.ts';
import { estimateLines, renderCard, titleSize } from '../../src/og/render.ts';
import { ogImageFor, ogImageForPage } from '../../src/og/url.ts';
import { SITE_FIXTURE } from '../helpers/fixtures.ts';

const SITE = { siteUrl: 'https://example.org', basePath: '/', contentDir: SITE_FIXTURE };
const SUB = { siteUrl: 'https://example.org', basePath: '/playbook', contentDir: SITE_FIXTURE };

/** Width and height from a PNG's IHDR chunk. */
const size = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

/** Decodes a PNG back to RGBA pixels by drawing it with resvg. */
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
    const published = (['notes', 'plays', 'themes'] as const).flatMap((kind) => graph.byCollection[kind].filter((e) => !e.draft).map((e) => `${kind}/${e.id}`));
    expect(cards.map((c) => `${c.kind}/${c.id}`)).toEqual(['site/playbook', ...published]);
    expect(published).toContain('notes/alpha-note');
    expect(published).not.toContain('notes/draft-note');
  });

  it('says what the entry is and which theme it belongs to', () => {
    expect(cards.find((c) => c.id === 'beta-note')).toMatchObject({ eyebrow: 'Cheng and chi · Note', title: 'Beta note', theme: 'cheng-chi' });
    expect(cards.find((c) => c.id === 'fixture-play')?.summary).toMatch(/^A play used by the tests/);
    expect(cards.find((c) => c.kind === 'themes' && c.id === 'cheng-chi')).toMatchObject({ eyebrow: 'Theme', theme: 'cheng-chi' });
  });
});

describe('rendering', () => {
  const card: OgCard = {
    kind: 'notes',
    id: 'long',
    eyebrow: 'Customer obsession · Note',
    title: 'A deliberately long title that has to wrap onto three lines of the card to test the layout',
    summary: 'A summary of the full 160 characters that a note may have, so that the image is as busy as any real one can be, with words all the way to the last line.',
    theme: 'customer-obsession',
  };

  it('draws a 1200×630 PNG of at most 60 kB, byte-identical every time', async () => {
    const first = await renderCard(card, 'example.org');
    const second = await renderCard(card, 'example.org');
    expect(size(first)).toEqual({ width: 1200, height: 630 });
    expect(first.length).toBeLessThanOrEqual(60 * 1024);
    expect(second.equals(first)).toBe(true);
  });

  it('estimates the title’s lines, to leave the summary the rest', () => {
    const lines = (title: string) => estimateLines(title, titleSize(title));
    expect(lines('Cheng/Chi Map')).toBe(1);
    expect(lines('The local running-shoe store versus Zappos')).toBe(2);
    expect(lines('Collective mediocrity: what watching competitors does to a market')).toBe(3);
  });

  it('changes the cache key with anything that changes the picture', () => {
    expect(cacheKey(card, 'example.org')).toBe(cacheKey({ ...card }, 'example.org'));
    expect(cacheKey(card, 'example.org')).not.toBe(cacheKey({ ...card, title: 'Other' }, 'example.org'));
    expect(cacheKey(card, 'example.org')).not.toBe(cacheKey(card, 'example.com'));
  });

  it('draws once and then reads the cache', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'og-cache-'));
    let draws = 0;
    const render = async (c: OgCard, host: string) => {
      draws++;
      return renderCard(c, host);
    };
    const first = await cachedCardPng(card, 'example.org', { dir, render });
    const second = await cachedCardPng(card, 'example.org', { dir, render });
    expect([first.cached, second.cached, draws]).toEqual([false, true, 1]);
    expect(second.png.equals(first.png)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual([`${cacheKey(card, 'example.org')}.png`]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

/** What resvg draws for a card, before encoding. */
async function drawnPixels(card: OgCard): Promise<Uint8Array> {
  const { default: satori } = await import('satori');
  const { cardTree } = await import('../../src/og/render.ts');
  const { ogFonts } = await import('../../src/og/fonts.ts');
  const svg = await satori(cardTree(card, 'example.org') as never, { width: 1200, height: 630, fonts: ogFonts().fonts });
  return new Resvg(svg, { font: { loadSystemFonts: false } }).render().pixels;
}

describe('encodeIndexedPng', () => {
  it('is lossless, transparency included', () => {
    const pixels = new Uint8Array([255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 128, 255, 0, 0, 255, 10, 20, 30, 0, 0, 255, 0, 255]);
    const png = encodeIndexedPng(3, 2, pixels);
    expect(png).not.toBeNull();
    // resvg premultiplies alpha when it draws: compare the opaque pixels exactly and the others by alpha.
    const back = decode(png as Buffer);
    expect([...back.slice(0, 8), ...back.slice(12, 16), ...back.slice(20, 24)]).toEqual([...pixels.slice(0, 8), ...pixels.slice(12, 16), ...pixels.slice(20, 24)]);
    expect([back[11], back[19]]).toEqual([128, 0]);
  });

  it('keeps a drawn card exactly as resvg drew it', async () => {
    const card = ogCards(loadSiteGraph(SITE_FIXTURE))[1] as OgCard;
    const png = await renderCard(card, 'example.org');
    expect(png.readUInt8(25)).toBe(3); // colour type 3: indexed
    expect(decode(png)).toEqual(await drawnPixels(card));
  });

  it('reads pixels from a view that is not 4-byte aligned', () => {
    const pixels = new Uint8Array([9, 9, 9, 255, 1, 2, 3, 255, 9, 9, 9, 255, 1, 2, 3, 255]);
    const shifted = new Uint8Array(pixels.length + 1);
    shifted.set(pixels, 1);
    expect(encodeIndexedPng(2, 2, shifted.subarray(1))?.equals(encodeIndexedPng(2, 2, pixels) as Buffer)).toBe(true);
  });

  it('gives up on more than 256 colours', () => {
    const pixels = new Uint8Array(300 * 4);
    for (let i = 0; i < 300; i++) pixels.set([i & 0xff, i >> 8, 0, 255], i * 4);
    expect(encodeIndexedPng(300, 1, pixels)).toBeNull();
  });
});
