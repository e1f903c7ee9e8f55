/**
 * Applying a read backup (doc/backup.ts `readBackup`) to a workspace's documents, shared by the app's restore
 * (client/src/app/backup.ts) and `haard import` (server/backup/import.ts), so both follow one set of rules:
 *
 *  - `restoreTargets`: what each document must become. Plans, meeting boards and tournaments take the target
 *    workspace's id; the workspace document comes last (its index cards never point at documents that are not
 *    there yet). An index card (`plans`, `meetings`, `tournaments` of the workspace) whose document is neither in
 *    the backup nor already in the target workspace is left out and listed in `leftOut` — restoring it would
 *    leave a dead card ("this plan does not exist") and hide the missing plan from the "no account plan"
 *    reminder. A version 1 backup (the workspace only) therefore keeps only the cards of documents the target has.
 *  - `applyBackupDocument`: make one loaded document equal to its target, as edits: created from the backup when
 *    the document has no meta yet (`writeDocument`, then the load path's migrations), otherwise made equal with
 *    `restoreBackup` (workspace: keeps its id, creation date and name) or `restoreDocument`. Only differences
 *    are written, so applying the same backup twice changes nothing the second time.
 *  - `prepareBackupRestore`: the whole restore over the documents as they are loaded (the app's live documents):
 *    a dry run on copies first (what it creates and changes per kind; every refusal with its path), then
 *    `apply()` writes the same edits into the documents themselves — all or nothing.
 */
import * as Y from 'yjs';
import { formatIssue, type SchemaIssue } from '../core/model/issues.ts';
import type { WorkspaceDoc } from '../core/model/workspace.ts';
import { BACKUP_DOC_KINDS, type BackupDocKind, type ReadBackup } from './backup.ts';
import { workspaceIntents } from './intents/workspace.ts';
import { isRecord } from './json.ts';
import { META, type DocKind } from './layout.ts';
import { loadDocument } from './migrate.ts';
import { IMPORT_ORIGIN, restoreDocument } from './restore.ts';
import { writeDocument } from './write.ts';

/** The workspace collection holding the index cards of each kind a backup carries. */
export const CARD_COLLECTION: Readonly<Record<BackupDocKind, 'plans' | 'meetings' | 'tournaments'>> = {
  plan: 'plans',
  meeting: 'meetings',
  tournament: 'tournaments',
};

/** One document a restore makes equal to `json` (a valid document of `kind` at this schema version). */
export interface RestoreTarget {
  kind: DocKind;
  /** The document id (for the workspace: the target workspace's id). */
  id: string;
  json: Record<string, unknown>;
}

export interface RestoreTargets {
  /** Plans, meeting boards and tournaments first (in BACKUP_DOC_KINDS order), the workspace last. */
  targets: RestoreTarget[];
  /** Index cards of the backup left out: their document is neither in the backup nor in the target. */
  leftOut: { kind: BackupDocKind; id: string; title: string }[];
}

/**
 * The documents restoring `read` into workspace `workspaceId` makes, in delivery order. `exists(kind, id)`:
 * whether the target workspace already holds that document (loaded, with its meta), so its card may stay.
 */
export function restoreTargets(
  read: Extract<ReadBackup, { ok: true }>,
  workspaceId: string,
  exists: (kind: BackupDocKind, id: string) => boolean,
): RestoreTargets {
  const targets: RestoreTarget[] = [];
  for (const kind of BACKUP_DOC_KINDS)
    for (const [id, json] of Object.entries(read.documents[kind]))
      targets.push({ kind, id, json: { ...(json as unknown as Record<string, unknown>), workspaceId } });
  const workspace: Record<string, unknown> = {
    ...(read.workspace as unknown as Record<string, unknown>),
    id: workspaceId,
  };
  const leftOut: RestoreTargets['leftOut'] = [];
  for (const kind of BACKUP_DOC_KINDS) {
    const key = CARD_COLLECTION[kind];
    const cards = workspace[key];
    if (!isRecord(cards)) continue;
    const kept: Record<string, unknown> = {};
    for (const [id, card] of Object.entries(cards)) {
      if (id in read.documents[kind] || exists(kind, id)) kept[id] = card;
      else leftOut.push({ kind, id, title: cardTitle(card) ?? id });
    }
    workspace[key] = kept;
  }
  targets.push({ kind: 'workspace', id: workspaceId, json: workspace });
  return { targets, leftOut };
}

const cardTitle = (card: unknown): string | null => {
  if (!isRecord(card)) return null;
  for (const key of ['title', 'name'] as const) if (typeof card[key] === 'string') return card[key];
  return null;
};

/** Whether a document holds content (its meta has an id): otherwise a restore creates it. */
export const hasDocument = (doc: Y.Doc): boolean => doc.getMap(META).get('id') !== undefined;

export type ApplyResult =
  | {
      ok: true;
      /** The document held nothing before and was created from the backup. */
      created: boolean;
      /** Something was written (false: it already equalled the backup). */
      changed: boolean;
    }
  | { ok: false; issues: SchemaIssue[] | null; message: { en: string; nl: string } };

/**
 * Makes the document `doc` of `kind` (its local state loaded) equal to `json` as edits with `origin` (the
 * app passes the tab's own origin, so the restore is that person's undoable step; `haard import` passes
 * IMPORT_ORIGIN). A refused document (not ready, from a newer version, wrong records) says why; when it held
 * content before, nothing of it is written. Check every document on a copy first for all-or-nothing.
 */
