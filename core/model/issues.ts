/**
 * Schema results as values. zod/mini carries no messages of its own ("Invalid input"), so this module
 * turns its issues into short, specific sentences in English and Dutch, with a dotted path
 * (`relations.r1.revenue`). Never throws.
 */
import type * as z from 'zod/mini';
import type { Locale } from './common.ts';

export interface SchemaIssue {
  /** Dotted path of the field, e.g. `actions.a1.ownerId`; empty for the document itself. */
  path: string;
  code: string;
  /** English sentence fragment, e.g. "must be at most 4". */
  message: string;
  /** The same fragment per locale. */
  text: Record<Locale, string>;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; issues: SchemaIssue[] };

type RawIssue = z.core.$ZodIssue;

const TYPE_EN: Record<string, string> = {
  int: 'a whole number',
  record: 'an object',
  nan: 'a number',
};

const TYPE_NL: Record<string, string> = {
  string: 'tekst',
  number: 'getal',
  int: 'geheel getal',
  boolean: 'ja/nee-waarde',
  object: 'object',
  array: 'lijst',
  null: 'null',
  record: 'object',
};

const listOf = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v)).join(', ');

function describe(issue: RawIssue): Record<Locale, string> {
  const both = (en: string, nl: string) => ({ en, nl });
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? both('is required', 'is verplicht')
        : both(
            `must be ${TYPE_EN[issue.expected] ?? article(issue.expected)}`,
            `moet een ${TYPE_NL[issue.expected] ?? issue.expected} zijn`,
          );
    case 'too_small': {
      const n = issue.minimum;
      if (issue.origin === 'string')
        return n === 1
          ? both('must not be empty', 'mag niet leeg zijn')
          : both(`must have at least ${n} characters`, `moet minstens ${n} tekens hebben`);
      if (issue.origin === 'array' || issue.origin === 'set')
        return both(`must have at least ${n} item(s)`, `moet minstens ${n} element(en) hebben`);
      return issue.inclusive
        ? both(`must be at least ${n}`, `moet minstens ${n} zijn`)
        : both(`must be greater than ${n}`, `moet groter zijn dan ${n}`);
    }
    case 'too_big': {
      const n = issue.maximum;
      if (issue.origin === 'string')
        return both(`must have at most ${n} characters`, `mag hoogstens ${n} tekens hebben`);
      if (issue.origin === 'array' || issue.origin === 'set')
        return both(`must have at most ${n} item(s)`, `mag hoogstens ${n} element(en) hebben`);
      return issue.inclusive
        ? both(`must be at most ${n}`, `mag hoogstens ${n} zijn`)
        : both(`must be less than ${n}`, `moet kleiner zijn dan ${n}`);
    }
    case 'invalid_value':
      return both(`must be one of ${listOf(issue.values)}`, `moet een van ${listOf(issue.values)} zijn`);
    case 'invalid_format':
      if (issue.format === 'date')
        return issue.pattern === 'YYYY-MM-DD|MM-DD'
          ? both('must be a date as YYYY-MM-DD or MM-DD', 'moet een datum als JJJJ-MM-DD of MM-DD zijn')
          : both('must be a date as YYYY-MM-DD', 'moet een datum als JJJJ-MM-DD zijn');
      if (issue.format === 'datetime')
        return both('must be a date and time in ISO 8601', 'moet een datum en tijd in ISO 8601 zijn');
      return both(`must match the format ${issue.format}`, `moet het formaat ${issue.format} hebben`);
    case 'not_multiple_of':
      return both(`must be a multiple of ${issue.divisor}`, `moet een veelvoud van ${issue.divisor} zijn`);
    case 'unrecognized_keys':
      return both(
        `has unknown field(s) ${issue.keys.join(', ')}`,
        `heeft onbekende velden ${issue.keys.join(', ')}`,
      );
    case 'invalid_key':
      return both('has an invalid key', 'heeft een ongeldige sleutel');
    case 'invalid_union':
      return both('does not match any allowed shape', 'past bij geen enkele toegestane vorm');
    case 'invalid_element':
      return both('has an invalid element', 'heeft een ongeldig element');
    case 'custom':
      if (isTexts(issue.params?.text)) return issue.params.text;
      return issue.message && issue.message !== 'Invalid input'
        ? both(issue.message, issue.message)
        : both('is invalid', 'is ongeldig');
    default:
      return both('is invalid', 'is ongeldig');
  }
}

const isTexts = (v: unknown): v is Record<Locale, string> =>
  typeof v === 'object' && v !== null && typeof (v as Record<string, unknown>).en === 'string';

const article = (t: string) => (/^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`);

export const issuePath = (path: readonly PropertyKey[]): string => path.map((p) => String(p)).join('.');

export const toSchemaIssues = (issues: readonly RawIssue[]): SchemaIssue[] =>
  issues.map((issue) => {
    const text = describe(issue);
    return { path: issuePath(issue.path), code: issue.code, message: text.en, text };
  });

/** Parse `input` with `schema`; never throws. */
export function parseWith<S extends z.ZodMiniType>(schema: S, input: unknown): Parsed<z.infer<S>> {
  // reportInput: without it zod leaves `input` out and every wrong type would read as "is required".
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return { ok: true, value: result.data as z.infer<S> };
  return { ok: false, issues: toSchemaIssues(result.error.issues) };
}

/** One line for people: `relations.r1.revenue must be at least 0`. */
export const formatIssue = (issue: SchemaIssue, locale: Locale = 'en'): string => {
  const text = issue.text[locale];
  return issue.path ? `${issue.path} ${text}` : text;
};
