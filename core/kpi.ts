/**
 * Measuring (DOMAIN.md §5): the KPI library of seed 000, and the values Haard can compute from its own
 * data. Everything else is entered as dated measurements.
 *
 * Definitions, over the relation(s) a plan is for (`relationIds`; a group plan sums / pools them):
 * - **contactMoments** — the number of contact log entries of the relations dated in a window, both ends
 *   included; by default the 365 days up to and including `today` (as in core/fire.ts). Entries after
 *   `today` are planned, not contact, and never count. One entry is one moment, of any type.
 * - **dmuKnowledge** (0–5) — the mean relationship strength of the relations' contacts; 0 when there are
 *   no contacts (we know nobody).
 * - **dataCompleteness** (0–100) — the share of filled fields, counted field by field over the relations
 *   and their contacts. Relation: name, sector, revenue, potential, owner, and "has at least one contact".
 *   Contact: name, title, DMU role, attitude, a way to reach them (e-mail or phone), and someone of us who
 *   knows them. Personal facts (birthday, hobbies, car, coffee), notes, tags and the account team do not
 *   count: they are optional, and personal facts are personal data nobody should be nudged to collect.
 *   `null` when none of the relations exists.
 * - **ambassadors** — distinct contacts of the relations that have the DMU role `champion`, or that took
 *   part in a logged contact (on or before `today`) carrying an `ambassador` signal, handled or not
 *   (DOMAIN §9). Only contacts that still exist and belong to one of the relations count.
 * - **planGrowth** stays entered: computing it would need two snapshots of the plan half a year apart,
 *   which Haard does not keep.
 */
import { dayNumber, fromDayNumber } from './dates.ts';
import { listOf, todayNumber, YEAR_DAYS, type Many } from './fire.ts';
import type { Contact, ContactLogEntry, Kpi, KpiKind, Relation } from './model/index.ts';

export type KpiUnit = 'count' | 'score' | 'percent' | 'number';
export type KpiPeriod = 'month' | 'quarter' | 'halfYear' | 'year' | null;

export interface KpiDefinition {
  kind: KpiKind;
  /** Computed from workspace data, or entered as measurements. */
  computed: boolean;
  unit: KpiUnit;
  /** The scale for scores and percentages; `null` for open-ended counts. */
  scale: { min: number; max: number } | null;
  /** The period a value covers, when it is a rate. */
  period: KpiPeriod;
}

const def = (
  kind: KpiKind,
  computed: boolean,
  unit: KpiUnit,
  scale: KpiDefinition['scale'] = null,
  period: KpiPeriod = null,
): KpiDefinition => ({ kind, computed, unit, scale, period });

/** The KPI library: what each kind measures and whether Haard computes it. */
export const KPI_LIBRARY: Readonly<Record<KpiKind, KpiDefinition>> = {
  dmuKnowledge: def('dmuKnowledge', true, 'score', { min: 0, max: 5 }),
  introductionsPerMonth: def('introductionsPerMonth', false, 'count', null, 'month'),
  networkGrowth: def('networkGrowth', false, 'count'),
  ambassadors: def('ambassadors', true, 'count'),
  unknownRequestsPerQuarter: def('unknownRequestsPerQuarter', false, 'count', null, 'quarter'),
  dataCompleteness: def('dataCompleteness', true, 'percent', { min: 0, max: 100 }),
  planGrowth: def('planGrowth', false, 'percent', null, 'halfYear'),
  /** Seed 000 aims for a 9: the Dutch school scale 1–10. */
  satisfaction: def('satisfaction', false, 'score', { min: 1, max: 10 }),
  contactMoments: def('contactMoments', true, 'count', null, 'year'),
  newServicesDiscussed: def('newServicesDiscussed', false, 'count'),
  innovationsStarted: def('innovationsStarted', false, 'count'),
  custom: def('custom', false, 'number'),
};

export const isComputedKpi = (kind: KpiKind): boolean => KPI_LIBRARY[kind].computed;

/** The workspace data the computed KPIs read (a `WorkspaceDoc` fits). */
export interface KpiData {
  relations: Many<Relation>;
  contacts: Many<Contact>;
  contactLog: Many<ContactLogEntry>;
}

