/**
 * `node scripts/design-shots.ts`: the screenshots in docs/design.md, one per page
 * type, taken from a built site in Chromium (light scheme, the first screen).
 * The routes are picked from what the build holds, preferring the entries the
 * document shows today, so a renamed entry does not break the script.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CommandSpec } from './args.ts';

export const designShotsCommand: CommandSpec = {
  name: 'design-shots',
  summary: 'Takes the screenshots of docs/design.md from a built site: one PNG per page type, the first screen.',
  usage: 'node scripts/design-shots.ts [--dist DIR] [--out DIR] [--width PX] [--dark]',
  flags: {
    dist: { type: 'string', value: 'DIR', default: 'dist', description: 'the built site (run `npm run build` first)' },
    out: { type: 'string', value: 'DIR', default: 'docs/design', description: 'where to write the PNGs' },
    width: { type: 'string', value: 'PX', default: '1280', description: 'viewport width in CSS pixels (the height is 800)' },
    dark: { type: 'boolean', description: 'the dark scheme instead of the light one' },
    help: { type: 'boolean', short: 'h', description: 'show this help' },
  },
  examples: ['npm run build && node scripts/design-shots.ts', 'node scripts/design-shots.ts --width 375 --out /tmp/shots'],
};

/** A page type and the route it is shown at. */
export interface Shot {
  name: string;
  route: string;
}

/** The first of `preferred` that the build holds under `folder`, else the first it holds at all. */
function pick(distDir: string, folder: string, preferred: readonly string[]): string | undefined {
  const dir = path.join(distDir, folder);
  if (!fs.existsSync(dir)) return undefined;
  const built = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, 'index.html')))
    .map((entry) => entry.name)
    .sort();
  return preferred.find((id) => built.includes(id)) ?? built.find((id) => !['compose', 'filter'].includes(id));
}

/** One route per page type of docs/design.md, for the site built in `distDir`; types the build lacks are left out. */
export function shotRoutes(distDir: string): Shot[] {
  const note = pick(distDir, 'notes', ['cheng-and-chi']);
  const theme = pick(distDir, 'themes', ['customer-obsession']);
  const play = pick(distDir, 'plays', ['beyond-the-transaction']);
  const tag = pick(distDir, 'tags', ['cheng-chi']);
  const shots: (Shot | undefined)[] = [
    { name: 'home', route: '/' },
    note ? { name: 'note', route: `/notes/${note}/` } : undefined,
    theme ? { name: 'theme', route: `/themes/${theme}/` } : undefined,
    play ? { name: 'play', route: `/plays/${play}/` } : undefined,
    play ? { name: 'play-run', route: `/plays/${play}/run/` } : undefined,
    { name: 'composer', route: play ? `/plays/compose/?plays=${play}` : '/plays/compose/' },
    { name: 'search', route: '/search/?q=customer' },
    { name: 'map', route: '/map/' },
    { name: 'timeline', route: '/timeline/' },
    { name: 'glossary', route: '/glossary/' },
    tag ? { name: 'tag', route: `/tags/${tag}/` } : undefined,
    { name: '404', route: '/404.html' },
  ];
  return shots.filter((shot): shot is Shot => shot !== undefined);
}
