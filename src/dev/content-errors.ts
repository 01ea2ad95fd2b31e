/**
 * The dev server's answer while the content has errors: a page that names each
 * problem's file, line, rule and fix, served instead of the requested page
 * (status 500), so a contributor sees in the browser what `npm run check`
 * prints. The build fails on the same findings (src/integration.ts).
 */
import { loadSiteGraph, type SiteGraph } from '../graph/site-graph.ts';
import { isError, sortFindings, type Finding } from '../content/finding.ts';
import { validateSite } from '../validate/index.ts';
import { escapeHtml } from '../lib/escape-html.ts';

const findingsByGraph = new WeakMap<SiteGraph, Finding[]>();

/** The errors of the content folder as it is now; computed once per loaded graph. */
export function currentContentErrors(contentDir: string): Finding[] {
  const graph = loadSiteGraph(contentDir);
  let errors = findingsByGraph.get(graph);
  if (!errors) {
    errors = sortFindings(validateSite(graph)).filter(isError);
    findingsByGraph.set(graph, errors);
  }
  return errors;
}

/** A plain, self-contained HTML page listing the errors. Pure. */
export function contentErrorPage(errors: readonly Finding[]): string {
  const items = errors
    .map(
      (error) =>
        `<li><p><code>${escapeHtml(`${error.file}:${error.line}:${error.column}`)}</code> <strong>${escapeHtml(error.rule)}</strong></p>` +
        `<p>${escapeHtml(error.message)}</p><p>Fix: ${escapeHtml(error.fix)}</p></li>`,
    )
    .join('\n');
  const count = `${errors.length} content error${errors.length === 1 ? '' : 's'}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${count}</title>
<style>body{font:1rem/1.5 system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}li{margin-bottom:1rem}code{font-size:1rem}</style>
</head><body><main><h1>${count}</h1>
<p>The site cannot be shown until ${errors.length === 1 ? 'it is' : 'they are'} fixed. Fix the file, save it and reload this page. <code>npm run check</code> prints the same list.</p>
<ol>
${items}
</ol></main></body></html>`;
}
