/**
 * The build's plan (src/cli/build.ts): what runs side by side, what gives way, and
 * where the steps beside `astro build` write, since it empties its output folder.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPhases, stagingFor } from '../../src/cli/build.ts';

const out = path.resolve('/tmp/site-out');
const record = path.resolve('/tmp/record.pending');
const phases = buildPhases(out, '/repo', record);
const steps = phases.flat(2);

describe('the build phases', () => {
  it('render the pages first, then index them; each step once', () => {
    expect(phases.map((phase) => phase.flat().map((step) => step.name))).toEqual([
      ['pages', 'social images', 'worksheets'],
      ['search index', 'headers', 'build record', 'markdown twins'],
    ]);
    // The record follows the headers, the shortest step after the pages, away from Astro's peak of memory.
    expect(phases[1]?.[1]?.map((step) => step.name)).toEqual(['headers', 'build record']);
    expect(phases[1]?.[1]?.[1]?.args).toEqual(expect.arrayContaining(['--to', record, '--out', out]));
  });

  it('in each phase, every step but the one the phase waits for gives way to it', () => {
    const waitedFor = steps.filter((step) => !step.yields).map((step) => step.name);
    expect(waitedFor).toEqual(['pages', 'search index']);
  });

  it('steps beside the pages write into the staging folder, never into the output Astro empties', () => {
    const staging = stagingFor(out);
    for (const step of phases[0]?.flat() ?? []) {
      if (step.name === 'pages') continue;
      expect(
        step.args.some((arg) => arg.startsWith(out + path.sep)),
        step.name,
      ).toBe(false);
      expect(step.staged?.from.startsWith(staging + path.sep), step.name).toBe(true);
      expect(
        step.args.some((arg) => arg.startsWith(out + path.sep)),
        step.name,
      ).toBe(false);
      expect(step.staged?.to.startsWith(out + path.sep), step.name).toBe(true);
    }
  });
});
