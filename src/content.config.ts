/**
 * Content collections: one loader per collection, all fed from the one site
 * model (src/astro/loader.ts): every file under the content directory
 * (`CONTENT_DIR`, default `content/`) is read once, validated once by its
 * schema in src/schema/, and notes and themes are rendered to HTML from the
 * tree the checker read. The schemas are named here for Astro's types.
 */
import { defineCollection } from 'astro:content';
import { readSiteConfig } from './config.ts';
import { playbookLoader } from './astro/loader.ts';
import {
  glossarySchema,
  noteSchema,
  pathSchema,
  playSchema,
  sourceSchema,
  themeSchema,
  timelineSchema,
  type CollectionName,
} from './schema/index.ts';

const { contentDir, basePath, publicUrl } = readSiteConfig();
// In a build the notes' Markdown twins are made from the trees the loader renders, and each rendered entry is
// kept on disk for the next build's in-place body rebuild (src/astro/loader.ts).
const loader = (collection: CollectionName) => playbookLoader({ collection, contentDir, base: basePath, build: { publicUrl } });

// Each schema is named here (not looked up) so every collection keeps its own data type.
export const collections = {
  notes: defineCollection({ loader: loader('notes'), schema: noteSchema }),
  themes: defineCollection({ loader: loader('themes'), schema: themeSchema }),
  plays: defineCollection({ loader: loader('plays'), schema: playSchema }),
  sources: defineCollection({ loader: loader('sources'), schema: sourceSchema }),
  glossary: defineCollection({ loader: loader('glossary'), schema: glossarySchema }),
  timeline: defineCollection({ loader: loader('timeline'), schema: timelineSchema }),
  paths: defineCollection({ loader: loader('paths'), schema: pathSchema }),
};
