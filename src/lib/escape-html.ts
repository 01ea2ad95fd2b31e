/**
 * Escapes text for HTML content or a double-quoted attribute, character for
 * character as Astro escapes an expression (`&<>'"`), so a string we write
 * matches what Astro writes for the same value.
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&#39;', '"': '&quot;' };

export const escapeHtml = (text: string): string => text.replace(/[&<>'"]/g, (char) => ENTITIES[char] ?? char);
