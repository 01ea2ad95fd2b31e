/** The shape every worksheet renderer has: one model in, one file's bytes out. */
import type { Paper } from '../../plays/downloads.ts';
import type { WorksheetDocument } from '../model.ts';

export interface RenderOptions {
  /** Paper size; ignored by renderers that are not `paged`. */
  paper: Paper;
  /** Creation date written into the file: fixed by the caller (SOURCE_DATE_EPOCH), never the clock, so output is reproducible. */
  created: Date;
}

export interface Renderer {
  /** The `--format` value and the file extension, e.g. `pdf`. */
  format: string;
  /** Whether the output depends on the paper size (one file per paper) or not (one file per view). */
  paged: boolean;
  render(document: WorksheetDocument, options: RenderOptions): Promise<Uint8Array>;
}
