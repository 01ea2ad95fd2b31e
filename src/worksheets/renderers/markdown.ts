/**
 * Markdown renderer: the worksheet model as GitHub-flavoured Markdown for
 * wikis and issue trackers. Choices become `- [ ]` task items, tables keep
 * their empty rows, and free-text answers get blank lines to write on.
 */
import type { Block, ListItem, Section, WorksheetDocument } from '../model.ts';
import type { AnswerSpec } from '../sizing.ts';
import { strings } from '../../plays/strings.ts';
import type { Renderer } from './types.ts';

/**
 * Escapes what Markdown would read as syntax inside running text: emphasis and
 * strikethrough, code, links and images, raw HTML, entity and character
 * references, and line breaks (a CR or LF would end the line; white space
 * around one becomes a single space). Every field of a play printed into a
 * Markdown worksheet goes through this or one of the helpers below.
 *
 * `<` and a reference-like `&` become the references `&lt;` and `&amp;`, not
 * backslash escapes: GFM turns a bare address into a link and takes a
 * following backslash into it (`https://x.org/\<img …>` would leave `<img …>`
 * as raw HTML). With no `<` left, no field can emit HTML when the Markdown is
 * rendered, whatever a renderer allows.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s*[\r\n]\s*/g, ' ')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/[\\`*_~[\]]/g, (c) => `\\${c}`);
}

/**
 * Escapes text that starts a block (a paragraph, a list item), which could also
 * open a heading, quote, list, numbered list, thematic break, setext underline
 * or indented code (leading white space is dropped).
 */
export const escapeBlockStart = (text: string): string => escapeMarkdown(text.trim()).replace(/^([#>+=-]|\d+[.)])/, (m) => `\\${m}`);

/** Heading text: `#` anywhere, so a trailing run is not taken for a closing sequence. */
const escapeHeading = (text: string) => escapeMarkdown(text.trim()).replace(/#/g, '\\#');

/** A line to write on. A run of underscores after a space and before the line end is literal text in GFM, not emphasis. */
const BLANK = '_'.repeat(24);
const escapeCell = (text: string) => escapeMarkdown(text.trim()).replace(/\|/g, '\\|');
/**
 * A web address that can be an autolink as it stands: `http(s)://` and no space,
 * control character, `<`, `>` or backslash. Inside `<…>` nothing is read as
 * syntax, so such an address is safe; anything else is escaped as text.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is what this expression is for
const isAddress = (text: string) => /^https?:\/\/[^\s<>\\\x00-\x1f\x7f]+$/.test(text);
const inline = (text: string) => (isAddress(text) ? `<${text}>` : escapeMarkdown(text));
const paragraph = (text: string) => (isAddress(text) ? `<${text}>` : escapeBlockStart(text));

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function listItem(item: ListItem, marker: string): string {
  const lead = item.label ? `**${escapeMarkdown(item.label)}:** ` : '';
  const first = `${marker} ${lead}${lead ? inline(item.text) : paragraph(item.text)}`;
  const indent = ' '.repeat(marker.length + 1);
  return item.detail ? `${first}\n${indent}- ${escapeBlockStart(item.detail)}` : first;
}

function answer(spec: AnswerSpec): string {
  const tasks = (labels: readonly string[]) => labels.map((l) => `- [ ] ${escapeBlockStart(l)}`).join('\n');
  switch (spec.kind) {
    case 'lines':
      // One blank line per answer line, after the usual blank line between blocks: where people type in the wiki editor.
      return `_${escapeMarkdown(strings.answer.linesHint(spec.lines))}_${'\n'.repeat(spec.lines)}`;
    case 'scale':
      return tasks(
        spec.choices.map((c, i) =>
          strings.answer.scalePoint(Number(c.value), i === 0 ? spec.low : i === spec.choices.length - 1 ? spec.high : undefined),
        ),
      );
    case 'checklist':
      return tasks(spec.options.map((o) => o.label));
    case 'yesno':
      return tasks(spec.choices.map((c) => c.label));
    case 'grid':
      return table(
        ['', ...spec.columns.map(escapeCell)],
        spec.rows.map((row) => [`**${escapeCell(row)}**`, ...spec.columns.map(() => ' ')]),
      );
    case 'table':
      return table(
        spec.columns.map(escapeCell),
        Array.from({ length: spec.rows }, () => spec.columns.map(() => ' ')),
      );
  }
}

function block(b: Block): string {
  switch (b.kind) {
    case 'eyebrow':
      return `_${escapeMarkdown(b.text)}_`;
    case 'heading':
      return `${'#'.repeat(b.level)} ${escapeHeading(b.text)}`;
    case 'paragraph': {
      const text = b.label ? `**${escapeMarkdown(b.label)}:** ${inline(b.text)}` : paragraph(b.text);
      if (b.style === 'note') return `> ${text}`;
      if (b.style === 'meta') return `_${text}_`;
      return text;
    }
    case 'facts':
      // `*`, not `-`: facts may follow a list (the guide's sources), and a new bullet character starts a list of its own.
      return b.items.map((item) => listItem(item.value ? { label: item.label, text: item.value } : { text: item.label }, '*')).join('\n');
    case 'list':
      return b.items.map((item, i) => listItem(item, b.ordered ? `${i + 1}.` : b.check ? '- [ ]' : '-')).join('\n');
    case 'table':
      return table(
        b.columns.map(escapeCell),
        b.rows.map((row) => row.cells.map((cell) => (row.muted && cell ? `_${escapeCell(cell)}_` : escapeCell(cell) || ' '))),
      );
    case 'fill-in':
      return b.items.map((item) => `**${escapeMarkdown(item.label)}:** ${item.value ? escapeMarkdown(item.value) : BLANK}`).join('\n\n');
    case 'prompt':
      return `### ${b.number}. ${escapeHeading(b.question)}\n\n${answer(b.answer)}`;
  }
}

/** A section's blocks, with the eyebrow moved below the title (wikis take the first line as the page title). */
function section(s: Section): string {
  const blocks = [...s.blocks];
  const eyebrow = blocks[0]?.kind === 'eyebrow' && blocks[1]?.kind === 'heading' ? blocks.shift() : undefined;
  if (eyebrow && blocks[0]) blocks.splice(1, 0, eyebrow);
  return blocks.map(block).join('\n\n');
}

export function renderMarkdown(document: WorksheetDocument): string {
  return `${document.sections.map(section).join('\n\n---\n\n').replace(/\s+$/, '')}\n`;
}

export const markdownRenderer: Renderer = {
  format: 'md',
  paged: false,
  render: (document) => new Promise((resolve) => resolve(new TextEncoder().encode(renderMarkdown(document)))),
};
