import { z } from 'astro/zod';
import { summary, title } from './common.ts';

/** A theme in `content/themes/<id>.mdx`; the body is the essay that opens the theme page. */
export const themeSchema = z
  .object({
    title,
    summary,
    /** Position on the home page and in navigation, from 1. */
    order: z.number().int().min(1),
  })
  .strict();

export type ThemeData = z.output<typeof themeSchema>;
