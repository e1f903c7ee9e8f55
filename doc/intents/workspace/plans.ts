/**
 * The workspace's index of its account plans (core/model/workspace.ts `PlanCard`): kept up to date by the
 * clients that edit a plan, so the plan list, the "A relations without a plan" warning and a meeting agenda
 * need no plan document open. Bookkeeping, not a person's edit: written with UPKEEP_ORIGIN, so nobody's undo
 * ever reverts it (undoing a plan edit updates the card again from the plan).
 */
import { PlanCard, type PlanCard as PlanCardT } from '../../../core/model/workspace.ts';
import { deepEqual, toJson } from '../../json.ts';
import { recordToY } from '../../layout.ts';
import { ok, type Result } from '../../result.ts';
import { applyPatch, commit, removeRecord, validate, type IntentContext } from '../common.ts';
import { PLANS } from './specs.ts';

/** Transaction origin of bookkeeping writes (plan cards): tracked by no one's undo. */
export const UPKEEP_ORIGIN = Object.freeze({ name: 'haard:upkeep' });

export function planIndexIntents(ctx: IntentContext) {
  const root = () => ctx.doc.getMap(PLANS.layout.root);
  return {
    /**
     * Make the card of plan `card.id` equal to `card`, writing only the fields that differ (so two colleagues
     * writing the same summary create no conflict). Refused when the card does not fit the schema.
     */
    putPlanCard: (card: PlanCardT): Result<undefined> => {
      const parsed = validate(PlanCard, card, `plans.${card.id}`);
      if (!parsed.ok) return parsed;
      const current = toJson(root().get(card.id));
      if (deepEqual(current, parsed.value)) return ok(undefined);
      return commit(
        ctx,
        'putPlanCard',
        () => {
          const existing = root().get(card.id);
          if (existing && typeof existing === 'object' && 'get' in existing) {
            applyPatch(existing as never, parsed.value as Record<string, unknown>, PLANS.layout.nested);
          } else {
            root().set(card.id, recordToY(parsed.value as Record<string, unknown>, PLANS.layout.nested));
          }
          return undefined;
        },
        UPKEEP_ORIGIN,
      );
    },
    /** Remove a plan from the index (the plan's document itself is kept by the relay). */
    removePlanCard: (id: string): Result<undefined> => removeRecord(ctx, PLANS, 'removePlanCard', id),
  };
}
