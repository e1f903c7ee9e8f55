/**
 * The trust pyramid (DOMAIN.md §9, seed 002): how a plan's activities spread over the layers, from our
 * own sales effort (least trust-building) to references by ambassadors (most), and who the ambassadors
 * of each relation are. Seed 002 advises working top-down, from existing clients and A relations.
 */
import { listOf, type Many } from './fire.ts';
import { ambassadors, type Ambassador, type KpiData } from './kpi.ts';
import { PYRAMID_LAYERS, type Action, type PyramidLayer } from './model/index.ts';

export type PyramidCounts = Record<PyramidLayer | 'none', number>;

/**
 * Actions per pyramid layer, `none` for actions without one. Cancelled actions do not count: they build
 * no trust.
 */
export function pyramidCounts(actions: Many<Action>): PyramidCounts {
  const counts = Object.fromEntries([...PYRAMID_LAYERS, 'none'].map((k) => [k, 0])) as PyramidCounts;
  for (const action of listOf(actions)) {
    if (action.status === 'cancelled') continue;
    const layer = action.pyramidLayer ?? 'none';
    counts[PYRAMID_LAYERS.includes(layer as PyramidLayer) ? layer : 'none']++;
  }
  return counts;
}

/** The ambassadors per relation id (every relation present, possibly with an empty list). */
export function ambassadorsByRelation(data: KpiData, today: string): Record<string, Ambassador[]> {
  const out: Record<string, Ambassador[]> = {};
  for (const relation of listOf(data.relations)) out[relation.id] = ambassadors([relation.id], data, today);
  return out;
}
