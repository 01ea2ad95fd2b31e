/**
 * The output formats. A new format is one renderer file plus one line here;
 * the CLI's `--format` choices and the file plan are derived from this list.
 */
import { markdownRenderer } from './markdown.ts';
import { pdfRenderer } from './pdf-node.ts';
import type { Renderer } from './types.ts';

export const RENDERERS: readonly Renderer[] = [pdfRenderer, markdownRenderer];

export type { RenderOptions, Renderer } from './types.ts';
