/**
 * "What changed since …" for a Yjs document (issue 9): the pure diff of core/history between the JSON of a
 * version and the JSON of another version or of now, with who and when from the document's items
 * (attribute.ts). Plans get `diffPlan`, workspaces `diffWorkspace` (relations, contacts, scores).
 */
import type * as Y from 'yjs';
import { diffPlan, diffWorkspace, type Change } from '../../core/history/index.ts';
import type { DocKind } from '../layout.ts';
import { readDocument } from '../read.ts';
import { fail, issue, ok, type Result } from '../result.ts';
import { createAttribute } from './attribute.ts';
import { readVersions, versionJson, versionSnapshot, type DocVersion } from './versions.ts';

export type HistoryKind = Extract<DocKind, 'plan' | 'workspace'>;

/**
 * The changes of `doc` from version `from` to version `to` (null: to now), attributed. Errors: a version
 * cannot be opened (the document garbage collects, a damaged snapshot), or the document is not loaded.
 */
export function changesBetween(
  kind: HistoryKind,
  doc: Y.Doc,
  from: DocVersion,
  to: DocVersion | null,
): Result<Change[]> {
  const before = versionJson(kind, doc, from);
  if (!before.ok) return before;
  let after: Record<string, unknown> | null;
  if (to) {
    const read = versionJson(kind, doc, to);
    if (!read.ok) return read;
    after = read.value;
  } else after = readDocument(kind, doc);
  if (!after)
    return fail([
      issue('', 'uninitialised', 'the document has not loaded yet', 'het document is nog niet geladen'),
    ]);
  const attribute = createAttribute(kind, doc, {
    from: versionSnapshot(from),
    to: to ? versionSnapshot(to) : null,
    versions: readVersions(doc),
  });
  const diff = kind === 'plan' ? diffPlan : diffWorkspace;
  return ok(diff(before.value, after, attribute));
}
