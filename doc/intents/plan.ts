/** Account-plan intents (DOMAIN.md §3–§5). Every write also sets meta.updatedAt (drives `plan.stale`). */
import * as Y from 'yjs';
import { Text } from '../../core/model/common.ts';
import {
  AccountPlanDoc,
  ActionStatus,
  Measurement,
  type Action as ActionT,
  type ActionStatus as ActionStatusT,
  type Benefit as BenefitT,
  type Goal as GoalT,
  type Kpi as KpiT,
  type Measurement as MeasurementT,
  type Quadrant,
} from '../../core/model/plan.ts';
import { META, LAYOUT, type PlanTextPath } from '../layout.ts';
import { clonePlain, deepEqual, wellFormed } from '../json.ts';
import { fail, issue, notFound, REFUSAL, type Result } from '../result.ts';
import type { SchemaIssue } from '../../core/model/issues.ts';
import { setTextContent } from '../text.ts';
import { restoreVersion } from '../history/restore.ts';
import {
  commit,
  crud,
  collectionSpec,
  deletionRule,
  moveRecord,
  newRecord,
  recordMap,
  updateRecord,
  validate,
  type IntentContext,
  type IntentOptions,
  type Patch,
} from './common.ts';

const GOALS = collectionSpec('plan', 'goals');
const ACTIONS = collectionSpec('plan', 'actions');
const BENEFITS = collectionSpec('plan', 'strategy.benefits');
const KPIS = collectionSpec('plan', 'kpis');

export type NewGoal = Pick<GoalT, 'title'> & Partial<Omit<GoalT, 'id' | 'title'>>;
export type NewAction = Pick<ActionT, 'what'> & Partial<Omit<ActionT, 'id' | 'what'>>;
export type NewBenefit = Pick<BenefitT, 'level' | 'description'>;
export type NewKpi = Pick<KpiT, 'kind'> & Partial<Omit<KpiT, 'id' | 'kind'>>;

export const PLAN_TEXT_PATHS: readonly PlanTextPath[] = LAYOUT.plan.texts as readonly PlanTextPath[];
const shape = AccountPlanDoc.shape;

/**
 * The refusal of every edit of a deleted plan (`deletedAt` set): it stays read-only for everyone — a second
 * browser, a stale tab, a meeting filing a commitment — until someone restores it (`setDeleted(false)`).
 */
export const deletedPlanRefusal = (): SchemaIssue =>
  issue(
    '',
    REFUSAL.deleted,
    'This plan is deleted, so nothing in it can change until someone restores it (Restore plan). Nothing was written.',
    'Dit plan is verwijderd, dus er kan niets in veranderen tot iemand het terugzet (Plan terugzetten). Er is niets opgeslagen.',
  );

/** A deleted plan takes no edit, nor anyone's undo but the deleter's of the deletion (common.ts deletionRule). */
export const planDeletion = deletionRule('plan', deletedPlanRefusal);

