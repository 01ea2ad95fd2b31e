/**
 * What each social image says, from the site graph: a card per published note,
 * play and theme, plus one for the site. Pure over the graph, so the list of
 * images and their text are testable without a build.
 */
import type { SiteGraph } from '../graph/site-graph.ts';
import { THEME_TITLES } from '../lib/themes.ts';
import { ui } from '../lib/ui.ts';
import { smarten } from '../markdown/remark-typography.ts';
import { THEME_IDS, type ThemeId } from '../schema/index.ts';
import { SITE_CARD_ID, type OgKind } from './url.ts';

export interface OgCard {
  kind: OgKind;
  id: string;
  /** Small line above the title, e.g. "Cheng and chi · Note". */
  eyebrow: string;
  title: string;
  summary: string;
  /** Colours the card; the site card has none. */
  theme: ThemeId | null;
}

const KIND_LABEL = { notes: 'Note', plays: 'Play', themes: 'Theme' } as const;
const isTheme = (value: unknown): value is ThemeId => typeof value === 'string' && (THEME_IDS as readonly string[]).includes(value);

/** Every card of the site: the site card first, then notes, plays and themes, each by id. */
export function ogCards(graph: SiteGraph): OgCard[] {
  const cards: OgCard[] = [
    {
      kind: 'site',
      id: SITE_CARD_ID,
      eyebrow: 'Notes · Plays · Reading paths',
      title: ui.siteTitle,
      summary: ui.siteDescription,
      theme: null,
    },
  ];
  for (const kind of ['notes', 'plays', 'themes'] as const) {
    for (const entry of graph.byCollection[kind]) {
      if (entry.draft) continue;
      const data = entry.data;
      if (!data) continue;
      const theme = kind === 'themes' ? entry.id : 'theme' in data ? data.theme : null;
      const summary = 'purpose' in data ? data.purpose : 'summary' in data ? data.summary : '';
      const themeId = isTheme(theme) ? theme : null;
      cards.push({
        kind,
        id: entry.id,
        eyebrow: kind === 'themes' || !themeId ? KIND_LABEL[kind] : `${THEME_TITLES[themeId]} · ${KIND_LABEL[kind]}`,
        // Curly quotes and apostrophes, as in the notes' bodies.
        title: smarten(entry.title),
        summary: typeof summary === 'string' ? smarten(summary) : '',
        theme: themeId,
      });
    }
  }
  return cards;
}
