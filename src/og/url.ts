/** Where the social images live: /og/<kind>/<id>.png, as absolute URLs for Open Graph meta. */
import { readSiteConfig, type SiteConfig } from '../config.ts';
import { withBase } from '../graph/routes.ts';
import { loadSiteGraph } from '../graph/site-graph.ts';

/** The kinds of entry with a card of their own; `site` is the card of every other page. */
export const OG_KINDS = ['notes', 'plays', 'themes', 'site'] as const;
export type OgKind = (typeof OG_KINDS)[number];

/** The id of the site-wide card, at /og/site/playbook.png. */
export const SITE_CARD_ID = 'playbook';

export const OG_SIZE = { width: 1200, height: 630 } as const;

/** The route of an image, without base path: `/og/notes/working-backwards.png`. */
export const ogRoute = (kind: OgKind, id: string): string => `/og/${kind}/${id}.png`;

/** The absolute URL of an image, e.g. `https://example.org/playbook/og/notes/working-backwards.png`. */
export function ogImageFor(kind: OgKind, id: string, config: Pick<SiteConfig, 'siteUrl' | 'basePath'> = readSiteConfig()): string {
  return new URL(withBase(config.basePath, ogRoute(kind, id)), `${config.siteUrl}/`).href;
}

const PAGE = /^\/(notes|plays|themes)\/([a-z0-9]+(?:-[a-z0-9]+)*)\/$/;

export interface PageImageOptions {
  config?: Pick<SiteConfig, 'siteUrl' | 'basePath' | 'contentDir'>;
  /** Whether an entry has a card; by default, whether it is a published entry of the site graph. */
  hasCard?: (kind: OgKind, id: string) => boolean;
}

/**
 * The image for a page, from its path (as `Astro.url.pathname` gives it, base
 * path included): a note, play or theme page gets its own card, every other
 * page (including /plays/compose/) the site card.
 */
export function ogImageForPage(pathname: string, options: PageImageOptions = {}): string {
  const config = options.config ?? readSiteConfig();
  const hasCard =
    options.hasCard ??
    ((kind: OgKind, id: string) => {
      const entry = loadSiteGraph(config.contentDir).entries.get(`${kind}/${id}`);
      return Boolean(entry && !entry.draft);
    });
  const base = config.basePath.replace(/\/+$/, '');
  const route = base && pathname.startsWith(`${base}/`) ? pathname.slice(base.length) : pathname;
  const match = PAGE.exec(route);
  const kind = match?.[1] as OgKind | undefined;
  const id = match?.[2];
  return kind && id && hasCard(kind, id) ? ogImageFor(kind, id, config) : ogImageFor('site', SITE_CARD_ID, config);
}
