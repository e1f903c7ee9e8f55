/**
 * Import from JSON (a backup file, io/backup.ts): write into an empty Y.Doc, then take the same load path as every
 * other source (`loadDocument`: migrations), then check. Invalid records are imported and quarantined — the
 * data is kept, never silently dropped; the result says what was set aside.
 */
import type * as Y from 'yjs';
import { checkDocument, type QuarantineEntry } from './check.ts';
import { isRecord } from './json.ts';
import type { DocKind } from './layout.ts';
import { loadDocument, type LoadResult, type MigrateOptions } from './migrate.ts';
import { readDocument } from './read.ts';
import { fail, issue, ok, type Result } from './result.ts';
import { SEED_ORIGIN, writeDocument } from './write.ts';

export function importDocument(
  kind: DocKind,
  doc: Y.Doc,
  json: unknown,
  opts: MigrateOptions & { origin?: unknown } = {},
): Result<{ load: LoadResult; quarantine: QuarantineEntry[] }> {
  if (!isRecord(json) || typeof json.id !== 'string') {
    return fail([
      issue('', 'invalid_type', 'is not a Haard document (no id)', 'is geen Haard-document (geen id)'),
    ]);
  }
  const written = writeDocument(kind, doc, json, opts.origin ?? SEED_ORIGIN);
  if (!written.ok) return written;
  const load = loadDocument(kind, doc, opts);
  const quarantine = load.status === 'ready' ? checkDocument(kind, readDocument(kind, doc)).quarantine : [];
  return ok({ load, quarantine });
}
