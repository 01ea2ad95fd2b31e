/**
 * The fixture site plus a few entries the reader extras need and the shared
 * fixture does not have: timeline events in all three eras, two notes of one
 * theme with the same headings (theme book ids), a note that uses a glossary
 * term in running text, and one that opts out of glossary links. Written into
 * a temporary copy, so the shared fixture stays as it is.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SITE_FIXTURE } from './fixtures.ts';

const note = (front: Record<string, string>, body: string) =>
  `---\n${Object.entries(front)
    .map(([k, v]) => `${k}: ${v}`)
    .join(
      '\n',
    )}\nsources:\n  - id: fixture-text\n    locator: "first paragraph"\ncreated: 2026-11-10\nreflect:\n  - Which of these chapters would we print first?\n---\n\n${body}\n`;

const event = (when: string, title: string, era: string, notes: string[]) =>
  `when: "${when}"\ntitle: ${title}\ndescription: An event added by the extras tests, to put one event in every band of the timeline.\nera: ${era}\nnotes: [${notes.join(', ')}]\nsources:\n  - id: fixture-text\n    locator: second paragraph\n`;

export const EXTRAS_FILES: Record<string, string> = {
  'notes/extras-chapter-one.md': note(
    { title: 'Chapter one', summary: 'The first of two notes with the same headings, for the theme book tests.', theme: 'sears-to-amazon' },
    'A fixture term in running text, and later the fixture term again.\n\n## The idea\n\nRead [[extras-chapter-two]] next, and [[extras-opt-out]] for a note without glossary links.\n\n## Where it comes from\n\nFrom [[gamma-note]].\n\n| Chapter | What it holds |\n| --- | --- |\n| One | The idea and where it comes from |',
  ),
  'notes/extras-chapter-two.md': note(
    {
      title: 'Chapter two',
      summary: 'The second of two notes with the same headings, for the theme book tests.',
      theme: 'sears-to-amazon',
    },
    'Back to [[extras-chapter-one]].\n\n## The idea\n\nThe same heading as in chapter one.\n\n## Where it comes from\n\nAgain the same, see [[#the-idea]].',
  ),
  'notes/extras-opt-out.md': note(
    {
      title: 'No glossary links here',
      summary: 'A note that opts out of automatic glossary links, for the extras tests.',
      theme: 'cheng-chi',
      glossaryLinks: 'false',
    },
    'This fixture term stays plain text. Back to [[extras-chapter-one]].',
  ),
  'timeline/extras-catalog.yaml': event('1906', 'A later catalog', 'sears', ['gamma-note']),
  'timeline/extras-amazon.yaml': event('1995-07', 'An online store opens', 'amazon', ['extras-chapter-one', 'extras-chapter-two']),
  'timeline/extras-service.yaml': event('2013', 'A study of service', 'service', []),
};

/** A fresh content folder: the fixture site with the extras added. */
export function extrasContent(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'playbook-extras-'));
  fs.cpSync(SITE_FIXTURE, dir, { recursive: true });
  for (const [file, text] of Object.entries(EXTRAS_FILES)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}
