/**
 * The content model: every collection, where its files live and the schema that
 * validates them. The Astro site (src/content.config.ts) and every script
 * import this module, so each field is defined exactly once.
 */
import type { z } from 'astro/zod';
import { glossarySchema } from './glossary.ts';
import { noteSchema } from './note.ts';
import { pathSchema } from './path.ts';
import { playSchema } from './play.ts';
import { sourceSchema } from './source.ts';
import { themeSchema } from './theme.ts';
import { timelineSchema } from './timeline.ts';

export interface CollectionSpec {
  /** Folder under the content directory. */
  folder: string;
  /** File extensions the collection accepts. */
  extensions: readonly string[];
  /** Whether entries have a Markdown body (frontmatter + body) or are pure data (YAML). */
  body: boolean;
  schema: z.ZodType;
  /** The URL of an entry, without base path; `null` for collections without pages. */
  route: (id: string) => string | null;
}

export const COLLECTIONS = {
  notes: { folder: 'notes', extensions: ['.mdx', '.md'], body: true, schema: noteSchema, route: (id) => `/notes/${id}/` },
  themes: { folder: 'themes', extensions: ['.mdx', '.md'], body: true, schema: themeSchema, route: (id) => `/themes/${id}/` },
  plays: { folder: 'plays', extensions: ['.yaml', '.yml'], body: false, schema: playSchema, route: (id) => `/plays/${id}/` },
  sources: { folder: 'sources', extensions: ['.yaml', '.yml'], body: false, schema: sourceSchema, route: (id) => `/sources/${id}/` },
  glossary: { folder: 'glossary', extensions: ['.yaml', '.yml'], body: false, schema: glossarySchema, route: (id) => `/glossary/#${id}` },
  timeline: { folder: 'timeline', extensions: ['.yaml', '.yml'], body: false, schema: timelineSchema, route: (id) => `/timeline/#${id}` },
  paths: { folder: 'paths', extensions: ['.yaml', '.yml'], body: false, schema: pathSchema, route: (id) => `/paths/${id}/` },
} as const satisfies Record<string, CollectionSpec>;

export type CollectionName = keyof typeof COLLECTIONS;

/** Each collection's data, as its schema outputs it. */
export interface CollectionData {
  notes: z.output<typeof noteSchema>;
  themes: z.output<typeof themeSchema>;
  plays: z.output<typeof playSchema>;
  sources: z.output<typeof sourceSchema>;
  glossary: z.output<typeof glossarySchema>;
  timeline: z.output<typeof timelineSchema>;
  paths: z.output<typeof pathSchema>;
}
export const COLLECTION_NAMES = Object.keys(COLLECTIONS) as CollectionName[];

export * from './common.ts';
export { glossarySchema, noteSchema, pathSchema, playSchema, sourceSchema, themeSchema, timelineSchema };
export type { NoteData } from './note.ts';
export type { PlayData, Prompt, PromptKind, Step } from './play.ts';
export type { SourceData } from './source.ts';
export type { GlossaryData } from './glossary.ts';
export type { TimelineData } from './timeline.ts';
export type { ThemeData } from './theme.ts';
export type { PathData } from './path.ts';
