/**
 * The content integration: before Astro loads any content, it builds the site
 * graph and runs every content rule, and fails the build on any error with
 * file:line messages. Astro alone only logs missing references, for instance.
 */
import type { AstroIntegration } from 'astro';
import { loadSiteGraph } from './graph/site-graph.ts';
import { ContentError, formatFinding, isError, sortFindings } from './content/finding.ts';
import { validateSite } from './validate/index.ts';

export default function playbookContent({ contentDir }: { contentDir: string }): AstroIntegration {
  return {
    name: 'playbook-content',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
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
    },
  };
}
