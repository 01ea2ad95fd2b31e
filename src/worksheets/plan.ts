/**
 * The first stage of the worksheet generator: which files to make, each with
 * its model, renderer and path. Pure and free of Node, so the composer page
 * plans a session pack, and names its file, exactly as the CLI does.
 */
import { packName, playFilePath, type Paper, type View } from '../plays/downloads.ts';
import { playDocument, type ModelContext, type PlayInput, type WorksheetDocument } from './model.ts';
import { sessionPack, type PackOptions } from './pack.ts';
import type { Renderer } from './renderers/types.ts';

export interface PlannedFile {
  /** Path inside the output folder, with `/` separators, e.g. `three-questions/participant-a4.pdf`. */
  path: string;
  /** The play, for per-play files (not for packs). */
  playId?: string;
  view?: View;
  format: string;
  paper?: Paper;
  document: WorksheetDocument;
  renderer: Renderer;
}

export interface PlanOptions {
  views: readonly View[];
  papers: readonly Paper[];
  renderers: readonly Renderer[];
}

/** One file per play, view and format, and per paper for paged formats: `<id>/<view>-<paper>.pdf`, `<id>/<view>.md`. */
export function planPlayFiles(plays: readonly PlayInput[], ctx: ModelContext, options: PlanOptions): PlannedFile[] {
  const files: PlannedFile[] = [];
  for (const play of plays) {
    for (const view of options.views) {
      const document = playDocument(play, view, ctx);
      for (const renderer of options.renderers) {
        const base = { playId: play.id, view, format: renderer.format, document, renderer };
        if (renderer.paged)
          for (const paper of options.papers) files.push({ ...base, paper, path: playFilePath(play.id, view, renderer.format, paper) });
        else files.push({ ...base, path: playFilePath(play.id, view, renderer.format) });
      }
    }
  }
  return files;
}

/** A session pack as one file per format (and per paper for paged formats), in `packs/`. */
export function planPackFiles(
  plays: readonly PlayInput[],
  pack: PackOptions,
  ctx: ModelContext,
  options: Omit<PlanOptions, 'views'>,
): PlannedFile[] {
  const document = sessionPack(plays, pack, ctx);
  const name = packName(ctx.date);
  return options.renderers.flatMap((renderer): PlannedFile[] => {
    const base = { format: renderer.format, document, renderer };
    if (!renderer.paged) return [{ ...base, path: `packs/${name}.${renderer.format}` }];
    // With one paper size the name stays short; with both, the paper tells the files apart.
    return options.papers.map((paper) => ({
      ...base,
      paper,
      path: options.papers.length > 1 ? `packs/${name}-${paper}.${renderer.format}` : `packs/${name}.${renderer.format}`,
    }));
  });
}
