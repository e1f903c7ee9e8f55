/**
 * The two-document core of a meeting commitment (DOMAIN.md §7), free of Solid and of the network so that its
 * failure paths can be tested on plain Y.Docs. The app (client/src/app/meetings.ts) finds the plan document and
 * calls these; the design is in that module's docstring:
 * 1. the board records the commitment with a fixed `actionId` and `landed: false` (meetingIntents.addCommitment);
 * 2. `landInPlan` puts the action in the plan under that id — idempotent;
 * 3. `landCommitment` (the plan must be the commitment's own) then marks the commitment `landed` on the board.
 */
import type * as Y from 'yjs';
import type { Commitment, MeetingBoardDoc } from '../core/model/index.ts';
import { collectionDef } from './kinds/index.ts';
import { fail, issue, ok, REFUSAL, type Result } from './result.ts';
import { META } from './layout.ts';
import type { MeetingIntents } from './intents/meeting.ts';
import type { NewAction, PlanIntents } from './intents/plan.ts';

/**
 * Where an action id stands in a plan document: `present` (in the action plan), `removed` (it was there and
 * someone deleted it — the Y.Map keeps the deleted entry's key, with or without garbage collection) or `absent`
 * (never seen on this copy).
 */
export type ActionInPlan = 'present' | 'removed' | 'absent';

/** How step 2 went: the action was written now, was already there, or was there once and has been removed. */
export type Landing = 'added' | 'present' | 'removed';

/** A plan as step 2 needs it: its Y.Doc (to read where the action stands) and its intents (to write). */
export interface PlanTarget {
  doc: Y.Doc;
  intents: Pick<PlanIntents, 'addAction'>;
}

/** Where action `actionId` stands in the plan document `planDoc`. */
export function actionInPlan(planDoc: Y.Doc, actionId: string): ActionInPlan {
  const actions = planDoc.getMap(collectionDef('plan', 'actions').root);
  if (actions.has(actionId)) return 'present';
  // `_map` holds the last entry written under each key, deleted or not: a key seen once stays known.
  return actions._map.has(actionId) ? 'removed' : 'absent';
}

/**
 * The action a commitment of board `boardId` makes in its plan: what, who, when, why (goal), quadrant and KPI,
 * all kept on the board, and its source (the board, the commitment and who made it) — so the first attempt and any
 * retry, on any device, make the same action, and the history credits it to the commitment's author rather than
 * to whoever's browser filed it. A commitment from before goals and quadrants were kept lands without a goal, as
 * a project activity; one without a KPI (not stated, or from before KPIs were asked) lands without one, and the
 * plan shows its `action.noKpi` finding.
 */
export const commitmentAction = (c: Commitment, boardId: string | null): NewAction & { id: string } => ({
  id: c.actionId,
  what: c.what,
  ownerId: c.ownerId,
  due: c.due,
  goalId: c.goalId ?? null,
  quadrant: c.quadrant ?? 'project',
  kpi: c.kpi ?? null,
  source: { boardId, commitmentId: c.id, authorId: c.authorId ?? null, authorName: c.authorName ?? null },
});

/** The board's commitments that are not marked landed yet, in a stable order (by id). */
export const pendingCommitments = (board: Pick<MeetingBoardDoc, 'commitments'>): Commitment[] =>
  Object.values(board.commitments)
    .filter((c) => c.landed !== true)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/**
 * Step 2: put `action` in the plan, idempotently. An action with that id already there (a retry, a colleague
 * who completed it first) is `present`; one that was there and was deleted by someone is `removed` and is NOT
 * added again (the deletion is a person's decision). Otherwise the action is written (`added`). A plan that
 * refuses the write (not loaded, unreadable, from a newer version, invalid action) gives its issues.
 */
export function landInPlan(plan: PlanTarget, action: NewAction & { id: string }): Result<Landing> {
  const where = actionInPlan(plan.doc, action.id);
  if (where !== 'absent') return ok(where);
  const added = plan.intents.addAction(action);
  return added.ok ? ok('added') : added;
}

/**
 * Steps 2 and 3 for one commitment: land its action in `plan`, then mark it landed on the board. `action`
 * defaults to `commitmentAction(commitment, board.boardId())`.
 * On a refusal by the plan the board is left as it was (the commitment stays pending, to be reported and
 * retried); nothing is lost.
 */
export function landCommitment(
  board: Pick<MeetingIntents, 'markLanded' | 'boardId'>,
  plan: PlanTarget,
  commitment: Commitment,
  action: NewAction & { id: string } = commitmentAction(commitment, board.boardId()),
): Result<Landing> {
  const planId = plan.doc.getMap(META).get('id');
  if (planId !== undefined && planId !== commitment.planId)
    return fail([
      issue(
        'planId',
        REFUSAL.notFound,
        `this commitment belongs in plan ${commitment.planId}, not in plan ${String(planId)}`,
        `deze toezegging hoort in plan ${commitment.planId}, niet in plan ${String(planId)}`,
      ),
    ]);
  const landed = landInPlan(plan, action);
  if (!landed.ok) return landed;
  const marked = board.markLanded(commitment.id);
  return marked.ok ? landed : marked;
}
