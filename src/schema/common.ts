/**
 * Field types shared by every content schema. Each one carries the message a
 * contributor sees when the value is wrong, so errors say what to write.
 */
import { z } from 'astro/zod';
import { codePoint, CONTROL, describeCharacter, INVISIBLE } from '../util/invisible.ts';

/**
 * Refuses invisible and bidirectional formatting characters (U+202E and its
 * relatives, zero-width spaces and joiners, U+FEFF, the soft hyphen), and
 * control characters other than tab and line feed: unseen in an editor and in
 * review, they reorder or hide what readers see in titles, lists, search
 * results and the terminal. Add it to every string shown as text.
 * @example visible(z.string().min(2))
 */
export function visible<T extends z.ZodType<string>>(schema: T): T {
  return schema.superRefine((value, ctx) => {
    const at = (index: number) => [...value.slice(0, index)].length + 1;
    const invisible = INVISIBLE.exec(value);
    if (invisible) {
      ctx.addIssue({
        code: 'custom',
        message: `holds ${describeCharacter(invisible[0])} at character ${at(invisible.index)}, an invisible formatting character that can reorder or hide the text around it; delete it (if your editor does not show it, retype the text)`,
      });
    }
    // The file itself cannot hold control characters (the reader refuses them), but a YAML escape such as "\e" can.
    const control = CONTROL.exec(value);
    if (control) {
      ctx.addIssue({
        code: 'custom',
        message: `holds the control character ${codePoint(control[0])} at character ${at(control.index)}; delete it (a YAML escape such as "\\e" or "\\x1b" in quotes writes one)`,
      });
    }
  });
}

/** The three themes of the site. Entries in `content/themes/` use these ids. */
export const THEME_IDS = ['customer-obsession', 'cheng-chi', 'sears-to-amazon'] as const;
export type ThemeId = (typeof THEME_IDS)[number];

/** Ids and tags: lowercase words joined by hyphens, e.g. `working-backwards`. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const entryId = z.string().regex(ID_PATTERN, { message: 'use lowercase words joined by hyphens, for example "working-backwards"' });

export const themeId = z.enum(THEME_IDS, {
  message: `use one of: ${THEME_IDS.join(', ')}`,
});

/** `general` marks common public knowledge that none of the source texts states. */
export const GENERAL_SOURCE = 'general';

/**
 * A citation: which source says this, and where in it.
 * @example { id: 'temkin-marketing-by-the-book', locator: 'the three questions' }
 * @example { id: 'general', locator: 'Amazon launched Prime in 2005' }
 */
export const citation = z
  .object({
    /** A source id from `content/sources/`, or `general` for common knowledge. */
    id: entryId,
    /** A cue a reader can find: a section, a paragraph's opening words, a figure. For `general`, the fact itself. */
    locator: visible(z.string().trim().min(3, { message: 'say where in the source: a section, or the opening words of a paragraph' })),
  })
  .strict();
export type Citation = z.infer<typeof citation>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A calendar date written `YYYY-MM-DD`. YAML parsers disagree on whether that
 * is a string or a Date, so both are accepted and the result is always a Date at UTC midnight.
 */
export const isoDate = z
  .union([z.date(), z.string().regex(ISO_DATE, { message: 'write the date as YYYY-MM-DD, for example 2026-11-23' })])
  .transform((value) => (typeof value === 'string' ? new Date(`${value}T00:00:00Z`) : value))
  .refine((date) => !Number.isNaN(date.getTime()), { message: 'not a real calendar date' });

/** Short one-line text used in lists, cards and meta descriptions. */
export const summary = visible(
  z
    .string()
    .trim()
    .min(20, { message: 'write a one-sentence summary of at least 20 characters' })
    .max(160, { message: 'keep the summary to 160 characters or fewer (it is used as the meta description)' }),
);

export const title = visible(
  z
    .string()
    .trim()
    .min(3, { message: 'give a title of at least 3 characters' })
    .max(90, { message: 'keep the title to 90 characters or fewer' }),
);
