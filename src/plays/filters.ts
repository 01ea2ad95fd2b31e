/**
 * Filtering the plays index without JavaScript: every combination of theme,
 * run time and group size is a pre-rendered page, so a filter is an ordinary
 * link (keyboard, screen readers, bookmarks and the back button all just
 * work). This module defines the filters, which plays match, and the URL of
 * each combination; the pages only render what it returns.
 */
import { THEME_IDS, type ThemeId } from '../schema/common.ts';
import { groupBy } from '../lib/collections.ts';
import { THEME_TITLES } from '../lib/themes.ts';
import { ui } from '../lib/ui.ts';
import type { PlaySummary } from './summary.ts';

/** An inclusive range of minutes or people; `max` may be Infinity. */
interface Bucket<Id extends string> {
  id: Id;
  min: number;
  max: number;
}

/** Run-time filters: "up to" buckets nest, because a team asks "what fits in the 45 minutes we have?". */
export const TIME_BUCKETS = [
  { id: 'any-length', min: 0, max: Infinity },
  { id: 'up-to-30-min', min: 0, max: 30 },
  { id: 'up-to-45-min', min: 0, max: 45 },
  { id: 'up-to-60-min', min: 0, max: 60 },
  { id: 'over-60-min', min: 61, max: Infinity },
] as const satisfies readonly Bucket<string>[];

/** Group-size filters: a play fits when some size in its min-max range falls in the bucket. */
export const SIZE_BUCKETS = [
  { id: 'any-size', min: 1, max: Infinity },
  { id: 'up-to-4-people', min: 1, max: 4 },
  { id: '5-to-8-people', min: 5, max: 8 },
  { id: '9-to-12-people', min: 9, max: 12 },
  { id: '13-or-more-people', min: 13, max: Infinity },
] as const satisfies readonly Bucket<string>[];

export const ALL_THEMES = 'all-themes';
export type ThemeFilter = typeof ALL_THEMES | ThemeId;
export type TimeFilter = (typeof TIME_BUCKETS)[number]['id'];
export type SizeFilter = (typeof SIZE_BUCKETS)[number]['id'];
export const THEME_FILTERS: readonly ThemeFilter[] = [ALL_THEMES, ...THEME_IDS];

export interface PlayFilter {
  theme: ThemeFilter;
  time: TimeFilter;
  size: SizeFilter;
}
export type Dimension = keyof PlayFilter;

/** The unfiltered view: /plays/ itself. */
export const NO_FILTER: PlayFilter = { theme: ALL_THEMES, time: 'any-length', size: 'any-size' };

const timeBucket = (id: TimeFilter) => TIME_BUCKETS.find((b) => b.id === id) ?? TIME_BUCKETS[0];
const sizeBucket = (id: SizeFilter) => SIZE_BUCKETS.find((b) => b.id === id) ?? SIZE_BUCKETS[0];

export function matches(play: PlaySummary, filter: PlayFilter): boolean {
  const time = timeBucket(filter.time);
  const size = sizeBucket(filter.size);
  return (
    (filter.theme === ALL_THEMES || play.theme === filter.theme) &&
    play.runMinutes >= time.min &&
    play.runMinutes <= time.max &&
    play.groupSize.min <= size.max &&
    play.groupSize.max >= size.min
  );
}

export const filterPlays = <T extends PlaySummary>(plays: readonly T[], filter: PlayFilter): T[] =>
  plays.filter((play) => matches(play, filter));

/** Plays grouped by theme in the themes' order; themes without plays are left out. */
export function groupByTheme<T extends PlaySummary>(plays: readonly T[]): { theme: ThemeId; plays: T[] }[] {
  return [...groupBy(plays, (play) => play.theme, THEME_IDS)]
    .filter(([, list]) => list.length > 0)
    .map(([theme, list]) => ({ theme, plays: list }));
}

export const isNoFilter = (filter: PlayFilter): boolean =>
  filter.theme === NO_FILTER.theme && filter.time === NO_FILTER.time && filter.size === NO_FILTER.size;

/** The page of a combination, without base path: `/plays/` or `/plays/filter/<theme>/<time>/<size>/`. */
export function filterRoute(filter: PlayFilter): string {
  return isNoFilter(filter) ? '/plays/' : `/plays/filter/${filter.theme}/${filter.time}/${filter.size}/`;
}

/** Every combination except the unfiltered one, which is /plays/: one pre-rendered page each. */
export function filteredViews(): PlayFilter[] {
  return THEME_FILTERS.flatMap((theme) =>
    TIME_BUCKETS.flatMap(({ id: time }) => SIZE_BUCKETS.map(({ id: size }) => ({ theme, time, size }))),
  ).filter((filter) => !isNoFilter(filter));
}

const OPTIONS: { [D in Dimension]: readonly PlayFilter[D][] } = {
  theme: THEME_FILTERS,
  time: TIME_BUCKETS.map((b) => b.id),
  size: SIZE_BUCKETS.map((b) => b.id),
};

export function optionLabel<D extends Dimension>(dimension: D, id: PlayFilter[D]): string {
  if (dimension === 'theme') return id === ALL_THEMES ? ui.playList.allThemes : THEME_TITLES[id as ThemeId];
  if (dimension === 'time') return ui.playList.timeLabels[id as TimeFilter];
  return ui.playList.sizeLabels[id as SizeFilter];
}

export interface FilterOption {
  id: string;
  label: string;
  /** How many plays this option would show, with the other two filters kept. */
  count: number;
  /** Route of the view this option leads to (without base path). */
  route: string;
  current: boolean;
}

export interface FilterGroup {
  dimension: Dimension;
  label: string;
  options: FilterOption[];
}

/** The three filter groups for the view `current`, each option with the count it would show. */
export function filterGroups(plays: readonly PlaySummary[], current: PlayFilter): FilterGroup[] {
  return (Object.keys(OPTIONS) as Dimension[]).map((dimension) => ({
    dimension,
    label: ui.playList.dimensions[dimension],
    options: OPTIONS[dimension].map((id) => {
      const filter = { ...current, [dimension]: id };
      return {
        id,
        label: optionLabel(dimension, id),
        count: filterPlays(plays, filter).length,
        route: filterRoute(filter),
        current: current[dimension] === id,
      };
    }),
  }));
}

/** The active filters in words, e.g. "Cheng and chi, up to 45 min"; empty when nothing is filtered. */
export function describeFilter(filter: PlayFilter): string {
  return (Object.keys(OPTIONS) as Dimension[])
    .filter((dimension) => filter[dimension] !== NO_FILTER[dimension])
    .map((dimension, i) => {
      const label = optionLabel(dimension, filter[dimension]);
      return i === 0 ? label : label.charAt(0).toLowerCase() + label.slice(1);
    })
    .join(', ');
}
