/**
 * Parses a body the way the site's renderer will, without compiling it: MDX
 * syntax for `.mdx` files, plain Markdown for `.md`. Nothing is evaluated.
 */
import type { Root } from 'mdast';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const markdown = unified().use(remarkParse);
const mdx = unified().use(remarkParse).use(remarkMdx);

export type ParseResult = { ok: true; tree: Root } | { ok: false; message: string; line: number; column: number };

export function parseBody(body: string, extension: string): ParseResult {
  try {
    return { ok: true, tree: (extension === '.mdx' ? mdx : markdown).parse(body) };
  } catch (error) {
    const place = (error as { place?: { line?: number; column?: number; start?: { line: number; column: number } } }).place;
    const line = place?.start?.line ?? place?.line ?? 1;
    const column = place?.start?.column ?? place?.column ?? 1;
    const reason = (error as { reason?: string }).reason ?? (error as Error).message;
    return { ok: false, message: reason, line, column };
  }
}
