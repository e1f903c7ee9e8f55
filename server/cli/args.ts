/**
 * Reading the command line: node:util's parseArgs, with the CLI's own messages (in the user's language, one
 * line) instead of Node's English ones, and with negative numbers taken as option values: `--days -3` means
 * `--days=-3` (then refused by the option's own check, as `--days=-3` is), where parseArgs calls it
 * "ambiguous".
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { CliMessages } from './messages.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

export type ParsedArgs<V> = { ok: true; values: V; positionals: string[] } | { ok: false; error: string };

/** A negative number such as `-3`, `-0.5`, `-1e3`: a value, never a short option. */
const NEGATIVE_NUMBER = /^-(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:e[+-]?\d+)?$/i;

/** `--opt -3` → `--opt=-3` for string options (anything after `--` stays as it is). */
function joinNegativeValues(argv: readonly string[], options: Options): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return [...out, ...argv.slice(i)];
    const next = argv[i + 1];
    const name = arg.startsWith('--') ? arg.slice(2) : undefined;
    if (name && options[name]?.type === 'string' && next !== undefined && NEGATIVE_NUMBER.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

/** `--anything`, or `-h` where `h` is a defined short option: an option, not a value. */
function isOptionLike(arg: string, options: Options): boolean {
  if (arg.startsWith('--')) return true;
  return arg.length === 2 && arg[0] === '-' && Object.values(options).some((o) => o.short === arg[1]);
}

/**
 * Parses `argv` against `options` (positionals allowed). Errors, in `t`'s language: an unknown option, a
 * string option without a value (none, or the next argument is an option), a boolean option given one. A
 * value may start with one dash (`--workspace -Xy3` is the workspace `-Xy3`).
 */
export function parseCliArgs<V>(argv: readonly string[], options: Options, t: CliMessages): ParsedArgs<V> {
  const { values, positionals, tokens } = parseArgs({
    args: joinNegativeValues(argv, options),
    options,
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const option = options[token.name];
    if (option === undefined) return { ok: false, error: t.unknownOption(token.rawName) };
    // Lenient parseArgs takes the next argument as the value even when it is an option (`--workspace --role`).
    // An id may start with a dash (ids use the base64url alphabet), so only what reads as an option is refused.
    const missing =
      token.value === undefined || (token.inlineValue === false && isOptionLike(token.value, options));
    if (option.type === 'string' && missing) return { ok: false, error: t.optionNeedsValue(token.rawName) };
    if (option.type === 'boolean' && token.value !== undefined)
      return { ok: false, error: t.optionTakesNoValue(token.rawName) };
  }
  return { ok: true, values: values as V, positionals };
}
