#!/usr/bin/env node
// Entry point of `node scripts/design-shots.ts`: serve the built site, take one screenshot per page type, report.
// The PNGs are made smaller with sharp (a palette of 256 colours) when it is installed; otherwise Chromium's are kept.
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { designShotsCommand, shotRoutes } from '../src/cli/design-shots.ts';
import { chromiumPath, loadChromium } from '../src/cli/pdf.ts';
import { everyError, runCommand } from '../src/cli/run.ts';
import { readSiteConfig } from '../src/config.ts';
import { createStaticServer } from '../src/lib/static-server.ts';

async function smaller(png: Buffer): Promise<Buffer> {
  try {
    const { default: sharp } = await import('sharp');
    const out = await sharp(png).png({ palette: true, colours: 256, effort: 10, compressionLevel: 9 }).toBuffer();
    return out.length < png.length ? out : png;
  } catch {
    return png;
  }
}

process.exitCode = await runCommand(
  designShotsCommand,
  async ({ flags }) => {
    const distDir = path.resolve(String(flags.dist));
    if (!fs.existsSync(path.join(distDir, 'index.html'))) throw new Error(`no built site in ${distDir}: run \`npm run build\` first`);
    const width = Number(flags.width);
    if (!Number.isInteger(width) || width < 320 || width > 2560)
      throw new Error(`--width takes a whole number of pixels from 320 to 2560, not ${String(flags.width)}`);
    const outDir = path.resolve(String(flags.out));
    fs.mkdirSync(outDir, { recursive: true });
    const { basePath } = readSiteConfig();
    const server = createStaticServer(distDir, basePath);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}${basePath.replace(/\/$/, '')}`;
    const chromium = await loadChromium();
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const context = await browser.newContext({ viewport: { width, height: 800 }, colorScheme: flags.dark === true ? 'dark' : 'light' });
      for (const shot of shotRoutes(distDir)) {
        const page = await context.newPage();
        await page.goto(origin + shot.route, { waitUntil: 'networkidle' });
        const png = await smaller(await page.screenshot());
        const file = path.join(outDir, `${shot.name}.png`);
        fs.writeFileSync(file, png);
        console.log(`design-shots: ${path.relative(process.cwd(), file)} (${shot.route}, ${Math.round(png.length / 1024)} kB)`);
        await page.close();
      }
    } finally {
      await browser.close();
      server.close();
    }
  },
  { expected: everyError },
);
