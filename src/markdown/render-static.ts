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
import type { Root } from 'mdast';
import { VFile } from 'vfile';
import type { SiteGraph } from '../graph/site-graph.ts';
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

const treeIndexes = new WeakMap<SiteGraph, Map<string, { body: string; tree: Root }>>();
/** The graph's tree of a file, if the body to render is that file's body. */
function treeOf(graph: SiteGraph, filePath: string, body: string): Root | undefined {
  let index = treeIndexes.get(graph);
  if (!index) {
    index = new Map([...graph.entries.values()].flatMap((entry) => (entry.tree ? [[entry.raw.absolutePath, { body: entry.raw.body, tree: entry.tree }] as const] : [])));
    treeIndexes.set(graph, index);
  }
  const found = index.get(filePath);
  return found && found.body.trim() === body.trim() ? found.tree : undefined;
}

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
    // The tree the graph and the checker read, when the entry is in the graph: one parse per body.
    const parsed = filePath ? treeOf(options.graph(), filePath, body) : undefined;
    const tree = parsed ? structuredClone(parsed) : processor.parse(file);
    const html = processor.stringify(await processor.run(tree, file), file);
    const astro = (file.data as { astro?: { headings?: MarkdownHeading[]; frontmatter?: Record<string, unknown> } }).astro ?? {};
    return { html: String(html), metadata: { headings: astro.headings ?? [], frontmatter: astro.frontmatter ?? {}, imagePaths: [] } };
  };
}
