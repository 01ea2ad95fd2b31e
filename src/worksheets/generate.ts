/**
 * The worksheet generator's stages after loading: plan the files (which model,
 * which renderer, which path: ./plan.ts), then render and write them one by one, each to
 * a temporary name and renamed into place, so a failure never leaves a partial
 * file. Each stage returns what it produced.
 */
import path from 'node:path';
import type { PlannedFile } from './plan.ts';
import { writeFileAtomic } from '../util/write-file-atomic.ts';

export { planPackFiles, planPlayFiles, type PlannedFile, type PlanOptions } from './plan.ts';

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
