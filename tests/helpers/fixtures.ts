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
  {
    overlay: 'unknown-field',
    rule: 'frontmatter-schema',
    file: 'notes/typo-field.mdx',
    line: 5,
    message: /unknown field `sumary`.*Did you mean `summary`/,
  },
  { overlay: 'yaml-syntax', rule: 'yaml-syntax', file: 'notes/bad-yaml.mdx', line: 5, message: /does not parse/ },
  {
    overlay: 'unknown-reference',
    rule: 'unknown-reference',
    file: 'notes/missing-related.mdx',
    line: 6,
    message: /no source "fixture-texts".*`fixture-text`/,
  },
  {
    overlay: 'unknown-reference',
    rule: 'unknown-reference',
    file: 'notes/missing-related.mdx',
    line: 8,
    message: /no note "no-such-note"/,
  },
  {
    overlay: 'unknown-link',
    rule: 'unknown-link',
    file: 'notes/broken-wikilink.mdx',
    line: 11,
    message: /\[\[alpha-notes\]\].*`alpha-note`/,
  },
  {
    overlay: 'unknown-link-markdown',
    rule: 'unknown-link',
    file: 'notes/broken-markdown-link.mdx',
    line: 11,
    message: /\/plays\/no-such-play\//,
  },
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
  // The editorial rules of CONTRIBUTING.md (src/validate/editorial.ts): a note's shape and the controlled tag list.
  {
    overlay: 'note-too-short',
    rule: 'note-too-short',
    file: 'notes/short-note.mdx',
    line: 13,
    message: /has 8 words; a note needs at least 250/,
  },
  { overlay: 'note-links', rule: 'note-links', file: 'notes/unlinked-note.mdx', line: 13, message: /links to only 1 other entry/ },
  { overlay: 'note-reflect', rule: 'note-reflect', file: 'notes/one-question.mdx', line: 9, message: /only 1 reflection question/ },
  {
    overlay: 'too-many-reflect',
    rule: 'frontmatter-schema',
    file: 'notes/five-questions.mdx',
    line: 9,
    message: /at most 4 reflection questions/,
  },
  {
    overlay: 'tag-unknown',
    rule: 'tag-unknown',
    file: 'notes/typo-tag.mdx',
    line: 5,
    message: /"trusst" is not in .*tags\.yaml\. Did you mean `trust`/,
  },
  { overlay: 'tag-unknown', rule: 'tag-unknown', file: 'notes/plural-tag.mdx', line: 5, message: /"loyalties" .*the list has "loyalty"/ },
  {
    overlay: 'tag-near-duplicate',
    rule: 'tag-near-duplicate',
    file: 'tags.yaml',
    line: 5,
    message: /"self-service" is a near-duplicate of "self-serve"/,
  },
  { overlay: 'tag-underused', rule: 'tag-underused', file: 'tags.yaml', line: 4, message: /"history" is on no published note/ },
  { overlay: 'tag-list', rule: 'tag-list', file: 'tags.yaml', line: 3, message: /"trust" needs a one-line description/ },
  // Redirects (content/redirects.yaml, src/graph/redirects.ts): one finding per broken line, and links to an old id.
  {
    overlay: 'redirect',
    rule: 'redirect',
    file: 'redirects.yaml',
    line: 4,
    message: /"older-alpha-note" redirects to "old-alpha-note", which itself redirects \(line 3\)/,
  },
  { overlay: 'redirect', rule: 'redirect', file: 'redirects.yaml', line: 5, message: /loop: loop-a → loop-b → loop-a/ },
  { overlay: 'redirect', rule: 'redirect', file: 'redirects.yaml', line: 7, message: /"beta-note" is still an entry/ },
  { overlay: 'redirect', rule: 'redirect', file: 'redirects.yaml', line: 8, message: /no note "alpha-notes".*`alpha-note`/ },
  { overlay: 'redirect', rule: 'redirect', file: 'redirects.yaml', line: 9, message: /cannot redirect glossary entries/ },
  {
    overlay: 'redirect',
    rule: 'unknown-link',
    file: 'notes/old-link.mdx',
    line: 11,
    message: /old id "old-alpha-note", which now redirects to "alpha-note"/,
  },
  // Hostile input: each row guards one way of slipping something past the reader, the parsers or the safety policy.
  { overlay: 'html-between-comments', rule: 'raw-html', file: 'notes/hidden-html.md', line: 13, message: /<img src=x>/ },
  { overlay: 'html-between-comments', rule: 'mdx-event-handler', file: 'notes/hidden-handler.md', line: 13 },
  { overlay: 'html-between-comments', rule: 'raw-html', file: 'notes/bang-comment.md', line: 13, message: /<img src=x>/ },
  { overlay: 'html-between-comments', rule: 'raw-html', file: 'notes/abrupt-comment.md', line: 13, message: /<img src=x>/ },
  { overlay: 'unknown-link-reference', rule: 'unknown-link', file: 'notes/reference-link.mdx', line: 11, message: /\/notes\/nope\// },
  { overlay: 'unknown-link-reference', rule: 'unknown-link', file: 'notes/multi-line-link.mdx', line: 11, message: /\/notes\/nope\// },
  { overlay: 'unknown-link-reference', rule: 'unknown-link', file: 'notes/unused-definition.mdx', line: 13, message: /\/notes\/nope\// },
  {
    overlay: 'image-source-hostile',
    rule: 'image-source',
    file: 'notes/relative-svg-reference.mdx',
    line: 13,
    message: /\.\/diagram\.svg/,
  },
  {
    overlay: 'image-source-hostile',
    rule: 'image-source',
    file: 'notes/outside-reference.mdx',
    line: 13,
    message: /\.\.\/outside\/secret\.png/,
  },
  {
    overlay: 'image-source-hostile',
    rule: 'image-source',
    file: 'notes/outside-multi-line.mdx',
    line: 13,
    message: /\.\.\/outside\/secret\.png/,
  },
  { overlay: 'image-source-hostile', rule: 'image-source', file: 'notes/remote-image.mdx', line: 13, message: /https:\/\/example\.com/ },
  { overlay: 'image-format-svg', rule: 'image-format', file: 'notes/contributed-svg.mdx', line: 13, message: /SVG/ },
  { overlay: 'image-format-svg', rule: 'image-format', file: 'notes/svg-reference.mdx', line: 13, message: /SVG/ },
  { overlay: 'unsafe-url-backslash', rule: 'unsafe-url', file: 'notes/unc-link.mdx', line: 11, message: /backslash/ },
  { overlay: 'unsafe-url-backslash', rule: 'unsafe-url', file: 'notes/backslash-reference.md', line: 11, message: /backslash/ },
  { overlay: 'missing-frontmatter', rule: 'frontmatter-schema', file: 'notes/no-frontmatter.mdx', line: 1, message: /`title` is required/ },
  { overlay: 'invalid-id', rule: 'invalid-id', file: 'notes/Bad_Name.mdx', line: 1, message: /"Bad_Name\.mdx"/ },
  { overlay: 'invalid-id', rule: 'invalid-id', file: 'notes/a--b.mdx', line: 1, message: /"a--b\.mdx"/ },
  { overlay: 'invalid-id', rule: 'invalid-id', file: 'notes/UPPER.mdx', line: 1, message: /"UPPER\.mdx"/ },
  { overlay: 'invalid-id', rule: 'invalid-id', file: 'notes/.hidden.mdx', line: 1, message: /"\.hidden\.mdx"/ },
  { overlay: 'invalid-id', rule: 'invalid-id', file: 'notes/x#y.mdx', line: 1, message: /"x#y\.mdx"/ },
  { overlay: 'invalid-id', rule: 'invalid-id', file: 'notes/a;b.mdx', line: 1, message: /"a;b\.mdx"/ },
  { overlay: 'invalid-id', rule: 'invalid-id', file: 'notes/..mdx', line: 1, message: /"\.\.mdx"/ },
  { overlay: 'invalid-id', rule: 'invalid-id', file: 'notes/trailing-.md', line: 1, message: /"trailing-\.md"/ },
  { overlay: 'invalid-id', rule: 'invalid-id', file: 'plays/Team_Play.yaml', line: 1, message: /"Team_Play\.yaml"/ },
  { overlay: 'yaml-alias-bomb', rule: 'yaml-syntax', file: 'notes/laughs.mdx', line: 9, message: /anchors and aliases/ },
  { overlay: 'yaml-alias-bomb', rule: 'yaml-syntax', file: 'plays/laughs.yaml', line: 12, message: /anchors and aliases/ },
  { overlay: 'yaml-tag', rule: 'yaml-syntax', file: 'notes/binary-tag.mdx', line: 9, message: /tag "tag:yaml\.org,2002:binary"/ },
  { overlay: 'yaml-tag', rule: 'yaml-syntax', file: 'notes/custom-tag.mdx', line: 9, message: /tag "!foo"/ },
  { overlay: 'yaml-tag', rule: 'yaml-syntax', file: 'plays/tagged.yaml', line: 1, message: /python\/object/ },
  { overlay: 'yaml-nesting', rule: 'yaml-syntax', file: 'notes/deep-compact.mdx', line: 10, message: /more than 32 levels/ },
  { overlay: 'yaml-nesting', rule: 'yaml-syntax', file: 'notes/deep-indent.mdx', line: 42, message: /more than 32 levels/ },
  { overlay: 'yaml-nesting', rule: 'yaml-syntax', file: 'notes/deep-flow.mdx', line: 9, message: /more than 32 levels/ },
  {
    overlay: 'body-too-complex',
    rule: 'body-too-complex',
    file: 'notes/deep-quote.md',
    line: 13,
    message: /quotations are nested 20 deep/,
  },
  { overlay: 'body-too-complex', rule: 'body-too-complex', file: 'notes/deep-list.mdx', line: 13, message: /lists are nested 12 deep/ },
  { overlay: 'body-too-complex', rule: 'body-too-complex', file: 'notes/deep-indent.mdx', line: 38, message: /indented 50 columns/ },
  { overlay: 'body-too-complex', rule: 'body-too-complex', file: 'notes/emphasis-run.mdx', line: 25, message: /\* and _ characters/ },
  { overlay: 'body-too-complex', rule: 'body-too-complex', file: 'notes/bracket-run.mdx', line: 33, message: /\[ and \] characters/ },
  { overlay: 'body-too-complex', rule: 'body-too-complex', file: 'notes/long-line.mdx', line: 13, message: /10005 characters/ },
];
