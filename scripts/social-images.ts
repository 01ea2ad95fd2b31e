#!/usr/bin/env node
// Entry point of the social-image build step: draws (or takes from the cache) one
// Open Graph PNG per note, play and theme, plus the site's, into --out.
// Exit codes: 0 written, 2 bad usage; anything else is a crash with its stack.
import path from 'node:path';
import { UsageError, type CommandSpec } from '../src/cli/args.ts';
import { runCommand } from '../src/cli/run.ts';
import { readSiteConfig } from '../src/config.ts';
import { loadContent } from '../src/content/load.ts';
import { buildSiteGraph } from '../src/graph/site-graph.ts';
import { writeSocialImages } from '../src/og/write.ts';

const command: CommandSpec = {
  name: 'social-images',
  summary: 'Writes the social images (Open Graph PNGs) of the site.',
  usage: 'node scripts/social-images.ts --out DIST/og',
  flags: {
    out: { type: 'string', default: 'dist/og', value: 'DIR', description: 'folder that is served as /og/' },
    help: { type: 'boolean', short: 'h', description: 'show this help' },
  },
};

process.exitCode = await runCommand(command, async ({ flags, positionals }) => {
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"; give the folder with --out.`);
  const config = readSiteConfig();
  const started = performance.now();
  const out = path.resolve(String(flags.out));
  const report = await writeSocialImages(
    buildSiteGraph(config.contentDir, loadContent(config.contentDir), { bodies: false }),
    out,
    new URL(config.siteUrl).host,
  );
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `social-images: ${report.images} images (${report.drawn} drawn, ${report.images - report.drawn} from the cache), ${(report.bytes / 1024 / 1024).toFixed(2)} MB in ${seconds} s (largest ${(report.largest / 1024).toFixed(1)} kB) into ${path.relative(process.cwd(), out) || '.'}/`,
  );
});
