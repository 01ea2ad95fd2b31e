import type { ThemeId } from '../schema/index.ts';

/** Short theme names for labels; the theme entries in content/themes/ hold the full titles and essays. */
export const THEME_TITLES: Record<ThemeId, string> = {
  'customer-obsession': 'Customer obsession',
  'cheng-chi': 'Cheng and chi',
  'sears-to-amazon': 'From Sears to Amazon',
};
