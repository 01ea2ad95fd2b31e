/**
 * `npm run pdf -- --theme <id>`: prints a theme book (/themes/<id>/book/) from
 * the built site to a PDF with playwright-core and Chromium. Both are optional:
 * without them the command says exactly how to install them.
 *
 * The book page is served from the built folder by the site's own static server
 * (src/lib/static-server.ts), so the PDF is the page a reader would print.
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { withBase } from '../graph/routes.ts';
import { createStaticServer } from '../lib/static-server.ts';
import { didYouMean } from '../util/nearest.ts';
import { UsageError, type CommandSpec } from './args.ts';

export const pdfCommand: CommandSpec = {
  name: 'pdf',
  summary: 'Prints a theme book from the built site to PDF, with Playwright and Chromium.',
  usage: 'npm run pdf -- --theme ID [--out FILE] [--paper a4|letter] [--dist DIR]',
  flags: {
    theme: { type: 'string', value: 'ID', description: 'the theme to print, e.g. customer-obsession' },
    out: { type: 'string', value: 'FILE', description: 'where to write the PDF (default: <theme>-book.pdf)' },
    paper: { type: 'string', choices: ['a4', 'letter'], default: 'a4', description: 'paper size' },
    dist: { type: 'string', value: 'DIR', default: 'dist', description: 'the built site (run `npm run build` first)' },
    help: { type: 'boolean', short: 'h', description: 'show this help' },
  },
  examples: ['npm run pdf -- --theme customer-obsession', 'npm run pdf -- --theme cheng-chi --paper letter --out cheng-chi.pdf'],
};

/** Something to install or build first; the message says what, step by step. Exit code 1. */
export class PdfSetupError extends Error {
  override name = 'PdfSetupError';
}

export const INSTALL_HELP = {
  playwright: [
    'playwright-core is not installed. It is a development dependency of this project:',
    '  npm ci                         (or: npm install --save-dev playwright-core)',
  ].join('\n'),
  chromium: (at: string) =>
    [
      `Chromium was not found at ${at}. Install it, or point CHROMIUM_PATH at a Chromium or Chrome binary:`,
      '  Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y chromium',
      '  macOS:          CHROMIUM_PATH="/Applications/Google Chrome.app/Contents/MacOS/Google Chrome" npm run pdf -- --theme …',
      '(Playwright’s own browser download is not needed.)',
    ].join('\n'),
  dist: (dist: string) => `${dist}/ has no theme books yet. Build the site first:\n  npm run build`,
};

/** Ids of the themes whose book is in the built site, sorted. */
export function builtThemes(distDir: string): string[] {
  // The build writes pages at the top of the output folder, whatever the base path.
  const themesDir = path.join(distDir, 'themes');
  if (!fs.existsSync(themesDir)) return [];
  return fs
    .readdirSync(themesDir)
    .filter((id) => fs.existsSync(path.join(themesDir, id, 'book', 'index.html')))
    .sort();
}

/** The theme id, or a UsageError naming the closest ids (exit code 2). */
export function resolveTheme(theme: unknown, known: readonly string[]): string {
  if (typeof theme !== 'string' || theme === '')
    throw new UsageError(`give the theme to print with --theme ID (one of: ${known.join(', ')}).`);
  if (known.includes(theme)) return theme;
  const hint = didYouMean(theme, known);
  throw new UsageError(`there is no theme "${theme}".${hint || ` The themes are: ${known.join(', ')}.`}`);
}

/**
 * The date written into the PDF: SOURCE_DATE_EPOCH when set (reproducible-builds
 * convention), else the "last updated" date on the book's cover, so the same
 * content always gives the same file and the clock never enters it.
 */
export function bookDate(distDir: string, theme: string, env: Record<string, string | undefined> = process.env): Date {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  if (env.SOURCE_DATE_EPOCH && Number.isFinite(epoch)) return new Date(epoch * 1000);
  const html = fs.readFileSync(path.join(distDir, 'themes', theme, 'book', 'index.html'), 'utf8');
  const day = /<time datetime="(\d{4}-\d{2}-\d{2})"/.exec(html)?.[1];
  return new Date(`${day ?? '1970-01-01'}T00:00:00Z`);
}

export const chromiumPath = (env: Record<string, string | undefined> = process.env): string => env.CHROMIUM_PATH ?? '/usr/bin/chromium';

type Chromium = (typeof import('playwright-core'))['chromium'];

