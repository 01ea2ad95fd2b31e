import { z } from 'astro/zod';
import { citation, entryId, title } from './common.ts';

/** A date as precise as the source allows: `1897`, `2013-11` or `2017-03-15`. */
export const PARTIAL_DATE = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;

/** An event in `content/timeline/<id>.yaml`. */
export const timelineSchema = z
  .object({
    /** When: a year, a year and month, or a full date. @example '2013-11' */
    when: z.string().regex(PARTIAL_DATE, { message: 'write YYYY, YYYY-MM or YYYY-MM-DD, as precise as the source allows' }),
    /** A short headline for the event. */
    title,
    /** What happened and why it matters, in our words. */
    description: z.string().trim().min(20).max(600),
    /** Which band of the timeline the event sits in. */
    era: z.enum(['sears', 'amazon', 'service'], { message: 'use one of: sears, amazon, service' }),
    /** Notes about the event. */
    notes: z.array(entryId).default([]),
    /** Where the date comes from (`general` only for well-known dates). */
    sources: z.array(citation).min(1, { message: 'cite the source of the date' }),
  })
  .strict();

export type TimelineData = z.output<typeof timelineSchema>;
