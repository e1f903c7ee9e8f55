/** The meeting board document (DOMAIN.md §7): one Yjs document per relationship-management meeting. */
import * as z from 'zod/mini';
import { Id, IsoDate, IsoDateTime, Label, SCHEMA_VERSION, Text, collection } from './common.ts';
import { ActionKpi, Quadrant } from './plan.ts';

/** The ruitmodel steps of a presentation (seed 004). `plan` has four sub-steps. */
export const RUIT_STEPS = ['opening', 'plan', 'summary', 'closing'] as const;
export const RuitStep = z.enum(RUIT_STEPS);
export type RuitStep = z.infer<typeof RuitStep>;
/** Sub-steps of `plan`: 1 analysis of the current situation, 2 goals, 3 strategy, 4 timeline. */
export const PLAN_SUBSTEPS = ['situation', 'goals', 'strategy', 'timeline'] as const;
export const PlanSubstep = z.enum(PLAN_SUBSTEPS);
export type PlanSubstep = z.infer<typeof PlanSubstep>;

export const AgendaItem = z.looseObject({
  id: Id,
  planId: Id,
  presenterId: Id,
  timeboxMinutes: z.int().check(z.gt(0), z.lte(240)),
  order: z.number(),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

export const REVIEW_OUTCOMES = ['done', 'notDone', 'moved'] as const;
export const ReviewItem = z.looseObject({
  id: Id,
  planId: Id,
  actionId: Id,
  /** Who presents it: the plan's owner (else the action's); null when neither has one. */
  presenterId: z.nullable(Id),
  outcome: z.nullable(z.enum(REVIEW_OUTCOMES)),
  /** The new due date when moved. */
  movedTo: z.nullable(IsoDate),
});
export type ReviewItem = z.infer<typeof ReviewItem>;

export const Card = z.looseObject({
  id: Id,
  agendaItemId: Id,
  authorId: Id,
  kind: z.enum(['question', 'feedback']),
  text: Text,
  createdAt: IsoDateTime,
});
export type Card = z.infer<typeof Card>;

/** A commitment is a new action (owner + due) that lands in that plan's action plan. */
export const Commitment = z.looseObject({
  id: Id,
  agendaItemId: Id,
  planId: Id,
  /** The id of the action created in the plan document. */
  actionId: Id,
  what: Text,
  ownerId: Id,
  due: IsoDate,
  /**
   * True once the action is known to be in the plan (written there, or found there on a later load). A
   * commitment without it is half-made: the next client that opens the board with the plan at hand adds the
   * action under `actionId` (idempotent: an action with that id already there counts as landed). Optional:
   * boards from before it read as not landed and are checked once.
   */
  landed: z.optional(z.boolean()),
  /** Who made the commitment (a person id), for the summary. */
  authorId: z.optional(z.nullable(Id)),
  /**
   * Their name as they gave it when they made it: the plan's history names the author of the action the
   * commitment files even when they never edited the plan themselves. Optional: older boards have none.
   */
  authorName: z.optional(z.nullable(z.string().check(z.maxLength(200)))),
  /**
   * Why: the plan's goal the action serves, and its 4P quadrant — kept on the board so that completing a
   * half-made commitment later files the action exactly as it was made. Optional: older boards have neither
   * (their actions land without a goal, as a project activity).
   */
  goalId: z.optional(z.nullable(Id)),
  quadrant: z.optional(Quadrant),
  /**
   * The title of that goal when the commitment was made, so the summary and its CSV say why without the plan.
   * Optional: commitments made before it fall back to the plan's goal (core/meetingBoard.ts commitmentWhy).
   */
  goalTitle: z.optional(z.nullable(Label)),
  /**
   * The KPI (prestatie-indicator, DOMAIN.md §4.5) the action is measured by, in the plan action's own shape
   * (`Action.kpi`: name and target, each at most 500 characters), filed with the action so the plan has no
   * `action.noKpi` finding for it. Optional and nullable: stating it in a meeting is not required (the plan then
   * shows the finding, as for any action without one), and boards from before it have none.
   */
  kpi: z.optional(z.nullable(ActionKpi)),
});
export type Commitment = z.infer<typeof Commitment>;

export const Success = z.looseObject({
  id: Id,
  text: Text,
  authorId: z.nullable(Id),
  createdAt: z.optional(IsoDateTime),
});
export type Success = z.infer<typeof Success>;

/** The facilitator's live state: what "follow me" follows. */
export const LiveState = z.looseObject({
  status: z.enum(['notStarted', 'running', 'ended']),
  /** Agenda item being presented; null before the first or after the last. */
  agendaItemId: z.nullable(Id),
  step: RuitStep,
  planStep: z.nullable(PlanSubstep),
  /** When the current presentation's timer started; null when not running. */
  timerStartedAt: z.nullable(IsoDateTime),
  /**
   * The person (browser identity) driving the meeting now: their screen has the controls, everyone else
   * follows them. Set by "Start meeting", handed over by the driver. Optional for boards from before it.
   */
  driverId: z.optional(z.nullable(Id)),
  driverName: z.optional(z.nullable(z.string().check(z.maxLength(200)))),
  /**
   * Where the meeting stood when it was ended (the presentation and its step), so that reopening goes on from
   * there; null when it was ended after the last presentation. Set by `end`, cleared by `reopen`. Optional:
   * boards ended before it reopen at the last presentation's closing step.
   */
  resumeAt: z.optional(
    z.nullable(
      z.looseObject({
        agendaItemId: Id,
        step: RuitStep,
        planStep: z.nullable(PlanSubstep),
        /**
         * Seconds the presentation's timer had run when the meeting was ended, so that reopening goes on from
         * there (a whole number ≥ 0). Optional: boards ended before it restart their timer at 0:00.
         */
        elapsedSeconds: z.optional(z.number().check(z.int(), z.gte(0))),
      }),
    ),
  ),
});
export type LiveState = z.infer<typeof LiveState>;

export const MeetingBoardDoc = z.looseObject({
  schemaVersion: z.literal(SCHEMA_VERSION.meeting),
  id: Id,
  workspaceId: Id,
  title: Label,
  date: IsoDate,
  facilitatorId: z.nullable(Id),
  participantIds: z.array(Id),
  previousBoardId: z.nullable(Id),
  /** Planned length of the meeting in minutes (the agenda's timeboxes are shown against it). Default 90. */
  lengthMinutes: z.optional(z.int().check(z.gte(5), z.lte(600))),
  agenda: collection(AgendaItem),
  review: collection(ReviewItem),
  cards: collection(Card),
  commitments: collection(Commitment),
  successes: collection(Success),
  live: LiveState,
  createdAt: IsoDateTime,
  /**
   * When the board was deleted; null while in use. A deleted board keeps its content (and can be restored);
   * the meeting list leaves it out (the workspace card's `deleted`). Optional: boards from before read as null.
   */
  deletedAt: z.optional(z.nullable(IsoDateTime)),
});
export type MeetingBoardDoc = z.infer<typeof MeetingBoardDoc>;
