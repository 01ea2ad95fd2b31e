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
   * its place in the output once the phase is over.
   */
  staged?: { from: string; to: string };
  /**
   * Runs at a lower priority: it is shorter than the step its phase waits for (the pages, then the
   * search index), so it gives way to that one.
   */
  yields?: boolean;
}

/** The staging folder for an output folder: a hidden sibling, so moving out of it is a rename. */
export const stagingFor = (out: string): string => path.join(path.dirname(out), `.${path.basename(out)}.staging`);

/** Steps run one after another. */
export type BuildLane = BuildStep[];

/** The build's steps. */
type StepName = 'pages' | 'socialImages' | 'worksheets' | 'searchIndex' | 'headers' | 'twins';

function steps(out: string, root: string): Record<StepName, BuildStep> & { record: (to: string) => BuildStep } {
  const staging = stagingFor(out);
  const script = (name: string) => path.join(root, 'scripts', name);
  const beside = (name: string, file: string, folder: string): BuildStep => ({
    name,
    args: [script(file), '--out', path.join(staging, folder)],
    staged: { from: path.join(staging, folder), to: path.join(out, folder) },
    yields: true,
  });
  return {
    pages: { name: 'pages', args: [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', out] },
    socialImages: beside('social images', 'social-images.ts', 'og'),
    worksheets: beside('worksheets', 'worksheets.ts', 'worksheets'),
    searchIndex: { name: 'search index', args: [script('search-index.ts'), '--site', out] },
    headers: { name: 'headers', args: [script('headers.ts'), '--site', out], yields: true },
    // Markdown twins sit beside the pages (notes/<id>.md) and at the root (llms.txt), written straight into the output.
    twins: { name: 'markdown twins', args: [script('twins.ts'), '--out', out], yields: true },
    record: (to: string): BuildStep => ({
      name: 'build record',
      args: [script('build-record.ts'), '--out', out, '--to', to],
      yields: true,
    }),
  };
}

/**
 * The build as phases of lanes: the lanes of a phase run side by side, the steps of a lane one
 * after another, the phases in order. Astro renders the pages on one core; the social images and
 * worksheets, which need only the content, share the other at a lower priority, so they do not
 * slow the pages. The search index and the headers need the pages. The Markdown
 * twins come after the pages too: the content loader writes each note's twin from the tree it
 * renders (src/astro/loader.ts), so this step mostly reads them back; made beside the pages, the
 * twins process held its own copy of every tree while Astro was at its largest (1,000 notes: a
 * summed peak of 1.35-1.7 GB, above Starlight's 1.2 GB). After the headers, at the same low
 * priority, the build writes down what it read into `record` (src/rebuild/record.ts), for the next
 * build's plan. (Beside the pages it held another copy of the graph while Astro was at its largest:
 * at 1,000 notes the summed peak rose from about 1,160 MB to 1,210 MB, Starlight's being 1,226 MB.)
 */
export function buildPhases(out: string, root: string, record: string): BuildLane[][] {
  const step = steps(out, root);
  return [
    [[step.pages], [step.socialImages], [step.worksheets]],
    [[step.searchIndex], [step.headers, step.record(record)], [step.twins]],
  ];
}
