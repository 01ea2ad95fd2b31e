/**
 * The Markdown twin of each note, theme essay, play and glossary term: YAML
 * front matter (title, url, summary, sources) and the page's content as clean
 * Markdown. Notes and themes come from their parsed bodies, plays and terms
 * from their data. Sorted and free of dates, so builds are byte-identical.
 */
import type { BlockContent, Heading, List, ListItem, PhrasingContent, RootContent } from 'mdast';
import { stringify } from 'yaml';
import { bodyTree, releaseBodyTree } from '../graph/body.ts';
import { isEntryOf, type EntryOf, type GraphEntry } from '../graph/site-graph.ts';
import { sortBy } from '../lib/collections.ts';
import type { Citation } from '../schema/index.ts';
import { strings } from '../plays/strings.ts';
import { noteTwinKey } from './cache.ts';
import { llmsFullSection } from './llms.ts';
import { joinMarkdown, markdownOf, twinBodyTree } from './markdown.ts';
import { siteAddress, twinRoute, type TwinCollection } from './routes.ts';
import type { Twin, TwinContext } from './types.ts';
import { twinStrings } from './strings.ts';

export type { Twin, TwinContext } from './types.ts';

const t = (value: string): PhrasingContent => ({ type: 'text', value });
const p = (...children: PhrasingContent[]): BlockContent => ({ type: 'paragraph', children });
const heading = (depth: 1 | 2 | 3, value: string): Heading => ({ type: 'heading', depth, children: [t(value)] });
const strong = (value: string): PhrasingContent => ({ type: 'strong', children: [t(value)] });
const a = (url: string, label: string): PhrasingContent => ({ type: 'link', url, children: [t(label)] });
const list = (items: PhrasingContent[][], ordered = false): List => ({
  type: 'list',
  ordered,
  spread: false,
  children: items.map((children): ListItem => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children }] })),
});
/** "**Label:** value" as a paragraph. */
const field = (label: string, ...value: PhrasingContent[]): BlockContent => p(strong(`${label}:`), t(' '), ...value);

const pageUrl = (context: TwinContext, entry: GraphEntry) => siteAddress(context.publicUrl, context.base, entry.route);

/** The page links of published entries among `keys`, in the given order. */
function linksTo(context: TwinContext, keys: readonly string[]): PhrasingContent[][] {
  return keys.flatMap((key) => {
    const entry = context.graph.entries.get(key);
    return entry && !entry.draft ? [[a(pageUrl(context, entry), entry.title)]] : [];
  });
}

function sourcesOf(context: TwinContext, citations: readonly Citation[]) {
  return citations.map(({ id, locator }) => {
    const source = context.graph.entries.get(`sources/${id}`);
    if (id === 'general' || !source || source.draft) return { title: twinStrings.generalSource, locator };
    return { title: source.title, url: pageUrl(context, source), locator };
  });
}

function frontMatter(fields: Record<string, unknown>): string {
  return `---\n${stringify(fields, { lineWidth: 0 })}---\n`;
}

function twinOf(
  context: TwinContext,
  entry: GraphEntry & { collection: TwinCollection },
  summary: string,
  citations: readonly Citation[],
  blocks: RootContent[],
): Twin {
  const url = pageUrl(context, entry);
  const route = twinRoute(entry.collection, entry.id);
  // The blocks are written out once, for the twin and for llms-full.txt.
  const written = markdownOf(blocks);
  const body = joinMarkdown(markdownOf([heading(1, entry.title)]), written);
  const front = frontMatter({ title: entry.title, url, summary, sources: sourcesOf(context, citations) });
  return {
    collection: entry.collection,
    id: entry.id,
    title: entry.title,
    summary,
    url,
    route,
    twinUrl: siteAddress(context.publicUrl, context.base, route),
    body,
    markdown: `${front}\n${body}`,
    ...(entry.collection === 'notes' && { llmsFullSection: llmsFullSection({ id: entry.id, title: entry.title, url }, blocks, written) }),
  };
}

export function noteTwin(context: TwinContext, note: EntryOf<'notes'>): Twin {
  const { data } = note;
  const blocks: RootContent[] = [p(t(data.summary)), ...twinBodyTree(bodyTree(note.raw), note, context)];
  if (data.reflect.length > 0)
    blocks.push(
      heading(2, twinStrings.reflect),
      list(
        data.reflect.map((q) => [t(q)]),
        true,
      ),
    );
  return twinOf(context, note, data.summary, data.sources, blocks);
}

export function themeTwin(context: TwinContext, theme: EntryOf<'themes'>): Twin {
  const notes = sortBy(
    context.graph.byCollection.notes.filter((note) => isEntryOf(note, 'notes') && !note.draft && note.data.theme === theme.id),
    (note) => note.title,
  );
  const blocks: RootContent[] = [p(t(theme.data.summary)), ...twinBodyTree(bodyTree(theme.raw), theme, context)];
  if (notes.length > 0)
    blocks.push(
      heading(2, twinStrings.themeNotes),
      list(
        linksTo(
          context,
          notes.map((note) => note.key),
        ),
      ),
    );
  return twinOf(context, theme, theme.data.summary, [], blocks);
}

