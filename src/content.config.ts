/**
 * Content collections: one glob loader per folder of the content directory
 * (`CONTENT_DIR`, default `content/`), validated by the schemas in src/schema/.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { readSiteConfig } from './config.ts';
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

const { contentDir } = readSiteConfig();

function loader(name: CollectionName) {
  const spec = COLLECTIONS[name];
  return glob({
    base: `${contentDir}/${spec.folder}`,
    pattern: spec.extensions.map((ext) => `*${ext}`),
    // The file name is the id, exactly (the default would re-slug it).
    generateId: ({ entry }) => entry.replace(/\.[^.]+$/, ''),
  });
}

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
