/** Rebuilding a document from stored rows. A row Yjs cannot apply is reported as a value, never skipped. */
import * as Y from 'yjs';
import type { StoredRoom } from './docStore.ts';

export type ReplayResult = { ok: true } | { ok: false; row: 'checkpoint' | number; error: string };

/** Applies the checkpoint, then every update after it, to `doc`; stops at the first row Yjs rejects. */
export function replayInto(doc: Y.Doc, stored: StoredRoom): ReplayResult {
  if (stored.checkpoint !== null) {
    const failure = tryApply(doc, stored.checkpoint);
    if (failure !== null) return { ok: false, row: 'checkpoint', error: failure };
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
