/**
 * "Download the pack", loaded only when it is pressed (the composer island
 * imports this module on click): fetches the plays' pack data and the font
 * files, then plans and renders the pack with the CLI's own code
 * (src/worksheets/plan.ts and the renderers), so the same choices give the
 * same bytes as `npm run worksheets -- --pack`. Nothing here decides what the
 * pack holds.
 */
import PDFDocument from 'pdfkit';
import regularFont from '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf?url';
import boldFont from '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf?url';
import type { ComposeState } from '../../plays/compose-state.ts';
import type { PdfEngine } from '../../worksheets/pdf/engine.ts';
import { packAgenda } from '../../worksheets/pack.ts';
import { packInputs, type PackPlayData, type PackSite } from '../../worksheets/pack-data.ts';
import { planPackFiles } from '../../worksheets/plan.ts';
import { markdownRenderer } from '../../worksheets/renderers/markdown.ts';
import { pdfRendererWith } from '../../worksheets/renderers/pdf.ts';

export interface MadePack {
  /** The file name the CLI gives it, e.g. `session-2027-01-15.pdf`. */
  name: string;
  type: string;
  bytes: Uint8Array;
}

async function fetchOk(address: string): Promise<Response> {
  const response = await fetch(address);
  if (!response.ok) throw new Error(`could not load ${address} (${response.status})`);
  return response;
}

let engine: Promise<PdfEngine> | undefined;

/** pdfkit and the two fonts, fetched once per page. */
function browserEngine(): Promise<PdfEngine> {
  engine ??= Promise.all([regularFont, boldFont].map(async (address) => new Uint8Array(await (await fetchOk(address)).arrayBuffer()))).then(
    ([regular, bold]) => ({
      PDFDocument,
      fonts: { regular: regular as Uint8Array, bold: bold as Uint8Array },
    }),
  );
  // A failed fetch is not kept: the next press tries again.
  engine.catch(() => (engine = undefined));
  return engine;
}

/**
 * Makes the pack of `state`. `playData` is the address of a play's pack data
 * for an id (`/plays/<id>/pack.json` under the site's base path). Throws an
 * Error whose message can be shown as it is.
 */
export async function makePack(state: ComposeState, site: PackSite, playData: (id: string) => string): Promise<MadePack> {
  const data = await Promise.all(state.plays.map(async (id) => (await (await fetchOk(playData(id))).json()) as PackPlayData));
  const { plays, ctx } = packInputs(site, data, { team: state.team, date: state.date });
  const options = { start: state.start, breakMinutes: state.breakMinutes, ...(state.title && { title: state.title }) };
  // The agenda explains a session that would run past midnight before anything is drawn.
  packAgenda(plays, options);
  const paper = state.paper ?? 'a4';
  const renderer = state.format === 'md' ? markdownRenderer : pdfRendererWith(browserEngine);
  const [file] = planPackFiles(plays, options, ctx, { papers: [paper], renderers: [renderer] });
  if (!file) throw new Error('nothing to make');
  const bytes = await file.renderer.render(file.document, { paper, created: new Date(site.created) });
  return { name: file.path.split('/').at(-1) ?? file.path, type: state.format === 'md' ? 'text/markdown' : 'application/pdf', bytes };
}
