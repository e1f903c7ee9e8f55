/**
 * The app's backup of a whole workspace — the workspace document and every plan, meeting board and tournament
 * it indexes — and restoring one, in the format `haard export` / `haard import` use (doc/backup.ts, version 2).
 *
 * Download (`collectBackup`): each indexed document is brought up to date with the relay when the workspace is
 * online (registry `prefetch`), then read from this device (IndexedDB). A document this device does not hold
 * (never fetched, and offline now) cannot be in the file: it is listed in `missing`, never silently left out.
 *
 * Restore (`prepareRestore` → `applyRestore`): the file is read and checked (`readBackup`), every document it
 * restores is opened (fetched first when online), and the restore runs on a copy of each (a dry run: the preview
 * counts what it creates and changes, and any refusal is found before anything is written). Applying writes
 * the same edits into the local documents with this tab's origin — offline-first, they sync — the workspace
 * last (doc/backupApply.ts). All or nothing: if any document is refused, nothing is written. An index card of
 * the backup whose document is neither in the file nor in this workspace is left out (`leftOut`).
 */
import {
  BACKUP_DOC_KINDS,
  emptyDocuments,
  makeBackup,
  type Backup,
  type BackupDocKind,
  type ReadBackup,
} from '../../../doc/backup.ts';
import {
  CARD_COLLECTION,
  hasDocument,
  prepareBackupRestore,
  type PreparedBackupRestore,
  type Refusal,
} from '../../../doc/backupApply.ts';
import type { DocKind } from '../../../protocol/index.ts';
import type { DocHandle } from './docs.ts';
import type { WorkspaceSession } from './session.ts';

/** How long a document may take to sync before a backup or restore goes on with what the device holds, ms. */
const FETCH_TIMEOUT_MS = 10_000;

/** A document named by its kind, id and the title on its card. */
export interface DocRef {
  kind: BackupDocKind;
  id: string;
  title: string;
}

export interface CollectedBackup {
  backup: Backup;
  /** Documents in the file, by kind. */
  counts: Record<BackupDocKind, number>;
  /** Indexed documents this device does not hold: not in the file. */
  missing: DocRef[];
  /**
   * Documents with records that fail the schema (set aside when they arrived): those records are not in the
   * file. `kind` 'workspace' for the workspace's own.
   */
  setAside: { kind: DocKind; title: string; records: number }[];
}

type Cards = Record<string, { title?: string }> | undefined;

/** The index cards of the workspace's data, by kind (deleted ones too: a backup keeps them). */
function indexed(data: Record<string, unknown> | null): DocRef[] {
  const refs: DocRef[] = [];
  for (const kind of BACKUP_DOC_KINDS)
    for (const [id, card] of Object.entries((data?.[CARD_COLLECTION[kind]] as Cards) ?? {}))
      refs.push({ kind, id, title: card.title ?? id });
  return refs;
}

/**
 * Opens `refs` in the background (by `kind/id`), synced with the relay first when the workspace is online;
 * resolves once each has loaded. `unsynced`: the keys that did not sync (all of them when offline) — what this
 * device holds of those may be behind, or nothing though the relay has them.
 */
async function openAll(
  session: WorkspaceSession,
  refs: readonly { kind: DocKind; id: string }[],
): Promise<{ handles: Map<string, DocHandle<DocKind>>; unsynced: Set<string> }> {
  const online = session.connection().phase === 'synced';
  const unsynced = new Set<string>(online ? [] : refs.map((r) => `${r.kind}/${r.id}`));
  if (online)
    for (const kind of BACKUP_DOC_KINDS) {
      const ids = [...new Set(refs.filter((r) => r.kind === kind).map((r) => r.id))];
      if (ids.length === 0) continue;
      const fetched = await session.docs.prefetch(kind, ids, { timeoutMs: FETCH_TIMEOUT_MS });
      fetched.failed.forEach((id) => unsynced.add(`${kind}/${id}`));
    }
  const handles = new Map<string, DocHandle<DocKind>>();
  for (const r of refs) {
    const key = `${r.kind}/${r.id}`;
    if (!handles.has(key)) handles.set(key, session.docs.open(r.kind, r.id, { background: true }));
  }
  await Promise.all([...handles.values()].map((h) => h.ready));
  return { handles, unsynced };
}

