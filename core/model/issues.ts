/**
 * Schema results as values. zod/mini carries no English messages ("Invalid input"), so this module turns
 * its issues into short, specific, English sentences with a dotted path (`relations.r1.revenue`). The UI
 * translates by `code` where it shows them; the CLI prints them as they are.
 */
import type * as z from 'zod/mini';

export interface SchemaIssue {
  /** Dotted path of the field, e.g. `actions.a1.ownerId`; empty for the document itself. */
  path: string;
  code: string;
  message: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; issues: SchemaIssue[] };

type RawIssue = z.core.$ZodIssue;

const describe = (issue: RawIssue): string => {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'is required' : `must be ${article(issue.expected)}`;
    case 'too_small':
      if (issue.origin === 'string')
        return issue.minimum === 1 ? 'must not be empty' : `must have at least ${issue.minimum} characters`;
      if (issue.origin === 'array' || issue.origin === 'set')
        return `must have at least ${issue.minimum} item(s)`;
      return `must be ${issue.inclusive ? 'at least' : 'greater than'} ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return `must have at most ${issue.maximum} characters`;
      if (issue.origin === 'array' || issue.origin === 'set')
        return `must have at most ${issue.maximum} item(s)`;
      return `must be ${issue.inclusive ? 'at most' : 'less than'} ${issue.maximum}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_format':
      if (issue.format === 'date') return 'must be a date as YYYY-MM-DD';
      if (issue.format === 'datetime') return 'must be a date and time in ISO 8601';
      return `must match the format ${issue.format}`;
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor}`;
    case 'unrecognized_keys':
      return `has unknown field(s) ${issue.keys.join(', ')}`;
    case 'invalid_key':
      return 'has an invalid key';
    case 'invalid_union':
      return 'does not match any allowed shape';
    case 'invalid_element':
      return 'has an invalid element';
    case 'custom':
      return issue.message && issue.message !== 'Invalid input' ? issue.message : 'is invalid';
    default:
      return 'is invalid';
  }
};

const article = (t: string) => (/^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`);

export const issuePath = (path: readonly PropertyKey[]): string => path.map((p) => String(p)).join('.');

export const toSchemaIssues = (issues: readonly RawIssue[]): SchemaIssue[] =>
  issues.map((issue) => ({ path: issuePath(issue.path), code: issue.code, message: describe(issue) }));

/** Parse `input` with `schema`; never throws. */
export function parseWith<S extends z.ZodMiniType>(schema: S, input: unknown): Parsed<z.infer<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data as z.infer<S> };
  return { ok: false, issues: toSchemaIssues(result.error.issues) };
}

/** One line for people: `relations.r1.revenue must be at least 0`. */
export const formatIssue = (issue: SchemaIssue): string =>
  issue.path ? `${issue.path} ${issue.message}` : issue.message;
