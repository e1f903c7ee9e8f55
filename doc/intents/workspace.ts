/**
 * Workspace intents (DOMAIN.md §1, §2, §5, §6), composed from one handler set per area (Actual Budget's
 * `app.combine` is the model): settings, team, relations and contacts, ABC, contact log, bulk import/restore,
 * the plan and tournament indexes. Each method validates, then writes in one transaction. Two areas defining the same
 * method name is a bug caught when the intents are built.
 */
import type * as Y from 'yjs';
import type { IntentContext, IntentOptions } from './common.ts';
import { abcIntents } from './workspace/abc.ts';
import { contactLogIntents } from './workspace/contactLog.ts';
import { ioIntents } from './workspace/io.ts';
import { planIndexIntents } from './workspace/plans.ts';
import { relationIntents } from './workspace/relations.ts';
import { settingsIntents } from './workspace/settings.ts';
import { teamIntents } from './workspace/team.ts';
import { tournamentIndexIntents } from './workspace/tournaments.ts';
import { meetingIndexIntents } from './workspace/meetings.ts';

export { classificationIssues, type SettingsPatch } from './workspace/settings.ts';
export type { NewProfessional } from './workspace/team.ts';
export { looksLikeEmail, nameKey } from './workspace/team.ts';
export type { NewContact, NewRelation } from './workspace/relations.ts';
export type { NewCriterion } from './workspace/abc.ts';
export type { NewContactLogEntry, NewSignal } from './workspace/contactLog.ts';
export type { ImportCounts, RecordsImport } from './workspace/io.ts';
export { UPKEEP_ORIGIN } from './workspace/plans.ts';

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void
  ? I
  : never;

/** Merge handler sets into one; throws when two define the same name (one would silently shadow the other). */
export function combineIntents<T extends object[]>(...parts: T): UnionToIntersection<T[number]> {
  const out: Record<string, unknown> = {};
  for (const part of parts) {
    for (const [name, fn] of Object.entries(part)) {
      if (name in out) throw new Error(`intent ${name} is defined by two areas`);
      out[name] = fn;
    }
  }
  return out as UnionToIntersection<T[number]>;
}

export function workspaceIntents(doc: Y.Doc, opts: IntentOptions) {
  const ctx: IntentContext = { kind: 'workspace', doc, opts };
  return combineIntents(
    settingsIntents(ctx),
    teamIntents(ctx),
    relationIntents(ctx),
    abcIntents(ctx),
    contactLogIntents(ctx),
    ioIntents(ctx),
    planIndexIntents(ctx),
    tournamentIndexIntents(ctx),
    meetingIndexIntents(ctx),
  );
}

export type WorkspaceIntents = ReturnType<typeof workspaceIntents>;
