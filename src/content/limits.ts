/**
 * Limits on the shape of a Markdown body, checked on the text before it is
 * parsed. The parser's work grows much faster than the input for some shapes
 * (measured here: 1,000 nested list items took 21 s, 2,000 took 182 s), and
 * deep nesting exhausts the stack, so such input is refused up front, with the
 * line, in milliseconds. Real notes stay far inside every limit.
 */
export const BODY_LIMITS = {
  /** Leading indentation, in columns: nested lists and quotes live here. */
  indent: 48,
  /** `>` markers opening one line. */
  quoteDepth: 8,
  /** List markers opening one line (`- - -`). */
  listMarkers: 8,
  /** Open `[` or `(` inside one paragraph. */
  bracketDepth: 16,
  /** `*` and `_` characters in one paragraph (emphasis delimiters). */
  emphasisDelimiters: 400,
  /** `[` and `]` characters in one paragraph (link labels; parsing grows with their square: 24,000 `]` took 4 s, 190 kB of `](` 94 s). */
  linkBrackets: 400,
  /** Characters on one line. */
  lineLength: 10_000,
} as const;

export interface LimitProblem {
  message: string;
  fix: string;
  /** 1-based within the body. */
  line: number;
  column: number;
}

const problem = (line: number, message: string, fix: string): LimitProblem => ({ line, column: 1, message, fix });

export function bodyLimitProblem(body: string): LimitProblem | null {
  const lines = body.split('\n');
  let delimiters = 0;
  let brackets = 0;
  let labels = 0;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    const number = index + 1;
    if (line.trim() === '') {
      delimiters = 0;
      brackets = 0;
      labels = 0;
      continue;
    }
    if (line.length > BODY_LIMITS.lineLength) return problem(number, `the line has ${line.length} characters`, `break it into lines of under ${BODY_LIMITS.lineLength} characters`);
    const indent = /^[ \t]*/.exec(line)?.[0].replace(/\t/g, '    ').length ?? 0;
    if (indent > BODY_LIMITS.indent) return problem(number, `the line is indented ${indent} columns deep`, 'nest lists and quotations at most a few levels deep');
    // A `>` needs no space after it (`>>>` is three quotes deep); a list marker does.
    const opening = /^(?:[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)))*/.exec(line)?.[0] ?? '';
    const quotes = (opening.match(/>/g) ?? []).length;
    if (quotes > BODY_LIMITS.quoteDepth) return problem(number, `quotations are nested ${quotes} deep`, `nest quotations at most ${BODY_LIMITS.quoteDepth} deep`);
    const markers = (opening.match(/[-*+]|\d{1,9}[.)]/g) ?? []).length;
    if (markers > BODY_LIMITS.listMarkers) return problem(number, `lists are nested ${markers} deep on one line`, `nest lists at most ${BODY_LIMITS.listMarkers} deep`);
    for (const char of line) {
      if (char === '*' || char === '_') delimiters++;
      else if (char === '[' || char === '(') brackets++;
      else if (char === ']' || char === ')') brackets = Math.max(0, brackets - 1);
      if (char === '[' || char === ']') labels++;
    }
    if (delimiters > BODY_LIMITS.emphasisDelimiters) {
      return problem(number, `the paragraph has more than ${BODY_LIMITS.emphasisDelimiters} * and _ characters`, 'use fewer emphasis marks, or escape literal ones as \\* and \\_');
    }
    if (labels > BODY_LIMITS.linkBrackets) {
      return problem(number, `the paragraph has more than ${BODY_LIMITS.linkBrackets} [ and ] characters`, 'split the paragraph, or escape literal brackets as \\[ and \\]');
    }
    if (brackets > BODY_LIMITS.bracketDepth) return problem(number, `brackets are nested more than ${BODY_LIMITS.bracketDepth} deep`, 'close the brackets, or escape literal ones as \\[');
  }
  return null;
}
