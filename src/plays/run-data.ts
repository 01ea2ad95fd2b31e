/**
 * A play as run mode needs it, made at build time and embedded in the run
 * page: each step with its instructions, facilitator note and the worksheet
 * questions it asks, numbered and described as the worksheets do.
 */
import type { PlayData } from '../schema/play.ts';
import { describeAnswer, promptsInSessionOrder } from './prompts.ts';
import type { RunPlay } from './run-plan.ts';

export function runPlay(id: string, play: Pick<PlayData, 'title' | 'steps' | 'prompts'>): RunPlay {
  const ordered = promptsInSessionOrder(play);
  const number = new Map(ordered.map((prompt, i) => [prompt.id, i + 1]));
  const byId = new Map(play.prompts.map((prompt) => [prompt.id, prompt]));
  return {
    id,
    title: play.title,
    steps: play.steps.map((step) => ({
      title: step.title,
      minutes: step.minutes,
      instructions: step.instructions,
      ...(step.facilitator ? { facilitator: step.facilitator } : {}),
      prompts: step.prompts.flatMap((promptId) => {
        const prompt = byId.get(promptId);
        return prompt ? [{ number: number.get(promptId) ?? 0, question: prompt.question, answer: describeAnswer(prompt) }] : [];
      }),
    })),
  };
}
