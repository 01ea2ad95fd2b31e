/**
 * The site build as one pipeline: Astro renders the pages while the social
 * images and worksheets are made beside it, then the search index, twins,
 * headers and record are made over the output. `npm run build`, the tests and
 * the benchmark all use this list, so they cannot drift apart.
 */
import path from 'node:path';
import type { CommandSpec } from './args.ts';

export const buildCommand: CommandSpec = {
  name: 'build',
  summary: 'Builds the site: pages, search index and worksheets.',
  usage: 'npm run build -- [--out DIR]',
  flags: {
    out: { type: 'string', default: 'dist', value: 'DIR', description: 'output folder' },
    public: { type: 'boolean', description: 'fail unless SITE_URL is a public origin (the deploy workflow uses it)' },
    full: {
      type: 'boolean',
      description: "run every step, even when only notes' bodies changed since the last build into the folder",
    },
    help: { type: 'boolean', short: 'h', description: 'show this help' },
  },
};

/**
 * What the build says about `SITE_URL` before it starts: nothing when it is a
 * public origin; otherwise a warning, or, with `--public`, an error that stops
 * the build. A local look (`npm start`) builds and serves as before.
 */
export function siteUrlCheck(
  problem: string | null,
  requirePublic: boolean,
): { level: 'ok' } | { level: 'warning' | 'error'; message: string } {
  if (problem === null) return { level: 'ok' };
  return requirePublic
    ? { level: 'error', message: `${problem} (--public asks for a public origin.)` }
    : { level: 'warning', message: problem };
}

export interface BuildStep {
  name: string;
  /** Arguments for `node`: a script and its flags. */
  args: string[];
  /**
   * For a step that runs beside `astro build`: it writes into a staging folder
   * (`astro build` empties the output folder when it starts), which is moved to
   * its place in the output once every step is over.
   */
  staged?: { from: string; to: string };
  /** Runs at a lower priority: it is shorter than the pages, so it gives way to them. */
  yields?: boolean;
}

/** The staging folder for an output folder: a hidden sibling, so moving out of it is a rename. */
export const stagingFor = (out: string): string => path.join(path.dirname(out), `.${path.basename(out)}.staging`);

/**
 * The steps that run side by side, each a process of its own: Astro renders the pages on one core;
 * the social images and worksheets, which need only the content, share the other at a lower
 * priority, so they do not slow the pages. What needs the pages (the search index, the Markdown
 * twins, `_headers` and the build's record) comes after them, in the build's own process over one
 * graph (scripts/build.ts): as processes of their own, each loaded the code and the content again
 * (1,000 notes: 8 s after the pages, against about 4 s in one). The content loader has written
 * each note's twin from the tree it renders (src/astro/loader.ts), so the twins are read back, not
 * made again.
 */
export function pageSteps(out: string, root: string): BuildStep[] {
  const staging = stagingFor(out);
  const beside = (name: string, file: string, folder: string): BuildStep => ({
    name,
    args: [path.join(root, 'scripts', file), '--out', path.join(staging, folder)],
    staged: { from: path.join(staging, folder), to: path.join(out, folder) },
    yields: true,
  });
  return [
    { name: 'pages', args: [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', out] },
    beside('social images', 'social-images.ts', 'og'),
    beside('worksheets', 'worksheets.ts', 'worksheets'),
  ];
}
