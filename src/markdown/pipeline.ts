/**
 * The site's unified plugin lists, in order. astro.config.mjs hands them to
 * `unified()` from @astrojs/markdown-remark, which runs them for `.md` and `.mdx`.
 */
import { rehypeHeadingIds, type RehypePlugins, type RemarkPlugins } from '@astrojs/markdown-remark';
import type { Element, Properties } from 'hast';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import rehypeExternalLinks from 'rehype-external-links';
import type { SiteGraph } from '../graph/site-graph.ts';
import { toText } from '../lib/hast-text.ts';
import rehypeTableScroll from './rehype-table-scroll.ts';
import remarkGlossary from './remark-glossary.ts';
import remarkLinks from './remark-links.ts';
import remarkReadingTime from './remark-reading-time.ts';
import remarkSafety from './remark-safety.ts';
import remarkTypography from './remark-typography.ts';

export interface PipelineOptions {
  graph: () => SiteGraph;
  base: string;
}

export function markdownPlugins({ graph, base }: PipelineOptions): {
  remarkPlugins: RemarkPlugins;
  rehypePlugins: RehypePlugins;
  smartypants: false;
} {
  return {
    // Our own typography pass replaces smartypants (see remark-typography.ts for why).
    smartypants: false,
    // Safety first: nothing else touches a tree that breaks the policy.
    // Glossary links come last: they must not count as the author's links, nor be typographed twice.
    remarkPlugins: [remarkSafety, [remarkLinks, { graph, base }], remarkTypography, remarkReadingTime, [remarkGlossary, { graph, base }]],
    rehypePlugins: [
      // Ids first (Astro adds them only after user plugins in MDX), so anchors can link to them.
      rehypeHeadingIds,
      [
        rehypeAutolinkHeadings,
        {
          behavior: 'append',
          // Not the visually hidden footnotes heading that remark-gfm adds.
          test: (element: Element) => ['h2', 'h3', 'h4'].includes(element.tagName) && element.properties.id !== 'footnote-label',
          // An empty, aria-hidden icon: no text enters the heading, so the table of contents stays clean.
          content: { type: 'element', tagName: 'span', properties: { className: ['anchor-icon'], ariaHidden: 'true' }, children: [] },
          properties: (element: Element): Properties => ({
            className: ['heading-anchor'],
            ariaLabel: `Link to the section “${toText(element)}”`,
          }),
        },
      ],
      [rehypeExternalLinks, { rel: ['noopener', 'noreferrer'], properties: { className: ['external'] } }],
      // Wide tables scroll in a labelled box of their own, never the page.
      rehypeTableScroll,
    ],
  };
}
