/** Points on a scale prompt (1 to 5), for every output: web worksheet, PDF, Markdown and the words that describe it. */
export const SCALE_POINTS = 5;
