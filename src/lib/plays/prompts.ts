/**
 * What each worksheet prompt asks for, in words for the facilitator guide, and
 * which steps answer it. Labels come from src/lib/ui.ts.
 */
import type { Prompt, Step } from '../../schema/play.ts';
import { ui } from '../ui.ts';

/** The answer a prompt expects, in one short phrase, e.g. "1-5 scale, from Not at all to Very well". */
export function describeAnswer(prompt: Prompt): string {
  const words = ui.playGuide.answer;
  switch (prompt.kind) {
    case 'lines':
      return words.lines(prompt.lines);
    case 'scale':
      return words.scale(prompt.low, prompt.high);
    case 'checklist':
      return words.checklist(prompt.options);
    case 'yesno':
      return words.yesno;
    case 'grid':
      return words.grid(prompt.rows, prompt.columns);
    case 'table':
      return words.table(prompt.columns, prompt.rows);
  }
}

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
