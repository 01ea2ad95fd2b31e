/**
 * A fast line scanner for Markdown bodies: headings (with the ids the renderer
 * will give them) and links. Building the link graph this way costs one pass
 * over each file instead of a full Markdown parse, which matters at thousands
 * of notes. The renderer's remark plugins do the authoritative work per page;
 * tests keep the two in agreement.
 */
import GithubSlugger from 'github-slugger';

export interface ScannedHeading {
  depth: number;
  text: string;
  /** The id the heading gets in HTML. */
  slug: string;
  line: number;
}

export interface ScannedLink {
  kind: 'wiki' | 'markdown' | 'image';
  /** The raw target: `note-id#anchor` for wikilinks, the href for Markdown links. */
  target: string;
  label: string;
  line: number;
  column: number;
}

export interface ScanResult {
  headings: ScannedHeading[];
  links: ScannedLink[];
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
/** `[[target]]` or `[[target|label]]`; shared with remark-links so both read wikilinks alike. */
export const WIKI = /\[\[([^\][\n|]+?)(?:\|([^\][\n]+?))?\]\]/g;
const MD_LINK = /(!?)\[((?:[^\][\n]|\[[^\][\n]*\])*)\]\(\s*<?([^()\s<>]+(?:\([^()\s]*\)[^()\s<>]*)*)>?(?:\s+(?:"[^"\n]*"|'[^'\n]*'))?\s*\)/g;
const INLINE_CODE = /(`+)[^`\n]*?\1/g;

/** Blanks out inline code spans (keeping columns), so links inside code are ignored. */
const blankCode = (line: string) => line.replace(INLINE_CODE, (span) => ' '.repeat(span.length));

/** Plain text of a heading's inline Markdown, as the renderer would see it. */
export function headingText(markdown: string): string {
  // Escaped characters are literal: park them in the private-use area while markup is stripped.
  const parked = markdown.replace(/\\([\\`*_{}[\]()#+\-.!~])/g, (_, char: string) => String.fromCharCode(0xe000 + char.charCodeAt(0)));
  return parked
    .replace(WIKI, (_, target: string, label?: string) => label ?? target)
    .replace(MD_LINK, (_, _bang, label: string) => label)
    .replace(/<[^>\n]+>/g, '')
    .replace(/(`+)([^`]*?)\1/g, '$2')
    .replace(/(\*\*|__|\*|_|~~)(?=\S)([^]*?\S)\1/g, '$2')
    .replace(/[\ue000-\ue0ff]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xe000))
    .trim();
}

/** Scans a Markdown or MDX body. `firstLine` is the file line on which the body starts. */
export function scanBody(body: string, firstLine = 1): ScanResult {
  const headings: ScannedHeading[] = [];
  const links: ScannedLink[] = [];
  const slugger = new GithubSlugger();
  let fence: string | null = null;
  const lines = body.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index] ?? '';
    const line = firstLine + index;
    const fenceMatch = FENCE.exec(raw);
    if (fence) {
      if (fenceMatch && fenceMatch[1]?.[0] === fence[0] && (fenceMatch[1]?.length ?? 0) >= fence.length) fence = null;
      continue;
    }
    if (fenceMatch?.[1]) {
      fence = fenceMatch[1];
      continue;
    }
    if (/^( {4}|\t)/.test(raw) && !/^\s*([-*+]|\d+\.)\s/.test(raw) && index > 0 && (lines[index - 1] ?? '').trim() === '') continue;
    const text = blankCode(raw);
    const heading = ATX.exec(text);
    if (heading?.[1] && heading[2] !== undefined) {
      const plain = headingText(heading[2]);
      headings.push({ depth: heading[1].length, text: plain, slug: slugger.slug(plain), line });
    }
    for (const match of text.matchAll(WIKI)) {
      links.push({ kind: 'wiki', target: (match[1] ?? '').trim(), label: (match[2] ?? match[1] ?? '').trim(), line, column: (match.index ?? 0) + 1 });
    }
    for (const match of text.matchAll(MD_LINK)) {
      links.push({
        kind: match[1] ? 'image' : 'markdown',
        target: match[3] ?? '',
        label: match[2] ?? '',
        line,
        column: (match.index ?? 0) + 1,
      });
    }
  }
  return { headings, links };
}
