/**
 * The worksheet generator's stages after loading: plan the files (which model,
 * which renderer, which path), then render and write them one by one, each to
 * a temporary name and renamed into place, so a failure never leaves a partial
 * file. Each stage returns what it produced.
 */
import fs from 'node:fs';
import path from 'node:path';
import { playDocument, type ModelContext, type PlayInput, type View, type WorksheetDocument } from './model.ts';
import { sessionPack, type PackOptions } from './pack.ts';
import type { Paper, Renderer } from './renderers/types.ts';

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
        if (renderer.paged) for (const paper of options.papers) files.push({ ...base, paper, path: `${play.id}/${view}-${paper}.${renderer.format}` });
        else files.push({ ...base, path: `${play.id}/${view}.${renderer.format}` });
      }
    }
  }
  return files;
}

/** The file name of a session pack: `session-2027-01-15` (or `session` without a date). */
export const packName = (date: string | undefined): string => (date ? `session-${date}` : 'session');

/** A session pack as one file per format (and per paper for paged formats), in `packs/`. */
export function planPackFiles(plays: readonly PlayInput[], pack: PackOptions, ctx: ModelContext, options: Omit<PlanOptions, 'views'>): PlannedFile[] {
  const document = sessionPack(plays, pack, ctx);
  const name = packName(ctx.date);
  return options.renderers.flatMap((renderer): PlannedFile[] => {
    const base = { format: renderer.format, document, renderer };
    if (!renderer.paged) return [{ ...base, path: `packs/${name}.${renderer.format}` }];
    // With one paper size the name stays short; with both, the paper tells the files apart.
    return options.papers.map((paper) => ({ ...base, paper, path: options.papers.length > 1 ? `packs/${name}-${paper}.${renderer.format}` : `packs/${name}.${renderer.format}` }));
  });
}

/** Writes `data` to `file` through a temporary file in the same folder, so readers never see half a file. */
export function writeFileAtomic(file: string, data: Uint8Array): void {
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(temp, data);
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

export interface WrittenFile extends Omit<PlannedFile, 'document' | 'renderer'> {
  /** Absolute path on disk. */
  file: string;
  bytes: number;
}

export interface GenerateOptions {
  outDir: string;
  created: Date;
  /** Called after each file is written, with its 1-based position. */
  onFile?: (file: WrittenFile, index: number, total: number) => void;
}

export class GenerateError extends Error {
  override name = 'GenerateError';
}

/** Renders and writes every planned file, in order. Throws a GenerateError naming the file that failed. */
export async function generate(planned: readonly PlannedFile[], options: GenerateOptions): Promise<WrittenFile[]> {
  const written: WrittenFile[] = [];
  for (const [i, plan] of planned.entries()) {
    const { document, renderer, ...meta } = plan;
    const file = path.join(options.outDir, ...plan.path.split('/'));
    try {
      const data = await renderer.render(document, { paper: plan.paper ?? 'a4', created: options.created });
      writeFileAtomic(file, data);
      const result = { ...meta, file, bytes: data.byteLength };
      written.push(result);
      options.onFile?.(result, i + 1, planned.length);
    } catch (error) {
      throw new GenerateError(`could not write ${plan.path}: ${(error as Error).message}`, { cause: error });
    }
  }
  return written;
}
