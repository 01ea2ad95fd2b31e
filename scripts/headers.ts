#!/usr/bin/env node
// Entry point of the headers step, run after `astro build`: writes <site>/_headers from the pages' CSP (src/security/headers.ts).
// Exit codes: 0 written, 1 no page carries a policy, 2 bad usage.
import fs from 'node:fs';
import path from 'node:path';
import type { CommandSpec } from '../src/cli/args.ts';
import { runCommand } from '../src/cli/run.ts';
import { headersFile, mergePolicies, metaPolicy, parsePolicy } from '../src/security/headers.ts';

const spec: CommandSpec = {
  name: 'headers',
  summary: "Writes the site's _headers file: the pages' Content Security Policy for every response.",
  usage: 'node scripts/headers.ts --site DIR',
  flags: {
    site: { type: 'string', default: 'dist', value: 'DIR', description: 'the built site' },
    help: { type: 'boolean', short: 'h', description: 'show this help' },
  },
};

/**
 * The site's HTML files. The search index is written into `pagefind/` by the step that runs beside
 * this one, so that folder (which holds no page) is not walked while it may be half written.
 */
function htmlFiles(site: string, folder = ''): string[] {
  return fs.readdirSync(path.join(site, folder), { withFileTypes: true }).flatMap((dirent) => {
    const file = path.join(folder, dirent.name);
    if (dirent.isDirectory()) return folder === '' && dirent.name === 'pagefind' ? [] : htmlFiles(site, file);
    return dirent.isFile() && dirent.name.endsWith('.html') ? [file] : [];
  });
}

process.exitCode = await runCommand(spec, ({ flags }) => {
  const site = path.resolve(String(flags.site));
  const pages = fs.existsSync(site) ? htmlFiles(site).sort() : [];
  const policies = pages.flatMap((file) => {
    const text = metaPolicy(fs.readFileSync(path.join(site, file), 'utf8'));
    return text ? [parsePolicy(text)] : [];
  });
  if (policies.length === 0) {
    console.error(`headers: no page in ${site} carries a Content Security Policy; build the site first.`);
    return 1;
  }
  fs.writeFileSync(path.join(site, '_headers'), headersFile(mergePolicies(policies)));
  console.log(`headers: _headers written from the policies of ${policies.length} pages`);
  return 0;
});