export interface KpiContext {
  workspace: KpiData;
  /** The relation(s) the plan is for. */
  relationIds: readonly string[];
  today: string;
  /** For contactMoments: the window, both ends included; default the 365 days up to today. */
  window?: DateWindow;
}

export interface DateWindow {
  from: string;
  to: string;
}

/** The window of "the last year": the 365 days up to and including `today`. */
export function lastYearWindow(today: string): DateWindow {
  const end = todayNumber(today);
  return { from: fromDayNumber(end - (YEAR_DAYS - 1)), to: today };
}

/**
 * Contact log entries of the relations dated within `window` (both ends included), never after `today`.
 * An empty count is 0; an unreadable window counts nothing.
 */
export function contactMoments(
  relationIds: readonly string[],
  log: Many<ContactLogEntry>,
  today: string,
  window: DateWindow = lastYearWindow(today),
): number {
  const ids = new Set(relationIds);
  const from = dayNumber(window.from);
  const to = Math.min(dayNumber(window.to) ?? -Infinity, todayNumber(today));
  if (from === null) return 0;
  let n = 0;
  for (const entry of listOf(log)) {
    if (!ids.has(entry.relationId)) continue;
    const day = dayNumber(entry.date);
    if (day !== null && day >= from && day <= to) n++;
  }
  return n;
}

const contactsOf = (relationIds: readonly string[], contacts: Many<Contact>): Contact[] => {
  const ids = new Set(relationIds);
  return listOf(contacts).filter((c) => ids.has(c.relationId));
};

/** Mean relationship strength (0–5) of the relations' contacts; 0 when they have none. */
export function dmuKnowledge(relationIds: readonly string[], contacts: Many<Contact>): number {
  const own = contactsOf(relationIds, contacts);
  if (own.length === 0) return 0;
  return own.reduce((sum, c) => sum + c.strength, 0) / own.length;
}

const filled = (s: string | null | undefined) => typeof s === 'string' && s.trim() !== '';

/** The completeness fields of a relation, in display order; each `true` when filled. */
export function relationFields(relation: Relation, contactCount: number): Record<string, boolean> {
  return {
    name: filled(relation.name),
    sector: filled(relation.sector),
    revenue: relation.revenue !== null,
    potential: relation.potential !== null,
    owner: relation.ownerId !== null,
    contacts: contactCount > 0,
  };
}

/** The completeness fields of a contact; personal facts are deliberately not among them. */
export function contactFields(contact: Contact): Record<string, boolean> {
  return {
    name: filled(contact.name),
    title: filled(contact.title),
    dmuRole: contact.dmuRole !== null,
    attitude: contact.attitude !== null,
    reachable: filled(contact.email) || filled(contact.phone),
    knownBy: contact.knownBy.length > 0,
  };
}

export interface Completeness {
  /** 0–100; `null` when none of the relations exists. */
  percent: number | null;
  filled: number;
  total: number;
  /** What is missing, as `relations.<id>.<field>` / `contacts.<id>.<field>`, sorted. */
  missing: string[];
}

/** Share of filled fields over the relations and their contacts (see the module comment). */
export function dataCompleteness(
  relationIds: readonly string[],
  data: Pick<KpiData, 'relations' | 'contacts'>,
): Completeness {
  const ids = new Set(relationIds);
  const relations = listOf(data.relations).filter((r) => ids.has(r.id));
  const existing = new Set(relations.map((r) => r.id));
  const contacts = listOf(data.contacts).filter((c) => existing.has(c.relationId));
  let done = 0;
  let total = 0;
  const missing: string[] = [];
  const tally = (prefix: string, fields: Record<string, boolean>) => {
    for (const [field, ok] of Object.entries(fields)) {
      total++;
      if (ok) done++;
      else missing.push(`${prefix}.${field}`);
    }
  };
  for (const r of relations) {
    tally(`relations.${r.id}`, relationFields(r, contacts.filter((c) => c.relationId === r.id).length));
  }
  for (const c of contacts) tally(`contacts.${c.id}`, contactFields(c));
  missing.sort();
  return { percent: total === 0 ? null : (done / total) * 100, filled: done, total, missing };
}

