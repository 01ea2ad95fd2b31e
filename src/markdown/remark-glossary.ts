/**
 * remark-glossary: links the first use of each glossary term in a note to its
 * definition on /glossary/#<id>, with a definition preview that CSS shows on
 * hover and focus (src/components/glossary/glossary.css); no JavaScript.
 *
 * Notes:
 * - A use is the term or one of its aliases, as a whole word, in any case.
 *   Text inside links, headings, code and `<Quote>` is never linked (a quotation
 *   must stay as the person said it). Nor is text between double quotes, curly
 *   or straight: a quoted title such as “Customer obsession defines Amazon and
 *   digital” is a quotation too, and a link would read its definition into it.
 * - A term the note already links to by hand is left alone: the author chose where.
 * - Each link gets `aria-describedby` pointing at a span with the definition, so
 *   screen readers announce it too. Ids carry the note id, so a page that shows
 *   several notes (the theme book) never repeats one.
 * - Opt-out per note with `glossaryLinks: false` in the frontmatter.
 * - Runs after remark-links (wikilinks are links by then, not text) and after
 *   remark-reading-time (definitions do not count as words of the note).
 */
import type { Link, PhrasingContent, Root, Text } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { withBase } from '../graph/routes.ts';
import { isEntryOf, type EntryOf, type GraphEntry, type SiteGraph } from '../graph/site-graph.ts';
import { smarten } from './remark-typography.ts';

export interface RemarkGlossaryOptions {
  /** Returns the graph of the content being built (loaded once, cached). */
  graph: () => SiteGraph;
  /** The site's base path, e.g. `/` or `/playbook`. */
  base?: string;
}

export interface GlossaryTerm {
  id: string;
  term: string;
  aliases: string[];
  definition: string;
}

export interface TermMatcher {
  /** Matches any term or alias as a whole word. */
  pattern: RegExp;
  /** Normalized spelling → term. */
  bySpelling: Map<string, GlossaryTerm>;
}

/** Class names the plugin writes and the stylesheet styles. */
export const GLOSSARY_CLASSES = { wrapper: 'glossary', link: 'glossary-term', preview: 'glossary-preview' } as const;

