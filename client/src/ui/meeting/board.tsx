/**
 * What every part of a meeting board needs, through context: the open board, its plain data, whether this
 * browser may write, one place for refusals, and names for the ids the board holds (plans from the workspace's
 * plan index, people from the team).
 */
import { createContext, createMemo, mapArray, onCleanup, useContext, type Accessor } from 'solid-js';
import type { DocHandle } from '../../app/docs.ts';
import type { MeetingBoardDoc } from '../../../../core/model/index.ts';
import type { MeetingSession } from '../../app/meetings.ts';
import type { Result } from '../../../../doc/index.ts';
import { t } from '../../i18n/index.ts';
import { useWorkspace } from '../../app/context.tsx';

export interface BoardContextValue {
  meeting: MeetingSession;
  doc: Accessor<MeetingBoardDoc>;
  readOnly: Accessor<boolean>;
  /** Show a refused intent's reason (null clears); returns whether the result was ok. */
  check<T>(result: Result<T>): result is { ok: true; value: T };
}

const BoardContext = createContext<BoardContextValue>();
export const BoardProvider = BoardContext.Provider;

export function useBoard(): BoardContextValue {
  const ctx = useContext(BoardContext);
  if (!ctx) throw new Error('useBoard() outside a meeting board');
  return ctx;
}

/** Names for the ids a board holds: plans (from the plan index) and team members. */
export function useNames() {
  const ws = useWorkspace();
  return {
    /** The plan's title; a deleted plan (still on an agenda made before) says so after its title. */
    plan: (id: string) => {
      const card = ws.data()?.plans[id];
      if (!card) return t('mt.planMissing');
      return card.deleted ? t('mt.planDeleted', { title: card.title }) : card.title || t('mt.planMissing');
    },
    person: (id: string | null | undefined) =>
      (id ? ws.data()?.professionals[id]?.name : undefined) ?? t('mt.review.noPresenter'),
    professionals: () =>
      Object.values(ws.data()?.professionals ?? {}).sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/**
 * Hold the plans `ids` open (background handles, shared with any screen that has them) while the caller is
 * mounted, releasing each when it leaves the list. Returns the handle of a plan (undefined when not held).
 */
export function useOpenPlans(ids: Accessor<string[]>): (id: string) => DocHandle<'plan'> | undefined {
  const ws = useWorkspace();
  const unique = createMemo(() => [...new Set(ids())].sort(), undefined, {
    equals: (a, b) => a.join() === b.join(),
  });
  const handles = createMemo(
    mapArray(unique, (id) => {
      const handle = ws.session.docs.open('plan', id, { background: true });
      onCleanup(() => handle.release());
      return [id, handle] as const;
    }),
  );
  return (id) => handles().find(([pid]) => pid === id)?.[1];
}

/** The action `actionId` as plan `handle` has it now (reactive): undefined while loading, null when gone. */
export function liveAction(handle: DocHandle<'plan'> | undefined, actionId: string) {
  if (!handle) return undefined;
  handle.store.version();
  const data = handle.store.plain().data;
  if (!data) return undefined;
  return data.actions[actionId] ?? null;
}
