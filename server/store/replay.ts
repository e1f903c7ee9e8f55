/** Rebuilding a document from stored rows. A row Yjs cannot apply is reported as a value, never skipped. */
import * as Y from 'yjs';
import type { StoredRoom } from './roomStore.ts';

export type ReplayResult = { ok: true } | { ok: false; row: 'snapshot' | number; error: string };

export function replayInto(doc: Y.Doc, stored: StoredRoom): ReplayResult {
  if (stored.snapshot !== null) {
    const failure = tryApply(doc, stored.snapshot);
    if (failure !== null) return { ok: false, row: 'snapshot', error: failure };
  }
  for (const { seq, bytes } of stored.updates) {
    const failure = tryApply(doc, bytes);
    if (failure !== null) return { ok: false, row: seq, error: failure };
  }
  return { ok: true };
}

function tryApply(doc: Y.Doc, update: Uint8Array): string | null {
  try {
    Y.applyUpdate(doc, update);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
