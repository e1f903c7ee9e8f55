/** The account plan document (DOMAIN.md §3, §4, §5): one Yjs document per plan. */
import * as z from 'zod/mini';
import { Id, IsoDate, IsoDateTime, Label, Money, SCHEMA_VERSION, Text, collection } from './common.ts';

/** The 4 P's: Project, Persoon (person), Proces (process), Partnership. */
export const QUADRANTS = ['project', 'person', 'process', 'partnership'] as const;
export const Quadrant = z.enum(QUADRANTS);
export type Quadrant = z.infer<typeof Quadrant>;

export const BENEFIT_LEVELS = ['organisation', 'order', 'person'] as const;
export const BenefitLevel = z.enum(BENEFIT_LEVELS);
export type BenefitLevel = z.infer<typeof BenefitLevel>;

export const GOAL_CATEGORIES = [
  'retention',
  'crossSell',
  'satisfaction',
  'pricing',
  'newServices',
  'revenue',
  'other',
] as const;
export const GoalCategory = z.enum(GOAL_CATEGORIES);
export type GoalCategory = z.infer<typeof GoalCategory>;

export const ACTION_STATUSES = ['planned', 'done', 'cancelled'] as const;
export const ActionStatus = z.enum(ACTION_STATUSES);
export type ActionStatus = z.infer<typeof ActionStatus>;

/** Trust pyramid layers (seed 002), from least to most trust-building. */
export const PYRAMID_LAYERS = ['ownSales', 'media', 'independent', 'references'] as const;
export const PyramidLayer = z.enum(PYRAMID_LAYERS);
export type PyramidLayer = z.infer<typeof PyramidLayer>;

/** The KPI library of seed 000; `custom` for anything else. */
export const KPI_KINDS = [
  'dmuKnowledge',
  'introductionsPerMonth',
  'networkGrowth',
  'ambassadors',
  'unknownRequestsPerQuarter',
  'dataCompleteness',
  'planGrowth',
  'satisfaction',
  'contactMoments',
  'newServicesDiscussed',
  'innovationsStarted',
  'custom',
] as const;
export const KpiKind = z.enum(KPI_KINDS);
export type KpiKind = z.infer<typeof KpiKind>;

export const Goal = z.looseObject({
  id: Id,
  title: Label,
  category: GoalCategory,
  /** What is measured, e.g. "satisfaction score". Empty string = not filled in. */
  metric: Label,
  baseline: Label,
  target: Label,
  deadline: z.nullable(IsoDate),
  order: z.number(),
});
export type Goal = z.infer<typeof Goal>;

/** The KPI (prestatie-indicator) of one action: what shows it worked, and the target. */
export const ActionKpi = z.looseObject({
  name: Label,
  target: Label,
});
export type ActionKpi = z.infer<typeof ActionKpi>;

/**
 * Where an action comes from when it was not written on the plan page: a commitment made in a meeting
 * (DOMAIN.md §7). It is written with the action and never changed, so whoever's browser files the action in the
 * plan — the author's, the facilitator's, a colleague's completing it on a later load — writes the same value,
 * and the history credits the action to the person who made the commitment (core/history `diffPlan`).
 */
export const ActionSource = z.looseObject({
  /** The meeting board the commitment was made on. */
  boardId: z.nullable(Id),
  commitmentId: Id,
  /** Who made the commitment (a person id, as the board's `authorId`); null when the board did not record it. */
  authorId: z.nullable(Id),
  /** Their name when they made it (Commitment.authorName), for a history that has no other name for them. */
  authorName: z.optional(z.nullable(z.string().check(z.maxLength(200)))),
});
export type ActionSource = z.infer<typeof ActionSource>;

export const Action = z.looseObject({
  id: Id,
  /** What. */
  what: Text,
  /** Who: a professional id. */
  ownerId: z.nullable(Id),
  /** When. */
  due: z.nullable(IsoDate),
  /** Why: the goal it serves. */
  goalId: z.nullable(Id),
  kpi: z.nullable(ActionKpi),
  quadrant: Quadrant,
  /** Budgeted cost, ≥ 0. */
  cost: Money,
  status: ActionStatus,
  result: Text,
  pyramidLayer: z.optional(z.nullable(PyramidLayer)),
  order: z.number(),
  /** Optional: actions written on the plan page (and every action from before it) have none. */
  source: z.optional(z.nullable(ActionSource)),
});
export type Action = z.infer<typeof Action>;

export const Benefit = z.looseObject({
  id: Id,
  level: BenefitLevel,
  description: Label,
});
export type Benefit = z.infer<typeof Benefit>;

export const Measurement = z.object({ date: IsoDate, value: z.number() });
export type Measurement = z.infer<typeof Measurement>;

export const Kpi = z.looseObject({
  id: Id,
  kind: KpiKind,
  /** Display name; for library KPIs the UI shows the catalog name when empty. */
  name: Label,
  target: z.nullable(z.number()),
  /** Entered measurements (computed KPIs derive their value from workspace data instead). */
  measurements: z.array(Measurement),
});
export type Kpi = z.infer<typeof Kpi>;

/** The plan's texts people co-edit live (Y.Text each), by path: the document layer and the history read this list. */
export const PLAN_TEXTS = [
  'situation.text',
  'situation.currentServices',
  'situation.relationshipForm',
  'developments',
  'strategy.text',
  'summary',
  'closing',
] as const;
export type PlanTextPath = (typeof PLAN_TEXTS)[number];

export const AccountPlanDoc = z.looseObject({
  schemaVersion: z.literal(SCHEMA_VERSION.plan),
  id: Id,
  workspaceId: Id,
  /** One relation, or a group of relations. At least one. */
  relationIds: z.array(Id).check(z.minLength(1)),
  title: Label,
  /** The professional who owns the plan and presents it (optional: plans made before it existed have none). */
  ownerId: z.optional(z.nullable(Id)),
  createdAt: IsoDateTime,
  /** Last change to anything in the plan: drives `plan.stale`. */
  updatedAt: IsoDateTime,
  /** Opening of the ruitmodel: the plan in 1–4 key points. */
  keyPoints: z.array(Label).check(z.maxLength(4)),
  situation: z.looseObject({
    text: Text,
    currentServices: Text,
    /** Vorm van de relatie. */
    relationshipForm: Text,
  }),
  /** Developments at the client in the coming 3 years. */
  developments: Text,
  goals: collection(Goal),
  strategy: z.looseObject({
    text: Text,
    quadrants: z.array(Quadrant),
    benefits: collection(Benefit),
  }),
  actions: collection(Action),
  kpis: collection(Kpi),
  /** The plan's reserved budget; null when none is set. */
  budget: z.nullable(Money),
  summary: Text,
  /** Closing of the ruitmodel: the conclusion or the ask. */
  closing: Text,
  /**
   * When the plan was deleted (ISO date-time), null or absent while it is in use. A deleted plan keeps its
   * document and history; the plan list leaves it out (its card says `deleted`) and it can be restored.
   */
  deletedAt: z.optional(z.nullable(IsoDateTime)),
});
export type AccountPlanDoc = z.infer<typeof AccountPlanDoc>;
