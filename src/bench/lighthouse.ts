/**
 * Lighthouse scores of the built site (issue 8: 100 in all four categories on a
 * note, the home page and the search page). Lighthouse is heavy and only the
 * benchmark uses it, so it stays out of package.json: it is installed on demand
 * into the benchmark's scratch folder (git-ignored, like the Starlight site) and
 * imported from there. Chromium is the system one (Debian's); nothing is downloaded.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createStaticServer } from '../lib/static-server.ts';

/** The major version installed; a new major moves audits and weights, so moving it is a deliberate change. */
export const LIGHTHOUSE_MAJOR = '13';
export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];
export const FORM_FACTORS = ['mobile', 'desktop'] as const;
export type FormFactor = (typeof FORM_FACTORS)[number];

/** The chrome-launcher flags: new headless (no display here), no sandbox (containers lack the namespaces), no GPU. */
export const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu'] as const;
export const CHROME_PATH = '/usr/bin/chromium';

/** An audit that kept a page below 100: score below 1, or null when the audit itself errored. */
export interface FailingAudit {
  id: string;
  title: string;
  score: number | null;
  /** Lighthouse's short summary, e.g. `1.2 s` or `3 elements`, when it gives one. */
  displayValue?: string;
  /** The categories that list the audit. */
  categories: Category[];
  /** Its largest weight in those categories: 0 means advisory (diagnostics, insights), never moving a score. */
  weight: number;
}

export interface LighthouseResult {
  page: string;
  formFactor: FormFactor;
  /** 0–100 per category; null when Lighthouse could not score it (its runtime error says why). */
  scores: Record<Category, number | null>;
  failing: FailingAudit[];
  /** Lighthouse's own warnings about the run (e.g. a page that redirected), and a fatal error if any. */
  warnings: string[];
  seconds: number;
}

/** The part of a Lighthouse result (LHR) we read. Declared here because Lighthouse's types are not installed with the project. */
export interface LighthouseReport {
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] } | undefined>;
  audits: Record<
    string,
    { id: string; title: string; score: number | null; scoreDisplayMode: string; displayValue?: string; errorMessage?: string }
  >;
  runWarnings?: string[];
  runtimeError?: { code: string; message: string };
}

/**
 * Scores (0–100) and failing audits from a Lighthouse result. An audit fails when it
 * scored below 1, or errored (score null, with its error as the display value). Audits
 * with no score (manual checks, not applicable, informative) are left out. Failing
 * audits of weight 0 are kept but sorted last: they never move a score.
 */
export function summariseReport(lhr: LighthouseReport): Pick<LighthouseResult, 'scores' | 'failing' | 'warnings'> {
  const scores = Object.fromEntries(
    CATEGORIES.map((id) => {
      const score = lhr.categories[id]?.score;
      return [id, typeof score === 'number' ? Math.round(score * 100) : null];
    }),
  ) as Record<Category, number | null>;
  const listed = new Map<string, { categories: Category[]; weight: number }>();
  for (const category of CATEGORIES) {
    for (const ref of lhr.categories[category]?.auditRefs ?? []) {
      const entry = listed.get(ref.id) ?? { categories: [], weight: 0 };
      listed.set(ref.id, { categories: [...entry.categories, category], weight: Math.max(entry.weight, ref.weight) });
    }
  }
  const failing: FailingAudit[] = [];
  for (const [id, { categories, weight }] of listed) {
    const audit = lhr.audits[id];
    if (!audit) continue;
    const errored = audit.scoreDisplayMode === 'error';
    if (!errored && (audit.score === null || audit.score >= 1)) continue;
    const displayValue = errored ? audit.errorMessage : audit.displayValue;
    failing.push({
      id,
      title: audit.title,
      score: errored ? null : audit.score,
      ...(displayValue && { displayValue }),
      categories,
      weight,
    });
  }
  // Audits that count first, then worst score first: the top of the list is what costs most.
  failing.sort((a, b) => Number(b.weight > 0) - Number(a.weight > 0) || (a.score ?? -1) - (b.score ?? -1) || a.id.localeCompare(b.id));
  const warnings = [...(lhr.runWarnings ?? []), ...(lhr.runtimeError ? [`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`] : [])];
  return { scores, failing, warnings };
}

/**
 * The default pages: the home page, the first note (alphabetically, so runs compare) and
 * the search page with a query, since search.astro reads `?q=` and runs Pagefind: the
 * heaviest page the site has, measured with results on screen.
 */
export function defaultPages(siteDir: string): string[] {
  const notesDir = path.join(siteDir, 'notes');
  const note = fs.existsSync(notesDir)
    ? fs
        .readdirSync(notesDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(notesDir, entry.name, 'index.html')))
        .map((entry) => entry.name)
        .sort()[0]
    : undefined;
  return ['/', ...(note ? [`/notes/${note}/`] : []), '/search/?q=customer'];
}

/** A page path joined to the served origin and base path (pages are given as the site sees them, from `/`). */
export function pageUrl(origin: string, basePath: string, page: string): string {
  const base = basePath.replace(/\/$/, '');
  return `${origin}${base}${page.startsWith('/') ? page : `/${page}`}`;
}

/** A file name for one page's report: `/notes/a/` in mobile → `notes-a.mobile.json`, `/` → `home.mobile.json`. */
export function reportName(page: string, formFactor: FormFactor): string {
  const slug = page.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home';
  return `${slug}.${formFactor}.json`;
}

const cell = (score: number | null) => (score === null ? 'n/a' : String(score));

/**
 * One row per page and form factor. The last column names the failing audits that
 * count, with their score, so the table alone says what to fix; weight-0 ones are
 * only counted (they are in the returned data).
 */
