/**
 * Every content rule, run over the site graph: the build (src/integration.ts)
 * and the checker (src/cli/check.ts) call this with the same graph, so they
 * report the same findings.
 */
import path from 'node:path';
import { didYouMean } from '../util/nearest.ts';
import { walkTree } from '../util/walk-tree.ts';
import fs from 'node:fs';
import { placeholderFindings } from './placeholders.ts';
import type { CollectionName } from '../schema/index.ts';
import { referencesOf } from '../schema/references.ts';
import { isEntryOf, type GraphEntry, type SiteGraph } from '../graph/site-graph.ts';
import { editorialFindings } from './editorial.ts';
import type { Finding } from '../content/finding.ts';

export interface ValidateOptions {
  /** The site's `public/` folder, where images must be (default: public/ in the working directory). */
  publicDir?: string;
  /** Only report findings in these files (absolute paths); the whole site is still loaded for references. */
  only?: ReadonlySet<string>;
}

const finding = (
  entry: GraphEntry,
  line: number,
  column: number,
  rule: string,
  message: string,
  fix: string,
  severity: Finding['severity'] = 'error',
): Finding => ({
  file: entry.raw.file,
  line,
  column,
  rule,
  severity,
  message,
  fix,
});

export function validateSite(graph: SiteGraph, options: ValidateOptions = {}): Finding[] {
  const findings: Finding[] = [];
  const entries = [...graph.entries.values()];
  const publicDir = options.publicDir ?? path.resolve('public');

  // Validated once, when the graph was built.
  for (const entry of entries) findings.push(...entry.schemaFindings);
  findings.push(...duplicateFindings(graph));
  findings.push(...duplicateIdFindings(graph));
  for (const { entry, route } of graph.routeClashes) {
    findings.push(
      finding(
        entry,
        1,
        1,
        'duplicate-route',
        `the ${entry.collection} entry "${entry.id}" would be published at ${route}, which another page already uses`,
        'rename the file: that id is reserved for a page of the site',
      ),
    );
  }
  for (const entry of entries) {
    findings.push(...referenceFindings(graph, entry));
    findings.push(...bodyFindings(graph, entry, publicDir));
    findings.push(...placeholderFindings(entry.raw));
  }
  findings.push(...publicFolderFindings(publicDir));
  findings.push(...graph.redirects.findings);
  findings.push(...orphanFindings(graph));
  findings.push(...editorialFindings(graph));
  const only = options.only;
  return unique(only ? findings.filter((f) => only.has(path.resolve(f.file))) : findings);
}

/** One finding per rule and place: two rules that see the same problem (a `javascript:` link) report it once. */
function unique(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.file}\0${f.line}\0${f.column}\0${f.rule}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Two files with the same id (e.g. `x.md` and `x.mdx`), or two entries with the same title. */
function duplicateFindings(graph: SiteGraph): Finding[] {
  const out: Finding[] = [];
  for (const [collection, list] of Object.entries(graph.byCollection)) {
    const titles = new Map<string, GraphEntry>();
    for (const entry of list) {
      const title = entry.title.trim().toLowerCase();
      const first = titles.get(title);
      if (first) {
        out.push(
          finding(
            entry,
            entry.raw.lineOf(['title']),
            1,
            'duplicate-title',
            `${collection} "${first.id}" already has the title "${entry.title}"`,
            'give each entry a distinct title',
          ),
        );
      } else titles.set(title, entry);
    }
  }
  return out;
}

/** Files that share an id with another file of their collection (e.g. `x.md` and `x.mdx`). */
function duplicateIdFindings(graph: SiteGraph): Finding[] {
  return graph.duplicates.flatMap((raw) => {
    const first = graph.entries.get(raw.key)?.raw;
    // Reported on both files: either may be the one to rename.
    return [raw, ...(first ? [first] : [])].map((file, i, pair) => ({
      file: file.file,
      line: 1,
      column: 1,
      rule: 'duplicate-id',
      severity: 'error' as const,
      message: `the id "${raw.id}" is also used by ${pair[1 - i]?.file ?? 'another file'}, so both would publish at the same address`,
      fix: 'rename one of the files (the file name is the id)',
    }));
  });
}

