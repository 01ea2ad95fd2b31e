import { describe, expect, it } from 'vitest';
import { buildAgenda, formatClock, parseClock } from '../../src/plays/agenda.ts';

const a = {
  id: 'a',
  title: 'Play A',
  steps: [
    { title: 'One', minutes: 10 },
    { title: 'Two', minutes: 25 },
  ],
};
const b = { id: 'b', title: 'Play B', steps: [{ title: 'Three', minutes: 50 }] };

describe('clock times', () => {
  it.each([
    ['09:30', 570],
    ['00:00', 0],
    ['23:59', 1439],
  ])('%s is %i minutes', (clock, minutes) => {
    expect(parseClock(clock)).toBe(minutes);
    expect(formatClock(minutes)).toBe(clock);
  });
  it.each(['9:30', '24:00', '12:60', 'noon', ''])('refuses %j', (value) => {
    expect(() => parseClock(value)).toThrow(/HH:MM/);
  });
});

describe('buildAgenda', () => {
  it('gives every step a start and end time, across plays', () => {
    const agenda = buildAgenda([a, b], { start: '09:30' });
    expect(agenda.items.map((i) => `${i.start}-${i.end} ${i.title}`)).toEqual(['09:30-09:40 One', '09:40-10:05 Two', '10:05-10:55 Three']);
    expect(agenda).toMatchObject({ start: '09:30', end: '10:55', totalMinutes: 85 });
  });

  it('puts breaks between plays, never before the first or after the last', () => {
    const agenda = buildAgenda([a, b], { start: '09:00', breakMinutes: 15 });
    expect(agenda.items.map((i) => i.kind)).toEqual(['step', 'step', 'break', 'step']);
    expect(agenda.items[2]).toMatchObject({ start: '09:35', end: '09:50' });
    expect(agenda.end).toBe('10:40');
  });

  it('refuses a session that runs past midnight', () => {
    expect(() => buildAgenda([b], { start: '23:30' })).toThrow(/midnight/);
  });

  it('refuses a break that is not a whole number of minutes', () => {
    expect(() => buildAgenda([a], { start: '09:00', breakMinutes: 2.5 })).toThrow(/whole number/);
  });
});
