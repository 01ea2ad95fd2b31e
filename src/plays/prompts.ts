/**
 * A play's prompts in the order a session reaches them (how every output
 * numbers them), what each asks for in words, and which steps answer it. The
 * words are the PDF's and Markdown's (./strings.ts), so web and print describe
 * a prompt alike.
 */
import type { PlayData, Prompt, Step } from '../schema/play.ts';
import { strings } from './strings.ts';

export interface PromptGroup {
  /** The step that first asks for these prompts, or returns to earlier ones; absent for prompts no step names. */
  step?: { number: number; step: Step };
  /** Prompts this step asks first. */
  prompts: Prompt[];
  /** Prompts this step names that an earlier step asked first (a grid's second column, say). */
  revisits: Prompt[];
}

/**
 * The prompts in the order a session reaches them: by the first step that names
 * each, then any prompt no step names, in file order. Every step that names a
 * prompt has a group, so a step that writes into an earlier prompt is not lost.
 */
export function promptsInStepOrder(play: Pick<PlayData, 'steps' | 'prompts'>): PromptGroup[] {
  const byId = new Map(play.prompts.map((p) => [p.id, p]));
  const placed = new Set<string>();
  const groups: PromptGroup[] = [];
  play.steps.forEach((step, i) => {
    const named = [...new Set(step.prompts)].flatMap((id) => (byId.get(id) ? [byId.get(id) as Prompt] : []));
    const prompts = named.filter((p) => !placed.has(p.id));
    const revisits = named.filter((p) => placed.has(p.id));
    prompts.forEach((p) => placed.add(p.id));
    if (named.length > 0) groups.push({ step: { number: i + 1, step }, prompts, revisits });
  });
  const rest = play.prompts.filter((p) => !placed.has(p.id));
  if (rest.length > 0) groups.push({ prompts: rest, revisits: [] });
  return groups;
}

/** Each prompt id's number on the worksheet (1-based, in step order). */
export function promptNumbers(play: Pick<PlayData, 'steps' | 'prompts'>): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const group of promptsInStepOrder(play)) for (const prompt of group.prompts) numbers.set(prompt.id, numbers.size + 1);
  return numbers;
}

/**
 * The prompts in the order a session reaches them (by the first step that asks
 * each), which is how the PDF and Markdown worksheets number them: the web
 * pages list them the same way, so question 3 is question 3 everywhere.
 */
export const promptsInSessionOrder = (play: Pick<PlayData, 'steps' | 'prompts'>): Prompt[] =>
  promptsInStepOrder(play).flatMap((group) => group.prompts);

/** The answer a prompt expects, in one short phrase, e.g. "Scale from 1 (Not at all) to 5 (Very well)". */
export const describeAnswer = (prompt: Prompt): string => strings.describeAnswer(prompt);

/** For each prompt id, the 1-based numbers of the steps that answer it, in order. */
export function promptSteps(steps: readonly Pick<Step, 'prompts'>[]): Map<string, number[]> {
  const map = new Map<string, number[]>();
  steps.forEach((step, index) => {
    for (const id of step.prompts) {
      const list = map.get(id) ?? [];
      if (!list.includes(index + 1)) list.push(index + 1);
      map.set(id, list);
    }
  });
  return map;
}

/** `[0, 1, …, count - 1]`, for rendering ruled lines and empty table rows. */
export const range = (count: number): number[] => Array.from({ length: Math.max(0, Math.floor(count)) }, (_, i) => i);
