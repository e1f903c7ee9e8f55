/**
 * The registry of document kinds: one spec per kind (doc/kinds/<kind>.ts), from which the layout, checks,
 * migrations, seeding and the intents' collection specs are derived.
 */
import type { DocKind } from '../../protocol/index.ts';
import { meetingSpec } from './meeting.ts';
import { planSpec } from './plan.ts';
import { tournamentSpec } from './tournament.ts';
import type { CollectionDef, KindSpec } from './types.ts';
import { workspaceSpec } from './workspace.ts';

export type { CollectionDef, KindSpec } from './types.ts';
export { INITIAL_LIVE, initialMeeting, type MeetingSeed } from './meeting.ts';
export { PLAN_TEXTS, initialPlan, type PlanSeed, type PlanTextPath } from './plan.ts';
export { initialTournament, type TournamentSeed } from './tournament.ts';
export { initialWorkspace, type WorkspaceSeed } from './workspace.ts';

export const KIND_SPECS: { readonly [K in DocKind]: KindSpec<K> } = {
  workspace: workspaceSpec,
  plan: planSpec,
  meeting: meetingSpec,
  tournament: tournamentSpec,
};

/** The collection of `kind` stored at JSON path `path`; throws for a path the kind does not have (a bug). */
export function collectionDef(kind: DocKind, path: string): CollectionDef {
  const found = KIND_SPECS[kind].collections.find((c) => c.path === path);
  if (!found) throw new Error(`no collection ${path} in ${kind}`);
  return found;
}
