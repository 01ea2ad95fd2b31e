import { z } from 'astro/zod';
import { entryId, summary, title } from './common.ts';

/**
 * A source in `content/sources/<id>.yaml`: one of the texts the site is written
 * from (`kind: text`), or a work those texts cite (`kind: work`).
 * Author and date are given only where a text states them.
 */
export const sourceSchema = z
  .object({
    /** The title as the text gives it. */
    title,
    /** `text`: one of the source documents; `work`: something a text cites. */
    kind: z.enum(['text', 'work'], { message: 'use `text` for a source document or `work` for something a text cites' }),
    /** The author, only if a text names them. Leave out otherwise. */
    author: z.string().trim().min(2).optional(),
    /** The date as a text gives it (a year, a month, a day). Leave out if no text says. */
    date: z.string().trim().min(4).optional(),
    /** For `kind: text`: the file name in the sources folder, used by the quotation check. */
    file: z
      .string()
      .regex(/^[\w.-]+\.txt$/, { message: 'give the file name of the text, for example 001_2e631b88d36cfdd4.txt' })
      .optional(),
    /** One sentence on what the source is. */
    summary,
    /** What the source texts say about it, in our words. */
    about: z.string().trim().min(20),
    /** For `kind: work`: ids of the texts that cite it. */
    citedIn: z.array(entryId).default([]),
    /** A web address, only if a text gives one. Never invent one. */
    url: z.url({ message: 'give a full https:// address, or leave `url` out' }).optional(),
  })
  .strict()
  .refine((source) => source.kind !== 'text' || source.file, {
    message: 'a source text needs `file`, the name of its file in the sources folder',
    path: ['file'],
  })
  .refine((source) => source.kind !== 'work' || source.citedIn.length > 0, {
    message: 'a cited work needs `citedIn`: the ids of the texts that mention it',
    path: ['citedIn'],
  });

export type SourceData = z.output<typeof sourceSchema>;
