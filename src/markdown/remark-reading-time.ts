/**
 * remark-reading-time: counts the words of a body and stores the reading time
 * in minutes (at 220 words a minute, at least 1) in the page's frontmatter as
 * `readingMinutes` and the word count as `words`, read back through
 * `remarkPluginFrontmatter`.
 */
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';

export const WORDS_PER_MINUTE = 220;

export function readingTime(text: string): { words: number; minutes: number } {
  const words = text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
  return { words, minutes: Math.max(1, Math.round(words / WORDS_PER_MINUTE)) };
}

export default function remarkReadingTime() {
  return (tree: Root, file: VFile) => {
    const { words, minutes } = readingTime(toString(tree));
    const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
    data.astro ??= {};
    data.astro.frontmatter ??= {};
    data.astro.frontmatter.readingMinutes = minutes;
    data.astro.frontmatter.words = words;
  };
}