export function applyBackupDocument(
  kind: DocKind,
  doc: Y.Doc,
  json: Record<string, unknown>,
  origin: unknown = IMPORT_ORIGIN,
): ApplyResult {
  let changed = false;
  const onUpdate = () => (changed = true);
  doc.on('update', onUpdate);
  try {
    const created = !hasDocument(doc);
    if (created) {
      const written = writeDocument(kind, doc, json, origin);
      if (!written.ok) return refused(written.issues);
    }
    const load = loadDocument(kind, doc);
    if (load.status !== 'ready') return { ok: false, issues: null, message: load.reason };
    if (!created) {
      const restored =
        kind === 'workspace'
          ? workspaceIntents(doc, { origin, now: () => new Date().toISOString() }).restoreBackup(
              json as unknown as WorkspaceDoc,
            )
          : restoreDocument(kind, doc, json, origin);
      if (!restored.ok) return refused(restored.issues);
    }
    return { ok: true, created, changed };
  } finally {
    doc.off('update', onUpdate);
  }
}

const refused = (issues: SchemaIssue[]): ApplyResult => {
  const first = issues[0];
  return {
    ok: false,
    issues,
    message: first
      ? { en: formatIssue(first, 'en'), nl: formatIssue(first, 'nl') }
      : { en: 'the document cannot be restored', nl: 'het document kan niet worden teruggezet' },
  };
};

/** A loaded document a restore may write, and the origin its edits carry (the app: the tab's own, undoable). */
export interface LiveDoc {
  doc: Y.Doc;
  origin: unknown;
}

/** Per kind of document, what a restore does. */
export interface KindChange {
  /** Documents the restore creates. */
  added: number;
  /** Documents it changes. */
  changed: number;
  /** Documents that already equal the backup. */
  same: number;
  /** Index cards of the workspace the backup does not have: they leave the lists (their documents stay). */
  removed: number;
}

/** A refused document: its path in the file (`workspace`, `documents.plan.<id>`) and why. */
export interface Refusal {
  path: string;
  message: { en: string; nl: string };
}

export type PreparedBackupRestore =
  | {
      ok: true;
      documents: Record<BackupDocKind, KindChange>;
      /** The workspace document changes. */
      workspaceChanges: boolean;
      leftOut: RestoreTargets['leftOut'];
      /** Nothing would change. */
      same: boolean;
      /**
       * Checks again on copies (the documents may have changed since), then writes the edits into the documents,
       * the workspace last. Nothing is written when any document is refused. Returns the documents it changed.
       */
      apply(): { ok: true; changed: { kind: DocKind; id: string }[] } | { ok: false; refused: Refusal[] };
    }
  | { ok: false; refused: Refusal[] };

/**
 * Prepares restoring `read` into workspace `workspaceId`, whose documents `docOf` gives (loaded; the workspace
 * by kind 'workspace' and id `workspaceId`; a document that does not exist yet as an empty Y.Doc). Writes nothing.
 */
export function prepareBackupRestore(
  read: Extract<ReadBackup, { ok: true }>,
  workspaceId: string,
  docOf: (kind: DocKind, id: string) => LiveDoc,
): PreparedBackupRestore {
  const { targets, leftOut } = restoreTargets(read, workspaceId, (kind, id) =>
    hasDocument(docOf(kind, id).doc),
  );
  const pathOf = (t: RestoreTarget) => (t.kind === 'workspace' ? 'workspace' : `documents.${t.kind}.${t.id}`);

  const dryRun = () => {
    const outcomes: { kind: DocKind; id: string; created: boolean; changed: boolean }[] = [];
    const refused: Refusal[] = [];
    for (const target of targets) {
      const copy = new Y.Doc({ gc: false });
      try {
        Y.applyUpdate(copy, Y.encodeStateAsUpdate(docOf(target.kind, target.id).doc));
        const r = applyBackupDocument(target.kind, copy, target.json);
        if (r.ok) outcomes.push({ kind: target.kind, id: target.id, created: r.created, changed: r.changed });
        else refused.push({ path: pathOf(target), message: r.message });
      } finally {
        copy.destroy();
      }
    }
    return { outcomes, refused };
  };

  const first = dryRun();
  if (first.refused.length > 0) return { ok: false, refused: first.refused };
  const workspaceDoc = docOf('workspace', workspaceId).doc;
  const documents = Object.fromEntries(
    BACKUP_DOC_KINDS.map((kind) => {
      const mine = first.outcomes.filter((o) => o.kind === kind);
      const kept = targets.at(-1)!.json[CARD_COLLECTION[kind]] as Record<string, unknown> | undefined;
      let removed = 0;
      // A backup without the collection (older) keeps the workspace's cards (restoreBackup skips it).
      if (kept)
        workspaceDoc.getMap(CARD_COLLECTION[kind]).forEach((_card, id) => {
          if (!(id in kept)) removed++;
        });
      const change: KindChange = {
        added: mine.filter((o) => o.created).length,
        changed: mine.filter((o) => !o.created && o.changed).length,
        same: mine.filter((o) => !o.changed).length,
        removed,
      };
      return [kind, change];
    }),
  ) as Record<BackupDocKind, KindChange>;

  return {
    ok: true,
    documents,
    workspaceChanges: first.outcomes.some((o) => o.kind === 'workspace' && o.changed),
    leftOut,
    same: !first.outcomes.some((o) => o.changed),
    apply() {
      const check = dryRun();
      if (check.refused.length > 0) return { ok: false, refused: check.refused };
      const changed: { kind: DocKind; id: string }[] = [];
      for (const target of targets) {
        const live = docOf(target.kind, target.id);
        const r = applyBackupDocument(target.kind, live.doc, target.json, live.origin);
        // The copy of this very state passed a moment ago: a refusal here is a defect, reported, not hidden.
        if (!r.ok) return { ok: false, refused: [{ path: pathOf(target), message: r.message }] };
        if (r.changed) changed.push({ kind: target.kind, id: target.id });
      }
      return { ok: true, changed };
    },
  };
}
