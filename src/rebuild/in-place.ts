/**
 * The in-place rebuild: when only the bodies of some notes changed since the
 * last complete build into the same folder (./plan.ts), their new HTML
 * replaces the old in the pages that show it, and nothing else is rendered.
 *
 * Which pages show a note's body is fixed by the page code: the note's own
 * page and its theme's book, the only places that render a note
 * (tests/unit/in-place-rebuild.test.ts holds that list against the source). The old HTML comes
 * from the rendered entries the last build kept (src/astro/loader.ts); it
 * must occur exactly once in each of those pages, and the headings and reading
 * time must be unchanged, or the build runs every step instead. Nothing is
 * written until every page has been spliced in memory.
 *
 * The search index and the Markdown twins read the bodies too; the caller makes
 * them again afterwards (scripts/build.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { chapterScope, scopedChapterBody } from '../components/book/scope-ids.ts';
import type { SiteConfig } from '../config.ts';
import { formatFinding, isError, sortFindings } from '../content/finding.ts';
import { isEntryOf, loadSiteGraph, type SiteGraph } from '../graph/site-graph.ts';
import { diskCache } from '../lib/disk-cache.ts';
import { RENDERED_CACHE, type KeptRendering } from '../markdown/entry-digest.ts';
import { createStaticRenderer } from '../markdown/render-static.ts';
import { writeFileAtomic } from '../util/write-file-atomic.ts';
import { validateSite } from '../validate/index.ts';
import { contentState } from './content-state.ts';
import { planRebuild } from './plan.ts';
import type { BuildRecord, ContentState } from './record.ts';

export interface InPlaceOptions {
  /** The project (its code and caches). */
  root: string;
  /** The output folder of the last build. */
  out: string;
  config: SiteConfig;
  /**
   * The record of the last complete build into `out`, whose code, settings and output match this
   * build's (./plan.ts `recordMismatch`; the caller checks that before it loads this module).
   */
  record: BuildRecord;
  /** Where content warnings go (the full build prints them too). */
  warn: (line: string) => void;
}

export type InPlaceRebuild =
  | { kind: 'full'; reason: string }
  | { kind: 'unchanged'; notes: number }
  | {
      kind: 'bodies';
      notes: number;
      rendered: number;
      /** The pages written, relative to the output folder. */
      pages: string[];
      /** The record of this build, but for the output's fingerprint, which the steps after it change. */
      record: Omit<BuildRecord, 'output'>;
      /** The graph it read, for the steps that follow in this process. */
      graph: SiteGraph;
    };

/** `page` with the one occurrence of `before` replaced by `after`; null when `before` is not in it exactly once. */
export function replaceOnce(page: string, before: string, after: string): string | null {
  const at = page.indexOf(before);
  if (before === '' || at === -1 || page.indexOf(before, at + 1) !== -1) return null;
  return page.slice(0, at) + after + page.slice(at + before.length);
}

/** The output file of a page route (`/notes/x/` → `<out>/notes/x/index.html`). */
const pageFile = (out: string, route: string) => path.join(out, ...route.split('/').filter(Boolean), 'index.html');

/** Each note file (relative to the content folder, with `/`) → the note's key. */
const noteFiles = (graph: SiteGraph) =>
  new Map(
    graph.byCollection.notes.map((entry) => [path.relative(graph.root, entry.raw.absolutePath).split(path.sep).join('/'), entry.key]),
  );

/**
 * What the note page shows of a rendering beside its HTML: the headings (its table of contents) and
 * the reading time (src/pages/notes/[id].astro). The word count the renderer also adds is shown nowhere.
 */
const shownBeside = ({ metadata }: KeptRendering) =>
  JSON.stringify([metadata?.headings ?? [], metadata?.frontmatter?.readingMinutes ?? null]);

export async function rebuildInPlace(options: InPlaceOptions): Promise<InPlaceRebuild> {
  const { root, out, config, record } = options;
  const full = (reason: string): InPlaceRebuild => ({ kind: 'full', reason });

  const graph = loadSiteGraph(config.contentDir, { fresh: true });
  const state: ContentState = contentState(graph, root, config.basePath);
  const plan = planRebuild(record, state, noteFiles(graph));
  if (plan.kind === 'full') return plan;
  const findings = sortFindings(validateSite(graph));
  // The full build fails on these and says where; it is also what would show them in the pages.
  if (findings.some(isError)) return full('the content has errors');
  for (const warning of findings) options.warn(formatFinding(warning));
  const notes = graph.byCollection.notes.length;
  if (plan.kind === 'unchanged') return { kind: 'unchanged', notes };

  const kept = diskCache<KeptRendering>(root, RENDERED_CACHE);
  const render = createStaticRenderer({ graph: () => graph, base: config.basePath });
  const pages = new Map<string, string>();
  const splice = (file: string, before: string, after: string): string | null => {
    const page = pages.get(file) ?? (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null);
    const spliced = page === null ? null : replaceOnce(page, before, after);
    if (spliced === null) return `${path.relative(out, file)} does not hold the last build's HTML of it exactly once`;
    pages.set(file, spliced);
    return null;
  };
  const renderings: [string, KeptRendering][] = [];
  for (const key of plan.keys) {
    const entry = graph.entries.get(key);
    const digest = record.digests[key];
    const before = digest === undefined ? undefined : kept.get(digest);
    if (!isEntryOf(entry, 'notes') || !before) return full(`the last build's HTML of ${key} is not kept`);
    const after = await render(entry);
    renderings.push([state.digests[key] ?? '', after]);
    // A draft has no page, no twin and no search record, and is in no book: only its rendering is kept, for its next edit.
    if (entry.draft) continue;
    if (shownBeside(after) !== shownBeside(before)) return full(`the headings or reading time of ${key} changed`);
    const scope = chapterScope('notes', entry.id);
    const problem =
      splice(pageFile(out, entry.route), before.html, after.html) ??
      splice(
        pageFile(out, `/themes/${entry.data.theme}/book/`),
        scopedChapterBody(scope, entry.data.title, before.html),
        scopedChapterBody(scope, entry.data.title, after.html),
      );
    if (problem) return full(`${key}: ${problem}`);
  }
  // Whole, then renamed into place: a reader (the server of `npm start`) never gets half a page.
  for (const [file, text] of pages) writeFileAtomic(file, text);
  for (const [digest, rendering] of renderings) kept.set(digest, rendering);
  await kept.flush();
  return {
    kind: 'bodies',
    notes,
    rendered: plan.keys.length,
    pages: [...pages.keys()].map((file) => path.relative(out, file)).sort(),
    record: { format: record.format, code: record.code, settings: record.settings, ...state },
    graph,
  };
}
