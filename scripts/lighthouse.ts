#!/usr/bin/env node
// Lighthouse scores of a built site (issue 8): serves the folder, runs Lighthouse in the
// system Chromium on a few pages, mobile and desktop, and prints a Markdown table.
// Lighthouse is installed on demand into the scratch folder, never into package.json.
//   npm run lighthouse -- --site dist [--pages /,/notes/<id>/,/search/] [--work bench/work]
import fs from 'node:fs';
import path from 'node:path';
import { UsageError, type CommandSpec } from '../src/cli/args.ts';
import { everyError, runCommand, type ParsedCommand } from '../src/cli/run.ts';
import { readSiteConfig } from '../src/config.ts';
import { FORM_FACTORS, lighthouseTable, runLighthouse, type FormFactor } from '../src/bench/lighthouse.ts';

const spec: CommandSpec = {
  name: 'lighthouse',
  summary: 'Runs Lighthouse (performance, accessibility, best practices, SEO) on pages of a built site.',
  usage: 'npm run lighthouse -- [--site dist] [--pages /,/notes/<id>/,/search/] [--work bench/work]',
  flags: {
    site: { type: 'string', default: 'dist', value: 'DIR', description: 'the built site to serve' },
    pages: { type: 'string', value: 'PATH,PATH', description: 'pages to audit (default: /, the first note, /search/?q=customer)' },
    'form-factors': {
      type: 'string',
      default: FORM_FACTORS.join(','),
      value: 'mobile,desktop',
      description: 'Lighthouse configurations to run',
    },
    work: {
      type: 'string',
      default: 'bench/work',
      value: 'DIR',
      description: 'scratch folder; Lighthouse is installed in DIR/lighthouse (not committed)',
    },
    json: { type: 'string', value: 'FILE', description: 'also write the results as JSON' },
    reports: { type: 'string', value: 'DIR', description: 'also write each full Lighthouse report (JSON) into DIR' },
    help: { type: 'boolean', short: 'h', description: 'show this help' },
  },
  examples: ['npm run lighthouse', 'npm run lighthouse -- --pages /,/search/ --form-factors mobile'],
};

const log = (line: string) => console.log(`lighthouse: ${line}`);

async function main({ flags, positionals }: ParsedCommand) {
  if (positionals.length) throw new UsageError(`unexpected argument ${positionals[0]}; pages go in --pages`);
  const siteDir = path.resolve(String(flags.site));
  if (!fs.existsSync(path.join(siteDir, 'index.html')))
    throw new UsageError(`${flags.site} has no index.html. Run \`npm run build\` first.`);
  const pages =
    typeof flags.pages === 'string'
      ? flags.pages
          .split(',')
          .map((p) => p.trim())
          .filter(Boolean)
      : undefined;
  if (pages?.some((p) => !p.startsWith('/'))) throw new UsageError('--pages takes paths that start with /, e.g. /,/search/');
  const formFactors = String(flags['form-factors'])
    .split(',')
    .map((f) => f.trim());
  const unknown = formFactors.find((f) => !(FORM_FACTORS as readonly string[]).includes(f));
  if (unknown !== undefined) throw new UsageError(`--form-factors takes ${FORM_FACTORS.join(', ')}; got "${unknown}"`);

  const started = performance.now();
  const results = await runLighthouse({
    siteDir,
    ...(pages && { pages }),
    workDir: path.resolve(String(flags.work)),
    // The base path the site was built for, as `npm start` serves it.
    basePath: readSiteConfig().basePath,
    formFactors: formFactors as FormFactor[],
    ...(typeof flags.reports === 'string' && { reportDir: path.resolve(flags.reports) }),
    log,
  });
  console.log(`\n${lighthouseTable(results)}\n`);
  for (const result of results) {
    for (const audit of result.failing) {
      const score = audit.score === null ? 'error' : audit.score.toFixed(2);
      log(
        `${result.page} ${result.formFactor}: ${audit.id} ${score}${audit.weight === 0 ? ' (advisory)' : ''}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}`,
      );
    }
    for (const warning of result.warnings) log(`${result.page} ${result.formFactor}: warning: ${warning}`);
  }
  if (typeof flags.json === 'string') {
    fs.writeFileSync(flags.json, `${JSON.stringify({ date: new Date().toISOString(), results }, null, 2)}\n`);
    log(`wrote ${flags.json}`);
  }
  log(`${results.length} runs in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  // The target is 100 in every category: anything less fails the run, so a script or CI can rely on it.
  const below = results.filter((result) => Object.values(result.scores).some((score) => score !== 100));
  if (below.length > 0) {
    log(`below 100: ${below.map((result) => `${result.page} (${result.formFactor})`).join(', ')}`);
    return 1;
  }
  return 0;
}

process.exitCode = await runCommand(spec, main, { expected: everyError });
