/**
 * `content/redirects.yaml`: the old addresses of entries that were merged or
 * renamed. One group per collection with pages of its own, each a map of old
 * id → new id:
 *
 * ```yaml
 * notes:
 *   digital-contact-or-distance: people-first-not-digital-first
 * ```
 *
 * The schema checks the file's shape and every id's form; whether a new id
 * names a published entry, and that no old id is live or redirects again,
 * needs the whole site and is checked in src/graph/redirects.ts.
 */
import { z } from 'astro/zod';
import { ID_PATTERN } from './common.ts';

/** The content folder's file of redirects. */
export const REDIRECTS_FILE = 'redirects.yaml';

/**
 * Collections whose entries have a page of their own, so an old address can
 * hold a redirect page. Glossary terms and timeline events are anchors on a
 * shared page (`/glossary/#id`): a static site cannot redirect a fragment.
 * Themes are fixed in code and are never renamed.
 */
export const REDIRECT_COLLECTIONS = ['notes', 'plays', 'sources', 'paths'] as const;
export type RedirectCollection = (typeof REDIRECT_COLLECTIONS)[number];

/** The longest id, as for file names (src/content/load.ts). */
const MAX_ID = 80;

const redirectId = z
  .string()
  .max(MAX_ID, { message: `an id has at most ${MAX_ID} characters` })
  .regex(ID_PATTERN, { message: 'use an id: lowercase letters and digits in words joined by single hyphens, e.g. "working-backwards"' });

const group = z.record(redirectId, redirectId);

export const redirectsSchema = z.strictObject({
  notes: group.optional(),
  plays: group.optional(),
  sources: group.optional(),
  paths: group.optional(),
});
export type RedirectsData = z.output<typeof redirectsSchema>;
