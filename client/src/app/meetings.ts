/**
 * Meeting boards in the app (DOMAIN.md §7): opening one, making a new one linked to the previous, keeping the
 * workspace's meeting index in step, and the two things a board writes into plans — commitments and review
 * outcomes. The model is ./plans.ts and ./tournaments.ts.
 *
 * ## Commitments touch two documents (the board and a plan)
 * Yjs has no transaction across documents, so a commitment is made idempotent instead:
 * 1. the board gets the commitment first, with the id of the action it will make (`actionId`, fixed once)
 *    and `landed: false`;
 * 2. the plan gets `addAction({ id: actionId, … })`; an action with that id already there means it landed
 *    before (a retry, or a colleague who completed it) — never a second action; one that was there and was
 *    deleted by someone is not added again (the plan's Y.Map remembers the deleted key);
 * 3. the board marks it `landed` (bookkeeping).
 * Whoever opens the board later with the plan at hand completes every commitment that is not `landed`
 * (`landPending`), so a tab closed between 1 and 2, or a plan that was not on the device, is finished on the
 * next load; one that cannot land (the plan refuses it) is reported on the board with the reason. Two clients
 * completing the same commitment at once write the same action under the same key: Yjs keeps one. Offline,
 * both writes go to the local copies and reach the relay on reconnect, each exactly once.
 * Steps 2 and 3 are pure functions of the two Y.Docs in doc/commitments.ts (tested there without a browser).
 */
import { createEffect, createMemo, createRoot, createSignal, on, onCleanup, type Accessor } from 'solid-js';
import { meetingCardOf, previousBoard, reviewCandidates } from '../../../core/meetingBoard.ts';
import type { AccountPlanDoc, Commitment, MeetingBoardDoc, ReviewItem } from '../../../core/model/index.ts';
import { createMeetingDoc, type Result } from '../../../doc/index.ts';
import { commitmentAction, landCommitment, pendingCommitments } from '../../../doc/commitments.ts';
import { fail, issue, REFUSAL } from '../../../doc/result.ts';
import type { SchemaIssue } from '../../../core/model/issues.ts';
import type { NewCommitment } from '../../../doc/intents/meeting.ts';
import type { NewAction } from '../../../doc/intents/plan.ts';
import type * as Y from 'yjs';
import type { Change } from '../../../core/history/index.ts';
import { changesBetween, readVersions, versionSince } from '../../../doc/history/index.ts';
import { saveMeetingVersionOf } from './history.ts';
import { serverNow } from './clock.ts';
import { deepEqual } from '../../../doc/json.ts';
import type { Me } from './identity.ts';
import type { DocHandle } from './docs.ts';
import { createIndexedDoc, keepCardInStep, useDoc } from './indexedDocs.ts';
import type { WorkspaceSession } from './session.ts';
import { plansInUse } from '../../../core/model/index.ts';

/** How often an open board tries again to land the commitments their plans refused (ms). */
const RETRY_REFUSED_MS = 5_000;

export interface MeetingSession {
  handle: DocHandle<'meeting'>;
  /** The board's valid data as a reactive store (null while loading or when unreadable). */
  board: Accessor<MeetingBoardDoc | null>;
  /** The board as plain objects, recomputed on each change. */
  plain: Accessor<MeetingBoardDoc | null>;
  /** Commitments that could not land in their plan yet, with the reason (by commitment id). */
  landingErrors: Accessor<Record<string, SchemaIssue[]>>;
  /**
   * True when nothing on the board may be edited here: a viewer, a board still loading (`handle.readOnly`), or
   * a deleted board (`deletedAt`; its intents refuse every edit but restoring it, doc/intents/meeting.ts).
   */
  readOnly: Accessor<boolean>;
}

