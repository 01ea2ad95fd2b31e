/** Builds throwaway content folders: the valid fixture site plus one overlay of invalid files. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
export const SITE_FIXTURE = path.join(FIXTURES, 'site');
export const INVALID_FIXTURES = path.join(FIXTURES, 'invalid');

/** A fresh copy of the fixture site with `overlay` (a folder under tests/fixtures/invalid) copied on top. */
export function contentWithOverlay(overlay?: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `playbook-${overlay ?? 'site'}-`));
  fs.cpSync(SITE_FIXTURE, dir, { recursive: true });
  if (overlay) fs.cpSync(path.join(INVALID_FIXTURES, overlay), dir, { recursive: true });
  return dir;
}

/**
 * One row per invalid fixture: the rule it breaks, the file it lives in and the
 * line the finding must point at. The same table drives the checker tests and
 * the build tests, so both must name the same file and line.
 */
export const INVALID_CASES: { overlay: string; rule: string; file: string; line: number; message?: RegExp }[] = [
  { overlay: 'frontmatter-schema', rule: 'frontmatter-schema', file: 'notes/long-summary.mdx', line: 3, message: /160 characters/ },
  { overlay: 'unknown-field', rule: 'frontmatter-schema', file: 'notes/typo-field.mdx', line: 5, message: /unknown field `sumary`.*Did you mean `summary`/ },
  { overlay: 'yaml-syntax', rule: 'yaml-syntax', file: 'notes/bad-yaml.mdx', line: 5, message: /does not parse/ },
  { overlay: 'unknown-reference', rule: 'unknown-reference', file: 'notes/missing-related.mdx', line: 6, message: /no source "fixture-texts".*`fixture-text`/ },
  { overlay: 'unknown-reference', rule: 'unknown-reference', file: 'notes/missing-related.mdx', line: 8, message: /no note "no-such-note"/ },
  { overlay: 'unknown-link', rule: 'unknown-link', file: 'notes/broken-wikilink.mdx', line: 11, message: /\[\[alpha-notes\]\].*`alpha-note`/ },
  { overlay: 'unknown-link-markdown', rule: 'unknown-link', file: 'notes/broken-markdown-link.mdx', line: 11, message: /\/plays\/no-such-play\// },
  { overlay: 'unknown-anchor', rule: 'unknown-anchor', file: 'notes/broken-anchor.mdx', line: 11, message: /#no-such-heading/ },
  { overlay: 'duplicate-id', rule: 'duplicate-id', file: 'notes/alpha-note.md', line: 1, message: /alpha-note/ },
  { overlay: 'duplicate-route', rule: 'duplicate-route', file: 'plays/compose.yaml', line: 1, message: /\/plays\/compose\// },
  { overlay: 'reserved-route', rule: 'duplicate-route', file: 'plays/filter.yaml', line: 1, message: /\/plays\/filter\// },
  { overlay: 'duplicate-title', rule: 'duplicate-title', file: 'notes/same-title.mdx', line: 2 },
  { overlay: 'heading-order', rule: 'heading-order', file: 'notes/h1-in-body.mdx', line: 13 },
  { overlay: 'image-alt', rule: 'image-alt', file: 'notes/no-alt.mdx', line: 13 },
  { overlay: 'link-outside-content', rule: 'link-outside-content', file: 'notes/escape.mdx', line: 11 },
  { overlay: 'unsafe-url', rule: 'unsafe-url', file: 'notes/js-url.mdx', line: 11 },
  { overlay: 'mdx-import-export', rule: 'mdx-import-export', file: 'notes/import.mdx', line: 11 },
  { overlay: 'mdx-expression', rule: 'mdx-expression', file: 'notes/expression.mdx', line: 13 },
  { overlay: 'mdx-expression-inline', rule: 'mdx-expression', file: 'notes/inline-expression.mdx', line: 11 },
  { overlay: 'mdx-expression-attribute', rule: 'mdx-expression', file: 'notes/attribute-expression.mdx', line: 13 },
  { overlay: 'mdx-script', rule: 'mdx-script', file: 'notes/script.mdx', line: 13 },
  { overlay: 'mdx-style', rule: 'mdx-style', file: 'notes/style.mdx', line: 13 },
  { overlay: 'mdx-embed', rule: 'mdx-embed', file: 'notes/iframe.mdx', line: 13 },
  { overlay: 'mdx-event-handler', rule: 'mdx-event-handler', file: 'notes/handler.mdx', line: 13 },
  { overlay: 'mdx-component', rule: 'mdx-component', file: 'notes/unknown-component.mdx', line: 13 },
  { overlay: 'mdx-component-prop', rule: 'mdx-component-prop', file: 'notes/quote-without-source.mdx', line: 13, message: /"source"/ },
  { overlay: 'quote-too-long', rule: 'quote-too-long', file: 'notes/long-quote.mdx', line: 13 },
  { overlay: 'mdx-syntax', rule: 'mdx-syntax', file: 'notes/unclosed.mdx', line: 13 },
  { overlay: 'raw-html', rule: 'raw-html', file: 'notes/raw-html.md', line: 13 },
  { overlay: 'placeholder', rule: 'placeholder', file: 'notes/unfinished.mdx', line: 3, message: /`summary` still holds the placeholder/ },
  { overlay: 'orphan', rule: 'orphan', file: 'notes/lonely.mdx', line: 1 },
];
