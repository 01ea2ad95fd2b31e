import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  defaultPages,
  lighthouseTable,
  pageUrl,
  reportName,
  summariseReport,
  type LighthouseReport,
  type LighthouseResult,
} from '../../src/bench/lighthouse.ts';

/** A Lighthouse result cut down to what we read: one audit of each kind that matters. */
const report: LighthouseReport = {
  categories: {
    performance: {
      score: 0.868,
      auditRefs: [
        { id: 'cumulative-layout-shift', weight: 25 },
        { id: 'largest-contentful-paint', weight: 25 },
        { id: 'total-blocking-time', weight: 30 },
        { id: 'unused-javascript', weight: 0 },
      ],
    },
    accessibility: {
      score: 1,
      auditRefs: [
        { id: 'color-contrast', weight: 7 },
        { id: 'focus-traps', weight: 0 },
      ],
    },
    'best-practices': {
      score: 0.96,
      auditRefs: [
        { id: 'errors-in-console', weight: 1 },
        { id: 'csp-xss', weight: 0 },
      ],
    },
    seo: { score: null, auditRefs: [{ id: 'is-crawlable', weight: 4.043 }] },
  },
  audits: {
    'cumulative-layout-shift': {
      id: 'cumulative-layout-shift',
      title: 'Cumulative Layout Shift',
      score: 0.47,
      scoreDisplayMode: 'numeric',
      displayValue: '0.26',
    },
    'largest-contentful-paint': {
      id: 'largest-contentful-paint',
      title: 'Largest Contentful Paint',
      score: 0.99,
      scoreDisplayMode: 'numeric',
      displayValue: '1.6 s',
    },
    'total-blocking-time': {
      id: 'total-blocking-time',
      title: 'Total Blocking Time',
      score: 1,
      scoreDisplayMode: 'numeric',
      displayValue: '0 ms',
    },
    'unused-javascript': { id: 'unused-javascript', title: 'Reduce unused JavaScript', score: 0, scoreDisplayMode: 'metricSavings' },
    'color-contrast': { id: 'color-contrast', title: 'Contrast', score: 1, scoreDisplayMode: 'binary' },
    'focus-traps': { id: 'focus-traps', title: 'No focus traps', score: null, scoreDisplayMode: 'manual' },
    'errors-in-console': {
      id: 'errors-in-console',
      title: 'No errors in the console',
      score: 0,
      scoreDisplayMode: 'binary',
      displayValue: '',
    },
    'csp-xss': { id: 'csp-xss', title: 'CSP is effective', score: null, scoreDisplayMode: 'informative' },
    'is-crawlable': {
      id: 'is-crawlable',
      title: 'Page is not blocked',
      score: null,
      scoreDisplayMode: 'error',
      errorMessage: 'Protocol error',
    },
  },
  runWarnings: ['The page redirected'],
  runtimeError: { code: 'NO_FCP', message: 'The page did not paint' },
};

describe('summariseReport', () => {
  const summary = summariseReport(report);

  it('turns category scores into 0–100, and a missing score into null', () => {
    expect(summary.scores).toEqual({ performance: 87, accessibility: 100, 'best-practices': 96, seo: null });
  });

  it('lists audits below 1 and errored ones, counting ones first and worst first; passed and unscored ones are left out', () => {
    expect(summary.failing).toEqual([
      { id: 'is-crawlable', title: 'Page is not blocked', score: null, displayValue: 'Protocol error', categories: ['seo'], weight: 4.043 },
      { id: 'errors-in-console', title: 'No errors in the console', score: 0, categories: ['best-practices'], weight: 1 },
      {
        id: 'cumulative-layout-shift',
        title: 'Cumulative Layout Shift',
        score: 0.47,
        displayValue: '0.26',
        categories: ['performance'],
        weight: 25,
      },
      {
        id: 'largest-contentful-paint',
        title: 'Largest Contentful Paint',
        score: 0.99,
        displayValue: '1.6 s',
        categories: ['performance'],
        weight: 25,
      },
      { id: 'unused-javascript', title: 'Reduce unused JavaScript', score: 0, categories: ['performance'], weight: 0 },
    ]);
  });

  it('keeps the run warnings and the runtime error', () => {
    expect(summary.warnings).toEqual(['The page redirected', 'NO_FCP: The page did not paint']);
  });

  it('gives a clean report no failing audits', () => {
    const clean = summariseReport({
      categories: { performance: { score: 1, auditRefs: [{ id: 'a', weight: 1 }] } },
      audits: { a: { id: 'a', title: 'A', score: 1, scoreDisplayMode: 'binary' } },
    });
    expect(clean).toEqual({
      scores: { performance: 100, accessibility: null, 'best-practices': null, seo: null },
      failing: [],
      warnings: [],
    });
  });
});

describe('the Markdown table', () => {
  it('has a row per page and form factor, naming the audits that count and counting the advisory ones', () => {
    const result: LighthouseResult = { page: '/search/?q=customer', formFactor: 'mobile', ...summariseReport(report), seconds: 8 };
    const table = lighthouseTable([
      result,
      {
        ...result,
        page: '/',
        formFactor: 'desktop',
        scores: { performance: 100, accessibility: 100, 'best-practices': 100, seo: 100 },
        failing: [],
      },
    ]);
    expect(table.split('\n')).toEqual([
      '| page | form factor | performance | accessibility | best practices | SEO | failing audits |',
      '|---|---|---:|---:|---:|---:|---|',
      '| /search/?q=customer | mobile | 87 | 100 | 96 | n/a | is-crawlable (error), errors-in-console (0.00), cumulative-layout-shift (0.47), largest-contentful-paint (0.99), 1 advisory |',
      '| / | desktop | 100 | 100 | 100 | 100 | — |',
    ]);
  });
});

describe('pages', () => {
  it('defaults to the home page, the first note by name and the search page with a query', () => {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'lighthouse-'));
    for (const note of ['zeta', 'alpha']) {
      fs.mkdirSync(path.join(dist, 'notes', note), { recursive: true });
      fs.writeFileSync(path.join(dist, 'notes', note, 'index.html'), '');
    }
    fs.mkdirSync(path.join(dist, 'notes', 'aaa-no-page'));
    fs.writeFileSync(path.join(dist, 'notes', 'index.html'), '');
    expect(defaultPages(dist)).toEqual(['/', '/notes/alpha/', '/search/?q=customer']);
    fs.rmSync(dist, { recursive: true, force: true });
  });

  it('puts pages under the base path the site was built for', () => {
    expect(pageUrl('http://localhost:5000', '/', '/notes/a/')).toBe('http://localhost:5000/notes/a/');
    expect(pageUrl('http://localhost:5000', '/playbook', '/search/?q=x')).toBe('http://localhost:5000/playbook/search/?q=x');
  });

  it('names report files after the page and form factor', () => {
    expect(reportName('/', 'mobile')).toBe('home.mobile.json');
    expect(reportName('/notes/a-b/', 'desktop')).toBe('notes-a-b.desktop.json');
    expect(reportName('/search/?q=customer', 'mobile')).toBe('search-q-customer.mobile.json');
  });
});
