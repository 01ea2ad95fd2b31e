/** The real timeline's content, read as the site reads it: one band per era, in date order, and event text without editorial asides. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.ts';
import { eraBands, type Era } from '../../src/map/timeline.ts';
import { ROOT } from '../helpers/build.ts';

const events = loadContent(path.join(ROOT, 'content'))
  .filter((raw) => raw.key.startsWith('timeline/'))
  .map((raw) => {
    const data = raw.data as { when: string; era: Era; description: string };
    return { id: raw.key.slice('timeline/'.length), when: data.when, era: data.era, description: data.description };
  });

describe('the timeline of content/timeline', () => {
  it('has events', () => {
    expect(events.length).toBeGreaterThanOrEqual(10);
  });

  it('makes one band per era, the bands in the order their eras begin', () => {
    const bands = eraBands(events);
    expect(bands.map((band) => band.era)).toEqual(['sears', 'amazon', 'service']);
    const starts = bands.map((band) => band.events[0]?.when ?? '');
    expect([...starts].sort()).toEqual(starts);
  });

  it('keeps remarks about the sources out of the event text (the `general` citation says where a date comes from)', () => {
    const aside = /\bthe texts (?:do not|give)\b|\bnone of the texts\b|common (?:public )?knowledge|public record|so the entry sits/i;
    expect(events.filter((event) => aside.test(event.description)).map((event) => event.id)).toEqual([]);
  });
});