/** The workspace's backup: its document and every document it indexes that this device holds. */
export async function collectBackup(session: WorkspaceSession, exportedAt: string): Promise<CollectedBackup> {
  const workspace = session.store.plain().data as unknown as Record<string, unknown> | null;
  if (!workspace) throw new Error('the workspace is not loaded');
  const refs = indexed(workspace);
  const { handles } = await openAll(session, refs);
  try {
    const documents = emptyDocuments();
    const counts: Record<BackupDocKind, number> = { plan: 0, meeting: 0, tournament: 0 };
    const missing: DocRef[] = [];
    const setAside: CollectedBackup['setAside'] = [];
    for (const ref of refs) {
      const view = handles.get(`${ref.kind}/${ref.id}`)!.store.plain();
      if (!view.data) {
        missing.push(ref);
        continue;
      }
      documents[ref.kind][ref.id] = view.data as unknown as Record<string, unknown>;
      counts[ref.kind]++;
      if (view.quarantine.length > 0)
        setAside.push({ kind: ref.kind, title: ref.title, records: view.quarantine.length });
    }
    // The workspace as it is now (prefetching took a moment), its own set-aside records counted too.
    const now = session.store.plain();
    if (now.quarantine.length > 0)
      setAside.push({ kind: 'workspace', title: '', records: now.quarantine.length });
    const backup = makeBackup(
      (now.data ?? workspace) as unknown as Record<string, unknown>,
      exportedAt,
      documents,
    );
    return { backup, counts, missing, setAside };
  } finally {
    handles.forEach((h) => h.release());
  }
}

export type PreparedRestore =
  | (Omit<Extract<PreparedBackupRestore, { ok: true }>, 'apply'> & {
      /** Writes the restore (all or nothing); `undo` reverts it. */
      apply(): RestoreResult;
      /** Undoes an applied restore in every document it changed (each document's own undo), workspace first. */
      undo(): void;
      /** Gives the documents back (call when the panel forgets this restore). */
      release(): void;
    })
  | { ok: false; refused: Refusal[] };

export type RestoreResult = { ok: true } | { ok: false; message: { en: string; nl: string } };

/**
 * Opens every document restoring `read` touches (fetched first when online) and dry-runs the restore on copies
 * of them (doc/backupApply.ts `prepareBackupRestore`). Nothing is written here.
 */
export async function prepareRestore(
  session: WorkspaceSession,
  read: Extract<ReadBackup, { ok: true }>,
): Promise<PreparedRestore> {
  const current = indexed(session.store.plain().data as unknown as Record<string, unknown> | null);
  const wanted: DocRef[] = [
    ...BACKUP_DOC_KINDS.flatMap((kind) =>
      Object.keys(read.documents[kind]).map((id) => ({ kind, id, title: id })),
    ),
    ...indexed(read.workspace as unknown as Record<string, unknown>),
  ];
  const { handles, unsynced } = await openAll(session, wanted);
  const release = () => handles.forEach((h) => h.release());
  const handleOf = (kind: DocKind, id: string): Pick<DocHandle<DocKind>, 'binding' | 'store'> =>
    kind === 'workspace' ? session : handles.get(`${kind}/${id}`)!;

  // A document this workspace indexes now that this device does not hold and could not fetch (offline):
  // creating it here would make a second copy that collides with the relay's when it syncs. Refused. (One the
  // relay answered for and does not have either — a card without its plan — is created from the backup.)
  const unfetched = current.filter((r) => {
    const key = `${r.kind}/${r.id}`;
    const h = handles.get(key);
    return h !== undefined && unsynced.has(key) && !hasDocument(h.binding.doc);
  });
  if (unfetched.length > 0) {
    release();
    return {
      ok: false,
      refused: unfetched.map((r) => ({
        path: `documents.${r.kind}.${r.id}`,
        message: {
          en: `‘${r.title}’ is not on this device yet; connect to the internet and try again`,
          nl: `‘${r.title}’ staat nog niet op dit apparaat; maak verbinding met internet en probeer het opnieuw`,
        },
      })),
    };
  }

  const prepared = prepareBackupRestore(read, session.invite.workspaceId, (kind, id) => {
    const { binding } = handleOf(kind, id);
    return { doc: binding.doc, origin: binding.origin };
  });
  if (!prepared.ok) {
    release();
    return prepared;
  }
  let applied: { kind: DocKind; id: string }[] = [];
  return {
    ...prepared,
    apply() {
      const result = prepared.apply();
      if (!result.ok) return { ok: false, message: result.refused[0]!.message };
      applied = result.changed;
      return { ok: true };
    },
    undo() {
      // The workspace first: its cards leave the lists before their documents are emptied.
      for (const target of [...applied].reverse()) handleOf(target.kind, target.id).store.undo.undo();
      applied = [];
    },
    release,
  };
}
