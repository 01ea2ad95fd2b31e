import { describe, expect, it } from 'vitest';
import { UsageError, type CommandSpec } from '../../src/cli/args.ts';
import { everyError, runCommand, type RunOptions } from '../../src/cli/run.ts';

const spec: CommandSpec = {
  name: 'demo',
  summary: 'A command for the test.',
  usage: 'demo [--out DIR]',
  flags: {
    out: { type: 'string', value: 'DIR', description: 'where to write' },
    help: { type: 'boolean', short: 'h', description: 'show this help' },
  },
};

class SiteMissing extends Error {}

function capture(argv: string[], extra: Partial<RunOptions> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, options: { argv, out: (line: string) => out.push(line), err: (line: string) => err.push(line), ...extra } };
}

describe('runCommand', () => {
  it('prints the help and succeeds without running the command', async () => {
    const io = capture(['--help']);
    let ran = false;
    const code = await runCommand(
      spec,
      () => {
        ran = true;
      },
      io.options,
    );
    expect(code).toBe(0);
    expect(ran).toBe(false);
    expect(io.out.join('\n')).toContain('Usage: demo [--out DIR]');
  });

  it('gives the command its flags and returns its exit code', async () => {
    const io = capture(['--out', 'site', 'extra']);
    const code = await runCommand(
      spec,
      ({ flags, positionals }) => (flags.out === 'site' && positionals[0] === 'extra' ? 3 : 4),
      io.options,
    );
    expect(code).toBe(3);
  });

  it('counts a command that returns nothing as a success', async () => {
    expect(await runCommand(spec, async () => {}, capture([]).options)).toBe(0);
  });

  it('reports a bad flag in one line with exit code 2, before the command runs', async () => {
    const io = capture(['--outt', 'x']);
    let ran = false;
    const code = await runCommand(
      spec,
      () => {
        ran = true;
      },
      io.options,
    );
    expect(code).toBe(2);
    expect(ran).toBe(false);
    expect(io.err).toHaveLength(1);
    expect(io.err[0]).toMatch(/^demo: unknown option --outt\./);
  });

  it('reports a usage error the command raises with exit code 2', async () => {
    const io = capture([]);
    const code = await runCommand(
      spec,
      () => {
        throw new UsageError('give the folder with --out.');
      },
      io.options,
    );
    expect(code).toBe(2);
    expect(io.err).toEqual(['demo: give the folder with --out.']);
  });

  it('reports an expected error with its own lines and exit code', async () => {
    const io = capture([], {
      expected: (error) => (error instanceof SiteMissing ? { exitCode: 1, lines: [error.message, 'cause: none'] } : undefined),
    });
    const code = await runCommand(
      spec,
      () => {
        throw new SiteMissing('build the site first.');
      },
      io.options,
    );
    expect(code).toBe(1);
    expect(io.err).toEqual(['demo: build the site first.', 'demo: cause: none']);
  });

  it('lets an unexpected error through, stack and all', async () => {
    const io = capture([], { expected: (error) => (error instanceof SiteMissing ? { exitCode: 1, lines: [] } : undefined) });
    await expect(
      runCommand(
        spec,
        () => {
          throw new TypeError('a bug of ours');
        },
        io.options,
      ),
    ).rejects.toThrow('a bug of ours');
    expect(io.err).toEqual([]);
  });

  it('everyError reports any failure by its message', async () => {
    const io = capture([], { expected: everyError });
    const code = await runCommand(spec, () => Promise.reject(new Error('Chromium not found')), io.options);
    expect(code).toBe(1);
    expect(io.err).toEqual(['demo: Chromium not found']);
  });
});
