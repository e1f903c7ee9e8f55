/**
 * Documents the workspace keeps an index card of (plans, tournaments): the two things every such kind needs,
 * written once.
 *
 * - `keepCardInStep`: while a writable document is open, rewrite its card in the workspace (debounced) when the
 *   card it derives changes, and write the last one when the screen closes or the page unloads. Bookkeeping:
 *   skipped for viewers and while loading; the card intents write with UPKEEP_ORIGIN (nobody's undo).
 * - `createIndexedDoc`: open a new document, seed it exactly once after its empty local copy has loaded, add
 *   its card, return its id. The document stays open (kept alive) for the page that opens next.
 */
import { createEffect, createMemo, onCleanup, untrack, type Accessor } from 'solid-js';
import type { DocKind } from '../../../protocol/index.ts';
import { newId, type Result } from '../../../doc/index.ts';
import type { DocHandle } from './docs.ts';
import type { WorkspaceSession } from './session.ts';

/** How long after the last change a card is rewritten, ms. */
const CARD_DEBOUNCE_MS = 600;

/**
 * Open document `kind`/`id` for the calling component's lifetime (released on cleanup) with its valid data as
 * plain objects, recomputed on each change (`plain`, null while loading or when unreadable): what every
 * screen about one document starts from.
 */
export function useDoc<K extends DocKind>(
  session: WorkspaceSession,
  kind: K,
  id: string,
): { handle: DocHandle<K>; plain: Accessor<DocHandle<K>['store']['state']['data']> } {
  const handle = session.docs.open(kind, id);
  onCleanup(() => handle.release());
  const plain = createMemo(() => {
    handle.store.version();
    return handle.store.plain().data;
  });
  return { handle, plain };
}

export function keepCardInStep<K extends DocKind, C>(
  session: WorkspaceSession,
  handle: DocHandle<K>,
  card: Accessor<C | null>,
  write: (card: C) => unknown,
): void {
  const writable = () => !handle.readOnly() && !session.readOnly();
  let timer: ReturnType<typeof setTimeout> | null = null;
  createEffect(() => {
    const next = card();
    if (next === null || !writable()) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      untrack(() => write(next));
    }, CARD_DEBOUNCE_MS);
  });
  const flush = () => {
    if (!timer) return;
    clearTimeout(timer); // leaving the screen or the page: write the last card now rather than lose it
    timer = null;
    const last = untrack(card);
    if (last !== null && untrack(writable)) write(last);
  };
  // A reload or a typed address unloads the page without running cleanups: a meeting ended (or a plan
  // renamed) less than the debounce before would keep its old card ("Not started") until opened again.
  window.addEventListener('pagehide', flush);
  onCleanup(() => {
    window.removeEventListener('pagehide', flush);
    flush();
  });
}

export async function createIndexedDoc<K extends DocKind, J>(
  session: WorkspaceSession,
  kind: K,
  seed: (handle: DocHandle<K>, id: string) => Result<J>,
  putCard: (seeded: J) => Result<unknown>,
): Promise<Result<string>> {
  const id = newId();
  const handle = session.docs.open(kind, id);
  try {
    await handle.ready;
    const seeded = seed(handle, id);
    if (!seeded.ok) return seeded;
    handle.store.load();
    const card = putCard(seeded.value);
    if (!card.ok) return card;
    return { ok: true, value: id };
  } finally {
    handle.release();
  }
}
