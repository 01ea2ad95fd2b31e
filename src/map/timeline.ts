/**
 * The timeline's bands: one per era (the Sears era, the Amazon era, customer
 * service), each holding all of its events in date order. Bands follow one
 * another by their first event, so the page reads top to bottom in date order
 * of where each era begins; eras overlap in time (Sears' bankruptcy in 2018
 * closes the Sears era after the Amazon era began), and a band says so with
 * its span of years.
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
  /** Stable id for the band's heading: `era-<era>`. */
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
  const bands = new Map<Era, Band<T>>();
  for (const event of byDate(events)) {
    const year = event.when.slice(0, 4);
    const band = bands.get(event.era);
    if (band) {
      band.events.push(event);
      band.to = year;
    } else bands.set(event.era, { era: event.era, id: `era-${event.era}`, events: [event], from: year, to: year });
  }
  // A Map keeps insertion order: each band was made at its era's first event, in date order.
  return [...bands.values()];
}
