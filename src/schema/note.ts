import { z } from 'astro/zod';
import { citation, entryId, isoDate, summary, themeId, title } from './common.ts';

/** Frontmatter of a note in `content/notes/<id>.mdx` (or `.md`). */
export const noteSchema = z
  .object({
    /** The note's title, shown as its heading. */
    title,
    /** One sentence, at most 160 characters: lists, search results, meta description. */
    summary,
    /** The theme the note belongs to. @example 'cheng-chi' */
    theme: themeId,
    /** Topic tags, lowercase and hyphenated. @example ['loyalty', 'trust'] */
    tags: z.array(entryId).max(8, { message: 'use at most 8 tags' }).default([]),
    /** Where the note's facts and quotations come from: at least one. */
    sources: z.array(citation).min(1, { message: 'cite at least one source (or `general` with the fact it covers)' }),
    /** Ids of closely related notes, shown under the note. */
    related: z.array(entryId).default([]),
    /** The day the note was first written, YYYY-MM-DD. */
    created: isoDate,
    /** The day of the last substantial change, YYYY-MM-DD. */
    updated: isoDate.optional(),
    /** Drafts are checked but not published. */
    draft: z.boolean().default(false),
    /** Two to four questions for the reader to reflect on. */
    reflect: z
      .array(z.string().trim().min(10, { message: 'a reflection question needs at least 10 characters' }))
      .max(4, { message: 'ask at most 4 reflection questions' })
      .default([]),
    /** Set to false to stop glossary terms in this note from being linked automatically. */
    glossaryLinks: z.boolean().default(true),
  })
  .strict()
  .refine((note) => !note.updated || note.updated >= note.created, {
    message: '`updated` is earlier than `created`',
    path: ['updated'],
  });

export type NoteInput = z.input<typeof noteSchema>;
export type NoteData = z.output<typeof noteSchema>;
