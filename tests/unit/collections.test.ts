import { describe, expect, it } from 'vitest';
import { recentlyChanged } from '../../src/lib/collections.ts';

const note = (id: string, created: string, updated?: string) => ({
  id,
  data: { created: new Date(created), ...(updated && { updated: new Date(updated) }) },
});
const ids = (items: { id: string }[]) => items.map((item) => item.id);

describe('recentlyChanged', () => {
  it('is empty when every note shares one date: nothing is newer than the rest', () => {
    expect(recentlyChanged([note('b', '2026-11-23'), note('a', '2026-11-23'), note('c', '2026-11-23')], 6)).toEqual([]);
  });

  it('lists the notes added or updated after the first day, newest first', () => {
    const notes = [note('a', '2026-11-23'), note('b', '2026-11-23', '2026-12-02'), note('c', '2026-11-23'), note('d', '2026-11-30')];
    expect(ids(recentlyChanged(notes, 6))).toEqual(['b', 'd']);
  });

  it('counts days, not hours, and keeps at most `count`', () => {
    const notes = [
      note('a', '2026-11-23T08:00:00Z'),
      note('b', '2026-11-23T17:00:00Z'),
      note('c', '2026-11-24'),
      note('d', '2026-11-25'),
      note('e', '2026-11-26'),
    ];
    expect(ids(recentlyChanged(notes, 2))).toEqual(['e', 'd']);
  });

  it('is empty for no notes', () => {
    expect(recentlyChanged([], 6)).toEqual([]);
  });
});
