/**
 * Characters that change how text is shown without being seen: terminal
 * control characters and Unicode's invisible and bidirectional formatting
 * characters. Content must not hold the second kind (src/schema/common.ts
 * refuses them in display text); nothing we print may pass either kind raw to
 * a terminal, where ESC [2J clears the screen and U+202E reverses the text
 * after it.
 */

/**
 * Invisible formatting characters: soft hyphen, Arabic letter mark, zero-width
 * space, joiners and direction marks (U+200B-U+200F), bidirectional embeddings
 * and overrides (U+202A-U+202E), word joiner and invisible operators
 * (U+2060-U+2064), bidirectional isolates (U+2066-U+2069), the deprecated
 * format controls (U+206A-U+206F), the byte-order mark used as a zero-width
 * no-break space (U+FEFF) and interlinear annotation marks (U+FFF9-U+FFFB).
 */
const INVISIBLE_CLASS = '\\u00AD\\u061C\\u180E\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\uFEFF\\uFFF9-\\uFFFB';

/** Matches one invisible formatting character. */
export const INVISIBLE = new RegExp(`[${INVISIBLE_CLASS}]`, 'u');

/** Matches one control character other than tab and line feed: C0, DEL and C1 (a YAML escape such as `"\e"` can put one in a value). */
// eslint-disable-next-line no-control-regex -- matching control characters is what this expression is for
export const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/u;

/** The code point as `U+202E`. */
export const codePoint = (character: string): string => `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Short names of the invisible characters a contributor is most likely to meet, for messages. */
const NAMES: Readonly<Record<string, string>> = {
  '\u00AD': 'soft hyphen',
  '\u200B': 'zero-width space',
  '\u200C': 'zero-width non-joiner',
  '\u200D': 'zero-width joiner',
  '\u200E': 'left-to-right mark',
  '\u200F': 'right-to-left mark',
  '\u202A': 'left-to-right embedding',
  '\u202B': 'right-to-left embedding',
  '\u202C': 'pop directional formatting',
  '\u202D': 'left-to-right override',
  '\u202E': 'right-to-left override',
  '\u2060': 'word joiner',
  '\u2066': 'left-to-right isolate',
  '\u2067': 'right-to-left isolate',
  '\u2068': 'first strong isolate',
  '\u2069': 'pop directional isolate',
  '\uFEFF': 'zero-width no-break space (byte-order mark)',
};

/** `U+202E (right-to-left override)`. */
export const describeCharacter = (character: string): string => {
  const name = NAMES[character];
  return name ? `${codePoint(character)} (${name})` : codePoint(character);
};

/** Control characters a terminal acts on: C0 (tab and line feed are handled by the caller), DEL, C1, and the line and paragraph separators. */
const CONTROL_CLASS = '\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029';
const UNPRINTABLE_INLINE = new RegExp(`[${CONTROL_CLASS}${INVISIBLE_CLASS}]`, 'gu');
const UNPRINTABLE_MULTILINE = new RegExp(`(?![\\n\\t])[${CONTROL_CLASS}${INVISIBLE_CLASS}]`, 'gu');

/** `\u001b`: how an escaped character is shown, as it would be written in JavaScript or JSON. */
const escapeOne = (character: string) => `\\u${(character.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`;

/**
 * Text safe to print on a terminal: every control character, and every
 * invisible or bidirectional formatting character, is replaced by its visible
 * escape (`\u001b`, `\u202e`). With `multiline`, line feeds and tabs are kept;
 * otherwise (file names, titles) they are escaped too, so one value stays on
 * one line.
 */
export function printable(text: string, options: { multiline?: boolean } = {}): string {
  return text.replace(options.multiline ? UNPRINTABLE_MULTILINE : UNPRINTABLE_INLINE, escapeOne);
}
