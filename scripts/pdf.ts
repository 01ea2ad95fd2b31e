#!/usr/bin/env node
// Entry point of `npm run pdf`: parse flags, print one theme book to PDF, report, set the exit code.
// Exit codes: 0 written, 1 something to install or build first (the message says what), 2 bad usage.
import path from 'node:path';
import {
  bookDate,
  builtThemes,
  chromiumPath,
  INSTALL_HELP,
  loadChromium,
  pdfCommand,
  PdfSetupError,
  renderBookPdf,
  resolveTheme,
} from '../src/cli/pdf.ts';
import { runCommand } from '../src/cli/run.ts';
import { readSiteConfig } from '../src/config.ts';

process.exitCode = await runCommand(
  pdfCommand,
  async ({ flags }) => {
    const distDir = path.resolve(String(flags.dist));
    const known = builtThemes(distDir);
    if (known.length === 0) throw new PdfSetupError(INSTALL_HELP.dist(path.relative(process.cwd(), distDir) || '.'));
    const theme = resolveTheme(flags.theme, known);
    const out = typeof flags.out === 'string' ? flags.out : `${theme}-book.pdf`;
    const chromium = await loadChromium();
    const result = await renderBookPdf(
      {
        distDir,
        basePath: readSiteConfig().basePath,
        theme,
        out,
        paper: flags.paper === 'letter' ? 'letter' : 'a4',
        executablePath: chromiumPath(),
        date: bookDate(distDir, theme),
      },
      chromium,
    );
    console.log(
      `pdf: wrote ${result.file} (${result.pages} pages, ${Math.round(result.bytes / 1024)} kB) in ${(result.milliseconds / 1000).toFixed(1)} s`,
    );
  },
  { expected: (error) => (error instanceof PdfSetupError ? { exitCode: 1, lines: [error.message] } : undefined) },
);
