/**
 * Restore a version as NEW edits (issue 9): the document is made equal to the version's content field by
 * field — records added, changed or removed, texts by a minimal text edit — in ONE transaction of the person
 * who restores (one step of their undo; colleagues receive ordinary edits). History is never rewound: the
 * versions and everything after stays, and restoring can itself be undone or restored away.
 *
 * The edits are doc/restore.ts `writeDocumentContent` (the same as `haard import`). Kept as they are now: the
 * document's id, createdAt and schema version, and the `versions` and `users` roots; `updatedAt` becomes now. The version's content is migrated to this client's schema and checked before
 * anything is written: a version that does not check is refused with the issues and nothing changes.
 */
import type * as Y from 'yjs';
import { checkDocument } from '../check.ts';
import { KNOWN_VERSION, type DocKind } from '../layout.ts';
import { loadDocument } from '../migrate.ts';
import { readDocument } from '../read.ts';
import { writeDocumentContent } from '../restore.ts';
import { fail, issue, ok, type Result } from '../result.ts';
import { commit, type IntentContext } from '../intents/common.ts';
import { getVersion, openVersion, versionJson, type DocVersion } from './versions.ts';

/**
 * The content of `version`, migrated to this client's schema and checked: what a restore writes.
 * Errors: the version cannot be opened, is from a newer schema, or does not pass the schema checks.
 */
export function restorableContent(
  kind: DocKind,
  doc: Y.Doc,
  version: DocVersion,
): Result<Record<string, unknown>> {
  const read = versionJson(kind, doc, version);
  if (!read.ok) return read;
  let json: Record<string, unknown> | null = read.value;
  if (read.value.schemaVersion !== KNOWN_VERSION[kind]) {
    // An older schema: migrate a copy of the document as it was (the migrations work on Y.Docs).
    const opened = openVersion(doc, version);
    if (!opened.ok) return opened;
    try {
      const load = loadDocument(kind, opened.value);
      if (load.status !== 'ready') return fail([issue('', 'unreadable', load.reason.en, load.reason.nl)]);
      json = readDocument(kind, opened.value);
    } finally {
      opened.value.destroy();
    }
  }
  const checked = checkDocument(kind, json);
  if (!checked.valid || checked.quarantine.length)
    return fail(
      checked.quarantine.length
        ? checked.quarantine.flatMap((q) => q.issues)
        : [
            issue(
              '',
              'invalid',
              'the version does not pass the checks',
              'de versie voldoet niet aan de controles',
            ),
          ],
    );
  return ok(checked.valid as unknown as Record<string, unknown>);
}

/**
 * Restore version `versionId` of `ctx.doc` as new edits, in ONE transaction with the user's origin (one undo
 * step), through the intents' guard (refused while loading or read-only). Errors: no such version, or
 * `restorableContent` refused it.
 */
export function restoreVersion(ctx: IntentContext, versionId: string): Result<undefined> {
  const version = getVersion(ctx.doc, versionId);
  if (!version)
    return fail([
      issue('', 'not_found', `version ${versionId} does not exist`, `versie ${versionId} bestaat niet`),
    ]);
  const content = restorableContent(ctx.kind, ctx.doc, version);
  if (!content.ok) return content;
  const kind = ctx.kind;
  if (kind === 'workspace')
    return fail([
      issue(
        '',
        'unsupported',
        'a workspace is restored from a backup, not from a version',
        'een werkruimte wordt teruggezet uit een back-up, niet uit een versie',
      ),
    ]);
  return commit(ctx, 'restoreVersion', () => {
    writeDocumentContent(kind, ctx.doc, content.value);
    return undefined;
  });
}
