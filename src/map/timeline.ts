/**
 * The timeline's bands: events in date order, grouped into runs of the same
 * era (the Sears era, the Amazon era, customer service). An era that returns
 * later in time starts a new band, so the page always reads top to bottom in
 * date order.
 */
export type Era = 'sears' | 'amazon' | 'service';

export interface TimelineEvent {
  id: string;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: sorts as text. */
  when: string;
  era: Era;
}

export interface Band<T extends TimelineEvent> {
  era: Era;
  /** Stable id for the band's heading: the era and the first event's id. */
  id: string;
  events: T[];
  /** First and last year of the band, e.g. `1886` and `1906`. */
  from: string;
  to: string;
}

/** Sorts by date (partial dates sort before fuller ones of the same year), then id. */
export function byDate<T extends TimelineEvent>(events: readonly T[]): T[] {
  return [...events].sort((a, b) => (a.when < b.when ? -1 : a.when > b.when ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function eraBands<T extends TimelineEvent>(events: readonly T[]): Band<T>[] {
  const bands: Band<T>[] = [];
  for (const event of byDate(events)) {
    const year = event.when.slice(0, 4);
    const last = bands[bands.length - 1];
    if (last && last.era === event.era) {
      last.events.push(event);
      last.to = year;
    } else bands.push({ era: event.era, id: `era-${event.era}-${event.id}`, events: [event], from: year, to: year });
  }
  return bands;
}
