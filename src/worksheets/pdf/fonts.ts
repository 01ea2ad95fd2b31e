/**
 * The fonts the PDFs embed: Noto Sans from `@expo-google-fonts/noto-sans`, full
 * TrueType files, so pdfkit can subset them and every Latin, Greek and Cyrillic
 * name prints ("Zoë Łukasz Ærø"). The standard PDF fonts cannot: they only cover
 * WinAnsi. (The `@fontsource` WOFF2 files crash pdfkit's subsetter and are split
 * by script, so they are not used.)
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const FONT_FILES = {
  regular: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
} as const;

export type FontName = keyof typeof FONT_FILES;

const cache = new Map<FontName, Buffer>();
/** Parsed fonts (fontkit objects), shared by every document of the process. */
const parsed = new Map<FontName, object>();

/** The font file's bytes, read once per process (each is about 630 kB). */
export function fontData(name: FontName): Buffer {
  let data = cache.get(name);
  if (!data) {
    data = fs.readFileSync(require.resolve(FONT_FILES[name]));
    cache.set(name, data);
  }
  return data;
}

/**
 * Registers both faces with a document. The first document parses the files;
 * later ones reuse the parsed fonts (pdfkit accepts a fontkit font as a source),
 * which makes each further PDF about three times faster: most of a worksheet's
 * render time was fontkit re-reading the same layout tables. Each document still
 * builds its own subset, so output does not depend on what was rendered before.
 */
export function registerFonts(doc: PDFKit.PDFDocument, parsedFont: (doc: PDFKit.PDFDocument) => object): void {
  for (const name of Object.keys(FONT_FILES) as FontName[]) {
    const known = parsed.get(name);
    // pdfkit's types only list files and buffers as font sources, though it takes a parsed font too.
    doc.registerFont(name, (known ?? fontData(name)) as Buffer);
    if (!known) {
      doc.font(name);
      parsed.set(name, parsedFont(doc));
    }
  }
}
