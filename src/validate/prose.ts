/**
 * The prose of a Markdown/MDX body as a reader sees it, read without parsing
 * the body again (the graph already parsed it once): component tags, link
 * targets, URLs, HTML comments and code are blanked with spaces, so every
 * remaining character keeps its line and column in the file.
 */
export interface ProseLine {
  /** 1-based line in the file. */
  line: number;
  /** The line's text with everything that is not prose replaced by spaces. */
  text: string;
}

const blank = (text: string) => text.replace(/[^\n]/g, ' ');

/**
 * The prose lines of `body`, whose first line is line `firstLine` of the file.
 * A `[[target]]` without a label is blanked (its page shows the target's title,
 * not the note's words), unless `linkTargetsAsWords`: then it counts as the
 * words of its id, about as many as the title it shows.
 */
export function proseLines(body: string, firstLine: number, linkTargetsAsWords = false): ProseLine[] {
  // Comments may span lines: blank them before splitting, keeping the line breaks.
  const text = body.replace(/<!--[\s\S]*?-->/g, blank);
  const out: ProseLine[] = [];
  let fence: string | null = null;
  text.split('\n').forEach((raw, i) => {
    const line = firstLine + i;
    const opener = /^ {0,3}(`{3,}|~{3,})/.exec(raw)?.[1];
    if (fence) {
      if (opener && opener[0] === fence[0] && opener.length >= fence.length) fence = null;
      out.push({ line, text: blank(raw) });
      return;
    }
    if (opener) {
      fence = opener;
      out.push({ line, text: blank(raw) });
      return;
    }
    out.push({ line, text: proseOfLine(raw, linkTargetsAsWords) });
  });
  return out;
}

/** One line of Markdown with its non-prose parts blanked. */
export function proseOfLine(raw: string, linkTargetsAsWords = false): string {
  // A link reference definition: `[ref]: /plays/x/ "title"`.
  if (/^ {0,3}\[[^\]]+\]:\s*\S/.test(raw)) return blank(raw);
  return (
    raw
      // Inline code.
      .replace(/`[^`]*`/g, blank)
      // Component and element tags, with their props: <Quote by="…" source="…">, </Aside>.
      .replace(/<\/?[A-Za-z][^<>]*>/g, blank)
      // Images: the alt text is not prose a reader reads on the page.
      .replace(/!\[[^\]]*\]\([^)]*\)/g, blank)
      // [[target|label]] keeps the label; [[target]] shows the target's title, not the note's words.
      .replace(/\[\[([^\]|]*)\|([^\]]*)\]\]/g, (_m, target: string, label: string) => `${blank(`[[${target}|`)}${label}  `)
      .replace(/\[\[[^\]]*\]\]/g, (m) =>
        linkTargetsAsWords
          ? `  ${m.slice(2, -2).replace(/^.*\//, '').replace(/#.*$/, '').replace(/-/g, ' ')}  `.padEnd(m.length)
          : blank(m),
      )
      // [label](url) and [label][ref] keep the label.
      .replace(/\[([^\]]*)\]\([^)]*\)/g, (m, label: string) => ` ${label}${blank(m.slice(label.length + 1))}`)
      .replace(/\[([^\]]*)\]\[[^\]]*\]/g, (m, label: string) => ` ${label}${blank(m.slice(label.length + 1))}`)
      // Bare addresses.
      .replace(/\b(?:https?|mailto):\S+/g, blank)
  );
}

/** The number of words a reader reads in `body`, counted as the page's reading time counts them (runs of non-space holding a letter or digit). */
export function proseWordCount(body: string): number {
  return proseLines(body, 1, true)
    .flatMap((l) => l.text.split(/\s+/))
    .filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}
