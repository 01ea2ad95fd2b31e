/**
 * Makes ids unique per chapter on a page that shows several notes (the theme
 * book). Every note has headings such as "The idea", so their ids repeat from
 * one chapter to the next. Within each region between the markers
 * `<template data-scope="PREFIX"></template>` and `<template data-scope-end></template>`
 * (written by ./BookChapter.astro), every `id` becomes `PREFIX--id`, and every
 * in-page reference to an id of that region (`href="#…"`, `aria-describedby`,
 * `aria-labelledby`, `aria-controls`, `for`) follows. The markers are removed.
 *
 * Landmarks need names of their own too: every note's "Try it" aside would be
 * one of many complementary landmarks called "Try it". When the marker carries
 * `data-scope-title`, each `<aside aria-label="…">` of the region is named
 * "…: <chapter title>" (and numbered if the chapter has several of one name).
 * Pure string work on Astro's own output, which always quotes attributes with
 * double quotes.
 */
import { escapeHtml } from '../../lib/escape-html.ts';

// Astro may add its own attributes (a scoped-style id) to the markers.
const REGION =
  /<template data-scope="([a-z0-9-]+)"(?: data-scope-title="([^"]*)")?[^>]*><\/template>([\s\S]*?)<template data-scope-end[^>]*><\/template>/g;
const ID = /(\sid=")([^"]+)(")/g;
const HREF = /(\shref="#)([^"]+)(")/g;
const ASIDE_LABEL = /(<aside\s[^>]*?aria-label=")([^"]*)(")/g;
const IDREFS = /(\s(?:aria-describedby|aria-labelledby|aria-controls|for)=")([^"]+)(")/g;

export function scopeIds(html: string): string {
  return html.replace(REGION, (_match, prefix: string, title: string | undefined, body: string) => {
    const ids = new Set([...body.matchAll(ID)].map((m) => m[2] ?? ''));
    const scoped = (id: string) => (ids.has(id) ? `${prefix}--${id}` : id);
    return body
      .replace(ID, (_m, before: string, id: string, after: string) => `${before}${prefix}--${id}${after}`)
      .replace(HREF, (_m, before: string, target: string, after: string) => `${before}${scoped(target)}${after}`)
      .replace(IDREFS, (_m, before: string, list: string, after: string) => `${before}${list.split(/\s+/).map(scoped).join(' ')}${after}`)
      .replace(ASIDE_LABEL, title ? landmarkNamer(title) : (m: string) => m);
  });
}

/** Names each aside of a chapter after the chapter: "Try it: Cheng and chi", then "Try it: Cheng and chi (2)". */
function landmarkNamer(title: string) {
  const seen = new Map<string, number>();
  return (_m: string, before: string, label: string, after: string): string => {
    const count = (seen.get(label) ?? 0) + 1;
    seen.set(label, count);
    return `${before}${label}: ${title}${count > 1 ? ` (${count})` : ''}${after}`;
  };
}

/** The scope of a chapter's ids: `n-<id>` for a note, `t-<id>` for a theme's essay. */
export const chapterScope = (collection: 'notes' | 'themes', id: string): string => `${collection === 'notes' ? 'n' : 't'}-${id}`;

/**
 * A rendered body as a book page shows it once the middleware has run: what `scopeIds` makes of
 * the body between its chapter's markers. The in-place rebuild (src/rebuild/in-place.ts) looks for it.
 */
export function scopedChapterBody(scope: string, title: string, html: string): string {
  return scopeIds(
    `<template data-scope="${scope}" data-scope-title="${escapeHtml(title)}"></template>${html}<template data-scope-end></template>`,
  );
}
