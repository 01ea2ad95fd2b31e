/**
 * A small command-line parser over node:util's parseArgs: flags are declared as
 * data, unknown flags and bad values become a `UsageError` with a clear message
 * (the entry point prints it and exits 2).
 */
import { parseArgs } from 'node:util';
import { didYouMean } from '../util/nearest.ts';

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

/** A negative number such as `-5`: a value (for the flag's own check to judge), never an option. */
const NEGATIVE_NUMBER = /^-\d/;

/**
 * `--break -5` becomes `--break=-5`: node:util's parseArgs would call the value
 * "ambiguous" (it might be an option), hiding what is actually wrong with it.
 */
function attachNegativeValues(spec: CommandSpec, argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      out.push(...argv.slice(i));
      break;
    }
    const name = arg.startsWith('--')
      ? arg.slice(2)
      : Object.keys(spec.flags).find((key) => spec.flags[key]?.short && arg === `-${spec.flags[key].short}`);
    const next = argv[i + 1];
    if (name && spec.flags[name]?.type === 'string' && next !== undefined && NEGATIVE_NUMBER.test(next)) {
      out.push(`--${name}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

/** Parses argv against the spec; throws UsageError on anything unknown or invalid. */
export function parseCommand(spec: CommandSpec, argv: readonly string[]): { flags: ParsedFlags; positionals: string[] } {
  const options = Object.fromEntries(
    Object.entries(spec.flags).map(([name, flag]) => [name, { type: flag.type, ...(flag.short && { short: flag.short }) }]),
  );
  const args = attachNegativeValues(spec, argv);
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message;
    const unknown = /Unknown option '(--?[\w-]+)'/.exec(message)?.[1];
    if (unknown) {
      throw new UsageError(
        `unknown option ${unknown}.${didYouMean(unknown.replace(/^-+/, ''), Object.keys(spec.flags)).replace(/`(\w[\w-]*)`/g, '`--$1`')} Run with --help for the list.`,
      );
    }
    const ambiguous = /Option '(-[\w-]+)' argument is ambiguous/.exec(message)?.[1];
    if (ambiguous) {
      const next = args[args.indexOf(ambiguous) + 1] ?? '';
      throw new UsageError(
        `${ambiguous} needs a value, but the next argument, "${next}", looks like an option. Give the value right after ${ambiguous}; if it really starts with "-", write ${ambiguous}=${next}.`,
      );
    }
    const missing = /Option '(-[\w-]+)(?:, (--[\w-]+))? <value>' argument missing/.exec(message);
    if (missing) {
      const name = (missing[2] ?? missing[1] ?? '').replace(/^-+/, '');
      const placeholder = spec.flags[name]?.value;
      throw new UsageError(`--${name} needs a value${placeholder ? ` (${placeholder})` : ''}. Run with --help for what it takes.`);
    }
    throw new UsageError(message.replace(/^TypeError \[[A-Z_]+\]: /, ''));
  }
  const flags: ParsedFlags = {};
  for (const [name, flag] of Object.entries(spec.flags)) {
    const given = parsed.values[name];
    // `--out ''` would mean the current folder, `--play ''` every play: an empty value is always a mistake.
    if (given === '') {
      throw new UsageError(
        `--${name} is empty; give ${flag.value ? `a value (${flag.value})` : 'a value'}, or leave --${name} out. Run with --help for what it takes.`,
      );
    }
    const value = given ?? flag.default;
    if (flag.choices && typeof value === 'string' && !flag.choices.includes(value)) {
      throw new UsageError(`--${name} must be one of ${flag.choices.join(', ')}; got "${value}".`);
    }
    flags[name] = value;
  }
  return { flags, positionals: parsed.positionals };
}