function referenceFindings(graph: SiteGraph, entry: GraphEntry): Finding[] {
  const out: Finding[] = [];
  if (!entry.data) return out;
  const ids = (collection: CollectionName) => graph.byCollection[collection].filter((e) => !e.draft).map((e) => e.id);
  // Every field that names another entry is declared once, in src/schema/references.ts.
  for (const { declaration, path: fieldPath, id } of referencesOf(entry.collection, entry.data)) {
    const target = graph.entries.get(`${declaration.target}/${id}`);
    if (target && !target.draft) continue;
    const moved = target ? undefined : graph.redirects.byKey.get(`${declaration.target}/${id}`);
    if (moved) {
      out.push(
        finding(
          entry,
          entry.raw.lineOf(fieldPath),
          1,
          'unknown-reference',
          `\`${fieldPath.join('.')}\` names the old id "${id}", which now redirects to "${moved.to}" (${graph.redirects.file ?? 'redirects.yaml'}:${moved.line})`,
          `write "${moved.to}" instead`,
        ),
      );
      continue;
    }
    out.push(
      finding(
        entry,
        entry.raw.lineOf(fieldPath),
        1,
        'unknown-reference',
        `\`${fieldPath.join('.')}\` refers to ${target?.draft ? 'a draft' : 'no'} ${declaration.what} "${id}".${didYouMean(id, ids(declaration.target))}`,
        target?.draft
          ? 'publish that entry, or remove the reference'
          : `use the id (file name) of an entry in content/${declaration.target}/`,
      ),
    );
  }
  if (isEntryOf(entry, 'sources')) {
    entry.data.citedIn.forEach((id, i) => {
      const cited = graph.entries.get(`sources/${id}`);
      if (isEntryOf(cited, 'sources') && cited.data.kind !== 'text') {
        out.push(
          finding(
            entry,
            entry.raw.lineOf(['citedIn', i]),
            1,
            'unknown-reference',
            `\`citedIn\` must list source texts, but "${id}" is a cited work`,
            'list the ids of the texts (kind: text) that mention this work',
          ),
        );
      }
    });
  }
  if (isEntryOf(entry, 'notes') && entry.data.related.includes(entry.id)) {
    out.push(
      finding(entry, entry.raw.lineOf(['related']), 1, 'unknown-reference', 'a note lists itself in `related`', 'remove its own id'),
    );
  }
  return out;
}

function bodyFindings(graph: SiteGraph, entry: GraphEntry, publicDir: string): Finding[] {
  const out: Finding[] = [];
  for (const link of graph.outgoing.get(entry.key) ?? []) {
    if (link.resolution.ok) continue;
    out.push(finding(entry, link.line, link.column, link.resolution.rule, link.resolution.message, link.resolution.fix));
  }
  for (const link of graph.outgoing.get(entry.key) ?? []) {
    if (link.kind !== 'image' || !link.resolution.ok || link.resolution.external) continue;
    const problem = publicFileProblem(publicDir, link.resolution.route);
    if (problem)
      out.push(
        finding(
          entry,
          link.line,
          link.column,
          'image-source',
          `the image "${link.target}" ${problem}`,
          'put the image file in public/ at that path (a regular file, not a link)',
        ),
      );
  }
  for (const link of entry.links) {
    if (link.kind === 'image' && link.label.trim() === '') {
      out.push(
        finding(
          entry,
          link.line,
          link.column,
          'image-alt',
          'the image has no alt text',
          'describe the image between the brackets: ![what it shows](…)',
        ),
      );
    }
  }
  let previous = 1;
  for (const heading of entry.headings) {
    if (heading.depth === 1) {
      out.push(
        finding(
          entry,
          heading.line,
          1,
          'heading-order',
          'a level-1 heading (#) in the body; the title is the page’s only h1',
          'start sections at ## instead',
        ),
      );
    } else if (heading.depth > previous + 1) {
      out.push(
        finding(
          entry,
          heading.line,
          1,
          'heading-order',
          `the heading jumps from h${previous} to h${heading.depth}`,
          `use ${'#'.repeat(previous + 1)} here so headings nest in order`,
        ),
      );
    }
    previous = heading.depth;
  }
  if (entry.parseProblem) {
    const { line, column, rule, message, fix } = entry.parseProblem;
    out.push(finding(entry, line, column, rule, message, fix));
  }
  for (const issue of entry.safety) out.push(finding(entry, issue.line, issue.column, issue.rule, issue.message, issue.fix));
  return out;
}

/** Published notes that nothing links to: readers can only find them by search. */
function orphanFindings(graph: SiteGraph): Finding[] {
  return graph.byCollection.notes
    .filter((note) => !note.draft && !graph.backlinks.get(note.key)?.length)
    .map((note) =>
      finding(
        note,
        1,
        1,
        'orphan',
        `no other entry links to the note "${note.id}"`,
        'link to it from a related note, a play, a glossary term or a reading path',
        'warning',
      ),
    );
}

/**
 * Everything under `public/` is published as it is (Vite copies the folder into the site), and a
 * link there would publish what it leads to, which may lie outside the repository. Links and other
 * non-files are refused by name, whether or not a page uses them.
 */
function publicFolderFindings(publicDir: string): Finding[] {
  return walkTree(publicDir)
    .filter((entry) => !entry.file)
    .map((entry) => ({
      file: path.relative(process.cwd(), entry.absolute) || entry.absolute,
      line: 1,
      column: 1,
      rule: 'unsafe-file',
      severity: 'error' as const,
      message: 'this is a symbolic link or another kind of non-file; everything under public/ is published as it is',
      fix: 'replace the link with the file itself, or remove it',
    }));
}

/** Why a path under `public/` cannot be shown as an image, or null when it can. */
export function publicFileProblem(publicDir: string, route: string): string | null {
  const file = path.resolve(publicDir, `.${route}`);
  if (!file.startsWith(path.resolve(publicDir) + path.sep)) return 'lies outside public/';
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(file);
  } catch {
    return `is not in public/ (looked for ${path.relative(process.cwd(), file)})`;
  }
  if (!stat.isFile()) return 'is not a regular file in public/';
  const real = fs.realpathSync(file);
  if (!real.startsWith(fs.realpathSync(publicDir) + path.sep)) return 'lies outside public/';
  return null;
}
