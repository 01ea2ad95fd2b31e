import { z } from 'astro/zod';
import { citation, entryId, visible } from './common.ts';

/** A glossary term in `content/glossary/<id>.yaml`. */
export const glossarySchema = z
  .object({
    /** The term as it is written in prose. @example 'Schwerpunkt' */
    term: visible(z.string().trim().min(2)),
    /** Other spellings that also count as a use of the term (for automatic links). */
    aliases: z.array(visible(z.string().trim().min(2))).default([]),
    /** The definition in our words: one to three sentences. */
    definition: visible(z.string().trim().min(20).max(600, { message: 'keep a definition to 600 characters; put the rest in a note' })),
    /** Notes that explain or use the term. */
    notes: z.array(entryId).default([]),
    /** Where the term comes from. */
    sources: z.array(citation).default([]),
  })
  .strict();

export type GlossaryData = z.output<typeof glossarySchema>;
