/**
 * Building blocks shared by every schema in Haard. `zod/mini` keeps the browser bundle small
 * (~3 kB gzip instead of ~19 kB for full zod); its API is functional: `z.optional(x)`, `x.check(...)`.
 */
import * as z from 'zod/mini';
import { birthdayProblem, dateProblemText, isoDateProblem, type DateProblem } from '../dates.ts';

/** A record id: non-empty, at most 200 characters. Ids are created by clients (nanoid-like), never by the relay. */
export const Id = z.string().check(z.minLength(1), z.maxLength(200));
/**
 * A check that a string is a real calendar date by `problemOf`. A wrong shape is an `invalid_format`
 * issue (format `date`); an impossible date a `custom` issue whose params carry the sentence in both
 * languages ("is not a real date: 31 February does not exist"), which `toSchemaIssues` uses.
 */
const realDate = (problemOf: (s: string) => DateProblem | 'format' | null, pattern: string) =>
  z.superRefine<string>((value, ctx) => {
    const problem = problemOf(value);
    if (problem === null) return;
    if (problem === 'format') ctx.addIssue({ code: 'invalid_format', format: 'date', pattern, input: value });
    else {
      const why = dateProblemText(problem);
      const text = { en: `is not a real date: ${why.en}`, nl: `is geen bestaande datum: ${why.nl}` };
      ctx.addIssue({ code: 'custom', input: value, params: { text } });
    }
  });

/** A real calendar date, `YYYY-MM-DD` (2024-02-29 yes, 2023-02-29 and 1991-02-31 no). */
export const IsoDate = z.string().check(realDate(isoDateProblem, 'YYYY-MM-DD'));
/** A birthday: `YYYY-MM-DD`, or `MM-DD` without a year (then 02-29 is fine); always a real date. */
export const Birthday = z.string().check(realDate(birthdayProblem, 'YYYY-MM-DD|MM-DD'));
/** A moment, ISO 8601 with offset or `Z`. */
export const IsoDateTime = z.iso.datetime({ offset: true });
/** Free text a person types: bounded so that a peer cannot grow one field without limit. */
export const Text = z.string().check(z.maxLength(100_000));
/** A short label (a name, a title). */
export const Label = z.string().check(z.maxLength(500));
/** A finite amount of money or revenue, ≥ 0. */
export const Money = z.number().check(z.gte(0), z.refine(Number.isFinite, { message: 'must be finite' }));

export const Locale = z.enum(['nl', 'en']);
export type Locale = z.infer<typeof Locale>;

/**
 * Every persisted document kind carries its schema version. Bump it together with a named migration in
 * the client's migration table — never change a validator without one.
 */
export const SCHEMA_VERSION = {
  workspace: 3,
  plan: 1,
  meeting: 1,
  tournament: 1,
} as const;
export type DocKind = keyof typeof SCHEMA_VERSION;

/** A collection keyed by record id (mirrors a Y.Map of Y.Maps, so concurrent edits to different records merge). */
export const collection = <T extends z.ZodMiniType>(item: T) => z.record(Id, item);
