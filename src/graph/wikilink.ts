/**
 * The wikilink syntax, `[[target]]` or `[[target|label]]`, in one place: the body
 * outline, the sentence around a link and the link rewriter all read it alike.
 */
export const WIKI = /\[\[([^\][\n|]+?)(?:\|([^\][\n]+?))?\]\]/g;
