/**
 * Where each page's Markdown twin lives: beside the page's folder, as
 * `/<collection>/<id>.md` (decision in docs/decisions.md). Pages link to it
 * ("View as Markdown"), llms.txt lists it, and the build writes it there.
 */
import { withBase } from '../graph/routes.ts';

/** The collections whose entries have a Markdown twin. */
export const TWIN_COLLECTIONS = ['themes', 'notes', 'plays', 'glossary'] as const;
export type TwinCollection = (typeof TWIN_COLLECTIONS)[number];

/** The twin's route without base path, e.g. `/notes/alpha-note.md`. */
export const twinRoute = (collection: TwinCollection, id: string): string => `/${collection}/${id}.md`;

/** An address a reader can follow: absolute under a public origin, else root-relative with the base path. */
export function siteAddress(publicUrl: string | null, base: string, route: string): string {
  return `${publicUrl ?? ''}${withBase(base, route)}`;
}
