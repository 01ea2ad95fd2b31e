import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatFinding, type Finding } from '../../src/content/finding.ts';
import { readDataFile } from '../../src/content/load.ts';
import { isRedirectPage, redirectsFile } from '../../src/graph/redirects.ts';
import { loadSiteGraph, type SiteGraph } from '../../src/graph/site-graph.ts';
import { redirectsSchema } from '../../src/schema/redirects.ts';
import { validateSite } from '../../src/validate/index.ts';
import { searchRecords } from '../../src/search/records.ts';
import { contentWithOverlay } from '../helpers/fixtures.ts';

const created: string[] = [];
afterAll(() => created.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** The fixture site with `redirects.yaml` replaced by `yaml` (or written as raw bytes). */
function site(yaml: string | Buffer, extra: Record<string, string> = {}): { graph: SiteGraph; findings: Finding[]; dir: string } {
  const dir = contentWithOverlay();
  created.push(dir);
  fs.writeFileSync(path.join(dir, 'redirects.yaml'), yaml);
  for (const [file, text] of Object.entries(extra)) fs.writeFileSync(path.join(dir, file), text);
  const graph = loadSiteGraph(dir, { fresh: true });
  return { graph, findings: validateSite(graph), dir };
}

const redirectFindings = (findings: Finding[]) => findings.filter((f) => f.file.endsWith('redirects.yaml'));
const messages = (findings: Finding[]) => redirectFindings(findings).map((f) => `${f.line} ${f.rule} ${f.message}`);

describe('redirects.yaml', () => {
  it('publishes a valid redirect: old route → new route, with the base path in _redirects', () => {
    const { graph, findings } = site('notes:\n  old-alpha-note: alpha-note\n');
    expect(redirectFindings(findings)).toEqual([]);
    expect(graph.redirects.redirects).toMatchObject([
      {
        collection: 'notes',
        from: 'old-alpha-note',
        to: 'alpha-note',
        fromRoute: '/notes/old-alpha-note/',
        toRoute: '/notes/alpha-note/',
        line: 2,
      },
    ]);
    expect(redirectsFile(graph.redirects.redirects, '/playbook')).toContain(
      '/playbook/notes/old-alpha-note/ /playbook/notes/alpha-note/ 301\n',
    );
    expect(redirectsFile(graph.redirects.redirects, '/', (collection, id) => `/${collection}/${id}.md`)).toContain(
      '/notes/old-alpha-note.md /notes/alpha-note.md 301\n',
    );
    expect(isRedirectPage(graph.redirects.redirects, '/', 'https://x.example/notes/old-alpha-note/')).toBe(true);
    expect(isRedirectPage(graph.redirects.redirects, '/', 'https://x.example/notes/alpha-note/')).toBe(false);
    // The old id is not an entry: no page, no search record, no twin comes from it.
    expect(graph.entries.has('notes/old-alpha-note')).toBe(false);
    expect(graph.routes.has('/notes/old-alpha-note/')).toBe(false);
    const records = searchRecords(graph);
    expect(records.some((r) => r.url.includes('/notes/alpha-note/'))).toBe(true);
    expect(records.filter((r) => r.url.includes('old-alpha-note'))).toEqual([]);
  });

  it('a site without the file has no redirects and no finding', () => {
    const dir = contentWithOverlay();
    created.push(dir);
    fs.rmSync(path.join(dir, 'redirects.yaml'), { force: true });
    const graph = loadSiteGraph(dir, { fresh: true });
    expect(graph.redirects.redirects).toEqual([]);
    expect(redirectsFile(graph.redirects.redirects, '/')).toBe('');
  });

  it.each([
    ['a redirect to itself', 'notes:\n  self: self\n', /2 redirect the note "self" redirects to itself/],
    [
      'a chain',
      'notes:\n  a: b\n  b: alpha-note\n',
      /2 redirect "a" redirects to "b", which itself redirects \(line 3\): a → b → alpha-note/,
    ],
    ['a loop of two', 'notes:\n  a: b\n  b: a\n', /2 redirect .*loop: a → b → a/],
    ['a loop of three', 'notes:\n  a: b\n  b: c\n  c: a\n', /4 redirect .*loop: c → a → b → c/],
    ['an unknown target', 'notes:\n  old: alpha-notes\n', /2 redirect "old" redirects to no note "alpha-notes".*`alpha-note`/],
    ['a draft target', 'notes:\n  old: draft-note\n', /2 redirect "old" redirects to a draft note "draft-note"/],
    ['a live old id', 'notes:\n  beta-note: alpha-note\n', /2 redirect the old id "beta-note" is still an entry/],
    ['a target in another collection', 'plays:\n  old-play: alpha-note\n', /2 redirect "old-play" redirects to no play "alpha-note"/],
    [
      'an old id on a page of the site',
      'plays:\n  compose: fixture-play\n',
      /2 redirect .*\/plays\/compose\/, which is a page of the site/,
    ],
    ['an old id under a reserved route', 'plays:\n  filter: fixture-play\n', /2 redirect .*\/plays\/filter\//],
    ['an old id with capitals', 'notes:\n  Old_Note: alpha-note\n', /2 redirect the old id "Old_Note" in notes is not a valid id.*/],
    ['an old id with a double hyphen', 'notes:\n  a--b: alpha-note\n', /2 redirect the old id "a--b"/],
    ['an old id that climbs out', 'notes:\n  "../../etc": alpha-note\n', /2 redirect the old id "..\/..\/etc"/],
    ['an old id of 81 characters', `notes:\n  ${'a'.repeat(81)}: alpha-note\n`, /2 redirect the old id "a{81}"/],
    ['a new id that is not an id', 'notes:\n  old: "/notes/alpha-note/"\n', /2 redirect the new id of "old" in notes is not a valid id/],
    [
      'a new id that is a number',
      'notes:\n  old: 42\n',
      /2 redirect the new id of "old" in notes must be an id, but it is a number \(42\)/,
    ],
    [
      'a group that is a list',
      'notes:\n  - alpha-note\n',
      /1 redirect the group "notes" must be a group of `old-id: new-id` lines, but it is a list/,
    ],
    ['a file that is a list', '- a\n', /1 redirect redirects\.yaml must be a group of `old-id: new-id` lines/],
    ['an unknown group', 'note:\n  old: alpha-note\n', /1 redirect redirects\.yaml has no group "note"\. Did you mean `notes`/],
    ['a glossary group', 'glossary:\n  old-term: fixture-term\n', /1 redirect .*cannot redirect glossary entries/],
    ['a duplicate old id', 'notes:\n  old: alpha-note\n  old: beta-note\n', /3 yaml-syntax .*unique/i],
    ['an alias', 'notes:\n  old: &a alpha-note\n  older: *a\n', /yaml-syntax .*anchors and aliases/],
    ['a YAML tag', 'notes: !!binary aGVsbG8=\n', /yaml-syntax .*tag/],
  ])('refuses %s', (_name, yaml, expected) => {
    const { graph, findings } = site(yaml);
    const found = messages(findings);
    expect(
      found.some((m) => expected.test(m)),
      found.join('\n'),
    ).toBe(true);
    // Every finding says how to fix it, and a refused line gets no page.
    const refused = new Set(redirectFindings(findings).map((f) => f.line));
    for (const f of redirectFindings(findings)) expect(f.fix.length, formatFinding(f)).toBeGreaterThan(5);
    expect(graph.redirects.redirects.filter((r) => refused.has(r.line))).toEqual([]);
  });

  it('keeps the valid lines of a file with a broken one', () => {
    const { graph, findings } = site('notes:\n  Bad_Id: alpha-note\n  old-alpha-note: alpha-note\n');
    expect(messages(findings)).toHaveLength(1);
    expect(graph.redirects.redirects.map((r) => r.from)).toEqual(['old-alpha-note']);
  });

  it('refuses a file that is not UTF-8, holds a control character, or is a symbolic link', () => {
    expect(messages(site(Buffer.from([0x6e, 0x6f, 0x74, 0x65, 0x73, 0x3a, 0x20, 0xff, 0x0a])).findings).join('\n')).toMatch(
      /file-encoding/,
    );
    expect(messages(site('notes:\n  old: alpha\u0007-note\n').findings).join('\n')).toMatch(/control-character/);
    const dir = contentWithOverlay();
    created.push(dir);
    fs.rmSync(path.join(dir, 'redirects.yaml'), { force: true });
    fs.writeFileSync(path.join(dir, '..', `outside-${path.basename(dir)}.yaml`), 'notes:\n  old: alpha-note\n');
    fs.symlinkSync(path.join(dir, '..', `outside-${path.basename(dir)}.yaml`), path.join(dir, 'redirects.yaml'));
    const raw = readDataFile(dir, 'redirects.yaml');
    expect(raw?.problem?.rule).toBe('unsafe-file');
    fs.rmSync(path.join(dir, '..', `outside-${path.basename(dir)}.yaml`), { force: true });
  });

  it('reports links and references to an old id with the new id to use', () => {
    const note = (body: string, related = '[]') =>
      `---\ntitle: Linker\nsummary: A fixture note that links to an old id of the site.\ntheme: customer-obsession\nsources:\n  - id: fixture-text\n    locator: first paragraph\nrelated: ${related}\ncreated: 2026-11-01\n---\n\n${body}\n`;
    const { findings } = site('notes:\n  old-alpha-note: alpha-note\n', {
      'notes/linker.mdx': note('See [[old-alpha-note#intro|the old note]] and [the old page](/notes/old-alpha-note/).', '[old-alpha-note]'),
    });
    const linker = findings.filter((f) => f.file.endsWith('linker.mdx')).map((f) => `${f.rule} ${f.message} | ${f.fix}`);
    expect(linker).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^unknown-reference `related.0` names the old id "old-alpha-note", which now redirects to "alpha-note" .*\| write "alpha-note" instead/,
        ),
        expect.stringMatching(
          /^unknown-link \[\[old-alpha-note#intro\]\] links to the old id .*\| link to the new id: \[\[alpha-note#intro\]\]/,
        ),
        expect.stringMatching(
          /^unknown-link "\/notes\/old-alpha-note\/" links to \/notes\/old-alpha-note\/, the old address of "alpha-note" .*\| link to the new address: \/notes\/alpha-note\//,
        ),
      ]),
    );
  });
});

describe('the redirects schema', () => {
  it('accepts the four kinds of entry with pages, and nothing else', () => {
    expect(redirectsSchema.safeParse({ notes: { a: 'b' }, plays: {}, sources: { c: 'd' }, paths: { e: 'f' } }).success).toBe(true);
    expect(redirectsSchema.safeParse({}).success).toBe(true);
    for (const bad of [
      { themes: { a: 'b' } },
      { timeline: { a: 'b' } },
      { notes: { a: ['b'] } },
      { notes: { 'a b': 'c' } },
      { notes: { a: '' } },
      null,
      'notes',
    ]) {
      expect(redirectsSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
