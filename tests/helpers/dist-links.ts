/**
 * Checks every internal link and #fragment in a built site: each href must
 * point at a file in dist/ and each fragment at an id on that page.
 */
import fs from 'node:fs';
import path from 'node:path';
import { listFiles } from './build.ts';

export interface BrokenLink {
  page: string;
  href: string;
  reason: string;
}

const HREF = /\s(?:href|src)="([^"]+)"/g;
const ID = /\sid="([^"]+)"/g;

function decode(value: string): string {
  return value
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}

export function brokenLinks(outDir: string, base = '/'): BrokenLink[] {
  const pages = listFiles(outDir).filter((file) => file.endsWith('.html'));
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let set = ids.get(file);
    if (!set) {
      const html = fs.readFileSync(path.join(outDir, file), 'utf8');
      set = new Set([...html.matchAll(ID)].map((m) => decode(m[1] ?? '')));
      ids.set(file, set);
    }
    return set;
  };
  const prefix = base.replace(/\/$/, '');
  const broken: BrokenLink[] = [];
  for (const page of pages) {
    const html = fs.readFileSync(path.join(outDir, page), 'utf8');
    const pageUrl = `https://site.invalid${prefix}/${page.replace(/index\.html$/, '')}`;
    for (const match of html.matchAll(HREF)) {
      const href = decode(match[1] ?? '');
      if (/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(href)) continue;
      const url = new URL(href, pageUrl);
      if (!url.pathname.startsWith(`${prefix}/`)) {
        broken.push({ page, href, reason: `outside the base path ${base}` });
        continue;
      }
      let file = decodeURIComponent(url.pathname.slice(prefix.length + 1));
      if (file === '' || file.endsWith('/')) file += 'index.html';
      if (!fs.existsSync(path.join(outDir, file))) {
        broken.push({ page, href, reason: 'no such file' });
        continue;
      }
      const fragment = url.hash ? decodeURIComponent(url.hash.slice(1)) : '';
      if (fragment && file.endsWith('.html') && !idsOf(file).has(fragment)) broken.push({ page, href, reason: `no id "${fragment}"` });
    }
  }
  return broken;
}
