/**
 * Renders a Markdown or MDX entry straight to HTML, without compiling it to JavaScript.
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
import { bodyTree } from '../graph/body.ts';
import type { GraphEntry } from '../graph/site-graph.ts';
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

/** Renders one entry of the graph from the tree the graph parsed (never parsing its body again). */
export type EntryRenderer = (entry: GraphEntry) => Promise<RenderedEntry>;

export function createStaticRenderer(options: PipelineOptions): EntryRenderer {
  const { remarkPlugins, rehypePlugins } = markdownPlugins(options);
  // The parser plugins (remark-mdx, remark-gfm) are listed so the processor knows the node types; the tree comes from ./parse.ts.
  const processor = unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(remarkGfm)
    .use(remarkUnravelComponents)
    .use(remarkPlugins as PluggableList)
    // No `allowDangerousHtml`: raw HTML nodes are dropped here even if a check were skipped.
    .use(remarkRehype, { handlers: staticComponentHandlers(options) as never })
    .use(rehypePlugins as PluggableList)
    // Collects the headings for the table of contents (ids are already set by the plugins above).
    .use(rehypeHeadingIds)
    .use(rehypeStringify)
    .freeze();

  return async (entry) => {
    const file = new VFile({
      value: entry.raw.body,
      path: entry.raw.absolutePath,
      data: { astro: { frontmatter: { ...(entry.data ?? {}) } } },
    });
    // Plugins change the tree they are given; the graph's copy stays as parsed.
    const html = processor.stringify(await processor.run(structuredClone(bodyTree(entry.raw)), file), file);
    const astro = (file.data as { astro?: { headings?: MarkdownHeading[]; frontmatter?: Record<string, unknown> } }).astro ?? {};
    return { html: String(html), metadata: { headings: astro.headings ?? [], frontmatter: astro.frontmatter ?? {}, imagePaths: [] } };
  };
}
