/**
 * The theme book's and `npm run pdf`'s pure parts, without a build: chapter
 * order, per-chapter ids, theme ids and PDF dates. (Unit tests; they sit with
 * the extras integration tests they support.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/args.ts';
import { bookDate, builtThemes, loadChromium, PdfSetupError, pinPdfDates, pinPdfDestinations, resolveTheme } from '../../src/cli/pdf.ts';
import { bookOrder } from '../../src/notes/book-order.ts';
import { scopeIds } from '../../src/components/book/scope-ids.ts';

describe('scopeIds', () => {
  const chapter = (prefix: string, body: string) =>
    `<template data-scope="${prefix}" data-astro-cid-x></template>${body}<template data-scope-end data-astro-cid-x></template>`;

  it('prefixes the ids of each chapter and the in-page links and references to them', () => {
    const body =
      '<h2 id="the-idea">The idea<a class="heading-anchor" href="#the-idea"></a></h2><a href="#the-idea">up</a><a aria-describedby="tip other" href="/notes/x/#the-idea">x</a><span id="tip">t</span>';
    const html = `<h1 id="top">Book</h1><a href="#top">top</a>${chapter('n-one', body)}${chapter('n-two', body)}`;
    expect(scopeIds(html)).toBe(
      '<h1 id="top">Book</h1><a href="#top">top</a>' +
        '<h2 id="n-one--the-idea">The idea<a class="heading-anchor" href="#n-one--the-idea"></a></h2><a href="#n-one--the-idea">up</a><a aria-describedby="n-one--tip other" href="/notes/x/#the-idea">x</a><span id="n-one--tip">t</span>' +
        '<h2 id="n-two--the-idea">The idea<a class="heading-anchor" href="#n-two--the-idea"></a></h2><a href="#n-two--the-idea">up</a><a aria-describedby="n-two--tip other" href="/notes/x/#the-idea">x</a><span id="n-two--tip">t</span>',
    );
  });

  it('names each chapter’s asides after the chapter, so no two landmarks share a name', () => {
    const aside = '<aside class="aside aside-tip" aria-label="Try it"><p class="aside-title">Try it</p></aside>';
    const titled = (prefix: string, title: string, body: string) =>
      `<template data-scope="${prefix}" data-scope-title="${title}" data-astro-cid-x></template>${body}<template data-scope-end data-astro-cid-x></template>`;
    const html = titled('n-one', 'One &amp; only', aside + aside) + titled('n-two', 'Two', aside);
    expect([...scopeIds(html).matchAll(/aria-label="([^"]*)"/g)].map((m) => m[1])).toEqual([
      'Try it: One &amp; only',
      'Try it: One &amp; only (2)',
      'Try it: Two',
    ]);
  });

  it('leaves a page without chapters as it is', () => {
    const html = '<p id="a"><a href="#a">a</a></p>';
    expect(scopeIds(html)).toBe(html);
  });
});

describe('bookOrder', () => {
  const notes = [
    { id: 'c', title: 'Charlie' },
    { id: 'a', title: 'alpha' },
    { id: 'b', title: 'Bravo' },
    { id: 'd', title: 'Delta' },
  ];

  it('follows the reading paths first, then the rest by title', () => {
    expect(
      bookOrder(notes, [{ steps: [{ note: 'd' }, { note: 'b' }, { note: 'missing' }] }, { steps: [{ note: 'b' }] }]).map((n) => n.id),
    ).toEqual(['d', 'b', 'a', 'c']);
    expect(bookOrder(notes, []).map((n) => n.id)).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('npm run pdf, parts', () => {
  it('suggests the nearest theme id for a typo, and lists the themes otherwise', () => {
    const known = ['cheng-chi', 'customer-obsession', 'sears-to-amazon'];
    expect(resolveTheme('cheng-chi', known)).toBe('cheng-chi');
    expect(() => resolveTheme('customer-obsesion', known)).toThrow(
      new UsageError('there is no theme "customer-obsesion". Did you mean `customer-obsession`?'),
    );
    expect(() => resolveTheme('zzz', known)).toThrow(/The themes are: cheng-chi, customer-obsession, sears-to-amazon/);
    expect(() => resolveTheme(undefined, known)).toThrow(/--theme ID/);
  });

  it('finds the books in a built site', () => {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'pdf-dist-'));
    for (const id of ['b-theme', 'a-theme']) {
      fs.mkdirSync(path.join(dist, 'themes', id, 'book'), { recursive: true });
      fs.writeFileSync(
        path.join(dist, 'themes', id, 'book', 'index.html'),
        '<p>Last updated <time datetime="2026-11-20">20 November</time></p>',
      );
    }
    fs.mkdirSync(path.join(dist, 'themes', 'no-book'));
    expect(builtThemes(dist)).toEqual(['a-theme', 'b-theme']);
    expect(builtThemes(path.join(dist, 'nothing'))).toEqual([]);
    expect(bookDate(dist, 'a-theme', {}).toISOString()).toBe('2026-11-20T00:00:00.000Z');
    expect(bookDate(dist, 'a-theme', { SOURCE_DATE_EPOCH: '0' }).toISOString()).toBe('1970-01-01T00:00:00.000Z');
    fs.rmSync(dist, { recursive: true, force: true });
  });

  it('pins the PDF dates without moving a byte', () => {
    const pdf = Buffer.from("<< /CreationDate (D:20261123081530+00'00') /ModDate (D:20261123081531+00'00') >>", 'latin1');
    const pinned = pinPdfDates(pdf, new Date('2026-11-20T00:00:00Z'));
    expect(pinned.toString('latin1')).toBe("<< /CreationDate (D:20261120000000+00'00') /ModDate (D:20261120000000+00'00') >>");
    expect(pinned.length).toBe(pdf.length);
  });

  it('names the link targets by their order, not by DOM node numbers that shift between prints', () => {
    const print = (a: number, b: number, c: number) =>
      Buffer.from(
        `/Dests << /Names [(node${a}) 5 0 R (node${b}) 6 0 R (node${c}) 7 0 R] >> /A << /D (node${b}) >>`.replace(
          /node(\d+)/g,
          (_m, n: string) => `node${n.padStart(8, '0')}`,
        ),
        'latin1',
      );
    const first = pinPdfDestinations(print(183, 464, 900));
    const second = pinPdfDestinations(print(182, 465, 901));
    expect(first.equals(second)).toBe(true);
    expect(first.toString('latin1')).toBe(
      '/Dests << /Names [(node00000001) 5 0 R (node00000002) 6 0 R (node00000003) 7 0 R] >> /A << /D (node00000002) >>',
    );
    expect(first.length).toBe(print(183, 464, 900).length);
  });

  it('says how to install playwright-core when it cannot be loaded', async () => {
    const error = await loadChromium(() => Promise.reject(new Error('Cannot find package'))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PdfSetupError);
    expect((error as Error).message).toMatch(/npm ci/);
  });
});
