import { z } from 'astro/zod';
import { entryId, summary, themeId, title } from './common.ts';

/** A reading path in `content/paths/<id>.yaml`: an ordered walk through notes. */
export const pathSchema = z
  .object({
    title,
    summary,
    theme: themeId,
    /** The notes in reading order, each with a one-line reason to read it now. */
    steps: z
      .array(z.object({ note: entryId, why: z.string().trim().min(10).max(200) }).strict())
      .min(3, { message: 'a reading path needs at least 3 steps' }),
  })
  .strict();

export type PathData = z.output<typeof pathSchema>;
