import { describe, expect, it } from 'vitest';
import { pathsContaining, startHereLabel, type PathLike } from '../../src/lib/paths.ts';

const steps = (...notes: string[]) => notes.map((note) => ({ note }));
const PATHS: PathLike[] = [
  { id: 'start', title: 'Start here', steps: steps('a', 'b', 'c', 'd', 'e', 'f', 'g') },
  { id: 'deeper', title: 'Going deeper', steps: steps('c', 'x', 'draft', 'y') },
  { id: 'twice', title: 'Around again', steps: steps('q', 'y', 'q') },
];

describe('pathsContaining', () => {
  it.each([
    ['a', [{ pathId: 'start', title: 'Start here', position: 1, total: 7, next: 'b' }]],
    ['g', [{ pathId: 'start', title: 'Start here', position: 7, total: 7, previous: 'f' }]],
    ['e', [{ pathId: 'start', title: 'Start here', position: 5, total: 7, previous: 'd', next: 'f' }]],
    ['nowhere', []],
  ])('places %s', (note, expected) => {
    expect(pathsContaining(PATHS, note)).toEqual(expected);
  });

  it('lists every path a note is in, by path title', () => {
    expect(pathsContaining(PATHS, 'c').map((p) => [p.title, p.position, p.total])).toEqual([
      ['Going deeper', 1, 4],
      ['Start here', 3, 7],
    ]);
  });

  it('skips unpublished steps, so they never count and never become previous or next', () => {
    const published = (id: string) => id !== 'draft';
    expect(pathsContaining(PATHS, 'y', published).find((p) => p.pathId === 'deeper')).toEqual({
      pathId: 'deeper',
      title: 'Going deeper',
      position: 3,
      total: 3,
      previous: 'x',
    });
    expect(pathsContaining(PATHS, 'draft', published)).toEqual([]);
  });

  it('places a note that a path visits twice at its first visit', () => {
    expect(pathsContaining(PATHS, 'q')).toEqual([{ pathId: 'twice', title: 'Around again', position: 1, total: 3, next: 'y' }]);
  });
});

describe('startHereLabel', () => {
  it.each([
    ['A fixture path', 'Start here: A fixture path'],
    ['Start here: cheng and chi', 'Start here: cheng and chi'],
    ['start here: lower case', 'start here: lower case'],
    ['  Starting out  ', 'Start here: Starting out'],
  ])('%s', (title, label) => {
    expect(startHereLabel(title)).toBe(label);
  });
});
