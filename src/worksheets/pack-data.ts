/**
 * What the composer page's "Download the pack" fetches to build a pack in the
 * browser: each play's validated data (the same schema output the CLI packs
 * from) with the titles of the notes and sources its guide names, published
 * at `/plays/<id>/pack.json`; and the settings the CLI reads from the
 * environment (origin, base path, the PDFs' creation date), carried by the
 * page. `packInputs` turns them back into the model's inputs, so both sides
 * call `planPackFiles` with equal values and get equal bytes.
 */
import type { PlayData } from '../schema/play.ts';
import type { ModelContext, PlayInput } from './model.ts';

export interface PackPlayData {
  id: string;
  data: PlayData;
  /** Titles by id of the notes and sources the play names. */
  titles: { notes: Record<string, string>; sources: Record<string, string> };
}

export interface PackSite {
  /**
   * `SITE_URL` when it is a public origin, else null. The model prints an
   * address only for a public origin (`printable` in ./model.ts), so a private
   * one changes nothing in the pack, and the page never names `localhost`.
   */
  publicUrl: string | null;
  basePath: string;
  /** ISO date and time written into the PDFs as their creation date (SOURCE_DATE_EPOCH, as the CLI reads it). */
  created: string;
}

/** One play's pack data, from the play and the titles of every note and source. */
export function packPlayData(
  play: PlayInput,
  titles: { notes: ReadonlyMap<string, string>; sources: ReadonlyMap<string, string> },
): PackPlayData {
  const pick = (ids: readonly string[], map: ReadonlyMap<string, string>) =>
    Object.fromEntries(ids.flatMap((id) => (map.has(id) ? [[id, map.get(id) as string]] : [])));
  return {
    id: play.id,
    data: play.data,
    titles: {
      notes: pick(play.data.notes, titles.notes),
      sources: pick(
        play.data.sources.map((s) => s.id),
        titles.sources,
      ),
    },
  };
}

/** The plays and the model context for a pack, from fetched pack data. */
export function packInputs(
  site: PackSite,
  plays: readonly PackPlayData[],
  labels: { team?: string | undefined; date?: string | undefined },
): { plays: PlayInput[]; ctx: ModelContext } {
  const notes = new Map<string, string>();
  const sources = new Map<string, string>();
  for (const play of plays) {
    for (const [id, title] of Object.entries(play.titles.notes)) notes.set(id, title);
    for (const [id, title] of Object.entries(play.titles.sources)) sources.set(id, title);
  }
  const ctx: ModelContext = {
    siteUrl: site.publicUrl ?? '',
    basePath: site.basePath,
    titles: { notes, sources },
    ...(labels.team && { team: labels.team }),
    ...(labels.date && { date: labels.date }),
  };
  return { plays: plays.map((p) => ({ id: p.id, data: p.data })), ctx };
}
