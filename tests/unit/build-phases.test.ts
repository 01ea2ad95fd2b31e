/**
 * The build's plan (src/cli/build.ts): what runs beside the pages, what gives way, and
 * where the steps beside `astro build` write, since it empties its output folder.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageSteps, stagingFor } from '../../src/cli/build.ts';

const out = path.resolve('/tmp/site-out');
const steps = pageSteps(out, '/repo');

describe('the steps beside the pages', () => {
  it('are the pages, the social images and the worksheets, each once; what reads the pages is not among them', () => {
    expect(steps.map((step) => step.name)).toEqual(['pages', 'social images', 'worksheets']);
    expect(steps[0]?.args).toEqual([path.join('/repo', 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', out]);
  });

  it('give way to the pages, which the build waits for', () => {
    expect(steps.filter((step) => !step.yields).map((step) => step.name)).toEqual(['pages']);
  });

  it('write into the staging folder, never into the output Astro empties', () => {
    const staging = stagingFor(out);
    for (const step of steps.slice(1)) {
      expect(
        step.args.some((arg) => arg.startsWith(out + path.sep)),
        step.name,
      ).toBe(false);
      expect(step.staged?.from.startsWith(staging + path.sep), step.name).toBe(true);
      expect(step.staged?.to.startsWith(out + path.sep), step.name).toBe(true);
    }
  });
});
