/**
 * Generates every worksheet of the fixture content with the real script, then
 * reads the files back: form fields with pdf-lib; text, page size, tagging,
 * fonts and structure with poppler (pdftotext, pdfinfo, pdffonts); file
 * structure with qpdf. Needs poppler-utils and qpdf (CI installs them).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFCheckBox, PDFDocument, PDFName, PDFRadioGroup, PDFString, PDFHexString, PDFTextField } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAPERS } from '../../src/plays/downloads.ts';
import { loadWorksheetContent } from '../../src/worksheets/load.ts';
import { packAgenda } from '../../src/worksheets/pack.ts';
import { planPackFiles } from '../../src/worksheets/plan.ts';
import { pdfRenderer } from '../../src/worksheets/renderers/pdf-node.ts';
import { ROOT, listFiles } from '../helpers/build.ts';
import { SITE_FIXTURE } from '../helpers/fixtures.ts';

const TEAM = 'Zoë Łukasz Ærø';
const DATE = '2027-01-15';
const SITE_URL = 'https://playbook.example';
const MAX_BYTES = 60_000;
const content = loadWorksheetContent(SITE_FIXTURE);
const playIds = content.plays.map((p) => p.id);

const temp: string[] = [];
const tempDir = (name: string) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `worksheets-${name}-`));
  temp.push(dir);
  return dir;
};
afterAll(() => temp.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function generate(out: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ['scripts/worksheets.ts', '--content', SITE_FIXTURE, '--out', out, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, SITE_URL, BASE_PATH: '/', SOURCE_DATE_EPOCH: '' },
    timeout: 120_000,
  });
  expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
  return result;
}

const tool = (command: string, ...args: string[]) => execFileSync(command, args, { encoding: 'utf8' });
const text = (file: string) => tool('pdftotext', '-enc', 'UTF-8', file, '-');
/** Text with line breaks as spaces, so a phrase that wraps still matches. */
const flatText = (file: string) => text(file).replace(/\s+/g, ' ');
const info = (file: string) => tool('pdfinfo', file);

/** A field's accessible name (TU), as a screen reader gets it. */
function accessibleName(
  field: PDFTextField | PDFCheckBox | PDFRadioGroup | { acroField: { dict: { lookup: (n: PDFName) => unknown } } },
): string | undefined {
  const value = field.acroField.dict.lookup(PDFName.of('TU'));
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;
}

