/**
 * The content integration: before Astro loads any content, it builds the site
 * graph and runs every content rule, and fails the build on any error with
 * file:line messages. Astro alone only logs missing references, for instance.
 */
import fs from 'node:fs';
import type { AstroIntegration } from 'astro';
import { loadSiteGraph } from './graph/site-graph.ts';
import { redirectsFile } from './graph/redirects.ts';
import { TWIN_COLLECTIONS, twinRoute, type TwinCollection } from './twins/routes.ts';
import { ContentError, formatFinding, isError, sortFindings } from './content/finding.ts';
import { validateSite } from './validate/index.ts';

export default function playbookContent({ contentDir }: { contentDir: string }): AstroIntegration {
  let base = '/';
  return {
    name: 'playbook-content',
    hooks: {
      'astro:config:setup': ({ command, logger, config }) => {
        base = config.base;
        const started = performance.now();
        const graph = loadSiteGraph(contentDir, { fresh: true });
        const findings = sortFindings(validateSite(graph));
        const errors = findings.filter(isError);
        const warnings = findings.filter((f) => !isError(f));
        for (const warning of warnings) logger.warn(formatFinding(warning));
        if (errors.length > 0) {
          if (command === 'build') throw new ContentError(errors);
          for (const error of errors) logger.error(formatFinding(error));
        }
        logger.info(`checked ${graph.entries.size} entries in ${Math.round(performance.now() - started)} ms`);
      },
      // The old addresses of merged entries have pages of their own ([...moved].astro); hosts that read a
      // `_redirects` file (Netlify, Cloudflare Pages) answer them with a real 301 as well.
      'astro:build:done': ({ dir }) => {
        const twin = (collection: string, id: string) =>
          (TWIN_COLLECTIONS as readonly string[]).includes(collection) ? twinRoute(collection as TwinCollection, id) : null;
        const file = redirectsFile(loadSiteGraph(contentDir).redirects.redirects, base, twin);
        if (file) fs.writeFileSync(new URL('_redirects', dir), file);
      },
    },
  };
}
