/**
 * Content collections: one glob loader per folder of the content directory
 * (`CONTENT_DIR`, default `content/`), validated by the schemas in src/schema/.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { readSiteConfig } from './config.ts';
import { COLLECTIONS, type CollectionName } from './schema/index.ts';

const { contentDir } = readSiteConfig();

function collection(name: CollectionName) {
  const spec = COLLECTIONS[name];
  return defineCollection({
    loader: glob({
      base: `${contentDir}/${spec.folder}`,
      pattern: spec.extensions.map((ext) => `*${ext}`),
      // The file name is the id, exactly (the default would re-slug it).
      generateId: ({ entry }) => entry.replace(/\.[^.]+$/, ''),
    }),
    schema: spec.schema,
  });
}

export const collections = {
  notes: collection('notes'),
  themes: collection('themes'),
  plays: collection('plays'),
  sources: collection('sources'),
  glossary: collection('glossary'),
  timeline: collection('timeline'),
  paths: collection('paths'),
};
