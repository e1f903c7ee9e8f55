/**
 * The `haard` command line: a thin shell around pure functions in core/ (classify, validate-plan) and
 * the relay's token and server modules. Every failure is one line on standard error, never a stack trace.
 */
import { readFileSync } from 'node:fs';
import type { parseArgs } from 'node:util';
import type { Locale } from '../core/model/index.ts';
import { runClassify } from '../core/cli/classify.ts';
import { runValidatePlan } from '../core/cli/validatePlan.ts';
import { dateProblemText, isoDateProblem } from '../core/dates.ts';
import { parseCliArgs } from './cli/args.ts';
import { readJsonInput } from './cli/io.ts';
import { cliMessages, type CliMessages } from './cli/messages.ts';

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const stdio: Io = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  lang: { type: 'string' },
  today: { type: 'string' },
  workspace: { type: 'string' },
  role: { type: 'string' },
  days: { type: 'string' },
  expires: { type: 'string' },
  data: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  'build-if-missing': { type: 'boolean' },
  all: { type: 'boolean' },
  create: { type: 'boolean' },
  out: { type: 'string' },
  'history-days': { type: 'string' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/** Today's local calendar date as YYYY-MM-DD (the CLI may read the clock; core/ may not). */
const localToday = (): string => {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

export async function main(argv: string[], io: Io = stdio): Promise<number> {
  // --lang is read before anything else so that even argument errors speak the user's language.
  const langIndex = argv.indexOf('--lang');
  const langArg = langIndex >= 0 ? argv[langIndex + 1] : argv.find((a) => a.startsWith('--lang='))?.slice(7);
  const locale: Locale = langArg === 'nl' ? 'nl' : 'en';
  const t = cliMessages[locale];

  const parsed = parseCliArgs<Values>(argv, OPTIONS, t);
  if (!parsed.ok) {
    io.err(`haard: ${parsed.error}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.lang !== undefined && values.lang !== 'en' && values.lang !== 'nl') {
    io.err(`haard: ${t.badLang(values.lang)}`);
    return 2;
  }
  if (values.version) {
    io.out(packageVersion());
    return 0;
  }
  const [command, ...rest] = positionals;
  if (values.help || command === undefined || command === 'help') {
    io.out(t.usage);
    return 0;
  }
  try {
    return await runCommand(command, rest, values, locale, t, io);
  } catch (err) {
    // Expected failures are values; anything thrown is still reported as one line, never a stack trace.
    io.err(`haard: ${(err as Error).message.split('\n')[0]}`);
    return 2;
  }
}

async function runCommand(
  command: string,
  rest: string[],
  values: Values,
  locale: Locale,
  t: CliMessages,
  io: Io,
): Promise<number> {
  switch (command) {
    case 'classify':
      return classifyCommand(rest, locale, t, io);
    case 'validate-plan':
      return validatePlanCommand(rest, values, locale, t, io);
    case 'token': {
      const { tokenCommand } = await import('./cli/token.ts');
      return tokenCommand(values, locale, t, io);
    }
    case 'export': {
      if (rest.length > 0) return fail(io, t.tooManyFiles);
      const { exportCommand } = await import('./cli/backup.ts');
      return exportCommand(values, io);
    }
    case 'import': {
      const { importCommand } = await import('./cli/backup.ts');
      return importCommand(rest, values, io);
    }
    case 'serve': {
      const { serveCommand } = await import('./main.ts');
      return serveCommand(values, io);
    }
    default:
      io.err(`haard: ${t.unknownCommand(command)}`);
      return 2;
  }
}

async function classifyCommand(files: string[], locale: Locale, t: CliMessages, io: Io): Promise<number> {
  if (files.length > 1) return fail(io, t.tooManyFiles);
  const input = await readJsonInput(files[0], t, locale);
  if (!input.ok) return fail(io, input.error);
  const result = runClassify(input.value, { lang: locale });
  if (result.exitCode === 2 || !result.output) return fail(io, result.error ?? 'invalid input');
  io.out(JSON.stringify(result.output, null, 2));
  return result.exitCode;
}

async function validatePlanCommand(
  files: string[],
  values: Values,
  locale: Locale,
  t: CliMessages,
  io: Io,
): Promise<number> {
  if (files.length > 1) return fail(io, t.tooManyFiles);
  const today = values.today ?? localToday();
  const problem = isoDateProblem(today);
  if (problem === 'format') return fail(io, t.badToday(today));
  if (problem) return fail(io, t.badToday(today, dateProblemText(problem)[locale]));
  const input = await readJsonInput(files[0], t, locale);
  if (!input.ok) return fail(io, input.error);
  const result = runValidatePlan(input.value, { today, lang: locale });
  if (result.exitCode === 2 || !result.output) return fail(io, result.error ?? 'invalid input');
  io.out(JSON.stringify(result.output, null, 2));
  return result.exitCode;
}

function fail(io: Io, message: string): 2 {
  io.err(`haard: ${message}`);
  return 2;
}

export type { Io, Values };
