import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packName } from '../../src/plays/downloads.ts';
import { generate, GenerateError, planPackFiles, planPlayFiles, type WrittenFile } from '../../src/worksheets/generate.ts';
import { writeFileAtomic } from '../../src/util/write-file-atomic.ts';
import { loadWorksheetContent } from '../../src/worksheets/load.ts';
import { mergeManifest, readManifest, writeManifest } from '../../src/worksheets/manifest.ts';
import type { ModelContext } from '../../src/worksheets/model.ts';
import { markdownRenderer } from '../../src/worksheets/renderers/markdown.ts';
import { RENDERERS } from '../../src/worksheets/renderers/index.ts';
import type { Renderer } from '../../src/worksheets/renderers/types.ts';
import { SITE_FIXTURE } from '../helpers/fixtures.ts';

const content = loadWorksheetContent(SITE_FIXTURE);
const fixture = content.plays.filter((p) => p.id === 'fixture-play');
const ctx: ModelContext = { siteUrl: 'https://playbook.example', basePath: '/', titles: content.titles };
const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'worksheets-generate-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('planning', () => {
  it('lists every renderer once, PDF first', () => {
    expect(RENDERERS.map((r) => [r.format, r.paged])).toEqual([
      ['pdf', true],
      ['md', false],
    ]);
  });

  it('plans one file per view and format, and per paper for PDFs', () => {
    const planned = planPlayFiles(fixture, ctx, { views: ['participant', 'facilitator'], papers: ['a4', 'letter'], renderers: RENDERERS });
    expect(planned.map((p) => p.path)).toEqual([
      'fixture-play/participant-a4.pdf',
      'fixture-play/participant-letter.pdf',
      'fixture-play/participant.md',
      'fixture-play/facilitator-a4.pdf',
      'fixture-play/facilitator-letter.pdf',
      'fixture-play/facilitator.md',
    ]);
    expect(planned[0]).toMatchObject({ playId: 'fixture-play', view: 'participant', format: 'pdf', paper: 'a4' });
    expect(planned[2]).not.toHaveProperty('paper');
  });

  it('plans a pack as one file per format, named after the date', () => {
    const pack = { start: '09:30', breakMinutes: 0 };
    expect(
      planPackFiles(fixture, pack, { ...ctx, date: '2027-01-15' }, { papers: ['a4'], renderers: RENDERERS }).map((p) => p.path),
    ).toEqual(['packs/session-2027-01-15.pdf', 'packs/session-2027-01-15.md']);
    expect(planPackFiles(fixture, pack, ctx, { papers: ['a4', 'letter'], renderers: RENDERERS }).map((p) => p.path)).toEqual([
      'packs/session-a4.pdf',
      'packs/session-letter.pdf',
      'packs/session.md',
    ]);
    expect(packName(undefined)).toBe('session');
  });
});

describe('writing', () => {
  it('writes through a temporary file and leaves nothing behind when the rename fails', () => {
    const dir = tempDir();
    writeFileAtomic(path.join(dir, 'a', 'ok.md'), new TextEncoder().encode('ok'));
    expect(fs.readFileSync(path.join(dir, 'a', 'ok.md'), 'utf8')).toBe('ok');
    fs.mkdirSync(path.join(dir, 'taken.pdf'));
    expect(() => writeFileAtomic(path.join(dir, 'taken.pdf'), new Uint8Array([1]))).toThrow();
    expect(fs.readdirSync(dir).sort()).toEqual(['a', 'taken.pdf']);
    expect(fs.readdirSync(path.join(dir, 'a'))).toEqual(['ok.md']);
  });

  it('stops at a renderer failure, names the file, and keeps the files written before it', async () => {
    const dir = tempDir();
    const failing: Renderer = { format: 'pdf', paged: true, render: () => Promise.reject(new Error('boom')) };
    const planned = planPlayFiles(fixture, ctx, { views: ['participant'], papers: ['a4'], renderers: [markdownRenderer, failing] });
    const seen: string[] = [];
    const error = await generate(planned, {
      outDir: dir,
      created: new Date(0),
      onFile: (f, i, n) => seen.push(`${i}/${n} ${f.path}`),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GenerateError);
    expect((error as Error).message).toBe('could not write fixture-play/participant-a4.pdf: boom');
    expect(seen).toEqual(['1/2 fixture-play/participant.md']);
    expect(fs.readdirSync(path.join(dir, 'fixture-play'))).toEqual(['participant.md']);
  });
});

describe('index.json', () => {
  const file = (playId: string, name: string, bytes = 10): WrittenFile => ({
    playId,
    view: name.startsWith('participant') ? 'participant' : 'facilitator',
    format: name.endsWith('.pdf') ? 'pdf' : 'md',
    ...(name.includes('-a4') && { paper: 'a4' as const }),
    path: `${playId}/${name}`,
    file: `/out/${playId}/${name}`,
    bytes,
  });

  it('lists each play’s files, sorted, and keeps other plays whose files still exist', () => {
    const previous = {
      plays: {
        old: { title: 'Old play', files: [{ view: 'participant', format: 'md', path: 'old/participant.md', bytes: 5 }] },
        gone: { title: 'Gone', files: [{ view: 'participant', format: 'md', path: 'gone/participant.md', bytes: 5 }] },
      },
    };
    const merged = mergeManifest(
      previous,
      [file('b', 'participant.md'), file('b', 'participant-a4.pdf', 20), file('a', 'facilitator.md')],
      new Map([
        ['a', 'Play A'],
        ['b', 'Play B'],
      ]),
      (p) => !p.startsWith('gone/'),
    );
    expect(merged).toEqual({
      plays: {
        a: { title: 'Play A', files: [{ view: 'facilitator', format: 'md', path: 'a/facilitator.md', bytes: 10 }] },
        b: {
          title: 'Play B',
          files: [
            { view: 'participant', format: 'pdf', paper: 'a4', path: 'b/participant-a4.pdf', bytes: 20 },
            { view: 'participant', format: 'md', path: 'b/participant.md', bytes: 10 },
          ],
        },
        old: { title: 'Old play', files: [{ view: 'participant', format: 'md', path: 'old/participant.md', bytes: 5 }] },
      },
    });
  });

  it('round-trips through the file and treats a missing or broken file as empty', () => {
    const dir = tempDir();
    expect(readManifest(dir)).toEqual({ plays: {} });
    const manifest = { plays: { a: { title: 'A', files: [] } } };
    writeManifest(dir, manifest);
    expect(readManifest(dir)).toEqual(manifest);
    fs.writeFileSync(path.join(dir, 'index.json'), '{ not json');
    expect(readManifest(dir)).toEqual({ plays: {} });
  });
});
