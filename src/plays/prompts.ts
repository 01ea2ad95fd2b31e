/**
 * What each worksheet prompt asks for, in words for the play's guide, and
 * which steps answer it. The words are the PDF's and Markdown's
 * (src/worksheets/strings.ts), so web and print describe a prompt alike.
 */
import type { PlayData, Prompt, Step } from '../schema/play.ts';
import { promptsInStepOrder } from '../worksheets/model.ts';
import { strings } from '../worksheets/strings.ts';

/**
 * The prompts in the order a session reaches them (by the first step that asks
 * each), which is how the PDF and Markdown worksheets number them: the web
 * pages list them the same way, so question 3 is question 3 everywhere.
 */
export const promptsInSessionOrder = (play: Pick<PlayData, 'steps' | 'prompts'>): Prompt[] => promptsInStepOrder(play).flatMap((group) => group.prompts);

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
