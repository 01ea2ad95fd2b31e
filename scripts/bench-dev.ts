#!/usr/bin/env node
// `npm run bench:dev`: how long `astro dev` takes from saving a note to serving correct pages.
// Starts the dev server on a copy of a content folder, renames a note that links to another,
// and times until the other note's page lists the new title under "Linked from"; then appends a paragraph and times until
// the note's own page shows it. Five rounds each; prints median and range.
//   npm run bench:dev -- [--content DIR] [--rounds 5]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { UsageError, type CommandSpec } from '../src/cli/args.ts';
import { everyError, runCommand, type ParsedCommand } from '../src/cli/run.ts';
import { stats } from '../src/bench/measure.ts';
import { loadSiteGraph } from '../src/graph/site-graph.ts';

const spec: CommandSpec = {
  name: 'bench:dev',
  summary: 'Times the dev server from a saved edit to a correct page.',
  usage: 'npm run bench:dev -- [--content DIR] [--rounds 5]',
  flags: {
    content: { type: 'string', default: 'content', value: 'DIR', description: 'content folder to copy and edit' },
    rounds: { type: 'string', default: '5', value: 'N', description: 'edits of each kind' },
    help: { type: 'boolean', short: 'h', description: 'show this help' },
  },
};

const port = () =>
  new Promise<number>((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(free));
    });
  });

async function main({ flags }: ParsedCommand) {
  const rounds = Number(flags.rounds);
  if (!Number.isInteger(rounds) || rounds < 1) throw new UsageError('--rounds takes a whole number of at least 1');
  const site = fs.mkdtempSync(path.join(os.tmpdir(), 'playbook-dev-bench-'));
  fs.cpSync(path.resolve(String(flags.content)), site, { recursive: true });
  // A note that links to another note: the other note's "Linked from" shows the first one's title.
  const graph = loadSiteGraph(site, { fresh: true });
  const pair = graph.byCollection.notes.flatMap((note) =>
    (graph.outgoing.get(note.key) ?? []).flatMap(({ resolution }) =>
      resolution.ok && !resolution.external && resolution.key?.startsWith('notes/') && resolution.key !== note.key
        ? [[note, graph.entries.get(resolution.key)] as const]
        : [],
    ),
  )[0];
  const [target, linker] = pair ?? [];
  if (!target || !linker) throw new Error('no note in that content links to another note');
  const free = await port();
  const origin = `http://127.0.0.1:${free}`;
  const server = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--host', '127.0.0.1', '--port', String(free)], {
    env: { ...process.env, CONTENT_DIR: site, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout.on('data', (chunk) => (output += String(chunk)));
  server.stderr.on('data', (chunk) => (output += String(chunk)));
  try {
    const started = performance.now();
    while (!output.includes('watching for file changes')) {
      if (performance.now() - started > 180_000 || server.exitCode !== null) throw new Error(`astro dev did not start:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // The first requests make Vite bundle dependencies, which can restart the server: retry until it answers.
    const page = async (route: string): Promise<string> => {
      for (let attempt = 0; ; attempt++) {
        try {
          return await (await fetch(`${origin}${route}`)).text();
        } catch (error) {
          if (attempt > 100) throw error;
          await new Promise((resolve) => setTimeout(resolve, 300));
        }
      }
    };
    for (let warm = 0; warm < 3; warm++) {
      await page(linker.route);
      await page(target.route);
    }
    const until = async (route: string, ready: (html: string) => boolean) => {
      const from = performance.now();
      while (!ready(await page(route))) {
        if (performance.now() - from > 60_000)
          throw new Error(
            `${route} did not change in 60 s; the server said:\n${output
              .split('\n')
              .filter((line) => !/\[200\]/.test(line))
              .slice(-15)
              .join('\n')}`,
          );
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return (performance.now() - from) / 1000;
    };
    const file = target.raw.absolutePath.replace(graph.root, site);
    const title: number[] = [];
    const body: number[] = [];
    for (let round = 1; round <= rounds; round++) {
      const renamed = `${target.title} (${round})`;
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^title: .*$/m, `title: ${JSON.stringify(renamed)}`));
      const shown = renamed.replace(/&/g, '&amp;');
      // Both pages: the linked note lists the title (from the model), the note's own page shows it (from Astro's store).
      const listed = await until(linker.route, (html) => html.includes(shown));
      title.push(listed + (await until(target.route, (html) => html.includes(`>${shown}</h1>`))));
      await new Promise((resolve) => setTimeout(resolve, 200));
      const marker = `Paragraph added by the dev benchmark, round ${round}.`;
      fs.appendFileSync(file, `\n${marker}\n`);
      body.push(await until(target.route, (html) => html.includes(marker)));
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const line = (what: string, values: number[]) => {
      const s = stats(values);
      return `${what}: median ${s.median.toFixed(2)} s (${s.min.toFixed(2)}–${s.max.toFixed(2)})`;
    };
    const notes = graph.byCollection.notes.length;
    console.log(`bench:dev: ${notes} notes, ${rounds} rounds`);
    console.log(`  ${line('new title on the note’s page and in a linked note’s "Linked from"', title)}`);
    console.log(`  ${line('new paragraph on the note’s page', body)}`);
  } finally {
    if (process.env.BENCH_DEV_LOG) fs.writeFileSync(process.env.BENCH_DEV_LOG, output);
    server.kill();
    fs.rmSync(site, { recursive: true, force: true });
  }
}

process.exitCode = await runCommand(spec, main, { expected: everyError });
