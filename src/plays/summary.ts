/**
 * The few fields of a play that lists, filters and the composer need, as a
 * plain object: pages map collection entries through `summarize`, tests build
 * these by hand.
 */
import type { PlayData } from '../schema/play.ts';

export interface PlaySummary {
  id: string;
  title: string;
  purpose: string;
  theme: PlayData['theme'];
  prepMinutes: number;
  runMinutes: number;
  groupSize: { min: number; max: number };
}

export function summarize(entry: { id: string; data: PlayData }): PlaySummary {
  const { title, purpose, theme, prepMinutes, runMinutes, groupSize } = entry.data;
  return { id: entry.id, title, purpose, theme, prepMinutes, runMinutes, groupSize: { min: groupSize.min, max: groupSize.max } };
}
