/**
 * Errors as values: every intent returns a `Result`. The shape is core's `Parsed<T>`, so a schema
 * failure and a domain refusal (not found, read-only) look the same to the UI.
 */
import type { Locale } from '../core/model/common.ts';
import type { Parsed, SchemaIssue } from '../core/model/issues.ts';

export type Result<T = undefined> = Parsed<T>;

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(issues: SchemaIssue[]): Result<T> => ({ ok: false, issues });

/** Stable codes of refusals that are not schema issues (the UI translates by code). */
export const REFUSAL = {
  notFound: 'not_found',
  readOnly: 'read_only',
  notReady: 'not_ready',
  invalidMove: 'invalid_move',
  /** The document is deleted (a plan's `deletedAt`): read-only until it is restored. */
  deleted: 'deleted',
} as const;

export const notFound = (path: string, what: string): SchemaIssue =>
  issue(
    path,
    REFUSAL.notFound,
    `${what} does not exist (it may have been removed by someone else)`,
    `${what} bestaat niet (misschien heeft iemand anders het verwijderd)`,
  );

export const prefixIssues = (prefix: string, issues: readonly SchemaIssue[]): SchemaIssue[] =>
  issues.map((i) => ({ ...i, path: i.path ? (prefix ? `${prefix}.${i.path}` : i.path) : prefix }));

/** A sentence in every UI language. */
export type LocalText = Record<Locale, string>;

/** An issue that is not from zod: the same shape as a schema issue, with its English and Dutch text. */
export const issue = (path: string, code: string, en: string, nl: string): SchemaIssue => ({
  path,
  code,
  message: en,
  text: { en, nl },
});

export const issueFrom = (path: string, code: string, text: LocalText): SchemaIssue =>
  issue(path, code, text.en, text.nl);