/** Open board `id` for the calling component's lifetime; completes half-made commitments while open. */
export function useMeeting(session: WorkspaceSession, id: string): MeetingSession {
  const { handle, plain } = useDoc(session, 'meeting', id);
  const store = handle.store;
  // The card changes when what it shows changes (not on every step of a running meeting): its `updatedAt` is the
  // time of the last change the card shows.
  const card = createMemo(
    () => {
      const doc = plain();
      return doc ? meetingCardOf(doc, new Date(serverNow()).toISOString()) : null;
    },
    undefined,
    {
      equals: (a, b) =>
        a === b || (a !== null && b !== null && deepEqual({ ...a, updatedAt: '' }, { ...b, updatedAt: '' })),
    },
  );
  keepCardInStep(session, handle, card, (c) => session.store.intents.putMeetingCard(c));

  const [landingErrors, setLandingErrors] = createSignal<Record<string, SchemaIssue[]>>({});
  const deleted = () => Boolean(store.state.data?.deletedAt);
  const writable = () => !handle.readOnly() && !session.readOnly() && !deleted();
  const pendingKey = createMemo(() => {
    const doc = plain();
    if (!doc || !writable()) return '';
    return pendingCommitments(doc)
      .map((c) => c.id)
      .join(',');
  });
  createEffect(
    on(pendingKey, (key) => {
      if (!key) return;
      void landPending(session, handle).then((errors) => setLandingErrors(errors));
    }),
  );
  // A commitment its plan refused (deleted, not on this device yet) is tried again while the board is open, so
  // one whose plan is restored meanwhile lands without a reload.
  const refused = createMemo(() => Object.keys(landingErrors()).length > 0 && pendingKey() !== '');
  createEffect(() => {
    if (!refused()) return;
    let trying = false; // one retry at a time (a plan not on this device is waited for up to 8 s)
    const timer = setInterval(() => {
      if (trying) return;
      trying = true;
      void landPending(session, handle)
        .then((errors) => setLandingErrors(errors))
        .finally(() => (trying = false));
    }, RETRY_REFUSED_MS);
    onCleanup(() => clearInterval(timer));
  });

  return {
    handle,
    board: () => store.state.data,
    plain,
    landingErrors,
    readOnly: () => handle.readOnly() || deleted(),
  };
}

export interface NewMeetingInput {
  title: string;
  /** YYYY-MM-DD */
  date: string;
  facilitatorId: string | null;
  participantIds?: string[];
  lengthMinutes?: number;
}

/**
 * Make a new board linked to the previous one (the latest board on or before its date, from the workspace's
 * index), seed it once, add its card and collect its review (the actions that came due since the previous
 * board, from the plans on this device). Returns the new board's id.
 */
export async function createMeeting(
  session: WorkspaceSession,
  input: NewMeetingInput,
  now = new Date(),
): Promise<Result<string>> {
  const cards = Object.values(session.store.plain().data?.meetings ?? {});
  const previous = previousBoard(cards, input.date);
  const made = await createIndexedDoc(
    session,
    'meeting',
    (handle, id) =>
      createMeetingDoc(handle.binding.doc, {
        id,
        workspaceId: session.invite.workspaceId,
        title: input.title,
        date: input.date,
        facilitatorId: input.facilitatorId,
        participantIds: input.participantIds ?? [],
        previousBoardId: previous?.id ?? null,
        lengthMinutes: input.lengthMinutes,
        now: now.toISOString(),
      }),
    (doc) => session.store.intents.putMeetingCard(meetingCardOf(doc, now.toISOString())),
  );
  return made;
}

/**
 * Open plan `planId` for a moment and run `fn` on it once it is readable here (local copy loaded and, when
 * the device had none, synced). Resolves `fn`'s result, or an error Result when the plan cannot be read within
 * `waitMs` (offline without a copy, deleted, unreadable).
 */
export async function withPlan<T>(
  session: WorkspaceSession,
  planId: string,
  fn: (plan: DocHandle<'plan'>) => Result<T>,
  waitMs = 8000,
): Promise<Result<T>> {
  const plan = session.docs.open('plan', planId, { background: true });
  try {
    await plan.ready;
    const readable = await whenReadable(plan, waitMs);
    if (!readable)
      return fail([
        issue(
          'plan',
          REFUSAL.notReady,
          'the plan is not on this device yet; it is written there once the plan is here',
          'het plan staat nog niet op dit apparaat; het wordt erin gezet zodra het plan er is',
        ),
      ]);
    return fn(plan);
  } finally {
    plan.release();
  }
}

