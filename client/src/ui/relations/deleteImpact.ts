/**
 * What hangs on a relation, for the question asked before deleting it (plain data, tested under Node).
 * Deleting a relation also deletes its contacts, contact moments and scores (doc/intents removeRelation) —
 * undo brings them back — but its account plans are documents of their own and stay, so a relation with
 * plans is deleted only after the person has seen which plans will lose it.
 */
import type { WorkspaceDoc } from '../../../../core/model/index.ts';

export interface RelationImpact {
  /** The account plans (workspace plan index) that name the relation, by title. */
  plans: { id: string; title: string }[];
  /** Its DMU contacts (deleted with it). */
  contacts: number;
  /** Its contact-log entries (deleted with it). */
  contactMoments: number;
}

/** What deleting relation `relationId` of `ws` touches. Plans sorted by title (code-unit order), then id. */
export function relationImpact(
  ws: Pick<WorkspaceDoc, 'plans' | 'contacts' | 'contactLog'>,
  relationId: string,
): RelationImpact {
  const plans = Object.values(ws.plans ?? {})
    .filter((p) => p.relationIds.includes(relationId))
    .map((p) => ({ id: p.id, title: p.title }))
    .sort((a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : a.id < b.id ? -1 : 1));
  const count = (records: Readonly<Record<string, { relationId: string }>>) =>
    Object.values(records).filter((r) => r.relationId === relationId).length;
  return { plans, contacts: count(ws.contacts), contactMoments: count(ws.contactLog) };
}

/** Whether deleting needs a question first: when an account plan would lose the relation. */
export const needsConfirmation = (impact: RelationImpact): boolean => impact.plans.length > 0;
