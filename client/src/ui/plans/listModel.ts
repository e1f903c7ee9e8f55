/**
 * The plan list as plain data (tested under Node): one row per plan card of the workspace, with its
 * relations' names and best class and its owner's name; filters, sort, and the A relations without a plan
 * (DOMAIN.md §4: "one per A relation (a warning for every A relation without one)").
 */
import type { AbcClass, PlanCard, WorkspaceDoc } from '../../../../core/model/index.ts';
import type { ClassifiedRelation } from '../../../../core/abc/index.ts';
import { relationNamesOf } from '../relations/relationNames.ts';
import { plansInUse } from '../../../../core/model/index.ts';

export interface PlanRow {
  id: string;
  title: string;
  relationIds: string[];
  relationNames: string[];
  /** The best effective class among the plan's relations (A before B before C); null when none has one. */
  cls: AbcClass | null;
  ownerId: string | null;
  ownerName: string;
  completeness: number;
  errors: number;
  warnings: number;
  updatedAt: string;
  /** The plan is deleted (its card says so): left out of the list unless deleted plans are asked for. */
  deleted: boolean;
}

const CLASS_RANK: Record<AbcClass, number> = { A: 0, B: 1, C: 2 };

export function buildPlanRows(
  ws: WorkspaceDoc,
  classOf: ReadonlyMap<string, Pick<ClassifiedRelation, 'class'>>,
): PlanRow[] {
  return Object.values(ws.plans ?? {}).map((card: PlanCard) => {
    const classes = card.relationIds
      .map((id) => classOf.get(id)?.class ?? null)
      .filter((c): c is AbcClass => c !== null)
      .sort((a, b) => CLASS_RANK[a] - CLASS_RANK[b]);
    return {
      id: card.id,
      title: card.title,
      relationIds: card.relationIds,
      relationNames: relationNamesOf(ws.relations, card.relationIds),
      cls: classes[0] ?? null,
      ownerId: card.ownerId,
      ownerName: card.ownerId ? (ws.professionals[card.ownerId]?.name ?? '') : '',
      completeness: card.completeness,
      errors: card.errors,
      warnings: card.warnings,
      updatedAt: card.updatedAt,
      deleted: card.deleted === true,
    };
  });
}

export interface PlanFilters {
  /** Matches title, relation names and owner, case- and accent-insensitively. */
  query: string;
  /** '' for all. */
  cls: AbcClass | '';
  /** A professional id, 'none' for plans without an owner, '' for all. */
  owner: string;
  /** Only plans with at least one error. */
  withErrors: boolean;
  /** Only the deleted plans (else only those in use). */
  deleted?: boolean;
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export function filterPlanRows(rows: readonly PlanRow[], f: PlanFilters): PlanRow[] {
  const q = fold(f.query.trim());
  return rows.filter(
    (r) =>
      (!q || fold([r.title, ...r.relationNames, r.ownerName].join(' ')).includes(q)) &&
      (!f.cls || r.cls === f.cls) &&
      (!f.owner || (f.owner === 'none' ? r.ownerId === null : r.ownerId === f.owner)) &&
      (!f.withErrors || r.errors > 0) &&
      r.deleted === (f.deleted ?? false),
  );
}

export const PLAN_SORT_KEYS = [
  'title',
  'relation',
  'cls',
  'owner',
  'completeness',
  'findings',
  'updatedAt',
] as const;
export type PlanSortKey = (typeof PLAN_SORT_KEYS)[number];
export interface PlanSort {
  key: PlanSortKey;
  dir: 'asc' | 'desc';
}

/** Sort a copy; ties fall back to the title, then the id, so the order is stable. */
export function sortPlanRows(rows: readonly PlanRow[], sort: PlanSort, collator: Intl.Collator): PlanRow[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  const by = (a: PlanRow, b: PlanRow): number => {
    switch (sort.key) {
      case 'title':
        return collator.compare(a.title, b.title);
      case 'relation':
        return collator.compare(a.relationNames.join(', '), b.relationNames.join(', '));
      case 'cls':
        return (a.cls ? CLASS_RANK[a.cls] : 9) - (b.cls ? CLASS_RANK[b.cls] : 9);
      case 'owner':
        return collator.compare(a.ownerName, b.ownerName);
      case 'completeness':
        return a.completeness - b.completeness;
      case 'findings':
        return a.errors - b.errors || a.warnings - b.warnings;
      case 'updatedAt':
        return a.updatedAt < b.updatedAt ? -1 : a.updatedAt > b.updatedAt ? 1 : 0;
    }
  };
  return [...rows].sort(
    (a, b) => sign * by(a, b) || collator.compare(a.title, b.title) || (a.id < b.id ? -1 : 1),
  );
}

/** A relations (effective class A) that no plan in use (not deleted) covers, by name. */
export function aRelationsWithoutPlan(
  ws: WorkspaceDoc,
  classOf: ReadonlyMap<string, Pick<ClassifiedRelation, 'class'>>,
  collator: Intl.Collator,
): { id: string; name: string; ownerId: string | null }[] {
  const covered = new Set(plansInUse(ws.plans).flatMap((p) => p.relationIds));
  return Object.values(ws.relations)
    .filter((r) => classOf.get(r.id)?.class === 'A' && !covered.has(r.id))
    .map((r) => ({ id: r.id, name: r.name, ownerId: r.ownerId }))
    .sort((a, b) => collator.compare(a.name, b.name));
}
