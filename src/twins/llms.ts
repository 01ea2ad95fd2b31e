/**
 * `llms.txt` (the llmstxt.org format: an H1 with the site's name, a blockquote
 * summary, then H2 sections of links, each with the page's summary) and
 * `llms-full.txt` (every note's Markdown, in one file).
 */
import type { RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import { joinMarkdown, markdownOf } from './markdown.ts';
import { twinStrings } from './strings.ts';

export interface SiteSummary {
  title: string;
  description: string;
}

/** What llms.txt lists of each twin. */
export interface ListedTwin {
  title: string;
  summary: string;
  twinUrl: string;
}

type Sections = Record<keyof typeof twinStrings.llms.sections, readonly ListedTwin[]>;

const head = (site: SiteSummary, title: string) =>
  markdownOf([
    { type: 'heading', depth: 1, children: [{ type: 'text', value: title }] },
    { type: 'blockquote', children: [{ type: 'paragraph', children: [{ type: 'text', value: site.description }] }] },
  ]);

export function llmsTxt(site: SiteSummary, twins: Sections): string {
  const sections = (Object.keys(twinStrings.llms.sections) as (keyof Sections)[]).filter((name) => twins[name].length > 0);
  const blocks = sections.map((name) =>
    markdownOf([
      { type: 'heading', depth: 2, children: [{ type: 'text', value: twinStrings.llms.sections[name] }] },
      {
        type: 'list',
        ordered: false,
        spread: false,
        children: twins[name].map((twin) => ({
          type: 'listItem',
          spread: false,
          children: [
            {
              type: 'paragraph',
              children: [
                { type: 'link', url: twin.twinUrl, children: [{ type: 'text', value: twin.title }] },
                { type: 'text', value: `: ${twin.summary}` },
              ],
            },
          ],
        })),
      },
    ]),
  );
  return [
    head(site, site.title),
    markdownOf([{ type: 'paragraph', children: [{ type: 'text', value: twinStrings.llms.intro }] }]),
    ...blocks,
  ].join('\n');
}

/**
 * Footnote labels made unique in a file of many notes: each note's `[^1]`
 * becomes `[^<id>-1]`, so one note's reference cannot land on another's note.
 */
function ownFootnotes(blocks: readonly RootContent[], id: string): RootContent[] {
  const copy = structuredClone([...blocks]);
  for (const block of copy) {
    visit(block, (node) => {
      if (node.type === 'footnoteReference' || node.type === 'footnoteDefinition') {
        node.identifier = `${id}-${node.identifier}`;
        node.label = `${id}-${node.label ?? node.identifier}`;
      }
    });
  }
  return copy;
}

const hasFootnotes = (blocks: readonly RootContent[]) => {
  let found = false;
  for (const block of blocks)
    visit(block, (node) => {
      if (node.type === 'footnoteReference' || node.type === 'footnoteDefinition') found = true;
    });
  return found;
};

/**
 * One note's part of llms-full.txt: its title and address, then its blocks with footnote labels of
 * their own. `written` is those blocks as Markdown already (the twin's): without a footnote to
 * relabel, they read the same here, so they are not written out twice.
 */
export function llmsFullSection(note: { id: string; title: string; url: string }, blocks: readonly RootContent[], written: string): string {
  const opening = markdownOf([
    { type: 'heading', depth: 1, children: [{ type: 'text', value: note.title }] },
    {
      type: 'paragraph',
      children: [
        { type: 'text', value: `${twinStrings.llms.address}: ` },
        { type: 'link', url: note.url, children: [{ type: 'text', value: note.url }] },
      ],
    },
  ]);
  return joinMarkdown(opening, hasFootnotes(blocks) ? markdownOf(ownFootnotes(blocks, note.id)) : written);
}

/** Every note's Markdown after the site's heading, each opening with its title and address (see `llmsFullSection`). */
export function llmsFullTxt(site: SiteSummary, sections: readonly string[]): string {
  return [head(site, twinStrings.llms.fullTitle(site.title)), ...sections].join('\n');
}
