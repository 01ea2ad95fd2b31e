/**
 * A session pack: one document for a whole session. A cover (title, team,
 * date, total time, the plays), the timed agenda, the materials of every play
 * in one list, then each play's facilitator guide and participant worksheet.
 * Pure, like the model it builds on: the CLI and the composer page's
 * "Download the pack" both render this document.
 */
import { serializeComposeState } from '../plays/compose-state.ts';
import { buildAgenda, type Agenda } from '../plays/agenda.ts';
import {
  facilitatorSection,
  footerFor,
  type Block,
  participantSection,
  printedDate,
  siteAddress,
  type ModelContext,
  type PlayInput,
  type Section,
  type WorksheetDocument,
} from './model.ts';
import { strings } from '../plays/strings.ts';

export interface PackOptions {
  /** `HH:MM`, 24-hour. */
  start: string;
  /** Minutes between plays; 0 for none. */
  breakMinutes: number;
  /** The title on the cover; "Session plan" (with the team, when given) otherwise. */
  title?: string | undefined;
}

/** The composer page with this selection (the composer's own address format), so the cover's QR code opens the same session on the web. */
export function composerAddress(ctx: Pick<ModelContext, 'siteUrl' | 'basePath'>, playIds: readonly string[], options: PackOptions): string {
  // The session only: a title or team name would make the printed address long and the QR code dense.
  const query = serializeComposeState({ plays: [...playIds], start: options.start, breakMinutes: options.breakMinutes });
  return `${siteAddress(ctx, '/plays/compose/')}${query}`;
}

/**
 * What the whole session needs at hand, from every play's materials: each
 * material once (the same words in another case or spacing count as one), in
 * the order the session first needs it, with the plays that use it.
 */
export function combinedMaterials(plays: readonly PlayInput[]): { text: string; plays: string[] }[] {
  const byKey = new Map<string, { text: string; plays: string[] }>();
  for (const play of plays) {
    for (const material of play.data.materials) {
      const key = material.trim().replace(/\s+/g, ' ').toLowerCase();
      const entry = byKey.get(key) ?? { text: material.trim(), plays: [] };
      if (!entry.plays.includes(play.data.title)) entry.plays.push(play.data.title);
      byKey.set(key, entry);
    }
  }
  return [...byKey.values()];
}

/** The agenda of the plays in order, with clock times. Throws a RangeError for a bad start or break. */
export function packAgenda(plays: readonly PlayInput[], options: PackOptions): Agenda {
  return buildAgenda(
    plays.map((p) => ({ id: p.id, title: p.data.title, steps: p.data.steps })),
    { start: options.start, breakMinutes: options.breakMinutes },
  );
}

/** The cover's list of materials, when any play lists some: each with the plays that use it when the session has several. */
function materialsBlocks(plays: readonly PlayInput[]): Block[] {
  const materials = combinedMaterials(plays);
  if (materials.length === 0) return [];
  const several = plays.length > 1;
  return [
    { kind: 'heading', level: 2, text: strings.pack.materials },
    {
      kind: 'list',
      ordered: false,
      check: true,
      items: materials.map((m) => ({ text: m.text, ...(several && { detail: strings.pack.materialFor(m.plays) }) })),
    },
  ];
}

export function sessionPack(plays: readonly PlayInput[], options: PackOptions, ctx: ModelContext): WorksheetDocument {
  const words = strings.pack;
  const agenda = packAgenda(plays, options);
  const url = composerAddress(
    ctx,
    plays.map((p) => p.id),
    options,
  );
  const cover: Section = {
    footer: footerFor(ctx, words.title, url),
    blocks: [
      { kind: 'eyebrow', text: words.eyebrow },
      { kind: 'heading', level: 1, text: options.title ?? (ctx.team ? `${words.title}: ${ctx.team}` : words.title) },
      {
        kind: 'facts',
        items: [
          ...(ctx.team ? [{ label: words.team, value: ctx.team }] : []),
          ...(ctx.date ? [{ label: words.date, value: printedDate(ctx.date) }] : []),
          { label: words.time, value: words.timeValue(agenda.start, agenda.end, agenda.totalMinutes) },
        ],
      },
      { kind: 'heading', level: 2, text: words.plays },
      {
        kind: 'list',
        ordered: true,
        items: plays.map((p) => ({ text: words.playItem(p.data.title, p.data.runMinutes), detail: p.data.purpose })),
      },
      ...(options.breakMinutes > 0 && plays.length > 1
        ? [{ kind: 'paragraph' as const, style: 'meta' as const, text: words.breaks(options.breakMinutes) }]
        : []),
      { kind: 'heading', level: 2, text: words.agenda },
      {
        kind: 'table',
        columns: [...words.agendaColumns],
        rows: agenda.items.map((item) =>
          item.kind === 'break'
            ? { cells: [item.start, item.end, '', words.breakRow, String(item.minutes)], muted: true }
            : { cells: [item.start, item.end, item.playTitle, item.title, String(item.minutes)] },
        ),
      },
      ...materialsBlocks(plays),
    ],
  };
  const sections: Section[] = [cover];
  // Each play starts at the clock time of its first agenda step, breaks included.
  for (const play of plays) {
    const start = agenda.items.find((item) => item.kind === 'step' && item.playId === play.id)?.start ?? agenda.start;
    sections.push(facilitatorSection(play, ctx, { start }));
    sections.push(participantSection(play, ctx, { fieldPrefix: play.id }));
  }
  return {
    title: options.title ?? words.documentTitle(ctx.team, ctx.date ? printedDate(ctx.date) : undefined),
    subject: plays.map((p) => p.data.title).join(', '),
    lang: strings.lang,
    sections,
  };
}
