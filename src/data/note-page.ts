/** Everything a note page shows besides its body, computed from the collections and the site graph. */
import { groupBy, neighbours } from '../lib/collections.ts';
import { THEME_IDS } from '../schema/index.ts';
import { config, graph, linkTo, notes, once, plays as allPlays, url, type Note } from './site.ts';

export interface NoteLinks {
  backlinks: { title: string; href: string; note?: string }[];
  related: { title: string; href: string }[];
  plays: { title: string; href: string }[];
  previous?: { title: string; href: string };
  next?: { title: string; href: string };
  editUrl: string | null;
}

const collectionLabel: Record<string, string> = {
  notes: '',
  plays: '(play)',
  glossary: '(glossary)',
  timeline: '(timeline)',
  paths: '(reading path)',
  themes: '(theme)',
  sources: '(source)',
};

/** Published notes per theme, by title: computed once per build. */
const notesByTheme = once(async () => groupBy(await notes(), (n) => n.data.theme, THEME_IDS));

export async function noteLinks(note: Note): Promise<NoteLinks> {
  const siteGraph = graph();
  const backlinks = (siteGraph.backlinks.get(`notes/${note.id}`) ?? [])
    .map((key) => {
      const link = linkTo(key);
      return link && { title: link.title, href: link.href, note: collectionLabel[link.collection] ?? '' };
    })
    .filter((link): link is NonNullable<typeof link> => Boolean(link));
  const related = note.data.related.map((id) => linkTo(`notes/${id}`)).filter((l): l is NonNullable<typeof l> => Boolean(l));
  const plays = (await allPlays())
    .filter((play) => play.data.notes.includes(note.id))
    .map((play) => ({ title: play.data.title, href: url(`/plays/${play.id}/`) }));
  const inTheme = (await notesByTheme()).get(note.data.theme) ?? [];
  const { previous, next } = neighbours(inTheme, note.id);
  const entry = siteGraph.entries.get(`notes/${note.id}`);
  const editUrl = config.repoUrl && entry ? `${config.repoUrl}/edit/main/content/notes/${entry.raw.absolutePath.split('/').pop()}` : null;
  return {
    backlinks,
    related,
    plays,
    ...(previous && { previous: { title: previous.data.title, href: url(`/notes/${previous.id}/`) } }),
    ...(next && { next: { title: next.data.title, href: url(`/notes/${next.id}/`) } }),
    editUrl,
  };
}