/**
 * True once the handle's store is `ready` and its copy is as fresh as this device can have it: synced with the
 * relay, or known to be offline or refused (then the local copy is what there is). A copy still syncing is
 * waited for — a write on a stale copy can bring back what a colleague deleted (an action under the same id)
 * — but after `waitMs` a ready copy counts anyway (a slow relay). False once the plan is known to be
 * unreadable or from a newer version, or when it is not ready after `waitMs`.
 */
function whenReadable(handle: DocHandle<'plan'>, waitMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    createRoot((dispose) => {
      const timer = setTimeout(() => finish(handle.store.state.status === 'ready'), waitMs);
      const finish = (value: boolean) => {
        clearTimeout(timer);
        queueMicrotask(dispose);
        resolve(value);
      };
      createEffect(() => {
        const status = handle.store.state.status;
        const phase = handle.connection().phase;
        if (status === 'ready' && phase !== 'loading' && phase !== 'connecting') finish(true);
        else if (status === 'unreadable' || status === 'newerVersion') finish(false);
      });
    });
  });
}

const isDuplicate = (r: Result<unknown>) => !r.ok && r.issues.some((i) => i.code === 'duplicate_id');

/** Steps 2 and 3 of a commitment (see the module's docstring and doc/commitments.ts): idempotent. */
async function land(
  session: WorkspaceSession,
  board: DocHandle<'meeting'>,
  commitment: Commitment,
  action: NewAction & { id: string },
): Promise<Result<undefined>> {
  const landed = await withPlan(session, commitment.planId, (plan) =>
    landCommitment(
      board.store.intents,
      { doc: plan.binding.doc, intents: plan.store.intents },
      commitment,
      action,
    ),
  );
  return landed.ok ? { ok: true, value: undefined } : landed;
}

/**
 * Record a commitment on the board and land its action in the plan. Returns once the board has it; the
 * plan write follows (its failure is reported through `landingErrors`, and retried on the next load).
 */
export function addCommitment(
  session: WorkspaceSession,
  board: DocHandle<'meeting'>,
  input: NewCommitment,
): Result<Commitment> {
  const made = board.store.intents.addCommitment(input);
  if (!made.ok) return made;
  void land(session, board, made.value.commitment, made.value.action);
  return { ok: true, value: made.value.commitment };
}

/** Complete every commitment of the board that has not landed; returns the reasons of those that cannot. */
export async function landPending(
  session: WorkspaceSession,
  board: DocHandle<'meeting'>,
): Promise<Record<string, SchemaIssue[]>> {
  const doc = board.store.plain().data;
  if (!doc) return {};
  const errors: Record<string, SchemaIssue[]> = {};
  for (const c of pendingCommitments(doc)) {
    const r = await land(session, board, c, commitmentAction(c, doc.id));
    if (!r.ok) errors[c.id] = r.issues;
  }
  return errors;
}

/**
 * Mark a review item (DOMAIN.md §7): the plan changes first — it is the truth — then the board records the
 * outcome. `done` sets the action's status; `moved` sets its new due date; `notDone` leaves the plan as it is
 * (the action comes back next meeting); null undoes a `done` (status back to planned). An outcome the board
 * refuses (moved to a day on or before the meeting) changes neither document.
 */
export async function markReview(
  session: WorkspaceSession,
  board: DocHandle<'meeting'>,
  item: ReviewItem,
  outcome: ReviewItem['outcome'],
  movedTo: string | null = null,
): Promise<Result<undefined>> {
  // The board's rule first (a moved date after the meeting): a refused outcome must not change the plan.
  const allowed = board.store.intents.checkOutcome(item.id, outcome, movedTo);
  if (!allowed.ok) return allowed;
  const inPlan = await withPlan(session, item.planId, (plan) => {
    const intents = plan.store.intents;
    if (outcome === 'done') return intents.setActionStatus(item.actionId, 'done');
    if (outcome === 'moved') {
      const r = intents.updateAction(item.actionId, { due: movedTo });
      if (!r.ok) return r;
      return intents.setActionStatus(item.actionId, 'planned');
    }
    if (item.outcome === 'done') return intents.setActionStatus(item.actionId, 'planned');
    return { ok: true, value: undefined };
  });
  if (!inPlan.ok) return inPlan;
  return board.store.intents.reviewOutcome(item.id, outcome, movedTo);
}

