/**
 * In `astro dev` the graph is dropped when a file changed since it was read
 * (src/graph/site-graph.ts, `forgetSiteGraph`). A file saved while the graph was
 * loading, after the reader had read it, must count as changed: otherwise the
 * graph keeps the old text until some other file changes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { contentWithOverlay } from '../helpers/fixtures.ts';

const dir = contentWithOverlay();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const saved = path.join(dir, 'notes/beta-note.md');
let saveDuringLoad = false;

// The reader as it is, except that once, right after it has read every file, the editor saves beta-note.
vi.mock('../../src/content/load.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/content/load.ts')>();
  return {
    ...original,
    loadContent: (root: string, cwd?: string) => {
      const raws = original.loadContent(root, cwd);
      if (saveDuringLoad) {
        saveDuringLoad = false;
        fs.writeFileSync(
          saved,
          fs.readFileSync(saved, 'utf8').replace('Beta is plain Markdown.', 'Beta is plain Markdown, saved while the graph loaded.'),
        );
      }
      return raws;
    },
  };
});

const { forgetSiteGraph, loadSiteGraph } = await import('../../src/graph/site-graph.ts');

describe('a file saved while the graph loads', () => {
  it('drops the graph when its change is reported, so the next load has the new text', () => {
    saveDuringLoad = true;
    const stale = loadSiteGraph(dir, { fresh: true });
    expect(stale.entries.get('notes/beta-note')?.raw.source).not.toContain('saved while the graph loaded');
    forgetSiteGraph(dir, saved);
    const reloaded = loadSiteGraph(dir);
    expect(reloaded).not.toBe(stale);
    expect(reloaded.entries.get('notes/beta-note')?.raw.source).toContain('saved while the graph loaded');
  });

  it('keeps the graph when a reported file did not change since it was read', () => {
    const graph = loadSiteGraph(dir, { fresh: true });
    forgetSiteGraph(dir, saved);
    expect(loadSiteGraph(dir)).toBe(graph);
  });
});