export type AmbassadorReason = 'champion' | 'signal';

export interface Ambassador {
  contactId: string;
  relationId: string;
  name: string;
  reasons: AmbassadorReason[];
}

/** The ambassadors of the relations, by contact id (DOMAIN §9, see the module comment). */
export function ambassadors(relationIds: readonly string[], data: KpiData, today: string): Ambassador[] {
  const now = todayNumber(today);
  const ids = new Set(relationIds);
  const own = new Map(contactsOf(relationIds, data.contacts).map((c) => [c.id, c]));
  const found = new Map<string, Set<AmbassadorReason>>();
  const add = (contactId: string, reason: AmbassadorReason) => {
    if (!own.has(contactId)) return;
    const reasons = found.get(contactId) ?? new Set<AmbassadorReason>();
    reasons.add(reason);
    found.set(contactId, reasons);
  };
  for (const c of own.values()) if (c.dmuRole === 'champion') add(c.id, 'champion');
  for (const entry of listOf(data.contactLog)) {
    if (!ids.has(entry.relationId)) continue;
    const day = dayNumber(entry.date);
    if (day === null || day > now) continue;
    if (!Object.values(entry.signals).some((s) => s.kind === 'ambassador')) continue;
    for (const contactId of entry.contactIds) add(contactId, 'signal');
  }
  return [...found.entries()]
    .map(([contactId, reasons]) => {
      const contact = own.get(contactId) as Contact;
      return {
        contactId,
        relationId: contact.relationId,
        name: contact.name,
        reasons: (['champion', 'signal'] as const).filter((r) => reasons.has(r)),
      };
    })
    .sort((a, b) => (a.contactId < b.contactId ? -1 : a.contactId > b.contactId ? 1 : 0));
}

/** The value Haard computes for a computed kind; `null` for entered kinds or when there is nothing to measure. */
export function computeKpi(kind: KpiKind, ctx: KpiContext): number | null {
  const { workspace, relationIds, today } = ctx;
  switch (kind) {
    case 'contactMoments':
      return contactMoments(relationIds, workspace.contactLog, today, ctx.window ?? lastYearWindow(today));
    case 'dmuKnowledge':
      return dmuKnowledge(relationIds, workspace.contacts);
    case 'dataCompleteness':
      return dataCompleteness(relationIds, workspace).percent;
    case 'ambassadors':
      return ambassadors(relationIds, workspace, today).length;
    default:
      return null;
  }
}

export interface KpiValue {
  value: number;
  /** `today` for a computed value, the measurement's date otherwise. */
  date: string;
  source: 'computed' | 'measured';
}

/**
 * The latest value of a KPI: computed from the workspace when its kind is computed, otherwise the
 * measurement with the latest date (on equal dates, the one entered last). `null` when there is none.
 */
export function kpiValue(kpi: Kpi, ctx: KpiContext): KpiValue | null {
  if (isComputedKpi(kpi.kind)) {
    const value = computeKpi(kpi.kind, ctx);
    return value === null ? null : { value, date: ctx.today, source: 'computed' };
  }
  let latest: { date: string; value: number } | null = null;
  let latestDay = -Infinity;
  for (const m of kpi.measurements) {
    const day = dayNumber(m.date);
    if (day === null || !Number.isFinite(m.value)) continue;
    if (day >= latestDay) {
      latestDay = day;
      latest = m;
    }
  }
  return latest === null ? null : { value: latest.value, date: latest.date, source: 'measured' };
}

/**
 * The share of the target reached: `value / target`, at least 0 and not capped (1.2 = 20% beyond the
 * target). `null` when there is no value, no target, or a target ≤ 0 (no meaningful share).
 */
export function kpiProgress(kpi: Pick<Kpi, 'target'>, value: number | null): number | null {
  const target = kpi.target;
  if (value === null || target === null || !Number.isFinite(value) || !Number.isFinite(target)) return null;
  if (target <= 0) return null;
  return Math.max(0, value / target);
}
