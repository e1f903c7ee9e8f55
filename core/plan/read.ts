/**
 * A defensive reading of a plan that may not fit AccountPlanDoc (a peer's bad data, a hand-edited
 * export): every field is read on its own, so each rule still runs on what is readable.
 *
 * Each field ends up as one of three things:
 * - **missing**: absent, `null`, or a blank string (empty or whitespace) — what the rules report;
 * - **a value** of the expected type;
 * - **unreadable**: present but of another type, or a string that is not a date where a date belongs.
 *   The schema check already reports it as `schema.invalid`, so the rules stay silent about it.
 *
 * Collections are records keyed by id; the key is the record's identity (and its path). A record entry
 * that is not an object still exists (an action may point to that goal) but no rule reads its fields.
 * A collection that is not a record reads as empty.
 */
import { dateOf, dayNumber } from '../dates.ts';
import { ACTION_STATUSES, QUADRANTS, type ActionStatus, type Quadrant } from '../model/index.ts';

export type Ref = { kind: 'missing' } | { kind: 'unreadable' } | { kind: 'set'; id: string };
export type DateField =
  { kind: 'missing' } | { kind: 'unreadable' } | { kind: 'set'; date: string; day: number };

export const GOAL_FIELDS = ['metric', 'target', 'deadline'] as const;
export type GoalField = (typeof GOAL_FIELDS)[number];
export type KpiGap = 'kpi' | 'name' | 'target';

export interface GoalView {
  key: string;
  /** The entry is an object, so its fields can be checked. */
  readable: boolean;
  label: string;
  /** Which of metric, target and deadline are missing, in that order. */
  missing: GoalField[];
}

export interface ActionView {
  key: string;
  label: string;
  /** `null` when the status is not one of the known statuses. */
  status: ActionStatus | null;
  owner: Ref;
  goal: Ref;
  due: DateField;
  /** What of the KPI is missing (`[]` when complete); `null` when the KPI is unreadable. */
  kpiGaps: KpiGap[] | null;
  quadrant: Quadrant | null;
  /** A finite cost ≥ 0, or `null` when unreadable. */
  cost: number | null;
}

export type Section = 'situation' | 'developments' | 'strategy';

export interface PlanView {
  /** `null` when not a list: then contacts are not filtered by relation. */
  relationIds: string[] | null;
  /** The calendar date (UTC) of `updatedAt`, or `null` when unreadable. */
  updatedOn: string | null;
  emptySections: { section: Section; path: string }[];
  goals: GoalView[];
  /** Only entries that are objects. */
  actions: ActionView[];
  /** The reserved budget; `null` when not set or unreadable. */
  budget: number | null;
}

const UNREADABLE: unique symbol = Symbol('unreadable');

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Own field `key` of `v`; `undefined` when `v` is absent; UNREADABLE when `v` is not an object. */
function get(v: unknown, key: string): unknown {
  if (v === undefined || v === null) return undefined;
  if (!isRecord(v)) return UNREADABLE;
  return Object.hasOwn(v, key) ? v[key] : undefined;
}

export const isBlank = (v: unknown): boolean =>
  v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

export const entriesOf = (v: unknown): [string, unknown][] => (isRecord(v) ? Object.entries(v) : []);

function readRef(v: unknown): Ref {
  if (isBlank(v)) return { kind: 'missing' };
  return typeof v === 'string' ? { kind: 'set', id: v } : { kind: 'unreadable' };
}

function readDate(v: unknown): DateField {
  if (isBlank(v)) return { kind: 'missing' };
  const day = typeof v === 'string' ? dayNumber(v) : null;
  return day === null ? { kind: 'unreadable' } : { kind: 'set', date: v as string, day };
}

const readMoney = (v: unknown): number | null =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null;

const LABEL_MAX = 60;
/** A short, one-line name for messages: the text, whitespace collapsed and cut at 60 characters; else the key. */
function labelOf(text: unknown, key: string): string {
  if (typeof text !== 'string') return key;
  const line = text.replace(/\s+/g, ' ').trim();
  if (line === '') return key;
  return line.length > LABEL_MAX ? `${line.slice(0, LABEL_MAX - 1).trimEnd()}…` : line;
}

function readGoal(key: string, raw: unknown): GoalView {
  if (!isRecord(raw)) return { key, readable: false, label: key, missing: [] };
  return {
    key,
    readable: true,
    label: labelOf(raw.title, key),
    missing: GOAL_FIELDS.filter((field) => isBlank(get(raw, field))),
  };
}

function readKpi(v: unknown): KpiGap[] | null {
  if (v === undefined || v === null) return ['kpi'];
  if (!isRecord(v)) return null;
  const gaps: KpiGap[] = [];
  if (isBlank(get(v, 'name'))) gaps.push('name');
  if (isBlank(get(v, 'target'))) gaps.push('target');
  return gaps;
}

const oneOf = <T extends string>(values: readonly T[], v: unknown): T | null =>
  typeof v === 'string' && (values as readonly string[]).includes(v) ? (v as T) : null;

function readAction(key: string, raw: Record<string, unknown>): ActionView {
  return {
    key,
    label: labelOf(get(raw, 'what'), key),
    status: oneOf(ACTION_STATUSES, get(raw, 'status')),
    owner: readRef(get(raw, 'ownerId')),
    goal: readRef(get(raw, 'goalId')),
    due: readDate(get(raw, 'due')),
    kpiGaps: readKpi(get(raw, 'kpi')),
    quadrant: oneOf(QUADRANTS, get(raw, 'quadrant')),
    cost: readMoney(get(raw, 'cost')),
  };
}

export function readPlan(plan: unknown): PlanView {
  const relationIds = get(plan, 'relationIds');
  const updatedAt = get(plan, 'updatedAt');
  const budget = get(plan, 'budget');

  const sections: { section: Section; path: string; value: unknown }[] = [
    { section: 'situation', path: 'situation.text', value: get(get(plan, 'situation'), 'text') },
    { section: 'developments', path: 'developments', value: get(plan, 'developments') },
    { section: 'strategy', path: 'strategy.text', value: get(get(plan, 'strategy'), 'text') },
  ];

  const actions: ActionView[] = [];
  for (const [key, raw] of entriesOf(get(plan, 'actions'))) {
    if (isRecord(raw)) actions.push(readAction(key, raw));
  }

  return {
    relationIds: Array.isArray(relationIds)
      ? relationIds.filter((id): id is string => typeof id === 'string')
      : null,
    updatedOn: typeof updatedAt === 'string' ? dateOf(updatedAt) : null,
    emptySections: sections.filter((s) => isBlank(s.value)).map(({ section, path }) => ({ section, path })),
    goals: entriesOf(get(plan, 'goals')).map(([key, raw]) => readGoal(key, raw)),
    actions,
    budget: readMoney(budget),
  };
}