/**
 * Put on the board's review every action that came due since the previous board (and the ones still open
 * from before), reading the plans on this device. Idempotent: review items have deterministic ids.
 * Returns how many were added.
 */
export async function collectReview(
  session: WorkspaceSession,
  board: DocHandle<'meeting'>,
  waitMs = 8000,
): Promise<Result<number>> {
  const doc = board.store.plain().data;
  const ws = session.store.plain().data;
  if (!doc || !ws) return { ok: true, value: 0 };
  const previous = doc.previousBoardId ? ws.meetings?.[doc.previousBoardId] : undefined;
  const plans: AccountPlanDoc[] = [];
  // A deleted plan's actions are not reviewed (doc/intents/plan.ts setDeleted).
  const handles = plansInUse(ws.plans).map((p) => session.docs.open('plan', p.id, { background: true }));
  try {
    await Promise.all(
      handles.map(async (h) => {
        await h.ready;
        if (await whenReadable(h, waitMs)) {
          const p = h.store.plain().data;
          if (p) plans.push(p);
        }
      }),
    );
  } finally {
    for (const h of handles) h.release();
  }
  const existing = new Set(Object.keys(doc.review));
  const candidates = reviewCandidates(plans, { after: previous?.date ?? null, through: doc.date }, existing);
  let added = 0;
  for (const c of candidates) {
    const r = board.store.intents.addReviewItem(c);
    if (r.ok) added++;
    else if (!isDuplicate(r)) return r;
  }
  return { ok: true, value: added };
}

/**
 * When a meeting starts presenting a plan, keep a version of the plan as it is (issue 9: "an automatic version
 * when a meeting starts presenting a plan"), key `meeting:<boardId>:<agendaItemId>` — made once, by the one who
 * facilitates; presenting the item again keeps the first. Its stored name is the board's own title (else its
 * ISO date), no word of any UI language: the history shows it as "Meeting: …" / "Overleg: …" in the reader's
 * language, with the board's title as the workspace's index has it then (ui/history versionName).
 */
export async function keepPresentedVersion(
  session: WorkspaceSession,
  board: MeetingBoardDoc,
  agendaItemId: string,
  me: Me,
): Promise<Result<unknown>> {
  const item = board.agenda[agendaItemId];
  if (!item) return { ok: true, value: null };
  const name = board.title.trim() || board.date;
  return withPlan(session, item.planId, (plan) =>
    saveMeetingVersionOf(plan, { boardId: board.id, agendaItemId, name }, me),
  );
}

/**
 * "Since the last meeting" for one plan (issue 9, read by the board's agenda): the changes of the plan since
 * the version made when the previous board presented it (`meeting:<previousBoardId>:…`), else since the first
 * version after that meeting's day (the state at its end, history design §4). Null when there is no previous
 * board or the plan has no version to count from; an error Result when a version cannot be opened.
 */
export function changesSinceMeeting(
  planDoc: Y.Doc,
  previous: { id: string; date: string } | null,
): Result<Change[]> | null {
  if (!previous) return null;
  const versions = readVersions(planDoc);
  const presented = versions
    .filter((v) => v.id.startsWith(`meeting:${previous.id}:`))
    .sort((a, b) => a.at.localeCompare(b.at))[0];
  const dayAfter = new Date(Date.parse(`${previous.date}T00:00:00Z`) + 86_400_000).toISOString();
  const from = presented ?? versionSince(versions, dayAfter)?.version;
  if (!from) return null;
  return changesBetween('plan', planDoc, from, null);
}
