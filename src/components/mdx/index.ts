/** The components MDX content may use (see src/markdown/components.ts for the allowlist). */
import Aside from './Aside.astro';
import Quote from './Quote.astro';

export const mdxComponents = { Aside, Quote };
