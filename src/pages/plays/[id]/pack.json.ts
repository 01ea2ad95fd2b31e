/**
 * `/plays/<id>/pack.json`: a play's data for the composer's "Download the
 * pack" (see src/worksheets/pack-data.ts), fetched only when a pack is made.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { plays } from '../../../data/site.ts';
import { packPlayData } from '../../../worksheets/pack-data.ts';

export const getStaticPaths = (async () => {
  // Every note and source, drafts included, as the CLI's loader reads them (src/worksheets/load.ts).
  const titles = {
    notes: new Map((await getCollection('notes')).map((n) => [n.id, n.data.title])),
    sources: new Map((await getCollection('sources')).map((s) => [s.id, s.data.title])),
  };
  return (await plays()).map((play) => ({
    params: { id: play.id },
    props: { data: packPlayData({ id: play.id, data: play.data }, titles) },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response(JSON.stringify(props.data), { headers: { 'Content-Type': 'application/json' } });
