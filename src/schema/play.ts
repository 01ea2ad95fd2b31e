import { z } from 'astro/zod';
import { citation, entryId, summary, themeId, title } from './common.ts';

/** Prompt ids become PDF form-field names, so they stay short and plain. */
const promptId = z.string().regex(/^[a-z][a-z0-9-]{1,40}$/, { message: 'use a short lowercase id such as "who-are-they"' });
const question = z.string().trim().min(8, { message: 'write the prompt as a full question' });

/** The answer a prompt asks for. Each kind is sized on the worksheet. */
export const promptSchema = z.discriminatedUnion(
  'kind',
  [
    /** Free text on a number of ruled lines. */
    z.object({ id: promptId, question, kind: z.literal('lines'), lines: z.number().int().min(1).max(20) }).strict(),
    /** A 1-5 rating with labels for the two ends. */
    z.object({ id: promptId, question, kind: z.literal('scale'), low: z.string().min(2), high: z.string().min(2) }).strict(),
    /** Tick the options that apply. */
    z.object({ id: promptId, question, kind: z.literal('checklist'), options: z.array(z.string().min(2)).min(2).max(10) }).strict(),
    /** A single yes or no. */
    z.object({ id: promptId, question, kind: z.literal('yesno') }).strict(),
    /** A two-by-two grid, e.g. expected/surprising × now/next. */
    z
      .object({
        id: promptId,
        question,
        kind: z.literal('grid'),
        rows: z.tuple([z.string().min(2), z.string().min(2)]),
        columns: z.tuple([z.string().min(2), z.string().min(2)]),
      })
      .strict(),
    /** A table with named columns and a fixed number of empty rows. */
    z
      .object({
        id: promptId,
        question,
        kind: z.literal('table'),
        columns: z.array(z.string().min(2)).min(2).max(5),
        rows: z.number().int().min(1).max(10),
      })
      .strict(),
  ],
  { message: 'set `kind` to one of: lines, scale, checklist, yesno, grid, table' },
);
export type Prompt = z.output<typeof promptSchema>;
export type PromptKind = Prompt['kind'];

export const stepSchema = z
  .object({
    title: z.string().trim().min(3),
    /** How long the step takes. The steps add up to `runMinutes`. */
    minutes: z.number().int().min(1).max(120),
    /** What participants do, addressed to them. */
    instructions: z.string().trim().min(10),
    /** Notes for the facilitator only: what to watch for, how to keep time. */
    facilitator: z.string().trim().min(10).optional(),
    /** Ids of the prompts answered in this step. */
    prompts: z.array(promptId).default([]),
  })
  .strict();
export type Step = z.output<typeof stepSchema>;

/** A play in `content/plays/<id>.yaml`: a short workshop built on one or more notes. */
export const playSchema = z
  .object({
    title,
    /** Why a team would run it: one sentence. */
    purpose: summary,
    /** What the team has at the end. */
    outcome: z.string().trim().min(20),
    theme: themeId,
    /** The notes the play is built on (at least one). */
    notes: z.array(entryId).min(1, { message: 'link the play to at least one note it comes from' }),
    prepMinutes: z.number().int().min(0).max(240),
    runMinutes: z.number().int().min(5).max(240),
    groupSize: z
      .object({ min: z.number().int().min(1), max: z.number().int().min(1) })
      .strict()
      .refine((g) => g.min <= g.max, { message: '`min` is larger than `max`' }),
    roles: z.array(z.object({ name: z.string().min(2), does: z.string().min(10) }).strict()).default([]),
    materials: z.array(z.string().min(2)).default([]),
    steps: z.array(stepSchema).min(1),
    prompts: z.array(promptSchema).min(1, { message: 'a play needs at least one prompt for the worksheet' }),
    /** What to do after the session. */
    followUp: z.array(z.string().min(10)).default([]),
    sources: z.array(citation).min(1),
  })
  .strict()
  .superRefine((play, ctx) => {
    const total = play.steps.reduce((sum, step) => sum + step.minutes, 0);
    if (total !== play.runMinutes) {
      ctx.addIssue({
        code: 'custom',
        path: ['runMinutes'],
        message: `the steps add up to ${total} minutes but runMinutes is ${play.runMinutes}; make them agree`,
      });
    }
    const ids = new Set<string>();
    play.prompts.forEach((prompt, i) => {
      if (ids.has(prompt.id))
        ctx.addIssue({ code: 'custom', path: ['prompts', i, 'id'], message: `prompt id "${prompt.id}" is used twice` });
      ids.add(prompt.id);
    });
    play.steps.forEach((step, i) =>
      step.prompts.forEach((ref, j) => {
        if (!ids.has(ref)) ctx.addIssue({ code: 'custom', path: ['steps', i, 'prompts', j], message: `no prompt has the id "${ref}"` });
      }),
    );
  });

export type PlayData = z.output<typeof playSchema>;
