/**
 * Renders an MDX entry straight to HTML, without compiling it to JavaScript.
 *
 * MDX compilation turns every note into a JS module that Vite then transforms
 * and bundles: most of a large build's time, for content that (under our
 * safety policy) holds no code at all. Here the body is parsed with remark-mdx,
 * the exact MDX syntax, so it reads the same as the MDX compiler would; our
 * remark and rehype plugins run as they do for MDX; the allowed components
 * become static HTML (./static-components.ts); and the tree is stringified.
 */
import { rehypeHeadingIds, type MarkdownHeading } from '@astrojs/markdown-remark';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type PluggableList } from 'unified';
import { VFile } from 'vfile';
import { markdownPlugins, type PipelineOptions } from './pipeline.ts';
import { remarkUnravelComponents, staticComponentHandlers } from './static-components.ts';

/** What Astro's content layer stores as an entry's `rendered` field. */
export interface RenderedEntry {
  html: string;
  metadata: {
    headings: MarkdownHeading[];
    /** The entry's frontmatter plus what plugins added (reading time), read back as `remarkPluginFrontmatter`. */
    frontmatter: Record<string, unknown>;
    imagePaths: string[];
  };
}

export type StaticRenderer = (body: string, options: { filePath?: string; frontmatter?: Record<string, unknown> }) => Promise<RenderedEntry>;

export function createStaticRenderer(options: PipelineOptions): StaticRenderer {
  const { remarkPlugins, rehypePlugins } = markdownPlugins(options);
  const processor = unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(remarkGfm)
    .use(remarkUnravelComponents)
    .use(remarkPlugins as PluggableList)
    .use(remarkRehype, { handlers: staticComponentHandlers(options) as never })
    .use(rehypePlugins as PluggableList)
    // Collects the headings for the table of contents (ids are already set by the plugins above).
    .use(rehypeHeadingIds)
    .use(rehypeStringify)
    .freeze();

  return async (body, { filePath, frontmatter = {} }) => {
    const file = new VFile({ value: body, ...(filePath && { path: filePath }), data: { astro: { frontmatter: { ...frontmatter } } } });
    const result = await processor.process(file);
    const astro = (result.data as { astro?: { headings?: MarkdownHeading[]; frontmatter?: Record<string, unknown> } }).astro ?? {};
    return { html: String(result.value), metadata: { headings: astro.headings ?? [], frontmatter: astro.frontmatter ?? {}, imagePaths: [] } };
  };
}
