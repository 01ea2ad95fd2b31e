/**
 * The editorial rules CONTRIBUTING.md promises for notes: a body of at least
 * 250 words, links to at least two other entries, two to four reflection
 * questions, and tags from the controlled list in `<content>/tags.yaml`, each
 * used by at least three published notes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseYaml } from '../content/yaml.ts';
import { isEntryOf, type EntryOf, type GraphEntry, type SiteGraph } from '../graph/site-graph.ts';
import { didYouMean, editDistance } from '../util/nearest.ts';
import { severityOf, type Finding } from '../content/finding.ts';
import { proseWordCount } from './prose.ts';

/** The smallest body of a published note, in words (as the page's reading time counts them). */
export const MIN_NOTE_WORDS = 250;
/** The fewest other entries a published note's body links to. */
export const MIN_NOTE_LINKS = 2;
/** The fewest reflection questions of a published note; the schema caps them at four. */
export const MIN_REFLECT = 2;
/** The fewest published notes each listed tag must be on. */
export const MIN_TAG_USES = 3;
/** The controlled tag list, in the content folder. */
export const TAGS_FILE = 'tags.yaml';

const ENTRY_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const at = (entry: GraphEntry, line: number, rule: string, message: string, fix: string): Finding => ({
  file: entry.raw.file,
  line,
  column: 1,
  rule,
  severity: severityOf(rule),
  message,
  fix,
});

export function editorialFindings(graph: SiteGraph): Finding[] {
  return [...noteFindings(graph), ...tagFindings(graph)];
}

/** Length, links and reflection questions of each published note. Drafts are work in progress. */
function noteFindings(graph: SiteGraph): Finding[] {
  const out: Finding[] = [];
  for (const note of graph.byCollection.notes) {
    if (note.draft || !isEntryOf(note, 'notes') || note.raw.problem || note.parseProblem) continue;
    const words = proseWordCount(note.raw.body);
    if (words < MIN_NOTE_WORDS) {
      out.push(
        at(
          note,
          note.raw.bodyLine,
          'note-too-short',
          `the note's body has ${words} word${words === 1 ? '' : 's'}; a note needs at least ${MIN_NOTE_WORDS}`,
          'explain the idea, where it comes from, an example from the texts and what it means for a team (CONTRIBUTING.md, section 4), or set `draft: true` until it is written',
        ),
      );
    }
    const targets = new Set<string>();
    for (const link of graph.outgoing.get(note.key) ?? []) {
      const r = link.resolution;
      if (link.kind !== 'image' && r.ok && !r.external && r.key && r.key !== note.key) targets.add(r.key);
    }
    if (targets.size < MIN_NOTE_LINKS) {
      out.push(
        at(
          note,
          note.raw.bodyLine,
          'note-links',
          `the note's body links to ${targets.size === 0 ? 'no other entry' : `only ${targets.size} other entry`}; a note links to at least ${MIN_NOTE_LINKS}`,
          'link the notes, plays, terms or sources it builds on in the text, e.g. [[note-id]] or [[plays/play-id]] (CONTRIBUTING.md, section 5)',
        ),
      );
    }
    const reflect = note.data.reflect.length;
    if (reflect < MIN_REFLECT) {
      out.push(
        at(
          note,
          note.raw.lineOf(['reflect']),
          'note-reflect',
          `the note has ${reflect === 0 ? 'no' : `only ${reflect}`} reflection question${reflect === 1 ? '' : 's'}; a note has ${MIN_REFLECT} to 4 under \`reflect\``,
          'add questions that make the reader apply the idea to their own team',
        ),
      );
    }
  }
  return out;
}

export interface TagList {
  /** Path of the file relative to the working directory, for findings. */
  file: string;
  /** Tag → its description and line, in the file's order. */
  tags: Map<string, { description: string; line: number }>;
  /** Problems of the file itself. */
  findings: Finding[];
}

/** A tag's comparison form: hyphens removed, each word's plural ending dropped (`self-services` → `selfservice`). */
export function tagKey(tag: string): string {
  return tag
    .split('-')
    .map((word) => (word.length > 3 ? word.replace(/(?:ies)$/, 'y').replace(/(?<!s)s$/, '') : word))
    .join('');
}

/**
 * Two tags a reader would take for one: the same after removing hyphens and
 * plural endings (`customer-need`, `customer-needs`, `customerneeds`), or, for
 * tags of six letters or more, at most two edits apart (`self-serve`,
 * `self-service`).
 */
export function nearDuplicateTags(a: string, b: string): boolean {
  const x = tagKey(a);
  const y = tagKey(b);
  if (x === y) return true;
  return Math.min(x.length, y.length) >= 6 && editDistance(x, y) <= 2;
}