export function lighthouseTable(results: readonly LighthouseResult[]): string {
  const header = '| page | form factor | performance | accessibility | best practices | SEO | failing audits |';
  const rule = '|---|---|---:|---:|---:|---:|---|';
  const rows = results.map((r) => {
    const counting = r.failing.filter((a) => a.weight > 0).map((a) => `${a.id} (${a.score === null ? 'error' : a.score.toFixed(2)})`);
    const advisory = r.failing.filter((a) => a.weight === 0).length;
    const failing = [...counting, ...(advisory ? [`${advisory} advisory`] : [])].join(', ') || '—';
    return `| ${r.page} | ${r.formFactor} | ${CATEGORIES.map((c) => cell(r.scores[c])).join(' | ')} | ${failing} |`;
  });
  return [header, rule, ...rows].join('\n');
}

/** Installs (once) Lighthouse into `dir` and returns a require rooted there, to resolve it and chrome-launcher. */
export function ensureLighthouse(dir: string, log: (line: string) => void): NodeJS.Require {
  const marker = path.join(dir, 'node_modules/lighthouse/package.json');
  if (!fs.existsSync(marker)) {
    fs.mkdirSync(dir, { recursive: true });
    log(`installing lighthouse@${LIGHTHOUSE_MAJOR} into ${dir} (one time)`);
    execFileSync('npm', ['install', '--prefix', dir, '--no-audit', '--no-fund', '--loglevel=error', `lighthouse@${LIGHTHOUSE_MAJOR}`], {
      stdio: 'inherit',
    });
  }
  return createRequire(path.join(dir, 'package.json'));
}

interface Chrome {
  port: number;
  kill(): void | Promise<void>;
}
type RunLighthouse = (url: string, flags: Record<string, unknown>, config?: unknown) => Promise<{ lhr: LighthouseReport } | undefined>;

/** ES modules from the scratch install: imported by file URL, since the project's own resolution cannot see them. */
async function importFrom<T>(require: NodeJS.Require, specifier: string): Promise<T> {
  return (await import(pathToFileURL(require.resolve(specifier)).href)) as T;
}

export interface RunOptions {
  /** The built site, e.g. `dist`. */
  siteDir: string;
  /** Paths as the site sees them (`/`, `/notes/x/`); default: `defaultPages`. */
  pages?: readonly string[];
  /** Scratch folder; Lighthouse is installed into `<workDir>/lighthouse`. */
  workDir: string;
  /** The base path the site was built for (`/` or e.g. `/playbook`). */
  basePath?: string;
  formFactors?: readonly FormFactor[];
  chromePath?: string;
  /** When set, each full Lighthouse report is written there as JSON (open it in the Lighthouse viewer for the details). */
  reportDir?: string;
  log?: (line: string) => void;
}

/**
 * Serves the site from this process, starts one Chromium, and runs Lighthouse on
 * every page in every form factor, one after another (runs in parallel would
 * skew each other's timings). Logs a line per run and returns the results;
 * `lighthouseTable` makes the Markdown of them.
 */
export async function runLighthouse(options: RunOptions): Promise<LighthouseResult[]> {
  const log = options.log ?? (() => {});
  const siteDir = path.resolve(options.siteDir);
  if (!fs.existsSync(path.join(siteDir, 'index.html'))) throw new Error(`${siteDir} has no index.html; build the site first`);
  const basePath = options.basePath ?? '/';
  const pages = options.pages ?? defaultPages(siteDir);
  const formFactors = options.formFactors ?? FORM_FACTORS;
  const require = ensureLighthouse(path.join(options.workDir, 'lighthouse'), log);
  const { default: lighthouse } = await importFrom<{ default: RunLighthouse }>(require, 'lighthouse');
  // chrome-launcher is a dependency of lighthouse: resolve it from there, wherever npm placed it.
  const launcher = await importFrom<{ launch(options: Record<string, unknown>): Promise<Chrome> }>(
    createRequire(require.resolve('lighthouse/package.json')),
    'chrome-launcher',
  );
  const { default: desktopConfig } = await importFrom<{ default: unknown }>(require, 'lighthouse/core/config/desktop-config.js');

  const server = createStaticServer(siteDir, basePath);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  // `localhost`, the host the default SITE_URL gives the canonical and Open Graph links, so
  // the page is seen where it says it lives (only the port differs). A secure context, too,
  // so the HTTPS audit passes without a certificate.
  const origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  const chrome = await launcher.launch({
    chromePath: options.chromePath ?? CHROME_PATH,
    chromeFlags: [...CHROME_FLAGS],
    logLevel: 'silent',
  });
  const results: LighthouseResult[] = [];
  try {
    for (const formFactor of formFactors) {
      for (const page of pages) {
        const started = performance.now();
        const flags = { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] };
        const run = await lighthouse(pageUrl(origin, basePath, page), flags, formFactor === 'desktop' ? desktopConfig : undefined);
        if (!run) throw new Error(`Lighthouse returned nothing for ${page}`);
        if (options.reportDir) {
          fs.mkdirSync(options.reportDir, { recursive: true });
          fs.writeFileSync(path.join(options.reportDir, reportName(page, formFactor)), JSON.stringify(run.lhr));
        }
        const result = { page, formFactor, ...summariseReport(run.lhr), seconds: (performance.now() - started) / 1000 };
        results.push(result);
        log(
          `${page} ${formFactor}: ${CATEGORIES.map((c) => `${c} ${cell(result.scores[c])}`).join(', ')} (${result.seconds.toFixed(1)} s)`,
        );
      }
    }
  } finally {
    await chrome.kill();
    // Chromium's keep-alive sockets would hold close() open.
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  return results;
}