/** Case, runs of spaces, curly apostrophes and hyphen variants do not make a different word. */
export const normalizeSpelling = (text: string): string =>
  text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u2010\u2011]/g, '-');

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A regex source for one spelling: any whitespace between words, either apostrophe, any hyphen. */
const spellingSource = (spelling: string) =>
  escape(spelling.trim())
    .replace(/\s+/g, '\\s+')
    .replace(/['\u2018\u2019]/g, "['\u2018\u2019]")
    .replace(/[-\u2010\u2011]/g, '[-\u2010\u2011]');

/** Builds the matcher for a set of terms. Longer spellings win ("customer obsession" before "customer"). Pure. */
export function termMatcher(terms: readonly GlossaryTerm[]): TermMatcher | null {
  const bySpelling = new Map<string, GlossaryTerm>();
  for (const term of [...terms].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    for (const spelling of [term.term, ...term.aliases]) {
      const key = normalizeSpelling(spelling.trim());
      if (key && !bySpelling.has(key)) bySpelling.set(key, term);
    }
  }
  if (bySpelling.size === 0) return null;
  const spellings = [...bySpelling.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  // Whole words: no letter, digit or underscore may touch the match on either side.
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${spellings.map(spellingSource).join('|')})(?![\\p{L}\\p{N}_])`, 'giu');
  return { pattern, bySpelling };
}

/** The glossary entries of a site graph as terms. */
export function glossaryTerms(graph: SiteGraph): GlossaryTerm[] {
  return graph.byCollection.glossary
    .filter((entry): entry is EntryOf<'glossary'> => !entry.draft && isEntryOf(entry, 'glossary'))
    .map((entry) => ({
      id: entry.id,
      term: entry.data.term,
      aliases: entry.data.aliases,
      definition: entry.data.definition.trim().replace(/\s+/g, ' '),
    }));
}

const matchers = new WeakMap<SiteGraph, TermMatcher | null>();
const pathIndexes = new WeakMap<SiteGraph, Map<string, GraphEntry>>();

function matcherFor(graph: SiteGraph): TermMatcher | null {
  if (!matchers.has(graph)) matchers.set(graph, termMatcher(glossaryTerms(graph)));
  return matchers.get(graph) ?? null;
}

function entryForFile(graph: SiteGraph, file: VFile): GraphEntry | undefined {
  let index = pathIndexes.get(graph);
  if (!index) {
    index = new Map([...graph.entries.values()].map((entry) => [entry.raw.absolutePath, entry]));
    pathIndexes.set(graph, index);
  }
  return file.path ? index.get(file.path) : undefined;
}

/** Nodes whose text is never linked. */
const SKIPPED = new Set([
  'link',
  'linkReference',
  'heading',
  'code',
  'inlineCode',
  'html',
  'definition',
  'image',
  'imageReference',
  'yaml',
]);
const isQuote = (node: { type: string; name?: unknown }) =>
  (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'Quote';

/** Blocks whose text runs as one line of prose: a quotation opened in one of them closes in it or not at all. */
const PROSE_BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

/**
 * The parts of consecutive texts of one block that sit between double quotes
 * (“…” or "…"), as `[start, end)` offsets per text, quotes included. A
 * quotation may run across texts (`“a *b* c”`); one left open runs to the end.
 * Pure.
 */
export function quotedRanges(texts: readonly string[]): [number, number][][] {
  let open = false;
  return texts.map((text) => {
    const ranges: [number, number][] = [];
    let start = open ? 0 : -1;
    for (let i = 0; i < text.length; i++) {
      const char = text[i];
      const opens = char === '\u201C' || (char === '"' && !open);
      const closes = char === '\u201D' || (char === '"' && open);
      if (closes && open) {
        ranges.push([start, i + 1]);
        open = false;
      } else if (opens && !open) {
        start = i;
        open = true;
      }
    }
    if (open) ranges.push([start, text.length]);
    return ranges;
  });
}

/** Quoted ranges of every text in the prose blocks of a tree. */
function quotedTexts(tree: Root): WeakMap<Text, [number, number][]> {
  const quoted = new WeakMap<Text, [number, number][]>();
  visit(tree, (node) => {
    if (!PROSE_BLOCKS.has(node.type)) return;
    const texts: Text[] = [];
    visit(node, 'text', (text) => {
      texts.push(text);
    });
    quotedRanges(texts.map((text) => text.value)).forEach((ranges, i) => {
      if (ranges.length > 0) quoted.set(texts[i] as Text, ranges);
    });
    return SKIP;
  });
  return quoted;
}

/** Whether the note opted out with `glossaryLinks: false` (the frontmatter the renderer passes first, the note's data as a fallback). */
function optedOut(file: VFile, entry: GraphEntry): boolean {
  const frontmatter = (file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro?.frontmatter;
  if (frontmatter && 'glossaryLinks' in frontmatter) return frontmatter.glossaryLinks === false;
  return isEntryOf(entry, 'notes') && !entry.data.glossaryLinks;
}

/** The id of a term's definition span on a note's page. */
export const previewId = (noteId: string, termId: string): string => `gloss-${noteId}-${termId}`;

function termLink(term: GlossaryTerm, text: string, href: string, id: string): PhrasingContent {
  const link: Link = {
    type: 'link',
    url: href,
    data: { hProperties: { className: [GLOSSARY_CLASSES.link], ariaDescribedBy: [id] } },
    children: [{ type: 'text', value: text }],
  };
  // mdast has no plain span: an emphasis node renamed with `hName` becomes one in every renderer (Markdown and MDX).
  return {
    type: 'emphasis',
    data: { hName: 'span', hProperties: { className: [GLOSSARY_CLASSES.wrapper] } },
    children: [
      link,
      {
        type: 'emphasis',
        data: { hName: 'span', hProperties: { id, role: 'tooltip', className: [GLOSSARY_CLASSES.preview] } },
        children: [{ type: 'text', value: smarten(term.definition) }],
      },
    ],
  };
}

export default function remarkGlossary(options: RemarkGlossaryOptions) {
  const base = options.base ?? '/';
  return (tree: Root, file: VFile) => {
    const graph = options.graph();
    const entry = entryForFile(graph, file);
    if (!entry || entry.collection !== 'notes' || optedOut(file, entry)) return;
    const matcher = matcherFor(graph);
    if (!matcher) return;
    const glossaryPage = withBase(base, '/glossary/');
    const hrefOf = (term: GlossaryTerm) => `${glossaryPage}#${term.id}`;

    const done = new Set<string>();
    // Terms the note already links to by hand keep only that link.
    visit(tree, 'link', (link) => {
      if (link.url.startsWith(`${glossaryPage}#`)) done.add(decodeURIComponent(link.url.slice(glossaryPage.length + 1)));
    });
    const total = new Set([...matcher.bySpelling.values()].map((term) => term.id)).size;
    const quoted = quotedTexts(tree);

    visit(tree, (node, index, parent) => {
      if (done.size >= total) return false;
      if (SKIPPED.has(node.type) || isQuote(node)) return SKIP;
      if (node.type !== 'text' || !parent || index === undefined) return;
      const text = node;
      const inQuotes = quoted.get(text) ?? [];
      const parts: PhrasingContent[] = [];
      let last = 0;
      for (const match of text.value.matchAll(matcher.pattern)) {
        const term = matcher.bySpelling.get(normalizeSpelling(match[0]));
        const start = match.index ?? 0;
        if (!term || done.has(term.id) || inQuotes.some(([from, to]) => start < to && start + match[0].length > from)) continue;
        done.add(term.id);
        if (start > last) parts.push({ type: 'text', value: text.value.slice(last, start) });
        parts.push(termLink(term, match[0], hrefOf(term), previewId(entry.id, term.id)));
        last = start + match[0].length;
      }
      if (last === 0) return;
      if (last < text.value.length) parts.push({ type: 'text', value: text.value.slice(last) });
      (parent.children as PhrasingContent[]).splice(index, 1, ...parts);
      return [SKIP, index + parts.length];
    });
  };
}
