/**
 * `npm run new`: the command-line spec, how missing values are gathered (asked
 * on a terminal, an error otherwise), and the report printed after writing.
 * The work itself is in src/scaffold/.
 */
import path from 'node:path';
import { didYouMean } from '../util/nearest.ts';
import { THEME_IDS, themeId, title as titleSchema, glossarySchema, type ThemeId } from '../schema/index.ts';
import { entryIdFor, ScaffoldError, type ScaffoldPlan, type ScaffoldRequest } from '../scaffold/entry.ts';
import { isKind, KIND_NAMES, KINDS, type Kind } from '../scaffold/templates.ts';
import type { Finding } from '../content/finding.ts';
import { readTagList } from '../validate/editorial.ts';
import { UsageError, type CommandSpec, type ParsedFlags } from './args.ts';

const THEMED = KIND_NAMES.filter((kind) => KINDS[kind].needsTheme);

export const newCommand: CommandSpec = {
  name: 'new',
  summary: [
    'Creates a content entry with valid frontmatter and TODO placeholders that `npm run check` rejects until you fill them.',
    '',
    'Kinds:',
    ...KIND_NAMES.map((kind) => `  ${kind.padEnd(8)} ${KINDS[kind].describe}`),
  ].join('\n'),
  usage: `npm run new -- <${KIND_NAMES.join('|')}> "<title>" [--theme THEME] [--id ID] [--content DIR]`,
  flags: {
    theme: { type: 'string', choices: THEME_IDS, value: 'THEME', description: `theme of a ${THEMED.join(', ')}: ${THEME_IDS.join(', ')}` },
    id: { type: 'string', value: 'ID', description: 'the id (file name) instead of one made from the title' },
    content: { type: 'string', value: 'DIR', description: 'content folder (default: $CONTENT_DIR or content/)' },
    help: { type: 'boolean', short: 'h', description: 'show this help' },
  },
  examples: [
    'npm run new -- note "Zoë\'s Café" --theme cheng-chi',
    'npm run new -- term "Schwerpunkt"',
    'npm run new    (asks for everything on a terminal)',
  ],
};

/** How the command talks with a person on a terminal; absent when stdin is not one. */
export interface Prompter {
  /** Shows the question and resolves with the answer typed. */
  ask: (question: string) => Promise<string>;
  /** Shows a line, e.g. why an answer was refused. */
  say: (text: string) => void;
}

/**
 * Today, from `SOURCE_DATE_EPOCH` (seconds) when set, so generated files can
 * be reproduced; otherwise from the clock.
 */
export function clockFrom(env: Record<string, string | undefined>, now: () => Date = () => new Date()): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return now();
  if (!/^\d+$/.test(epoch)) throw new UsageError(`SOURCE_DATE_EPOCH must be whole seconds since 1970, got "${epoch}".`);
  return new Date(Number(epoch) * 1000);
}

/** Checks a title against the rule of the collection's schema; returns the reason it fails, or null. */
export function titleProblem(kind: Kind, value: string): string | null {
  if (/[\r\n]/.test(value)) return 'the title must fit on one line';
  const schema = kind === 'term' ? glossarySchema.shape.term : titleSchema;
  const result = schema.safeParse(value);
  return result.success ? null : (result.error.issues[0]?.message ?? 'not a valid title');
}

