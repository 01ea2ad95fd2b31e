import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { byRecency } from '../lib/collections.ts';
import { config, notes } from '../data/site.ts';
import { ui } from '../lib/ui.ts';
import { withBase } from '../graph/routes.ts';

export async function GET(context: APIContext) {
  const recent = byRecency(await notes());
  return rss({
    title: ui.siteTitle,
    description: ui.siteDescription,
    site: context.site ?? config.siteUrl,
    items: recent.map((note) => ({
      title: note.data.title,
      description: note.data.summary,
      pubDate: note.data.updated ?? note.data.created,
      link: withBase(config.basePath, `/notes/${note.id}/`),
    })),
  });
}
