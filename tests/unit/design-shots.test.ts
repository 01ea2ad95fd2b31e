import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { shotRoutes } from '../../src/cli/design-shots.ts';

const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'design-shots-'));
const page = (route: string) => {
  fs.mkdirSync(path.join(dist, route), { recursive: true });
  fs.writeFileSync(path.join(dist, route, 'index.html'), '<!doctype html>');
};
afterAll(() => fs.rmSync(dist, { recursive: true, force: true }));

describe('the routes of the design screenshots', () => {
  it('prefer the entries docs/design.md shows, else the first one built, and skip types the build lacks', () => {
    for (const route of ['', 'notes/alpha', 'notes/cheng-and-chi', 'plays/compose', 'plays/a-play', 'plays/filter/x', 'themes/one'])
      page(route);
    const routes = Object.fromEntries(shotRoutes(dist).map((shot) => [shot.name, shot.route]));
    expect(routes.note).toBe('/notes/cheng-and-chi/');
    expect(routes.play).toBe('/plays/a-play/');
    expect(routes['play-run']).toBe('/plays/a-play/run/');
    expect(routes.composer).toBe('/plays/compose/?plays=a-play');
    expect(routes.theme).toBe('/themes/one/');
    expect(routes.tag).toBeUndefined();
    expect(shotRoutes(dist).map((shot) => shot.name)).toEqual([
      'home',
      'note',
      'theme',
      'play',
      'play-run',
      'composer',
      'search',
      'map',
      'timeline',
      'glossary',
      '404',
    ]);
  });
});