/** Reads `<content>/tags.yaml`: one `tag: description` per line. Null when the folder has no such file. */
export function readTagList(root: string): TagList | null {
  const absolute = path.join(root, TAGS_FILE);
  const file = path.relative(process.cwd(), absolute) || TAGS_FILE;
  const problem = (line: number, message: string, fix: string): Finding => ({
    file,
    line,
    column: 1,
    rule: 'tag-list',
    severity: 'error',
    message,
    fix,
  });
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(absolute);
  } catch {
    return null;
  }
  const list: TagList = { file, tags: new Map(), findings: [] };
  if (!stat.isFile() || stat.size > 200 * 1024) {
    list.findings.push(problem(1, `${TAGS_FILE} is not a regular file of at most 200 kB`, 'replace it with the file itself'));
    return list;
  }
  const parsed = parseYaml(fs.readFileSync(absolute, 'utf8'));
  if (!parsed.ok) {
    list.findings.push(problem(parsed.problem.line, `${TAGS_FILE} does not parse: ${parsed.problem.message}`, parsed.problem.fix));
    return list;
  }
  const root_ = parsed.document.contents as {
    items?: { key: { value?: unknown; range?: [number, number, number] }; value: { value?: unknown } | null }[];
  } | null;
  if (!root_ || !Array.isArray(root_.items) || typeof parsed.data !== 'object' || Array.isArray(parsed.data)) {
    list.findings.push(
      problem(
        1,
        `${TAGS_FILE} must be a list of \`tag: description\` lines`,
        'write one line per tag, e.g. `trust: Why customers trust a company and how it earns that trust.`',
      ),
    );
    return list;
  }
  for (const item of root_.items) {
    const key = item.key?.value;
    const tag = typeof key === 'string' || typeof key === 'number' || typeof key === 'boolean' ? String(key) : '';
    const line = parsed.lineCounter.linePos(item.key?.range?.[0] ?? 0).line;
    const description = item.value?.value;
    if (!ENTRY_ID.test(tag)) {
      list.findings.push(
        problem(line, `the tag "${tag}" is not lowercase words joined by hyphens`, 'write it like an id, e.g. `customer-service`'),
      );
      continue;
    }
    if (typeof description !== 'string' || description.trim().length < 10 || description.length > 160 || /\n/.test(description)) {
      list.findings.push(
        problem(
          line,
          `the tag "${tag}" needs a one-line description of 10-160 characters`,
          'say in one line what the notes with this tag have in common',
        ),
      );
    }
    const twin = [...list.tags.keys()].find((other) => nearDuplicateTags(tag, other));
    if (twin) {
      list.findings.push({
        file,
        line,
        column: 1,
        rule: 'tag-near-duplicate',
        severity: 'error',
        message: `the tag "${tag}" is a near-duplicate of "${twin}" (line ${list.tags.get(twin)?.line ?? 1}); readers would not know which to follow`,
        fix: `keep one of them: remove "${tag}" from ${TAGS_FILE} and tag its notes \`${twin}\`, or the reverse`,
      });
    }
    list.tags.set(tag, { description: typeof description === 'string' ? description : '', line });
  }
  return list;
}

/** Tags of notes checked against the list; each listed tag on enough published notes. */
function tagFindings(graph: SiteGraph): Finding[] {
  // Validated notes only: a note whose frontmatter breaks its schema is reported for that first.
  const tagged = graph.byCollection.notes.filter((note): note is EntryOf<'notes'> => isEntryOf(note, 'notes') && note.data.tags.length > 0);
  const list = readTagList(graph.root);
  if (!list) {
    const first = tagged[0];
    if (!first) return [];
    return [
      {
        file: path.relative(process.cwd(), path.join(graph.root, TAGS_FILE)) || TAGS_FILE,
        line: 1,
        column: 1,
        rule: 'tag-list-missing',
        severity: severityOf('tag-list-missing'),
        message: `notes have tags (${first.raw.file} and ${tagged.length - 1} more), but the content folder has no ${TAGS_FILE}, so no tag was checked`,
        fix: `create ${TAGS_FILE} in the content folder with one \`tag: description\` line per tag`,
      },
    ];
  }
  const out = [...list.findings];
  // A list that cannot be read says so once, instead of refusing every tag.
  if (list.tags.size === 0 && list.findings.length > 0) return out;
  const listed = [...list.tags.keys()];
  for (const note of tagged) {
    note.data.tags.forEach((tag, i) => {
      if (list.tags.has(tag) || !ENTRY_ID.test(tag)) return; // a malformed tag is the schema's finding
      const twin = listed.find((other) => nearDuplicateTags(tag, other));
      out.push(
        at(
          note,
          note.raw.lineOf(['tags', i]),
          'tag-unknown',
          twin
            ? `the tag "${tag}" is not in ${list.file}; the list has "${twin}"`
            : `the tag "${tag}" is not in ${list.file}.${didYouMean(tag, listed)}`,
          twin
            ? `use \`${twin}\``
            : `use a tag from ${list.file}; a new tag goes into the list with a description, and only once at least ${MIN_TAG_USES} notes carry it`,
        ),
      );
    });
  }
  for (const [tag, { line }] of list.tags) {
    const uses = graph.tags.get(tag)?.length ?? 0;
    if (uses >= MIN_TAG_USES) continue;
    out.push({
      file: list.file,
      line,
      column: 1,
      rule: 'tag-underused',
      severity: 'error',
      message: `the tag "${tag}" is on ${uses === 0 ? 'no published note' : `only ${uses} published note${uses === 1 ? '' : 's'}`}; a tag a reader can follow is on at least ${MIN_TAG_USES}`,
      fix: `tag at least ${MIN_TAG_USES} notes with it, or remove it from ${TAGS_FILE} and from the notes that have it`,
    });
  }
  return out;
}
