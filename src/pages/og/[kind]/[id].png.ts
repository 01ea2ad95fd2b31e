/**
 * The social images: /og/<kind>/<id>.png for every published note, play and
 * theme, and /og/site/playbook.png for every other page. Drawn at build time
 * (src/og/render.ts) and cached across builds (src/og/cache.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { config, graph } from '../../../data/site.ts';
import { cachedCardPng } from '../../../og/cache.ts';
import { ogCards, type OgCard } from '../../../og/cards.ts';

export const getStaticPaths = (() => ogCards(graph()).map((card) => ({ params: { kind: card.kind, id: card.id }, props: { card } }))) satisfies GetStaticPaths;

const host = new URL(config.siteUrl).host;

export const GET: APIRoute = async ({ props }) => {
  const { png } = await cachedCardPng((props as { card: OgCard }).card, host);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
