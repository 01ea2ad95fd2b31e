/**
 * Plans and writes one new content entry: load nothing, decide the id and the
 * file, render the template, write it only if no entry already has that id.
 * Planning is pure; writing is the only step that touches the disk.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ENTRY_ID, MAX_ID_LENGTH, readEntry, suggestId } from '../content/load.ts';
import { RESERVED_ROUTES, STATIC_ROUTES } from '../graph/routes.ts';
import { COLLECTIONS, type ThemeId } from '../schema/index.ts';
import type { Finding } from '../content/finding.ts';
import { placeholderFindings } from '../validate/placeholders.ts';
import { slugify } from './slug.ts';
import { KINDS, type Kind } from './templates.ts';

/** A request the entry point could not satisfy; it prints the message and exits 2. */
export class ScaffoldError extends Error {
  override name = 'ScaffoldError';
}

export interface ScaffoldRequest {
  kind: Kind;
  title: string;
  /** Overrides the id made from the title. */
  id?: string | undefined;
  theme?: ThemeId | undefined;
  /** Absolute path of the content folder. */
  contentDir: string;
  /** Today, from the caller's clock, so tests can pin it. */
  today: Date;
  /** The controlled tags of the content folder (`tags.yaml`), for a note's template. */
  tags?: readonly string[] | undefined;
}

export interface ScaffoldPlan {
  kind: Kind;
  id: string;
  /** Absolute path of the file to write. */
  file: string;
  /** The page that will show the entry, without base path. */
  route: string;
  text: string;
}

/** `YYYY-MM-DD` of a date in the local time zone: the contributor's "today". */
export function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The id for a request: `--id` as given, or one made from the title. Throws when neither works. */
export function entryIdFor(title: string, override?: string): string {
  if (override !== undefined) {
    // The rule the content reader applies to file names, so `new` never writes a file the checker refuses as `invalid-id`.
    if (!ENTRY_ID.test(override) || override.length > MAX_ID_LENGTH) {
      const suggestion = suggestId(override);
      throw new ScaffoldError(
        `the id "${override}" is not valid: ids are lowercase letters and digits in words joined by single hyphens, at most ${MAX_ID_LENGTH} characters; e.g. --id ${suggestion === 'new-entry' ? 'working-backwards' : suggestion}`,
      );
    }
    return override;
  }
  const id = slugify(title);
  if (!id)
    throw new ScaffoldError(
      `cannot make an id from "${title}": it has no Latin letters or digits. Give one with --id, e.g. --id customer-trust`,
    );
  return id;
}

/** Decides id, file and contents. Pure: reads nothing from disk. */
export function planEntry(request: ScaffoldRequest): ScaffoldPlan {
  const spec = KINDS[request.kind];
  if (spec.needsTheme && !request.theme) throw new ScaffoldError(`a ${request.kind} needs a theme: pass --theme`);
  const id = entryIdFor(request.title, request.id);
  const collection = COLLECTIONS[spec.collection];
  const route = collection.route(id);
  // The checker's `duplicate-route` rule: pages of the site, and the routes under which it makes pages of its own (/plays/filter/).
  const reserved = (STATIC_ROUTES as readonly string[]).includes(route) || RESERVED_ROUTES.some((prefix) => route.startsWith(prefix));
  if (reserved) {
    throw new ScaffoldError(
      `the id "${id}" would publish at ${route}, which is reserved for a page of the site; nothing was written. Choose another id with --id`,
    );
  }
  return {
    kind: request.kind,
    id,
    file: path.join(request.contentDir, collection.folder, `${id}${spec.extension}`),
    route,
    text: spec.render({ id, title: request.title.trim(), theme: request.theme, today: isoDay(request.today), tags: request.tags }),
  };
}

/**
 * Writes the planned file. Refuses when any file of the collection already has
 * the id (`x.md` blocks `x.mdx`: both would publish at the same address).
 */
export function writeEntry(plan: ScaffoldPlan, cwd = process.cwd()): void {
  const folder = path.dirname(plan.file);
  const collection = COLLECTIONS[KINDS[plan.kind].collection];
  const taken = collection.extensions.map((ext) => path.join(folder, `${plan.id}${ext}`)).find((file) => fs.existsSync(file));
  const refuse = (file: string) =>
    new ScaffoldError(
      `${path.relative(cwd, file) || file} already exists; nothing was written. Edit that file, or choose another id with --id`,
    );
  if (taken) throw refuse(taken);
  fs.mkdirSync(folder, { recursive: true });
  try {
    // `wx` fails if the file appeared since the check above, so nothing is ever overwritten.
    fs.writeFileSync(plan.file, plan.text, { encoding: 'utf8', flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw refuse(plan.file);
    throw error;
  }
}

/** The blanks left in a written entry, read back through the content loader, as the checker will see them. */
export function placeholdersIn(plan: ScaffoldPlan, cwd = process.cwd()): Finding[] {
  return placeholderFindings(readEntry(KINDS[plan.kind].collection, plan.file, cwd));
}
