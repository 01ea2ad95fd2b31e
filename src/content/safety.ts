/**
 * The MDX safety policy. MDX is code: an expression runs with the builder's
 * rights when the site is built. This inspects a parsed tree (before anything
 * is compiled) and reports every construct outside the policy: Markdown plus
 * the allowlisted components with literal props.
 *
 * Used by the content checker (on a tree it parses itself) and by the build
 * (remark-safety, on the tree the MDX compiler parsed), so a skipped check
 * cannot let unsafe content through.
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { MDX_COMPONENTS, QUOTE_LIMITS } from './components.ts';

export interface SafetyIssue {
  rule: string;
  message: string;
  fix: string;
  line: number;
  column: number;
}

const EMBED_TAGS = new Set(['iframe', 'object', 'embed', 'frame', 'frameset', 'applet', 'portal']);
const UNSAFE_URL = /^\s*(?:javascript|data|vbscript|file):/i;

interface Positioned {
  position?: { start: { line: number; column: number } } | undefined;
}
const at = (node: Positioned) => ({ line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 });

/** Words and sentences of a quotation's text. */
export function measureQuote(text: string): { words: number; sentences: number } {
  const clean = text.replace(/\s+/g, ' ').trim();
  const words = clean ? clean.split(' ').length : 0;
  const sentences = clean.split(/(?<=[.!?…])["”’)]*\s+(?=["“‘(]?[A-Z0-9])/).filter((s) => s.trim()).length;
  return { words, sentences };
}

interface JsxAttribute {
  type: string;
  name?: string;
  value?: unknown;
}
interface JsxNode extends Positioned {
  type: string;
  name: string | null;
  attributes: JsxAttribute[];
  children?: unknown[];
}

const plainText = (node: unknown): string => {
  const n = node as { type?: string; value?: string; children?: unknown[] };
  if (n.type === 'text' || n.type === 'inlineCode') return n.value ?? '';
  return (n.children ?? []).map(plainText).join(n.type === 'root' ? '\n' : '');
};

function checkElement(node: JsxNode, issues: SafetyIssue[]) {
  const where = at(node);
  const name = node.name;
  if (name === null) {
    issues.push({ ...where, rule: 'mdx-component', message: 'a JSX fragment (<>…</>) is not allowed', fix: 'remove the fragment and keep its contents' });
    return;
  }
  const lower = name.toLowerCase();
  if (lower === 'script') {
    issues.push({ ...where, rule: 'mdx-script', message: '<script> is not allowed in content', fix: 'remove it; content cannot run scripts' });
    return;
  }
  if (lower === 'style') {
    issues.push({ ...where, rule: 'mdx-style', message: '<style> is not allowed in content', fix: 'remove it; the site’s stylesheet styles all content' });
    return;
  }
  if (EMBED_TAGS.has(lower)) {
    issues.push({ ...where, rule: 'mdx-embed', message: `<${name}> embeds are not allowed`, fix: 'link to the page with a normal Markdown link instead' });
    return;
  }
  const spec = MDX_COMPONENTS[name];
  for (const attribute of node.attributes) {
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      issues.push({ ...where, rule: 'mdx-expression', message: `<${name}> has a spread or expression attribute`, fix: 'give props as plain strings: name="value"' });
      continue;
    }
    const prop = attribute.name ?? '';
    if (/^on/i.test(prop)) {
      issues.push({ ...where, rule: 'mdx-event-handler', message: `<${name}> has an event-handler attribute "${prop}"`, fix: 'remove it; content cannot run scripts' });
      continue;
    }
    if (attribute.value !== null && typeof attribute.value === 'object') {
      issues.push({ ...where, rule: 'mdx-expression', message: `<${name} ${prop}={…}> uses a JavaScript expression`, fix: `write the value as a plain string: ${prop}="…"` });
      continue;
    }
    if (typeof attribute.value === 'string' && UNSAFE_URL.test(attribute.value)) {
      issues.push({ ...where, rule: 'unsafe-url', message: `<${name} ${prop}> holds a ${attribute.value.split(':')[0]}: URL`, fix: 'use an https:// address or a link to a page of this site' });
    }
    if (spec && ![...spec.required, ...spec.optional].includes(prop)) {
      issues.push({ ...where, rule: 'mdx-component-prop', message: `<${name}> has no prop "${prop}"`, fix: `use only: ${[...spec.required, ...spec.optional].join(', ') || 'no props'}` });
    }
    const allowed = spec?.values?.[prop];
    if (allowed && typeof attribute.value === 'string' && !allowed.includes(attribute.value)) {
      issues.push({ ...where, rule: 'mdx-component-prop', message: `<${name} ${prop}="${attribute.value}"> is not a known value`, fix: `use one of: ${allowed.join(', ')}` });
    }
  }
  if (!spec) {
    issues.push({
      ...where,
      rule: 'mdx-component',
      message: `<${name}> is not an allowed component or element`,
      fix: `use Markdown for formatting; the allowed components are ${Object.keys(MDX_COMPONENTS).join(', ')}`,
    });
    return;
  }
  for (const required of spec.required) {
    if (!node.attributes.some((a) => a.name === required)) {
      issues.push({ ...where, rule: 'mdx-component-prop', message: `<${name}> needs the prop "${required}"`, fix: `add ${required}="…"` });
    }
  }
  if (name === 'Quote') {
    const { words, sentences } = measureQuote(plainText(node));
    if (words > QUOTE_LIMITS.words || sentences > QUOTE_LIMITS.sentences) {
      issues.push({
        ...where,
        rule: 'quote-too-long',
        message: `the quotation has ${words} words in ${sentences} sentences`,
        fix: `quote at most ${QUOTE_LIMITS.sentences} sentences and ${QUOTE_LIMITS.words} words; paraphrase the rest in your own words`,
      });
    }
  }
}

