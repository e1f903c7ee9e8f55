/**
 * Every account plan of the workspace held open while a screen needs all of them live (Keep warm's promised
 * actions). Opened the way the meeting board's review reads them (`collectReview` in ./meetings.ts): through the
 * document registry (`session.docs.open('plan', id, { background: true })` — background, so nobody is announced
 * in a plan they do not look at), for the plans in use on the workspace's index (`plansInUse`: a deleted plan's
 * actions are not promised any more). Unlike the review, which reads once and lets go, the handles are held for
 * the calling component's lifetime, so a colleague's edit — an action done, a commitment filed — shows at once;
 * a plan added to the index is opened, one taken off it released.
 *
 * Each plan says where it stands: `ready` (its data is here), `loading` (reading the local copy, or fetching it
 * from the relay), or `missing` — this device has no copy and cannot get one now (offline and never opened
 * here, refused, unreadable, or from a newer version of Haard): a list built from the plans must say so rather
 * than look complete.
 */
import { createMemo, mapArray, onCleanup, type Accessor } from 'solid-js';
import { plansInUse, type AccountPlanDoc } from '../../../core/model/index.ts';
import type { DocHandle } from './docs.ts';
import type { WorkspaceSession } from './session.ts';

export type HeldPlanState = 'loading' | 'ready' | 'missing';

export interface HeldPlan {
  id: string;
  /** The title on the workspace's card (what to call a plan whose document is not here). */
  cardTitle: string;
  handle: DocHandle<'plan'>;
  state: Accessor<HeldPlanState>;
  /** The plan's valid data, recomputed on each change; null unless `ready` (or when the plan was deleted). */
  data: Accessor<AccountPlanDoc | null>;
}

/** The workspace's plans in use, held open for the calling component's lifetime (see the module comment). */
export function useWorkspacePlans(session: WorkspaceSession): Accessor<HeldPlan[]> {
  const ids = createMemo(
    () => {
      session.store.version();
      return plansInUse(session.store.plain().data?.plans)
        .map((card) => card.id)
        .sort();
    },
    [],
    { equals: (a, b) => a.length === b.length && a.every((id, i) => id === b[i]) },
  );
  const title = (id: string) => session.store.plain().data?.plans[id]?.title ?? '';
  return mapArray(ids, (id): HeldPlan => {
    const handle = session.docs.open('plan', id, { background: true });
    onCleanup(() => handle.release());
    const state = createMemo<HeldPlanState>(() => {
      const status = handle.store.state.status;
      if (status === 'ready') return 'ready';
      const phase = handle.connection().phase;
      if (status === 'loading' || phase === 'loading' || phase === 'connecting') return 'loading';
      return 'missing';
    });
    const data = createMemo(() => {
      handle.store.version();
      const plan = state() === 'ready' ? handle.store.plain().data : null;
      // Deleted in its document while the index still lists it (the card follows a moment later).
      return plan && !plan.deletedAt ? plan : null;
    });
    return {
      id,
      get cardTitle() {
        return title(id);
      },
      handle,
      state,
      data,
    };
  });
}
