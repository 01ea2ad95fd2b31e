/**
 * A small command-line parser over node:util's parseArgs: flags are declared as
 * data, unknown flags and bad values become a `UsageError` with a clear message
 * (the entry point prints it and exits 2).
 */
import { parseArgs } from 'node:util';
import { didYouMean } from '../lib/nearest.ts';

export interface FlagSpec {
  type: 'string' | 'boolean';
  description: string;
  /** Allowed values for a string flag. */
  choices?: readonly string[];
  default?: string | boolean;
  short?: string;
  /** Placeholder shown in help, e.g. `DIR`. */
  value?: string;
}

export interface CommandSpec {
  name: string;
  summary: string;
  usage: string;
  flags: Record<string, FlagSpec>;
  examples?: string[];
}

export class UsageError extends Error {
  override name = 'UsageError';
}

export function helpText(spec: CommandSpec): string {
  const rows = Object.entries(spec.flags).map(([name, flag]) => {
    const left = `  ${flag.short ? `-${flag.short}, ` : ''}--${name}${flag.type === 'string' ? ` ${flag.value ?? (flag.choices ? flag.choices.join('|') : 'VALUE')}` : ''}`;
    const extra = flag.default !== undefined && flag.default !== false ? ` (default: ${String(flag.default)})` : '';
    return `${left.padEnd(34)} ${flag.description}${extra}`;
  });
  const examples = spec.examples?.length ? `\n\nExamples:\n${spec.examples.map((e) => `  ${e}`).join('\n')}` : '';
  return `${spec.summary}\n\nUsage: ${spec.usage}\n\nOptions:\n${rows.join('\n')}${examples}`;
}

export type ParsedFlags = Record<string, string | boolean | undefined>;

/** Parses argv against the spec; throws UsageError on anything unknown or invalid. */
export function parseCommand(spec: CommandSpec, argv: readonly string[]): { flags: ParsedFlags; positionals: string[] } {
  const options = Object.fromEntries(
    Object.entries(spec.flags).map(([name, flag]) => [name, { type: flag.type, ...(flag.short && { short: flag.short }) }]),
  );
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message;
    const unknown = /Unknown option '(--?[\w-]+)'/.exec(message)?.[1];
    if (unknown) {
      throw new UsageError(`unknown option ${unknown}.${didYouMean(unknown.replace(/^-+/, ''), Object.keys(spec.flags)).replace(/`(\w[\w-]*)`/g, '`--$1`')} Run with --help for the list.`);
    }
    throw new UsageError(message.replace(/^TypeError \[[A-Z_]+\]: /, ''));
  }
  const flags: ParsedFlags = {};
  for (const [name, flag] of Object.entries(spec.flags)) {
    const value = (parsed.values as ParsedFlags)[name] ?? flag.default;
    if (flag.choices && typeof value === 'string' && !flag.choices.includes(value)) {
      throw new UsageError(`--${name} must be one of ${flag.choices.join(', ')}; got "${value}".`);
    }
    flags[name] = value;
  }
  return { flags, positionals: parsed.positionals };
}
