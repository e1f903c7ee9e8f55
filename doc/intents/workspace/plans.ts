/**
 * The workspace's index of its account plans (core/model/workspace.ts `PlanCard`): kept up to date by the
 * clients that edit a plan, so the plan list, the "A relations without a plan" warning and a meeting agenda
 * need no plan document open. Bookkeeping, not a person's edit: written with UPKEEP_ORIGIN, so nobody's undo
 * ever reverts it (undoing a plan edit updates the card again from the plan).
 */
import type * as z from 'zod/mini';
import { PlanCard, type PlanCard as PlanCardT } from '../../../core/model/workspace.ts';
import { deepEqual, toJson } from '../../json.ts';
import { recordToY } from '../../layout.ts';
import { ok, type Result } from '../../result.ts';
import {
  applyPatch,
  commit,
  removeRecord,
  validate,
  type CollectionSpec,
  type IntentContext,
} from '../common.ts';
import { PLANS } from './specs.ts';

/** Transaction origin of bookkeeping writes (plan and tournament cards): tracked by no one's undo. */
export const UPKEEP_ORIGIN = Object.freeze({ name: 'haard:upkeep' });

/**
 * Make the card `card.id` of index collection `spec` equal to `card` (validated by `schema`), writing only
 * the fields that differ (so two colleagues writing the same summary create no conflict), as bookkeeping
 * (UPKEEP_ORIGIN). Refused, with nothing written, when the card does not fit the schema.
 */
export function putIndexCard<T extends { id: string }>(
  ctx: IntentContext,
  spec: CollectionSpec,
  schema: z.ZodMiniType<T>,
  card: T,
  intent: string,
): Result<undefined> {
  const root = ctx.doc.getMap(spec.layout.root);
  const parsed = validate(schema, card, `${spec.layout.path}.${card.id}`);
  if (!parsed.ok) return parsed;
  const current = toJson(root.get(card.id));
  if (deepEqual(current, parsed.value)) return ok(undefined);
  return commit(
    ctx,
    intent,
    () => {
      const existing = root.get(card.id);
      if (existing && typeof existing === 'object' && 'get' in existing) {
        applyPatch(existing as never, parsed.value as Record<string, unknown>, spec.layout.nested);
      } else {
        root.set(card.id, recordToY(parsed.value as Record<string, unknown>, spec.layout.nested));
      }
      return undefined;
    },
    UPKEEP_ORIGIN,
  );
}

export function planIndexIntents(ctx: IntentContext) {
  return {
    /**
     * Make the card of plan `card.id` equal to `card`, writing only the fields that differ (so two colleagues
     * writing the same summary create no conflict). Refused when the card does not fit the schema.
     */
    putPlanCard: (card: PlanCardT): Result<undefined> =>
      putIndexCard(ctx, PLANS, PlanCard, card, 'putPlanCard'),
    /** Remove a plan from the index (the plan's document itself is kept by the relay). */
    removePlanCard: (id: string): Result<undefined> => removeRecord(ctx, PLANS, 'removePlanCard', id),
  };
}
