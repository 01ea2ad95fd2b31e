/**
 * The site build as one pipeline: Astro renders the pages while the social
 * images and worksheets are made beside it, then the search index is built
 * over the output. `npm run build`, the tests and the benchmark all
 * use this list, so they cannot drift apart.
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
   * its place in the output once the phase is over.
   */
  staged?: { from: string; to: string; merge?: boolean };
}

/** The staging folder for an output folder: a hidden sibling, so moving out of it is a rename. */
export const stagingFor = (out: string): string => path.join(path.dirname(out), `.${path.basename(out)}.staging`);

/**
 * The build as phases: the steps of a phase run at the same time (the machine's
 * cores are otherwise idle while Astro renders pages on one), the phases in order.
 * Social images, worksheets and Markdown twins need only the content; the search index and the
 * headers need the pages. (The twins once ran last, for memory; measured beside the pages at 1,000
 * notes, the build's summed peak is still below Starlight's: bench/README.md.)
 */
export function buildPhases(out: string, root = process.cwd()): BuildStep[][] {
  const staging = stagingFor(out);
  const script = (name: string) => path.join(root, 'scripts', name);
  const beside = (name: string, file: string, folder: string, flag: string): BuildStep => ({
    name,
    args: [script(file), flag, path.join(staging, folder)],
    staged: { from: path.join(staging, folder), to: path.join(out, folder) },
  });
  return [
    [
      { name: 'pages', args: [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', out] },
      beside('social images', 'social-images.ts', 'og', '--out'),
      beside('worksheets', 'worksheets.ts', 'worksheets', '--out'),
      // Markdown twins sit beside the pages (notes/<id>.md) and at the root (llms.txt): merged into the output.
      {
        name: 'markdown twins',
        args: [script('twins.ts'), '--out', path.join(staging, 'twins')],
        staged: { from: path.join(staging, 'twins'), to: out, merge: true },
      },
    ],
    [
      { name: 'search index', args: [script('search-index.ts'), '--site', out] },
      { name: 'headers', args: [script('headers.ts'), '--site', out] },
    ],
  ];
}