/** playwright-core's Chromium launcher, or a PdfSetupError saying how to install it. */
export async function loadChromium(importer: () => Promise<{ chromium: Chromium }> = () => import('playwright-core')): Promise<Chromium> {
  try {
    return (await importer()).chromium;
  } catch {
    throw new PdfSetupError(INSTALL_HELP.playwright);
  }
}

export interface PdfOptions {
  distDir: string;
  basePath: string;
  theme: string;
  out: string;
  paper: 'a4' | 'letter';
  executablePath: string;
  /** Fixed creation date written into the PDF, so the same site gives the same file metadata. */
  date: Date;
}

export interface PdfResult {
  file: string;
  bytes: number;
  pages: number;
  milliseconds: number;
}

/** Chromium's PDF dates look like `D:20261123081500+00'00'`; same length, so offsets in the file stay valid. */
const PDF_DATE = /\/(CreationDate|ModDate) ?\(D:\d{14}[^)]*\)/g;
const pdfDate = (date: Date) => `D:${date.toISOString().replace(/[-:T]/g, '').slice(0, 14)}`;

/** Replaces the creation and modification dates with `date`, keeping every byte offset. */
export function pinPdfDates(pdf: Buffer, date: Date): Buffer {
  const text = pdf.toString('latin1');
  const pinned = text.replace(PDF_DATE, (match) => {
    const replaced = match.replace(/D:\d{14}/, pdfDate(date));
    return replaced.length === match.length ? replaced : match;
  });
  return Buffer.from(pinned, 'latin1');
}

/** Chromium names a link target in the book after its DOM node: `(node00000183)`. */
const NODE_DESTINATION = /\(node(\d{8})\)/g;

/**
 * Renames Chromium's named destinations by rank: `node` and the target's position among all of them.
 * The names are DOM node numbers, which shift by one or two from print to print (how the page
 * arrived over the socket decides how many nodes the parser made before them), while their order
 * does not; numbering by rank keeps that order, which the PDF's name tree needs, and every name's
 * length, so no byte offset moves.
 */
export function pinPdfDestinations(pdf: Buffer): Buffer {
  const text = pdf.toString('latin1');
  const numbers = [...new Set(Array.from(text.matchAll(NODE_DESTINATION), (match) => Number(match[1])))].sort((a, b) => a - b);
  const rank = new Map(numbers.map((number, index) => [number, index + 1]));
  return Buffer.from(
    text.replace(NODE_DESTINATION, (_match, digits: string) => `(node${String(rank.get(Number(digits))).padStart(8, '0')})`),
    'latin1',
  );
}

export async function renderBookPdf(options: PdfOptions, chromium: Chromium): Promise<PdfResult> {
  const started = performance.now();
  if (!fs.existsSync(options.executablePath)) throw new PdfSetupError(INSTALL_HELP.chromium(options.executablePath));
  const server = createStaticServer(path.resolve(options.distDir), options.basePath);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const browser = await chromium.launch({
    executablePath: options.executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  try {
    // The site's CSP allows no scripts; this one only rewrites links and runs from the tool, not the page.
    const page = await browser.newPage({ bypassCSP: true });
    const response = await page.goto(`http://127.0.0.1:${port}${withBase(options.basePath, `/themes/${options.theme}/book/`)}`, {
      waitUntil: 'load',
    });
    if (!response?.ok()) throw new Error(`the book page answered ${response?.status() ?? 'nothing'}`);
    // Links in the PDF (and the addresses printed after them) point at the public site, from the page's
    // canonical URL, not at the local server used to print it. Links within the book stay in the PDF.
    await page.evaluate(() => {
      const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href;
      if (!canonical) return;
      for (const link of document.querySelectorAll('a[href]')) {
        const href = link.getAttribute('href') ?? '';
        if (!href.startsWith('#')) link.setAttribute('href', new URL(href, canonical).href);
      }
    });
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({
      format: options.paper === 'a4' ? 'A4' : 'Letter',
      // Margins come from the site's print stylesheet (@page); the footer numbers the pages.
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate:
        '<div style="width:100%;font:8px sans-serif;text-align:center;color:#555"><span class="pageNumber"></span> / <span class="totalPages"></span></div>',
      tagged: true,
      outline: true,
    });
    const pinned = pinPdfDestinations(pinPdfDates(pdf, options.date));
    fs.mkdirSync(path.dirname(path.resolve(options.out)), { recursive: true });
    fs.writeFileSync(options.out, pinned);
    const pages = (pinned.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    return { file: options.out, bytes: pinned.length, pages, milliseconds: Math.round(performance.now() - started) };
  } finally {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
  }
}
