/**
 * A deterministic corpus of schema-valid notes for the benchmark, shaped like
 * ../shared/bench/make-corpus.mjs (500-800 words; headings, lists, quotes,
 * tables; 2-5 links each), written for our site and for a stock Starlight site.
 * Both serve every note at /notes/<slug>/, so the relative links resolve the same.
 */
import fs from 'node:fs';
import path from 'node:path';
import { THEME_IDS } from '../schema/index.ts';

/** mulberry32: a small seeded PRNG, so the same seed gives the same corpus. */
export function seeded(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FUNC =
  'the a an of to in on for with by from as at into over under between through about and or but that which this these those it its is are was were be has have can may will often rarely usually then when while because so'.split(
    ' ',
  );
const NOUN =
  'customer store catalog letter promise service return review delight habit practice signal pattern question answer summary outline chapter margin source reference concept idea team process market bridge journey season measure limit threshold sample trial experiment result error recovery stage queue story argument claim evidence principle price value trust loyalty order shelf parcel counter'.split(
    ' ',
  );
const VERB =
  'connects supports reveals shapes organizes compares links explains frames limits expands reduces improves measures tracks records transforms filters ranks groups balances anchors guides follows extends reflects resolves clarifies summarizes describes tests'.split(
    ' ',
  );
const ADJ =
  'quiet rapid careful simple complex durable fragile local global shared private early late stable noisy sparse dense narrow broad formal informal implicit explicit recent useful curious practical abstract concrete visible hidden partial complete steady gradual'.split(
    ' ',
  );
const TAGS = ['service', 'loyalty', 'history', 'pricing', 'delight', 'trust', 'retail', 'design', 'research', 'teams'];

export interface CorpusNote {
  slug: string;
  title: string;
}

export interface Corpus {
  notes: CorpusNote[];
  words: number;
}

function generator(seed: number) {
  const rnd = seeded(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;
  const cap = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
  const sentence = () => {
    const parts = Array.from({ length: int(7, 18) }, () => {
      const r = rnd();
      return r < 0.36 ? pick(FUNC) : r < 0.66 ? pick(NOUN) : r < 0.84 ? pick(ADJ) : pick(VERB);
    });
    return `${cap(parts.join(' '))}${rnd() < 0.08 ? '?' : '.'}`;
  };
  const paragraph = (lo = 3, hi = 6) => Array.from({ length: int(lo, hi) }, sentence).join(' ');
  const phrase = (lo: number, hi: number) => Array.from({ length: int(lo, hi) }, () => (rnd() < 0.6 ? pick(NOUN) : pick(ADJ)));
  return { rnd, int, pick, cap, sentence, paragraph, phrase };
}

const countWords = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** The frontmatter and body of every note. Pure: same count and seed, same text. */
export function generateNotes(
  count: number,
  seed = 20260101,
): { slug: string; title: string; frontmatter: Record<string, string>; body: string; reflect: string[] }[] {
  const g = generator(seed);
  const notes = Array.from({ length: count }, (_, i) => {
    const words = g.phrase(2, 4);
    return { title: `${words.map(g.cap).join(' ')} ${i + 1}`, slug: `${words.join('-')}-${String(i + 1).padStart(5, '0')}` };
  });
  return notes.map((note, i) => {
    const target = g.int(500, 800);
    const sections: { heading: string | null; blocks: string[] }[] = [{ heading: null, blocks: [g.paragraph(2, 4)] }];
    for (let h = 0, n = g.int(3, 6); h < n; h++) {
      const level = h === 0 || g.rnd() < 0.6 ? 2 : 3;
      sections.push({ heading: `${'#'.repeat(level)} ${g.cap(g.phrase(2, 4).join(' '))} ${h + 1}`, blocks: [g.paragraph()] });
    }
    const extras = [Array.from({ length: g.int(3, 6) }, () => `- ${g.cap(g.phrase(3, 8).join(' '))}`).join('\n'), `> ${g.paragraph(1, 3)}`];
    if (g.rnd() < 0.3) {
      const head = Array.from({ length: g.int(3, 4) }, () => g.cap(g.pick(NOUN)));
      const rows = Array.from({ length: g.int(3, 6) }, () => head.map((_, c) => (c === 0 ? g.cap(g.pick(ADJ)) : String(g.int(1, 999)))));
      extras.push([head, head.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n'));
    }
    for (const block of extras) g.pick(sections.slice(1)).blocks.push(block);
    for (let k = 0, n = Math.min(g.int(2, 5), count - 1); k < n; k++) {
      let j = g.int(0, count - 1);
      if (j === i) j = (j + 1) % count;
      const section = g.pick(sections);
      const p = section.blocks.findIndex((b) => !/^[-|>]/.test(b));
      const target = notes[j] as CorpusNote;
      section.blocks[p] += ` See also [${target.title}](../${target.slug}/).`;
    }
    const total = () => sections.reduce((sum, s) => sum + s.blocks.reduce((m, b) => m + countWords(b), 0), 0);
    while (total() < target) g.pick(sections).blocks.unshift(g.paragraph(2, 4));
    const day = new Date(Date.UTC(2021, 0, 1) + g.int(0, 1825) * 86_400_000).toISOString().slice(0, 10);
    const tags = [...new Set(Array.from({ length: g.int(1, 4) }, () => g.pick(TAGS)))];
    const summary = g.sentence().slice(0, 150);
    // Two questions, as a real note has (the checker warns about a note with fewer); made from the title, so the
    // random sequence, and with it every other word of the corpus, is what it was.
    const reflect = [
      `Where does ${note.title.toLowerCase()} show up in your own team's work?`,
      `What would you change first if ${note.title.toLowerCase()} were measured from the customer's side?`,
    ];
    return {
      ...note,
      reflect,
      frontmatter: {
        title: JSON.stringify(note.title),
        description: JSON.stringify(summary),
        summary: JSON.stringify(summary.length >= 20 ? summary : `${summary} A generated benchmark note.`),
        theme: THEME_IDS[i % THEME_IDS.length] as string,
        tags: `[${tags.join(', ')}]`,
        sources: '[{ id: general, locator: "generated for the benchmark" }]',
        created: day,
        reflect: JSON.stringify(reflect),
      },
      body: sections.map((s) => [s.heading, ...s.blocks].filter(Boolean).join('\n\n')).join('\n\n'),
    };
  });
}

const frontmatter = (fields: Record<string, string>, keys: string[]) => ['---', ...keys.map((k) => `${k}: ${fields[k]}`), '---'].join('\n');

/** Writes the corpus as our content folder: notes plus the three themes. */
export function writeOurCorpus(dir: string, count: number, seed?: number): Corpus {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'notes'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'themes'), { recursive: true });
  const notes = generateNotes(count, seed);
  let words = 0;
  for (const note of notes) {
    words += countWords(note.body);
    fs.writeFileSync(
      path.join(dir, 'notes', `${note.slug}.mdx`),
      `${frontmatter(note.frontmatter, ['title', 'summary', 'theme', 'tags', 'sources', 'created', 'reflect'])}\n\n${note.body}\n`,
    );
  }
  THEME_IDS.forEach((theme, i) => {
    fs.writeFileSync(
      path.join(dir, 'themes', `${theme}.mdx`),
      `---\ntitle: Theme ${i + 1}\nsummary: A generated theme that groups a third of the benchmark notes.\norder: ${i + 1}\n---\n\nGenerated notes.\n`,
    );
  });
  return { notes: notes.map(({ slug, title }) => ({ slug, title })), words };
}

/** Writes the same notes into a Starlight site's src/content/docs/. */
export function writeStarlightCorpus(docsDir: string, count: number, seed?: number): Corpus {
  fs.rmSync(docsDir, { recursive: true, force: true });
  fs.mkdirSync(path.join(docsDir, 'notes'), { recursive: true });
  const notes = generateNotes(count, seed);
  let words = 0;
  for (const note of notes) {
    words += countWords(note.body);
    fs.writeFileSync(
      path.join(docsDir, 'notes', `${note.slug}.mdx`),
      // Our note pages list the questions under a heading of their own; Starlight's page gets the same list in its body.
      `${frontmatter(note.frontmatter, ['title', 'description'])}\n\n${note.body}\n\n## Reflect\n\n${note.reflect.map((q, i) => `${i + 1}. ${q}`).join('\n')}\n`,
    );
  }
  const first = notes[0] as CorpusNote;
  fs.writeFileSync(
    path.join(docsDir, 'index.mdx'),
    `---\ntitle: Knowledge base\ndescription: ${count} generated notes.\n---\n\nStart with [${first.title}](notes/${first.slug}/).\n`,
  );
  return { notes: notes.map(({ slug, title }) => ({ slug, title })), words };
}