describe('worksheets for the fixture content', () => {
  let out = '';
  let pdfs: string[] = [];
  let stdout = '';

  beforeAll(() => {
    out = tempDir('all');
    stdout = generate(out, '--team', TEAM, '--date', DATE).stdout;
    pdfs = listFiles(out).filter((f) => f.endsWith('.pdf'));
  });

  it('writes both views of every play as PDF in A4 and Letter and as Markdown, plus index.json', () => {
    const expected = playIds.flatMap((id) =>
      [
        'facilitator-a4.pdf',
        'facilitator-letter.pdf',
        'facilitator.md',
        'participant-a4.pdf',
        'participant-letter.pdf',
        'participant.md',
      ].map((f) => `${id}/${f}`),
    );
    expect(listFiles(out)).toEqual(['index.json', ...expected].sort());
    const index = JSON.parse(fs.readFileSync(path.join(out, 'index.json'), 'utf8')) as {
      plays: Record<string, { title: string; files: unknown[] }>;
    };
    expect(Object.keys(index.plays)).toEqual(playIds);
    expect(index.plays['fixture-play']?.title).toBe('Fixture play');
    expect(index.plays['fixture-play']?.files).toContainEqual({
      view: 'participant',
      format: 'pdf',
      paper: 'a4',
      path: 'fixture-play/participant-a4.pdf',
      bytes: fs.statSync(path.join(out, 'fixture-play/participant-a4.pdf')).size,
    });
  });

  it('reports one line per file with a count and size, then a summary', () => {
    const total = playIds.length * 6;
    expect(stdout).toMatch(new RegExp(`^\\[1/${total}\\] .*fixture-play/participant-a4\\.pdf \\d+\\.\\d kB$`, 'm'));
    expect(stdout).toMatch(new RegExp(`^worksheets: ${total} files, .* in \\d+\\.\\d s \\(largest .*\\); index in `, 'm'));
  });

  it('gives every PDF the right page size, tags, title, language and fonts, at most 60 kB, clean for qpdf', () => {
    for (const file of pdfs) {
      const full = path.join(out, file);
      const meta = info(full);
      expect(meta, file).toMatch(/^Tagged:\s+yes$/m);
      expect(meta, file).toMatch(
        file.endsWith('-a4.pdf') ? /^Page size:\s+595\.28 x 841\.89 pts \(A4\)$/m : /^Page size:\s+612 x 792 pts \(letter\)$/m,
      );
      expect(meta, file).toMatch(/^Title:\s+Fixture play: (worksheet|facilitator guide)$|^Title:\s+\S/m);
      expect(meta, file).toMatch(file.includes('participant') ? /^Form:\s+AcroForm$/m : /^Form:\s+none$/m);
      expect(fs.statSync(full).size, file).toBeLessThanOrEqual(MAX_BYTES);
      const fonts = tool('pdffonts', full).split('\n').slice(2).filter(Boolean);
      expect(fonts.length, file).toBeGreaterThan(0);
      // name, type…, then the emb and sub columns: every font embedded and subset.
      for (const line of fonts) expect(line, file).toMatch(/^[A-Z]{6}\+NotoSans-(Regular|Bold)\s.*\syes\s+yes\s+yes\s/);
      const qpdf = spawnSync('qpdf', ['--check', full], { encoding: 'utf8' });
      expect(qpdf.status, `${file}: ${qpdf.stdout}${qpdf.stderr}`).toBe(0);
    }
    const catalog = tool('qpdf', '--show-object=trailer', path.join(out, 'fixture-play/participant-a4.pdf'));
    expect(catalog).toMatch(/\/ID \[ <[0-9a-f]{32}> <[0-9a-f]{32}> \]/);
  });

  it('declares English, shows the title as the window title, and has a structure tree of headings, paragraphs, lists and fields', async () => {
    const file = path.join(out, 'fixture-play/participant-a4.pdf');
    const doc = await PDFDocument.load(fs.readFileSync(file), { updateMetadata: false });
    expect(doc.catalog.lookup(PDFName.of('Lang'))?.toString()).toBe('(en)');
    expect(doc.catalog.lookup(PDFName.of('ViewerPreferences'))?.toString()).toMatch(/\/DisplayDocTitle true/);
    expect(doc.getTitle()).toBe('Fixture play: worksheet');
    const participant = tool('pdfinfo', '-struct', file);
    for (const tag of ['Document', 'Sect', 'H1', 'H2', 'H3', 'P', 'Form', 'Table', 'TH', 'TD'])
      expect(participant).toMatch(new RegExp(`^\\s*${tag}\\b`, 'm'));
    const facilitator = tool('pdfinfo', '-struct', path.join(out, 'fixture-play/facilitator-a4.pdf'));
    for (const tag of ['H1', 'H2', 'H3', 'P', 'L', 'LI', 'Lbl', 'LBody', 'Link'])
      expect(facilitator).toMatch(new RegExp(`^\\s*${tag}\\b`, 'm'));
  });

  it('names every field after its prompt, with the question as its accessible name', async () => {
    const doc = await PDFDocument.load(fs.readFileSync(path.join(out, 'fixture-play/participant-a4.pdf')));
    const fields = doc.getForm().getFields();
    const names = fields.map((f) => f.getName());
    expect(names).toEqual([
      'who',
      'rating',
      'channels-phone',
      'channels-email',
      'channels-chat',
      'channels-shop',
      'agreed',
      'grid-r1c1',
      'grid-r1c2',
      'grid-r2c1',
      'grid-r2c2',
      ...[1, 2, 3].flatMap((r) => [1, 2, 3].map((c) => `actions-r${r}c${c}`)),
    ]);
    const form = doc.getForm();
    expect(form.getTextField('who').isMultiline()).toBe(true);
    expect(accessibleName(form.getTextField('who'))).toBe('Who are our customers, in one sentence?');
    expect(form.getRadioGroup('rating').getOptions()).toEqual(['1', '2', '3', '4', '5']);
    expect(accessibleName(form.getRadioGroup('rating'))).toBe('How well do we know what they need?');
    expect(form.getRadioGroup('agreed').getOptions()).toEqual(['yes', 'no']);
    expect(accessibleName(form.getCheckBox('channels-phone'))).toBe('Which channels do customers use to reach us? (Phone)');
    expect(accessibleName(form.getTextField('grid-r1c2'))).toBe('Sort our ideas by surprise and timing. (Expected, Next)');
    expect(accessibleName(form.getTextField('actions-r2c1'))).toBe('What will we do, who owns it, and by when? (Action, row 2)');
    expect(form.getTextField('actions-r2c1').isMultiline()).toBe(false);
  });

  it('can be filled in and saved', async () => {
    const doc = await PDFDocument.load(fs.readFileSync(path.join(out, 'fixture-play/participant-letter.pdf')));
    const form = doc.getForm();
    form.getTextField('who').setText('People who run small shops');
    form.getRadioGroup('rating').select('4');
    form.getCheckBox('channels-email').check();
    const again = (await PDFDocument.load(await doc.save())).getForm();
    expect(again.getTextField('who').getText()).toBe('People who run small shops');
    expect(again.getRadioGroup('rating').getSelected()).toBe('4');
    expect(again.getCheckBox('channels-email').isChecked()).toBe(true);
  });

  it('prints the team name in any script, the date, the footer and the questions', () => {
    const worksheet = flatText(path.join(out, 'fixture-play/participant-a4.pdf'));
    for (const phrase of [
      TEAM,
      '15 January 2027',
      'Fixture play',
      'Page 1 of',
      `${SITE_URL}/plays/fixture-play/`,
      'Who are our customers, in one sentence?',
      'Not at all',
      'Very well',
      'Surprising',
      'Owner',
    ]) {
      expect(worksheet).toContain(phrase);
    }
    const guide = flatText(path.join(out, 'fixture-play/facilitator-letter.pdf'));
    for (const phrase of [
      'Facilitator guide'.toUpperCase(),
      'Outcome',
      '30 min to run, plus 5 min to prepare',
      '2 to 8 people',
      'Timing',
      'Before the session',
      'Set aside 5 min to prepare',
      'Pens',
      'Roles',
      'Steps',
      'Facilitator note:',
      'After the session',
      'Sources',
    ]) {
      expect(guide).toContain(phrase);
    }
  });

  it('writes Markdown for wikis: task lists, empty table rows, the team name', () => {
    const md = fs.readFileSync(path.join(out, 'fixture-play/participant.md'), 'utf8');
    expect(md).toContain(`**Team:** ${TEAM}`);
    expect(md).toContain('- [ ] Phone');
    expect(md).toContain('|   |   |   |');
  });

  it('leaves fillable team and date fields when none are given', async () => {
    const blank = tempDir('blank');
    generate(blank, '--play', 'fixture-play', '--view', 'participant', '--paper', 'letter', '--format', 'pdf');
    expect(listFiles(blank)).toEqual(['fixture-play/participant-letter.pdf', 'index.json']);
    const form = (await PDFDocument.load(fs.readFileSync(path.join(blank, 'fixture-play/participant-letter.pdf')))).getForm();
    expect(
      form
        .getFields()
        .map((f) => f.getName())
        .slice(0, 3),
    ).toEqual(['team', 'date', 'who']);
    expect(form.getFields()).toHaveLength(22);
  });
});

