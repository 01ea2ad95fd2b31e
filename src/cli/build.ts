/**
 * The site build as one pipeline: Astro renders the pages, then the post-build
 * steps run over the output. `npm run build`, the tests and the benchmark all
 * use this list, so they cannot drift apart.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CommandSpec } from './args.ts';

export const buildCommand: CommandSpec = {
  name: 'build',
  summary: 'Builds the site: pages, search index and worksheets.',
  usage: 'npm run build -- [--out DIR]',
  flags: {
    out: { type: 'string', default: 'dist', value: 'DIR', description: 'output folder' },
    help: { type: 'boolean', short: 'h', description: 'show this help' },
  },
};

export interface BuildStep {
  name: string;
  /** Arguments for `node`: a script and its flags. */
  args: string[];
}

/** The steps, in order, for an output folder (relative paths resolve from `root`). */
export function buildSteps(out: string, root = process.cwd()): BuildStep[] {
  const steps: BuildStep[] = [{ name: 'pages', args: [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', out] }];
  // The search index is added by its own script once it exists in the tree.
  if (fs.existsSync(path.join(root, 'scripts/search-index.ts'))) steps.push({ name: 'search index', args: [path.join(root, 'scripts/search-index.ts'), '--site', out] });
  steps.push({ name: 'worksheets', args: [path.join(root, 'scripts/worksheets.ts'), '--out', path.join(out, 'worksheets')] });
  return steps;
}
