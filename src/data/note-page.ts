/**
 * Everything a note page shows besides its body, computed in one object the
 * components only read: the Connections block (src/notes/connections.ts) and
 * the one Next (src/notes/next.ts), with addresses.
 */
import { bookOrder } from '../notes/book-order.ts';
import { pathsContaining } from '../lib/paths.ts';
import { THEME_TITLES } from '../lib/themes.ts';
import { ui } from '../lib/ui.ts';
import { noteConnections, type Connection } from '../notes/connections.ts';
import { chooseNext, pathFragment, type NextChoice } from '../notes/next.ts';
import { config, graph, notes, once, publishedNoteIds, readingPaths, url, type Note } from './site.ts';

export interface LinkItem {
  title: string;
  href: string;
  /** The sentence around the link, or a reading path step's reason. */
  context?: string;
  /** What kind of entry it is, when not a note ("theme", "reading path"). */
  kind?: string;
}

export interface NextLink {
  /** "Next in Cheng and chi", "Step 3 of 7 in Start here: …", "Last step of …". */
  label: string;
  /** The reading path, when the label names one. */
  path?: { title: string; href: string };
  next?: { title: string; href: string };
}

export interface NotePage {
  plays: LinkItem[];
  linkedFrom: LinkItem[];
  related: LinkItem[];
  mentions: LinkItem[];
  /** The Next for a reader who did not come from a path. */
  next: NextLink | null;
  /** One Next per reading path the note is on, shown when the address is `#path-<id>` (the fragment is the key). */
  viaPaths: { fragment: string; next: NextLink }[];
  editUrl: string | null;
}

const KIND: Partial<Record<Connection['collection'], string>> = {
  themes: 'theme',
  paths: 'reading path',
  timeline: 'timeline',
  glossary: 'glossary',
};

const item = (c: Connection): LinkItem => ({
  title: c.title,
  href: url(c.route),
  ...(c.context !== undefined && { context: c.context }),
  ...(KIND[c.collection] && { kind: KIND[c.collection] }),
});

/** Each theme's notes in reading order (the theme book's order), computed once per build. */
const themeOrders = once(async () => {
  const all = await notes();
  const paths = await readingPaths();
  const orders = new Map<string, string[]>();
  for (const theme of Object.keys(THEME_TITLES)) {
    const ofTheme = all.filter((note) => note.data.theme === theme).map((note) => ({ id: note.id, title: note.data.title }));
    orders.set(
      theme,
      bookOrder(
        ofTheme,
        paths.filter((path) => path.data.theme === theme).map((path) => path.data),
      ).map((note) => note.id),
    );
  }
  return orders;
});

export async function notePage(note: Note): Promise<NotePage> {
  const siteGraph = graph();
  const connections = noteConnections(siteGraph, note.id);
  const published = await publishedNoteIds();
  const positions = pathsContaining(
    (await readingPaths()).map((path) => ({ id: path.id, title: path.data.title, steps: path.data.steps })),
    note.id,
    (id) => published.has(id),
  );
  const order = (await themeOrders()).get(note.data.theme) ?? [];
  const titleOf = (id: string) => siteGraph.entries.get(`notes/${id}`)?.title ?? id;
  const theme = THEME_TITLES[note.data.theme];
  const link = (choice: NextChoice | null): NextLink | null => {
    if (!choice) return null;
    if (choice.kind === 'theme')
      return { label: ui.notePage.nextInTheme(theme), next: { title: titleOf(choice.note), href: url(`/notes/${choice.note}/`) } };
    const path = { title: choice.title, href: url(`/paths/${choice.pathId}/`) };
    if (choice.kind === 'path') {
      // The next step keeps the path in its address, so the reader stays on the path.
      return {
        label: ui.notePage.step(choice.position, choice.total),
        path,
        next: { title: titleOf(choice.note), href: `${url(`/notes/${choice.note}/`)}#${pathFragment(choice.pathId)}` },
      };
    }
    return {
      label: ui.notePage.lastStep(choice.total),
      path,
      ...(choice.note !== undefined && { next: { title: titleOf(choice.note), href: url(`/notes/${choice.note}/`) } }),
    };
  };
  const entry = siteGraph.entries.get(`notes/${note.id}`);
  return {
    plays: connections.plays.map(item),
    linkedFrom: connections.linkedFrom.map(item),
    related: connections.related.map(item),
    mentions: connections.mentions.map(item),
    next: link(chooseNext(note.id, order, positions)),
    viaPaths: positions.flatMap((at) => {
      const next = link(chooseNext(note.id, order, positions, at.pathId));
      return next ? [{ fragment: pathFragment(at.pathId), next }] : [];
    }),
    editUrl: config.repoUrl && entry ? `${config.repoUrl}/edit/main/content/notes/${entry.raw.absolutePath.split('/').pop()}` : null,
  };
}
