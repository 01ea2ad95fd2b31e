// @ts-check
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { readSiteConfig } from './src/config.ts';
import playbookContent from './src/integration.ts';
import { isRedirectPage } from './src/graph/redirects.ts';
import { loadSiteGraph } from './src/graph/site-graph.ts';

const config = readSiteConfig();
// Astro caches loaded content per project; builds of other content folders
// (tests, benchmarks) get a cache of their own so they never mix entries.
const isDefaultContent = config.contentDir === path.resolve('content');
const cacheDir = isDefaultContent
  ? undefined
  : `./node_modules/.astro/content-${createHash('sha256').update(config.contentDir).digest('hex').slice(0, 12)}`;

export default defineConfig({
  site: config.siteUrl,
  base: config.basePath,
  trailingSlash: 'always',
  ...(cacheDir && { cacheDir }),
  // Two routes for one URL fail the build instead of silently picking one.
  prerenderConflictBehavior: 'error',
  // Content is rendered by our own loader (src/astro/loader.ts), not by Astro's Markdown or MDX
  // integrations; Shiki's inline styles would break the CSP anyway.
  markdown: { syntaxHighlight: false },
  integrations: [
    playbookContent({ contentDir: config.contentDir }),
    // Filtered views of /plays/ are navigation, not content, and run mode is a tool: keep them out of the sitemap,
    // with the old addresses of merged entries (content/redirects.yaml), which only send readers on.
    sitemap({
      filter: (page) =>
        !page.includes('/plays/filter/') &&
        !page.endsWith('/run/') &&
        !isRedirectPage(loadSiteGraph(config.contentDir).redirects.redirects, config.basePath, page),
    }),
  ],
  build: { format: 'directory' },
  // A strict Content Security Policy as a <meta> on every page: Astro hashes the
  // scripts and styles it emits; nothing inline is allowed beyond those hashes.
  // Pagefind (search page only) compiles WebAssembly and runs a worker.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
  devToolbar: { enabled: false },
  // The composer's "Download the pack" loads pdfkit, fontkit and the worksheet code as one chunk
  // (about 600 kB, 240 kB gzip) when it is pressed, never before (src/components/plays/pack-download.ts).
  vite: { build: { chunkSizeWarningLimit: 700 } },
  // Pages whose getStaticPaths() gives a cacheKey (src/data/page-keys.ts) are kept from the last build when it is unchanged.
  experimental: { incrementalBuild: true },
});