export function planIntents(doc: Y.Doc, opts: IntentOptions) {
  const fields = doc.getMap('plan');
  const ctx: IntentContext = {
    kind: 'plan',
    doc,
    opts,
    touch: () => doc.getMap(META).set('updatedAt', opts.now()),
    // Deleting and restoring stay possible; everything else waits for the plan to be restored.
    refuse: (intent) => planDeletion.refuse(doc, intent),
  };
  const strategy = doc.getMap('strategy');

  const setField = (
    intent: string,
    map: Y.Map<unknown>,
    key: string,
    value: unknown,
    schema: Parameters<typeof validate>[0],
    path: string,
  ): Result<undefined> => {
    const parsed = validate(schema, value, path);
    if (!parsed.ok) return fail(parsed.issues);
    return commit(ctx, intent, () => {
      if (!deepEqual(map.get(key), value)) map.set(key, clonePlain(value));
      return undefined;
    });
  };

  const goals = crud<GoalT, NewGoal>(
    ctx,
    GOALS,
    { add: 'addGoal', update: 'updateGoal', remove: 'removeGoal' },
    (input, id) => newRecord<GoalT>(ctx, GOALS, input, id),
    // Actions that served the goal lose their "why" (flagged by action.noGoal) instead of pointing nowhere.
    (id) => {
      doc.getMap(ACTIONS.layout.root).forEach((action) => {
        if (action instanceof Y.Map && action.get('goalId') === id) action.set('goalId', null);
      });
    },
  );

  const actions = crud<ActionT, NewAction>(
    ctx,
    ACTIONS,
    { add: 'addAction', update: 'updateAction', remove: 'removeAction' },
    (input, id) => newRecord<ActionT>(ctx, ACTIONS, input, id),
  );

  const benefits = crud<BenefitT, NewBenefit>(
    ctx,
    BENEFITS,
    { add: 'addBenefit', update: 'updateBenefit', remove: 'removeBenefit' },
    (input, id) => newRecord<BenefitT>(ctx, BENEFITS, input, id),
  );

  const kpis = crud<KpiT, NewKpi>(
    ctx,
    KPIS,
    { add: 'addKpi', update: 'updateKpi', remove: 'removeKpi' },
    (input, id) => newRecord<KpiT>(ctx, KPIS, input, id),
  );

  return {
    /**
     * Bring back version `versionId` (doc/history) as new edits in one transaction: one undo step, received by
     * every colleague. Errors: no such version, or its content does not check (nothing is written).
     */
    restoreVersion: (versionId: string): Result<undefined> => restoreVersion(ctx, versionId),
    setTitle: (title: string) => setField('setTitle', fields, 'title', title, shape.title, 'title'),
    /** The ruitmodel opening: 1–4 key points, replaced as a whole (the ≤ 4 rule holds under merge). */
    setKeyPoints: (keyPoints: string[]) =>
      setField('setKeyPoints', fields, 'keyPoints', keyPoints, shape.keyPoints, 'keyPoints'),
    /** The professional who owns and presents the plan; null for none. */
    setOwner: (ownerId: string | null) =>
      setField('setOwner', fields, 'ownerId', ownerId, shape.ownerId, 'ownerId'),
    setBudget: (budget: number | null) =>
      setField('setBudget', fields, 'budget', budget, shape.budget, 'budget'),
    /**
     * Delete the plan (`deletedAt` = now) or bring it back (null). The document and its history stay; the
     * workspace's card of the plan follows (`deleted`), and the plan list leaves deleted plans out.
     */
    // Deleting a deleted plan again keeps the day it was first deleted (what its banner says).
    setDeleted: (deleted: boolean) =>
      setField(
        'setDeleted',
        fields,
        'deletedAt',
        deleted ? ((fields.get('deletedAt') as string | null | undefined) ?? opts.now()) : null,
        shape.deletedAt,
        'deletedAt',
      ),
    setStrategyQuadrants: (quadrants: Quadrant[]) =>
      setField(
        'setStrategyQuadrants',
        strategy,
        'quadrants',
        [...new Set(quadrants)],
        shape.strategy.shape.quadrants,
        'strategy.quadrants',
      ),
    /** Set a co-edited section text by a minimal replace-range edit (concurrent typing elsewhere survives). */
    setText: (path: PlanTextPath, value: string): Result<undefined> => {
      if (!PLAN_TEXT_PATHS.includes(path)) {
        return fail([
          issue(
            String(path),
            'invalid_value',
            `must be one of ${PLAN_TEXT_PATHS.join(', ')}`,
            `moet een van deze zijn: ${PLAN_TEXT_PATHS.join(', ')}`,
          ),
        ]);
      }
      const parsed = validate(Text, value, path);
      if (!parsed.ok) return parsed;
      return commit(ctx, `setText:${path}`, () => {
        setTextContent(doc.getText(path), wellFormed(value));
        return undefined;
      });
    },

    /**
     * Record that the plan changed now (sets `updatedAt`, which drives `plan.stale`): for edits that reach
     * the plan's texts through an editor binding rather than through `setText`.
     */
    noteEdited: (): Result<undefined> => commit(ctx, 'noteEdited', () => undefined),

    addGoal: goals.add,
    updateGoal: goals.update,
    /** Also clears `goalId` of the actions that served it. */
    removeGoal: goals.remove,

    /** Add an action; pass `id` when it comes from a meeting commitment (the commitment refers to it). */
    addAction: actions.add,
    updateAction: actions.update,
    /** Move an action to position `toIndex` of the action plan (fractional order: concurrent moves merge). */
    moveAction: (id: string, toIndex: number) => moveRecord(ctx, ACTIONS, 'moveAction', id, toIndex),
    /** Move a goal to position `toIndex` of the goals. */
    moveGoal: (id: string, toIndex: number) => moveRecord(ctx, GOALS, 'moveGoal', id, toIndex),
    removeAction: actions.remove,
    setActionStatus: (id: string, status: ActionStatusT, result?: string): Result<undefined> => {
      const s = validate(ActionStatus, status, `actions.${id}.status`);
      if (!s.ok) return s;
      const patch: Patch<ActionT> = result === undefined ? { status } : { status, result };
      return updateRecord(ctx, ACTIONS, 'setActionStatus', id, patch as Record<string, unknown>);
    },

    addBenefit: benefits.add,
    removeBenefit: benefits.remove,

    addKpi: kpis.add,
    updateKpi: (id: string, patch: Patch<Omit<KpiT, 'measurements'>>) => kpis.update(id, patch),
    removeKpi: kpis.remove,
    /** Append a dated measurement; concurrent measurements are both kept. */
    addMeasurement: (kpiId: string, measurement: MeasurementT): Result<undefined> => {
      const parsed = validate(Measurement, measurement, `kpis.${kpiId}.measurements`);
      if (!parsed.ok) return parsed;
      const kpi = recordMap(ctx, KPIS.layout, kpiId);
      if (!kpi) return fail([notFound(`kpis.${kpiId}`, `KPI ${kpiId}`)]);
      return commit(ctx, 'addMeasurement', () => {
        let list = kpi.get('measurements');
        if (!(list instanceof Y.Array)) {
          const previous = Array.isArray(list) ? (list as unknown[]) : [];
          const created = new Y.Array<unknown>();
          created.push(previous.map(clonePlain));
          kpi.set('measurements', created);
          list = created;
        }
        (list as Y.Array<unknown>).push([{ ...parsed.value }]);
        return undefined;
      });
    },
  };
}

export type PlanIntents = ReturnType<typeof planIntents>;