function checkHtml(value: string, node: Positioned, issues: SafetyIssue[]) {
  const where = at(node);
  // Comments are dropped when rendered; anything else in the node, even between two comments, is raw HTML.
  // A comment ends where a browser ends it: at `-->` or `--!>`, and `<!-->` / `<!--->` are empty comments.
  const trimmed = value.replace(/<!--(?:-?>|[\s\S]*?--!?>)/g, '').trim();
  if (trimmed === '') return;
  const tag = /^<\/?\s*([a-z][\w-]*)/i.exec(trimmed)?.[1]?.toLowerCase();
  if (tag === 'script') issues.push({ ...where, rule: 'mdx-script', message: '<script> is not allowed in content', fix: 'remove it; content cannot run scripts' });
  else if (tag === 'style') issues.push({ ...where, rule: 'mdx-style', message: '<style> is not allowed in content', fix: 'remove it' });
  else if (tag && EMBED_TAGS.has(tag)) issues.push({ ...where, rule: 'mdx-embed', message: `<${tag}> embeds are not allowed`, fix: 'link to the page instead' });
  else if (/\son[a-z]+\s*=/i.test(trimmed)) issues.push({ ...where, rule: 'mdx-event-handler', message: 'an event-handler attribute is not allowed', fix: 'remove it' });
  else issues.push({ ...where, rule: 'raw-html', message: `raw HTML (${trimmed.slice(0, 30)}) is not allowed`, fix: 'use Markdown, or one of the allowed components in an .mdx file' });
}

/** Every violation of the policy in a parsed Markdown or MDX tree. */
export function inspectTree(tree: Root): SafetyIssue[] {
  const issues: SafetyIssue[] = [];
  visit(tree, (node) => {
    const type = node.type as string;
    if (type === 'mdxjsEsm') {
      issues.push({ ...at(node), rule: 'mdx-import-export', message: '`import` and `export` are not allowed in content', fix: 'remove the statement; the allowed components are available without importing' });
    } else if (type === 'mdxFlowExpression' || type === 'mdxTextExpression') {
      issues.push({ ...at(node), rule: 'mdx-expression', message: 'a {…} expression is not allowed: it would run as code', fix: 'remove the braces, or escape a literal brace as \\{' });
    } else if (type === 'mdxJsxFlowElement' || type === 'mdxJsxTextElement') {
      checkElement(node as unknown as JsxNode, issues);
    } else if (type === 'html') {
      checkHtml((node as { value: string }).value, node, issues);
    } else if (type === 'link' || type === 'image' || type === 'definition') {
      const url = (node as { url: string }).url;
      if (UNSAFE_URL.test(url)) {
        issues.push({ ...at(node), rule: 'unsafe-url', message: `a ${url.split(':')[0]}: URL is not allowed`, fix: 'use an https:// address or a link to a page of this site' });
      }
    }
  });
  return issues.sort((a, b) => a.line - b.line || a.column - b.column);
}
