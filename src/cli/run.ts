/**
 * The conventions every command of the project keeps, in one place: `--help`
 * prints the help and succeeds; a usage error prints one line and exits 2,
 * before anything is written; an error the command expects (a site not built
 * yet, a file that cannot be written) prints one line and its own exit code; any
 * other error is a crash and keeps its stack.
 */
import { helpText, parseCommand, UsageError, type CommandSpec, type ParsedFlags } from './args.ts';

export interface ParsedCommand {
  flags: ParsedFlags;
  positionals: string[];
}

/** What an expected error prints (one or more lines after the command's name) and the exit code it ends with. */
export interface ReportedError {
  exitCode: number;
  lines: string[];
}

export interface RunOptions {
  /** The arguments, already split; `process.argv.slice(2)` by default. */
  argv?: readonly string[];
  /** Recognises the errors the command expects; anything it returns undefined for is rethrown. */
  expected?: (error: unknown) => ReportedError | undefined;
  out?: (line: string) => void;
  err?: (line: string) => void;
}

/** Every error reported by its message alone: for tools (benchmarks, audits) whose failures are never crashes of ours. */
export const everyError = (error: unknown): ReportedError => ({
  exitCode: 1,
  lines: [error instanceof Error ? error.message : String(error)],
});

/**
 * Parses the arguments, runs `main` and returns the exit code: what `main`
 * returns (0 when it returns nothing), 0 for `--help`, 2 for a usage error, or
 * the expected error's code. Usage: `process.exitCode = await runCommand(spec, main)`.
 */
export async function runCommand(
  spec: CommandSpec,
  main: (command: ParsedCommand) => number | void | Promise<number | void>,
  options: RunOptions = {},
): Promise<number> {
  const { argv = process.argv.slice(2), out = console.log, err = console.error } = options;
  try {
    const parsed = parseCommand(spec, argv);
    if (parsed.flags.help === true) {
      out(helpText(spec));
      return 0;
    }
    return (await main(parsed)) ?? 0;
  } catch (error) {
    const reported: ReportedError | undefined =
      error instanceof UsageError ? { exitCode: 2, lines: [error.message] } : options.expected?.(error);
    if (!reported) throw error;
    for (const line of reported.lines) err(`${spec.name}: ${line}`);
    return reported.exitCode;
  }
}