describe('determinism', () => {
  it('gives byte-identical files for the same input, whatever else the run renders', () => {
    const first = tempDir('first');
    const second = tempDir('second');
    const alone = tempDir('alone');
    generate(first, '--team', TEAM, '--date', DATE);
    generate(second, '--team', TEAM, '--date', DATE);
    generate(
      alone,
      '--team',
      TEAM,
      '--date',
      DATE,
      '--play',
      'fixture-play',
      '--view',
      'facilitator',
      '--paper',
      'letter',
      '--format',
      'pdf',
    );
    const files = listFiles(first);
    expect(listFiles(second)).toEqual(files);
    for (const file of files)
      expect(fs.readFileSync(path.join(second, file)).equals(fs.readFileSync(path.join(first, file))), file).toBe(true);
    const single = 'fixture-play/facilitator-letter.pdf';
    expect(fs.readFileSync(path.join(alone, single)).equals(fs.readFileSync(path.join(first, single)))).toBe(true);
  });
});

describe('session pack', () => {
  it('builds one PDF and one Markdown file with the cover, the timed agenda, guides and worksheets', async () => {
    const out = tempDir('pack');
    const ids = playIds.slice(0, 2);
    generate(out, '--pack', `plays=${ids.join(',')}`, '--start', '09:30', '--break', '10', '--team', TEAM, '--date', DATE);
    expect(listFiles(out)).toEqual([`packs/session-${DATE}.md`, `packs/session-${DATE}.pdf`]);
    const pdf = path.join(out, `packs/session-${DATE}.pdf`);
    const md = fs.readFileSync(path.join(out, `packs/session-${DATE}.md`), 'utf8');
    const pdfText = flatText(pdf);
    const plays = ids.map((id) => content.plays.find((p) => p.id === id)).filter((p) => p !== undefined);
    const agenda = packAgenda(plays, { start: '09:30', breakMinutes: 10 });
    expect(agenda.items.some((i) => i.kind === 'break') || ids.length === 1).toBe(true);
    for (const item of agenda.items) {
      expect(md).toContain(item.kind === 'break' ? `| _${item.start}_ | _${item.end}_ |` : `| ${item.start} | ${item.end} |`);
      expect(pdfText).toContain(`${item.start} ${item.end}`);
    }
    expect(pdfText).toContain(`${TEAM}`);
    expect(pdfText).toContain(`09:30–${agenda.end}`);
    expect(pdfText).toContain(`${SITE_URL}/plays/compose/?plays=${ids.join(',')}`);
    for (const play of plays) {
      expect(md).toContain(`# ${play.data.title}`);
      expect(pdfText).toContain(play.data.title);
    }
    expect(pdfText.match(/FACILITATOR GUIDE/g)).toHaveLength(plays.length);
    expect(pdfText.match(/PARTICIPANT WORKSHEET/g)).toHaveLength(plays.length);
    const meta = info(pdf);
    expect(meta).toMatch(/^Tagged:\s+yes$/m);
    expect(meta).toMatch(/^Form:\s+AcroForm$/m);
    expect(spawnSync('qpdf', ['--check', pdf]).status).toBe(0);
    expect(fs.statSync(pdf).size).toBeLessThanOrEqual(MAX_BYTES * plays.length);
    const names = (await PDFDocument.load(fs.readFileSync(pdf)))
      .getForm()
      .getFields()
      .map((f) => f.getName());
    expect(names).toContain(`${ids[0]}.who`);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('pack budget: at most 60 kB per play', () => {
  // A pack of one play is the hardest case: its cover, font subsets and cross-references are paid by one play.
  const onePlayPacks = async (dir: string, papers: readonly (typeof PAPERS)[number][]) => {
    const source = loadWorksheetContent(dir);
    const ctx = { siteUrl: SITE_URL, basePath: '/', titles: source.titles, team: TEAM, date: DATE };
    const out = tempDir('budget');
    const sizes: { file: string; bytes: number }[] = [];
    for (const play of source.plays) {
      for (const planned of planPackFiles([play], { start: '09:30', breakMinutes: 10 }, ctx, { papers, renderers: [pdfRenderer] })) {
        const bytes = await planned.renderer.render(planned.document, { paper: planned.paper ?? 'a4', created: new Date(0) });
        const file = path.join(out, `${play.id}-${planned.paper ?? 'a4'}.pdf`);
        fs.writeFileSync(file, bytes);
        sizes.push({ file, bytes: bytes.byteLength });
      }
    }
    return sizes;
  };

  it('holds for a pack of each fixture play, in A4 and Letter, tagged and clean for qpdf', async () => {
    const sizes = await onePlayPacks(SITE_FIXTURE, PAPERS);
    expect(sizes).toHaveLength(playIds.length * PAPERS.length);
    for (const { file, bytes } of sizes) {
      expect(bytes, path.basename(file)).toBeLessThanOrEqual(MAX_BYTES);
      expect(info(file)).toMatch(/^Tagged:\s+yes$/m);
      expect(spawnSync('qpdf', ['--check', file]).status, path.basename(file)).toBe(0);
    }
  });

  it('holds for a pack of each real play (content/), A4', { timeout: 120_000 }, async () => {
    const sizes = await onePlayPacks(path.join(ROOT, 'content'), ['a4']);
    expect(sizes.length).toBeGreaterThan(0);
    for (const { file, bytes } of sizes) {
      expect(bytes, path.basename(file)).toBeLessThanOrEqual(MAX_BYTES);
      expect(spawnSync('qpdf', ['--check', file]).status, path.basename(file)).toBe(0);
    }
  });
});
