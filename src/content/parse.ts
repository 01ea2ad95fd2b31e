/**
 * Parses a body once, the way the site's renderer reads it: MDX syntax for
 * `.mdx` files, plain Markdown for `.md`, GitHub-flavoured in both. Nothing is
 * evaluated. The checker, the link graph and the renderer all use this tree.
 * Input outside ./limits.ts is refused before the parser sees it, and a parser
 * failure of any kind becomes a positioned problem, never a crash.
 */
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { bodyLimitProblem } from './limits.ts';

const markdown = unified().use(remarkParse).use(remarkGfm).freeze();
const mdx = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).freeze();

export type ParseResult = { ok: true; tree: Root } | { ok: false; rule: 'mdx-syntax' | 'body-too-complex'; message: string; fix: string; line: number; column: number };

export function parseBody(body: string, extension: string): ParseResult {
  const limit = bodyLimitProblem(body);
  if (limit) return { ok: false, rule: 'body-too-complex', ...limit };
  const processor = extension === '.mdx' ? mdx : markdown;
  try {
    return { ok: true, tree: processor.parse(body) };
  } catch (error) {
    const place = (error as { place?: { line?: number; column?: number; start?: { line: number; column: number } } }).place;
    const line = place?.start?.line ?? place?.line ?? 1;
    const column = place?.start?.column ?? place?.column ?? 1;
    const reason = (error as { reason?: string }).reason ?? (error as Error).message;
    return {
      ok: false,
      rule: 'mdx-syntax',
      message: `the body does not parse: ${reason}`,
      fix: 'check for an unclosed component or a stray < or {; write \\< or \\{ for a literal character',
      line,
      column,
    };
  }
}