export function playTwin(context: TwinContext, play: EntryOf<'plays'>): Twin {
  const { data } = play;
  const s = twinStrings.play;
  const prompts = new Map(data.prompts.map((prompt) => [prompt.id, prompt]));
  // Questions in the order a session reaches them, as the worksheets number them.
  const order = [...new Set([...data.steps.flatMap((step) => step.prompts), ...data.prompts.map((prompt) => prompt.id)])];
  const number = new Map(order.map((id, i) => [id, i + 1]));
  const blocks: RootContent[] = [
    p(t(data.purpose)),
    field(s.outcome, t(data.outcome)),
    field(s.time, t(strings.facilitator.timeValue(data.runMinutes, data.prepMinutes))),
    field(s.people, t(strings.facilitator.peopleValue(data.groupSize.min, data.groupSize.max))),
  ];
  const builtOn = linksTo(
    context,
    data.notes.map((id) => `notes/${id}`),
  );
  if (builtOn.length > 0) blocks.push(field(s.builtOn, ...builtOn.flatMap((link, i) => (i > 0 ? [t(', '), ...link] : link))));
  if (data.roles.length > 0) blocks.push(heading(2, s.roles), list(data.roles.map((role) => [strong(role.name), t(`: ${role.does}`)])));
  if (data.materials.length > 0) blocks.push(heading(2, s.materials), list(data.materials.map((item) => [t(item)])));
  blocks.push(heading(2, s.steps));
  data.steps.forEach((step, i) => {
    blocks.push(heading(3, s.step(i + 1, step.title, step.minutes)), p(t(step.instructions)));
    if (step.facilitator) blocks.push({ type: 'blockquote', children: [field(s.facilitator, t(step.facilitator))] });
    const asked = step.prompts.map((id) => number.get(id)).filter((n) => n !== undefined);
    if (asked.length > 0) blocks.push(p(t(strings.participant.revisit(asked, false))));
  });
  blocks.push(
    heading(2, s.questions),
    list(
      order.flatMap((id) => {
        const prompt = prompts.get(id);
        return prompt
          ? [
              [
                t(`${prompt.question} `),
                { type: 'emphasis', children: [t(`(${strings.describeAnswer(prompt)})`)] } satisfies PhrasingContent,
              ],
            ]
          : [];
      }),
      true,
    ),
  );
  if (data.followUp.length > 0) blocks.push(heading(2, s.followUp), list(data.followUp.map((item) => [t(item)])));
  return twinOf(context, play, data.purpose, data.sources, blocks);
}

export function termTwin(context: TwinContext, term: EntryOf<'glossary'>): Twin {
  const { data } = term;
  const blocks: RootContent[] = [p(t(data.definition))];
  if (data.aliases.length > 0) blocks.push(field(twinStrings.glossary.also, t(data.aliases.join(', '))));
  const notes = linksTo(
    context,
    data.notes.map((id) => `notes/${id}`),
  );
  if (notes.length > 0) blocks.push(field(twinStrings.glossary.notes, ...notes.flatMap((link, i) => (i > 0 ? [t(', '), ...link] : link))));
  return twinOf(context, term, data.definition.replace(/\s+/g, ' '), data.sources, blocks);
}

/** A note's twin from the cache when its key is there (src/twins/cache.ts), else made now and kept. */
export function keptNoteTwin(context: TwinContext, note: EntryOf<'notes'>): Twin {
  if (!context.cache) return noteTwin(context, note);
  const key = noteTwinKey(context, note, context.cache.version);
  const kept = context.cache.store.get(key);
  if (kept) return kept;
  const twin = noteTwin(context, note);
  context.cache.store.set(key, twin);
  // With a cache, this is a build step that needs the tree no more.
  releaseBodyTree(note.raw);
  return twin;
}

/** Every twin of the site: themes in their order, then notes, plays and terms by title. */
export function siteTwins(context: TwinContext): { themes: Twin[]; notes: Twin[]; plays: Twin[]; glossary: Twin[] } {
  const published = <C extends TwinCollection>(collection: C) =>
    context.graph.byCollection[collection].filter((entry): entry is EntryOf<C> => isEntryOf(entry, collection) && !entry.draft);
  return {
    themes: [...published('themes')]
      .sort((x, y) => x.data.order - y.data.order || (x.id < y.id ? -1 : 1))
      .map((theme) => themeTwin(context, theme)),
    notes: sortBy(published('notes'), (note) => note.title).map((note) => keptNoteTwin(context, note)),
    plays: sortBy(published('plays'), (play) => play.title).map((play) => playTwin(context, play)),
    glossary: sortBy(published('glossary'), (term) => term.title).map((term) => termTwin(context, term)),
  };
}
