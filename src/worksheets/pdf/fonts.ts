/**
 * The fonts the PDFs embed: Noto Sans from `@expo-google-fonts/noto-sans`, full
 * TrueType files, so pdfkit can subset them and every Latin, Greek and Cyrillic
 * name prints ("Zoë Łukasz Ærø"). The standard PDF fonts cannot: they only cover
 * WinAnsi. (The `@fontsource` WOFF2 files crash pdfkit's subsetter and are split
 * by script, so they are not used.)
 *
 * The files come in as bytes (see ./engine.ts): Node reads them from
 * node_modules, the browser fetches the copies the site build publishes.
 */

export const FONT_FILES = {
  regular: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
} as const;

export type FontName = keyof typeof FONT_FILES;

export const FONT_NAMES = Object.keys(FONT_FILES) as FontName[];

/** The bytes of each face. */
export type FontBytes = Readonly<Record<FontName, Uint8Array>>;

/** Parsed fonts (fontkit objects), per font file, shared by every document made from it. */
const parsed = new WeakMap<Uint8Array, object>();

/**
 * Registers both faces with a document. The first document parses the files;
 * later ones reuse the parsed fonts (pdfkit accepts a fontkit font as a source),
 * which makes each further PDF about three times faster: most of a worksheet's
 * render time was fontkit re-reading the same layout tables. Each document still
 * builds its own subset, so output does not depend on what was rendered before.
 */
export function registerFonts(doc: PDFKit.PDFDocument, fonts: FontBytes, parsedFont: (doc: PDFKit.PDFDocument) => object): void {
  for (const name of FONT_NAMES) {
    const bytes = fonts[name];
    const known = parsed.get(bytes);
    // pdfkit's types only list files and buffers as font sources, though it takes a parsed font and a Uint8Array too.
    doc.registerFont(name, (known ?? bytes) as Buffer);
    if (!known) {
      doc.font(name);
      parsed.set(bytes, parsedFont(doc));
    }
  }
}
