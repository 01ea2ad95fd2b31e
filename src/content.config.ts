/**
 * Content collections: one glob loader per folder of the content directory
 * (`CONTENT_DIR`, default `content/`), validated by the schemas in src/schema/.
 * MDX entries (notes, themes) are rendered to HTML as they load, never compiled
 * to JavaScript: see src/content/static-mdx-loader.ts.
 */
import path from 'node:path';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { readSiteConfig } from './config.ts';
import { folderFingerprint, staticMdxLoader } from './content/static-mdx-loader.ts';
import { loadSiteGraph } from './graph/site-graph.ts';
import { createStaticRenderer } from './markdown/render-static.ts';
import {
  COLLECTIONS,
  glossarySchema,
  noteSchema,
  pathSchema,
  playSchema,
  sourceSchema,
  themeSchema,
  timelineSchema,
  type CollectionName,
} from './schema/index.ts';

const { contentDir, basePath } = readSiteConfig();

function globOptions(name: CollectionName) {
  const spec = COLLECTIONS[name];
  return {
    base: `${contentDir}/${spec.folder}`,
    pattern: spec.extensions.map((ext) => `*${ext}`),
    // The file name is the id, exactly (the default would re-slug it).
    generateId: ({ entry }: { entry: string }) => entry.replace(/\.[^.]+$/, ''),
  };
}

const loader = (name: CollectionName) => glob(globOptions(name));

/** For MDX collections: rendered as they load, with a cache that any change to the content or the code invalidates. */
const renderedLoader = (name: CollectionName) =>
  staticMdxLoader({
    // Pages use the rendered HTML only; keeping every body as well doubles the content store.
    glob: { ...globOptions(name), retainBody: false },
    renderer: () => createStaticRenderer({ graph: () => loadSiteGraph(contentDir), base: basePath }),
    fingerprint: () => folderFingerprint([contentDir, path.resolve('src')]),
  });

// Each schema is named here (not looked up) so every collection keeps its own data type.
export const collections = {
  notes: defineCollection({ loader: renderedLoader('notes'), schema: noteSchema }),
  themes: defineCollection({ loader: renderedLoader('themes'), schema: themeSchema }),
  plays: defineCollection({ loader: loader('plays'), schema: playSchema }),
  sources: defineCollection({ loader: loader('sources'), schema: sourceSchema }),
  glossary: defineCollection({ loader: loader('glossary'), schema: glossarySchema }),
  timeline: defineCollection({ loader: loader('timeline'), schema: timelineSchema }),
  paths: defineCollection({ loader: loader('paths'), schema: pathSchema }),
};