/** "a", "a and b", "a, b and c". */
const listOf = (items: readonly string[]) => (items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

const kindProblem = (value: string) =>
  isKind(value) ? null : `"${value}" is not a kind of entry.${didYouMean(value, KIND_NAMES)} Use one of: ${KIND_NAMES.join(', ')}.`;
const themeProblem = (value: string) =>
  themeId.safeParse(value).success
    ? null
    : `"${value}" is not a theme.${didYouMean(value, THEME_IDS)} Use one of: ${THEME_IDS.join(', ')}.`;

/** Asks until the answer passes `problem` (a number picks from `choices`); gives up after three tries. */
async function askFor(
  prompter: Prompter,
  question: string,
  problem: (value: string) => string | null,
  choices?: readonly string[],
): Promise<string> {
  if (choices) prompter.say(choices.map((c, i) => `  ${i + 1}. ${c}`).join('\n'));
  for (let attempt = 0; attempt < 3; attempt++) {
    let answer = (await prompter.ask(`${question}${choices ? ` (1-${choices.length} or a name)` : ''}: `)).trim();
    if (choices && /^\d+$/.test(answer)) answer = choices[Number(answer) - 1] ?? answer;
    const reason = problem(answer);
    if (!reason) return answer;
    prompter.say(`  ${reason}`);
  }
  throw new UsageError(`no valid ${question.toLowerCase()} given; nothing was written.`);
}

export interface GatherOptions {
  /** Set when stdin is a terminal: missing values are asked for instead of failing. */
  prompter?: Prompter | undefined;
  contentDir: string;
  today: Date;
}

/**
 * Turns arguments into a complete request. Missing values are asked for on a
 * terminal; without one, every missing value is named in one UsageError.
 */
export async function gatherRequest(positionals: readonly string[], flags: ParsedFlags, options: GatherOptions): Promise<ScaffoldRequest> {
  const { prompter } = options;
  if (positionals.length > 2) {
    throw new UsageError(
      `expected a kind and a title, got ${positionals.length} arguments. Put the title in quotes: npm run new -- ${positionals[0]} "${positionals.slice(1).join(' ')}"`,
    );
  }
  const [kindArg, titleArg] = positionals;
  let kind: Kind | undefined;
  if (kindArg !== undefined) {
    const reason = kindProblem(kindArg);
    if (reason) throw new UsageError(reason);
    kind = kindArg as Kind;
  } else if (prompter) kind = (await askFor(prompter, 'Kind of entry', kindProblem, KIND_NAMES)) as Kind;

  const theme = typeof flags.theme === 'string' ? (flags.theme as ThemeId) : undefined;
  if (kind && theme && !KINDS[kind].needsTheme)
    throw new UsageError(`--theme applies to a ${THEMED.join(', ')}; a ${kind} has no theme. Leave it out.`);

  let titleValue = titleArg;
  const label = kind ? KINDS[kind].titleLabel : 'title';
  if (kind && titleValue !== undefined) {
    const reason = titleProblem(kind, titleValue);
    if (reason) throw new UsageError(`the ${label} "${titleValue}": ${reason}.`);
  } else if (kind && prompter)
    titleValue = await askFor(prompter, label[0]?.toUpperCase() + label.slice(1), (value) => titleProblem(kind, value));

  let chosenTheme = theme;
  if (kind && KINDS[kind].needsTheme && !chosenTheme && prompter)
    chosenTheme = (await askFor(prompter, 'Theme', themeProblem, THEME_IDS)) as ThemeId;

  const missing = [
    !kind && `the kind (${KIND_NAMES.join(', ')})`,
    titleValue === undefined && `the ${label}`,
    (!kind || KINDS[kind].needsTheme) && !chosenTheme && `--theme (${THEME_IDS.join(', ')})${kind ? '' : ` for a ${THEMED.join(', ')}`}`,
  ].filter((item): item is string => typeof item === 'string');
  if (!kind || titleValue === undefined || missing.length > 0) {
    const example = `npm run new -- ${kind ?? 'note'} "${titleValue ?? 'Impress customers, not competitors'}"${!kind || KINDS[kind].needsTheme ? ` --theme ${chosenTheme ?? 'customer-obsession'}` : ''}`;
    throw new UsageError(`missing ${listOf(missing)}. For example: ${example} (in a terminal, leave them out to be asked).`);
  }

  let id = typeof flags.id === 'string' ? flags.id : undefined;
  if (id === undefined && prompter) {
    // A title with no Latin letters gives no id: ask for one rather than fail.
    try {
      entryIdFor(titleValue);
    } catch (error) {
      if (!(error instanceof ScaffoldError)) throw error;
      id = await askFor(prompter, 'Id (lowercase words joined by hyphens)', (value) => {
        try {
          entryIdFor(titleValue, value);
          return null;
        } catch (problem) {
          return (problem as Error).message;
        }
      });
    }
  }
  // A note's template lists the controlled tags, so a contributor picks from them instead of inventing one.
  const list = kind === 'note' ? readTagList(options.contentDir) : null;
  return {
    kind,
    title: titleValue,
    id,
    theme: chosenTheme,
    contentDir: options.contentDir,
    today: options.today,
    ...(list && { tags: [...list.tags.keys()] }),
  };
}

/** What the command prints after writing: the file, the blanks to fill, and what to do next. */
export function formatCreated(
  plan: ScaffoldPlan,
  placeholders: readonly Finding[],
  options: { cwd: string; defaultContentDir: string },
): string {
  const relative = path.relative(options.cwd, plan.file) || plan.file;
  const contentDir = path.dirname(path.dirname(plan.file));
  const custom = path.resolve(contentDir) !== path.resolve(options.defaultContentDir);
  const contentArg = path.relative(options.cwd, contentDir) || '.';
  const check = custom ? `npm run check -- --content ${contentArg}` : 'npm run check';
  const dev = custom ? `CONTENT_DIR=${contentArg} npm run dev` : 'npm run dev';
  const blanks = placeholders.map((f) => `  ${relative}:${f.line}  ${f.message.replace(/ from `npm run new`/, '')}`);
  return [
    `Created ${relative}`,
    '',
    `Fill these ${placeholders.length} placeholders (the comments in the file say what goes where):`,
    ...blanks,
    '',
    'Next steps:',
    `  1. Write the entry in your own words and replace every TODO and \`todo\` above.`,
    `  2. Run \`${check}\`: each blank left shows as a \`placeholder\` error. Repeat until it reports 0 errors.`,
    `  3. Preview with \`${dev}\` and open http://localhost:4321${plan.route}`,
    '  4. Open a pull request and work through its checklist (see CONTRIBUTING.md).',
  ].join('\n');
}
