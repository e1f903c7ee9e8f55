/**
 * Building blocks shared by every schema in Haard. `zod/mini` keeps the browser bundle small
 * (~3 kB gzip instead of ~19 kB for full zod); its API is functional: `z.optional(x)`, `x.check(...)`.
 */
import * as z from 'zod/mini';

/** A record id: non-empty, at most 200 characters. Ids are created by clients (nanoid-like), never by the relay. */
export const Id = z.string().check(z.minLength(1), z.maxLength(200));
/** A calendar date, `YYYY-MM-DD`. */
export const IsoDate = z.iso.date();
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
  workspace: 1,
  plan: 1,
  meeting: 1,
  tournament: 1,
} as const;
export type DocKind = keyof typeof SCHEMA_VERSION;

/** A collection keyed by record id (mirrors a Y.Map of Y.Maps, so concurrent edits to different records merge). */
export const collection = <T extends z.ZodMiniType>(item: T) => z.record(Id, item);
