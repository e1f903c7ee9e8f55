/**
 * Account plans in the app (DOMAIN.md §4): opening one with everything the screens derive from it, making a
 * new one, and keeping the workspace's plan index (its `PlanCard`s) in step with the plans people edit.
 *
 * - `usePlan(id)` holds the plan's document for the calling component's lifetime (through the registry, so
 *   the plan page and its presentation share one Y.Doc) and derives, with core/plan, the findings and the
 *   completeness on every change.
 * - While a writable plan is open, its card in the workspace is updated (debounced) whenever its summary
 *   changes — so the plan list shows completeness, errors and owner of 200 plans without opening any.
 * - `createPlan` seeds a new plan document exactly once, in the creating tab, then adds its card.
 */
import { createMemo, type Accessor } from 'solid-js';
import type { AccountPlanDoc, Contact, PlanCard, WorkspaceDoc } from '../../../core/model/index.ts';
import { planCompleteness, validatePlan, type Finding } from '../../../core/plan/index.ts';
import { createPlanDoc, type Result } from '../../../doc/index.ts';
import { createIndexedDoc, keepCardInStep, useDoc } from './indexedDocs.ts';
import { createSettled } from './settled.ts';
import type { DocHandle } from './docs.ts';
import type { WorkspaceSession } from './session.ts';

export interface FindingCounts {
  errors: number;
  warnings: number;
  infos: number;
}

export interface PlanSession {
  handle: DocHandle<'plan'>;
  /** The plan's valid data as a reactive store (null while loading or when unreadable). */
  plan: Accessor<AccountPlanDoc | null>;
  /** The plan as plain objects, recomputed on each change (for derived figures). */
  plain: Accessor<AccountPlanDoc | null>;
  /**
   * `plain`, settled (./settled.ts): 300 ms after the last change, at least every 2 s while changes keep
   * coming, at once before printing — for heavy derived views (timeline, 4P matrix, print summary) that must
   * not redraw on every keystroke of a 500-action plan.
   */
  settled: Accessor<AccountPlanDoc | null>;
  /** core/plan findings, sorted by severity then path. */
  findings: Accessor<Finding[]>;
  /** 0–100 (core/plan completeness). */
  completeness: Accessor<number | null>;
  counts: Accessor<FindingCounts>;
  /**
   * True when nothing in the plan may be edited here: a viewer, a plan still loading (`handle.readOnly`), or a
   * deleted plan (`deletedAt`; its intents refuse every edit but restoring it, doc/intents/plan.ts).
   */
  readOnly: Accessor<boolean>;
}

/** Today as `YYYY-MM-DD` in the user's time zone (./today.ts). */
export { todayIso as localToday } from './today.ts';
import { todayIso as localToday } from './today.ts';

/** The contacts of the plan's relations (what `dmu.noDecider` and the DMU map read). */
export function planContacts(ws: WorkspaceDoc, relationIds: readonly string[]): Contact[] {
  const ids = new Set(relationIds);
  return Object.values(ws.contacts).filter((c) => ids.has(c.relationId));
}

/** Validate a plan against the workspace: `validatePlan` with its professionals, contacts and today. */
export function planFindings(plan: AccountPlanDoc, ws: WorkspaceDoc, today: string): Finding[] {
  return validatePlan(plan, {
    professionals: ws.professionals,
    contacts: planContacts(ws, plan.relationIds),
    today,
  });
}

export function countFindings(findings: readonly Finding[]): FindingCounts {
  const counts = { errors: 0, warnings: 0, infos: 0 };
  for (const f of findings) {
    if (f.severity === 'error') counts.errors++;
    else if (f.severity === 'warning') counts.warnings++;
    else counts.infos++;
  }
  return counts;
}

/** The workspace's card of a plan: what the plan list shows without opening the plan. */
export function planCardOf(plan: AccountPlanDoc, findings: readonly Finding[], today: string): PlanCard {
  const counts = countFindings(findings);
  return {
    id: plan.id,
    title: plan.title,
    relationIds: [...plan.relationIds],
    ownerId: plan.ownerId ?? null,
    completeness: planCompleteness(findings),
    errors: counts.errors,
    warnings: counts.warnings,
    updatedAt: plan.updatedAt,
    checkedOn: today,
    deleted: Boolean(plan.deletedAt),
  };
}

/**
 * Open plan `id` for the calling component's lifetime. `today` is read once per call site (a plan page
 * open across midnight keeps yesterday's "overdue" until it is opened again).
 */
export function usePlan(session: WorkspaceSession, id: string): PlanSession {
  const { handle, plain } = useDoc(session, 'plan', id);
  const store = handle.store;
  const today = localToday();

  const workspacePlain = createMemo(() => {
    session.store.version();
    return session.store.plain().data;
  });
  const findings = createMemo<Finding[]>(() => {
    const p = plain();
    const ws = workspacePlain();
    const out = p && ws ? planFindings(p, ws, today) : [];
    performance.mark('haard:plan:checked'); // for bench:app (keystroke → findings)
    return out;
  });
  const completeness = createMemo(() => (plain() ? planCompleteness(findings()) : null));
  const counts = createMemo(() => countFindings(findings()));

  // Keep the workspace's card of this plan in step (bookkeeping; skipped for viewers and while loading).
  const card = createMemo(() => {
    const p = plain();
    return p ? planCardOf(p, findings(), today) : null;
  });
  keepCardInStep(session, handle, card, (c) => session.store.intents.putPlanCard(c));

  const settled = createSettled(plain);

  return {
    handle,
    plan: () => store.state.data,
    plain,
    settled,
    findings,
    completeness,
    counts,
    readOnly: () => handle.readOnly() || Boolean(store.state.data?.deletedAt),
  };
}

export interface NewPlanInput {
  relationIds: string[];
  title: string;
  ownerId: string | null;
}

/**
 * Make a new account plan: seed its document once (after its empty local copy has loaded), add its card to
 * the workspace, and return its id. The document stays open (kept alive) for the page that opens next.
 */
export async function createPlan(
  session: WorkspaceSession,
  input: NewPlanInput,
  now = new Date(),
): Promise<Result<string>> {
  const today = localToday(now);
  return createIndexedDoc(
    session,
    'plan',
    (handle, id) =>
      createPlanDoc(handle.binding.doc, {
        id,
        workspaceId: session.invite.workspaceId,
        relationIds: input.relationIds,
        title: input.title,
        ownerId: input.ownerId,
        now: now.toISOString(),
      }),
    (plan) => {
      const ws = session.store.plain().data;
      const findings = ws ? planFindings(plan, ws, today) : [];
      return session.store.intents.putPlanCard(planCardOf(plan, findings, today));
    },
  );
}
