/**
 * The MDX components contributors may use, with the props each accepts.
 * The safety policy admits exactly these; src/markdown/static-components.ts renders them as HTML.
 */
export interface ComponentSpec {
  required: readonly string[];
  optional: readonly string[];
  /** Allowed values for props with a fixed set. */
  values?: Readonly<Record<string, readonly string[]>>;
}

export const MDX_COMPONENTS: Readonly<Record<string, ComponentSpec>> = {
  /** A short verbatim quotation: `<Quote by="Person" source="source-id">…</Quote>`. */
  Quote: { required: ['by', 'source'], optional: ['locator'] },
  /** A note set apart from the text: `<Aside kind="tip" title="Try it">…</Aside>`. */
  Aside: { required: [], optional: ['kind', 'title'], values: { kind: ['note', 'tip', 'caution'] } },
};

/** Longest quotation allowed, in words and sentences. */
export const QUOTE_LIMITS = { words: 60, sentences: 2 } as const;
