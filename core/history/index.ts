/** History (issue 9): what changed between two states of a plan or a workspace — pure, from plain JSON. */
export * from './types.ts';
export * from './text.ts';
export {
  diffPlan,
  diffWorkspace,
  groupChanges,
  mergeAttributions,
  sameJson,
  PLAN_HISTORY_TEXTS,
} from './diff.ts';
