/**
 * The PDF engine in Node: pdfkit's browser build, loaded by its file path (the
 * package's exports hand Node its Node build, whose deflater differs, see
 * ./engine.ts), and the font files read from node_modules once per process.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PdfDocumentClass, PdfEngine } from './engine.ts';
import { FONT_FILES, FONT_NAMES, type FontBytes, type FontName } from './fonts.ts';

const require = createRequire(import.meta.url);

/** The file of pdfkit's browser build, beside the CommonJS build that `require.resolve('pdfkit')` finds. */
export const pdfkitBrowserBuild = (): string => path.join(path.dirname(require.resolve('pdfkit')), 'pdfkit.browser.mjs');

/** The path of a font file in node_modules. */
export const fontPath = (name: FontName): string => require.resolve(FONT_FILES[name]);

let engine: Promise<PdfEngine> | undefined;

export function nodeEngine(): Promise<PdfEngine> {
  engine ??= (async () => {
    const module = (await import(pathToFileURL(pdfkitBrowserBuild()).href)) as { default: PdfDocumentClass };
    const fonts = Object.fromEntries(FONT_NAMES.map((name) => [name, new Uint8Array(fs.readFileSync(fontPath(name)))])) as Record<
      FontName,
      Uint8Array
    > as FontBytes;
    return { PDFDocument: module.default, fonts };
  })();
  return engine;
}
