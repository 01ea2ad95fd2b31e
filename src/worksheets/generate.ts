/**
 * The worksheet generator's stages after loading: plan the files (which model,
 * which renderer, which path: ./plan.ts), then render and write them one by one, each to
 * a temporary name and renamed into place, so a failure never leaves a partial
 * file. Each stage returns what it produced.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { PlannedFile } from './plan.ts';

export { planPackFiles, planPlayFiles, type PlannedFile, type PlanOptions } from './plan.ts';

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
