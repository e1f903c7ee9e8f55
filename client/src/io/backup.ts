/**
 * The app's backup: the file format and reading one back live in the document layer (doc/backup.ts, shared with
 * `haard export` / `haard import`); this module adds `diffBackup`, what restoring a backup over the open
 * workspace would add, change and remove (the Data page shows it before anything is written).
 */
import type { WorkspaceDoc } from '../../../core/model/workspace.ts';
import { deepEqual } from '../../../doc/json.ts';

export {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  backupText,
  makeBackup,
  readBackup,
  type Backup,
  type BackupProblem,
  type ReadBackup,
} from '../../../doc/backup.ts';

export const COLLECTIONS = ['relations', 'contacts', 'professionals', 'criteria', 'contactLog'] as const;
export type CollectionName = (typeof COLLECTIONS)[number];

export interface ChangeCount {
  added: number;
  changed: number;
  removed: number;
}

export interface BackupDiff {
  collections: Record<CollectionName, ChangeCount>;
  /** Score cells that are added, changed or removed. */
  scores: ChangeCount;
  /** Settings keys whose value differs. */
  settings: string[];
  /** The backup is of another workspace (its id differs). */
  otherWorkspace: boolean;
  /** Nothing would change. */
  same: boolean;
}

function count(current: Record<string, unknown>, next: Record<string, unknown>): ChangeCount {
  let added = 0;
  let changed = 0;
  let removed = 0;
  for (const [id, v] of Object.entries(next)) {
    if (!(id in current)) added++;
    else if (!deepEqual(current[id], v)) changed++;
  }
  for (const id of Object.keys(current)) if (!(id in next)) removed++;
  return { added, changed, removed };
}

/** What restoring `next` over `current` would do. */
export function diffBackup(current: WorkspaceDoc, next: WorkspaceDoc): BackupDiff {
  const collections = Object.fromEntries(
    COLLECTIONS.map((c) => [
      c,
      count(current[c] as Record<string, unknown>, next[c] as Record<string, unknown>),
    ]),
  ) as Record<CollectionName, ChangeCount>;
  const cells = (s: WorkspaceDoc['scores']) =>
    Object.fromEntries(
      Object.entries(s).flatMap(([r, row]) => Object.entries(row).map(([c, v]) => [`${r}/${c}`, v] as const)),
    );
  const scores = count(cells(current.scores), cells(next.scores));
  const keys = new Set([...Object.keys(current.settings), ...Object.keys(next.settings)]);
  // The name stays the workspace's own on restore (restoreBackup), so it is no change.
  const settings = [...keys]
    .filter((k) => k !== 'name' && !deepEqual(current.settings[k], next.settings[k]))
    .sort();
  const same =
    settings.length === 0 &&
    [...Object.values(collections), scores].every((c) => c.added + c.changed + c.removed === 0);
  return { collections, scores, settings, otherWorkspace: current.id !== next.id, same };
}
