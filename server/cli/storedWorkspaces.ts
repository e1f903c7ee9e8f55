/**
 * What the store of a data directory can say about workspaces, without a running server: every workspace the
 * server made is stored the moment it is made (POST /api/workspaces seeds and stores it; the first workspace
 * at first start), so a workspace id the store does not hold is a typo or another server's.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openStoreReader } from '../backup/storeReader.ts';
import { STORE_FILE_NAME } from '../store/roomStore.ts';

/** Ids of the workspaces stored in `<dataDir>/haard.sqlite` (read-only, safe while a server runs); null without a store. */
export function storedWorkspaces(dataDir: string): string[] | null {
  if (!existsSync(join(dataDir, STORE_FILE_NAME))) return null;
  const reader = openStoreReader(dataDir);
  try {
    return reader.workspaces();
  } finally {
    reader.close();
  }
}

/** "a, b, c" — at most `max` ids, then "…"; "none" for an empty list (for "the store holds: …" lines). */
export function listIds(ids: string[], max = 5, none = 'none'): string {
  if (ids.length === 0) return none;
  return ids.length > max ? `${ids.slice(0, max).join(', ')}, …` : ids.join(', ');
}
