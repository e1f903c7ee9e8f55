/**
 * Everything the screens derive from the workspace document, computed once with core/ functions and
 * shared: the ABC classification, the Pareto figures and team fit. Memos recompute only when the data
 * they read changes.
 */
import { createMemo, type Accessor } from 'solid-js';
import {
  classify,
  criteriaInOrder,
  pareto,
  teamFit,
  type ClassifiedRelation,
  type ClassifyResult,
  type ParetoResult,
  type TeamFitResult,
} from '../../../core/abc/index.ts';
import type { Criterion, WorkspaceDoc } from '../../../core/model/index.ts';

export interface WorkspaceDerived {
  criteria: Accessor<Criterion[]>;
  classification: Accessor<ClassifyResult | null>;
  /** Classification per relation id. */
  classOf: Accessor<Map<string, ClassifiedRelation>>;
  pareto: Accessor<ParetoResult | null>;
  teamFit: Accessor<TeamFitResult | null>;
}

export function createDerived(data: Accessor<WorkspaceDoc | null>): WorkspaceDerived {
  const criteria = createMemo(() => {
    const d = data();
    return d ? criteriaInOrder(d.criteria) : [];
  });
  const classification = createMemo(() => {
    const d = data();
    if (!d) return null;
    return classify({
      criteria: criteria(),
      relations: Object.values(d.relations),
      scores: d.scores,
      settings: d.settings.classification,
    });
  });
  const classOf = createMemo(() => new Map((classification()?.relations ?? []).map((r) => [r.id, r])));
  const paretoResult = createMemo(() => {
    const d = data();
    return d ? pareto(Object.values(d.relations), d.settings.classification.kinds) : null;
  });
  const fit = createMemo(() => {
    const d = data();
    const c = classification();
    if (!d || !c) return null;
    return teamFit({
      relations: c.relations.map((r) => ({
        id: r.id,
        ownerId: d.relations[r.id]?.ownerId ?? null,
        class: r.class,
      })),
      professionals: Object.values(d.professionals),
    });
  });
  return { criteria, classification, classOf, pareto: paretoResult, teamFit: fit };
}
