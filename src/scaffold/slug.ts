/**
 * Turns a title into an entry id: ASCII, lowercase, words joined by hyphens,
 * so "Zoë's Café!" becomes "zoes-cafe". The id is the file name and part of
 * the page URL, so it must satisfy ID_PATTERN in src/schema/common.ts.
 */

/** Letters that Unicode decomposition does not reduce to ASCII. */
const TRANSLITERATE: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/** Longest id we generate; longer titles are cut at a word boundary. */
export const MAX_SLUG_LENGTH = 60;

/**
 * The id for a title. Returns an empty string when the title has no Latin
 * letters or digits at all (e.g. "成功"); the caller then asks for `--id`.
 */
export function slugify(title: string): string {
  const ascii = title
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (letter) => TRANSLITERATE[letter] ?? letter)
    // "é" → "e" + combining accent; the accent is dropped below.
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    // Apostrophes join a word ("Zoë's" → "zoes"), they do not split it.
    .replace(/['’‘`]/g, '')
    .replace(/&/g, ' and ');
  const slug = ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const cut = slug.slice(0, MAX_SLUG_LENGTH + 1);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > 0 ? cut.slice(0, lastHyphen) : slug.slice(0, MAX_SLUG_LENGTH)).replace(/-+$/, '');
}
