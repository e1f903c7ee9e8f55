/** Meeting-board intents (DOMAIN.md §7): agenda, review, cards, commitments, successes, facilitator controls. */
import * as Y from 'yjs';
import {
  elapsedSeconds,
  MEETING_DATES,
  meetingDateProblem,
  movedToProblem,
} from '../../core/meetingBoard.ts';
import { IsoDate } from '../../core/model/common.ts';
import { spellDate } from '../../core/dates.ts';
import {
  LiveState,
  MeetingBoardDoc,
  PLAN_SUBSTEPS,
  type MeetingBoardDoc as MeetingBoardDocT,
  RUIT_STEPS,
  type AgendaItem as AgendaItemT,
  type Card as CardT,
  type Commitment as CommitmentT,
  type LiveState as LiveStateT,
  type PlanSubstep,
  type ReviewItem as ReviewItemT,
  type RuitStep,
  type Success as SuccessT,
} from '../../core/model/meeting.ts';
import type { ActionKpi, Quadrant } from '../../core/model/plan.ts';
import type { SchemaIssue } from '../../core/model/issues.ts';
import { META } from '../layout.ts';
import { clonePlain, deepEqual, toJson } from '../json.ts';
import { fail, issue, notFound, REFUSAL, type Result } from '../result.ts';
import {
  addRecord,
  commit,
  crud,
  idOf,
  nextOrder,
  readAll,
  readRecord,
  moveRecord,
  removeRecord,
  updateRecord,
  validate,
  collectionSpec,
  deletionRule,
  type IntentContext,
  type IntentOptions,
} from './common.ts';
import type { NewAction } from './plan.ts';
import { commitmentAction } from '../commitments.ts';
import { INITIAL_LIVE } from '../seed.ts';
import { UPKEEP_ORIGIN } from './workspace/plans.ts';

const AGENDA = collectionSpec('meeting', 'agenda');
const REVIEW = collectionSpec('meeting', 'review');
const CARDS = collectionSpec('meeting', 'cards');
const COMMITMENTS = collectionSpec('meeting', 'commitments');
const SUCCESSES = collectionSpec('meeting', 'successes');

export type NewAgendaItem = Pick<AgendaItemT, 'planId' | 'presenterId'> &
  Partial<Pick<AgendaItemT, 'timeboxMinutes' | 'order'>>;
export type NewReviewItem = Pick<ReviewItemT, 'planId' | 'actionId' | 'presenterId'>;
export type NewCard = Pick<CardT, 'agendaItemId' | 'authorId' | 'kind' | 'text'>;
export type NewSuccess = Pick<SuccessT, 'text'> & Partial<Pick<SuccessT, 'authorId'>>;
/** The board's own fields a person can change. */
export type BoardPatch = Partial<
  Pick<MeetingBoardDocT, 'title' | 'date' | 'facilitatorId' | 'participantIds' | 'lengthMinutes'>
>;
/** Who drives the meeting: a person (browser identity) id and the name shown to the others. */
export interface Driver {
  id: string;
  name: string;
}
export interface NewCommitment {
  agendaItemId: string;
  /** Who made it (a person id), for the summary. */
  authorId?: string | null;
  /** Their name as they gave it (Commitment.authorName). */
  authorName?: string | null;
  what: string;
  ownerId: string;
  due: string;
  goalId?: string | null;
  /** The goal's title as the plan has it now (kept on the board for the summary); ignored without `goalId`. */
  goalTitle?: string | null;
  quadrant?: Quadrant;
  /**
   * The KPI the action is measured by (Commitment.kpi), as typed: name and target are trimmed, and both blank
   * means none (null). Each at most 500 characters; anything else is refused by the schema.
   */
  kpi?: ActionKpi | null;
}

/**
 * A commitment's KPI as it is stored (see NewCommitment.kpi): `{ name, target }` trimmed, null for none or for
 * both blank. A value that is not two strings is passed on unchanged, for the schema to refuse with its reason.
 */
export function commitmentKpi(kpi: unknown): unknown {
  if (kpi === undefined || kpi === null) return null;
  if (typeof kpi !== 'object' || Array.isArray(kpi)) return kpi;
  const { name, target } = kpi as Record<string, unknown>;
  if (typeof name !== 'string' || typeof target !== 'string') return kpi;
  const tidy = { name: name.trim(), target: target.trim() };
  return tidy.name || tidy.target ? tidy : null;
}

/** A presentation position: ruitmodel step, with a plan sub-step when the step is `plan`. */
interface Position {
  step: RuitStep;
  planStep: PlanSubstep | null;
}
/** The facilitator walks these positions per agenda item: opening, plan 1–4, summary, closing. */
export const POSITIONS: readonly Position[] = RUIT_STEPS.flatMap((step): Position[] =>
  step === 'plan' ? PLAN_SUBSTEPS.map((planStep) => ({ step, planStep })) : [{ step, planStep: null }],
);

/**
 * The refusal of every edit of a deleted board (`deletedAt` set), as for a deleted plan (doc/intents/plan.ts
 * deletedPlanRefusal): read-only for everyone — a second browser, a stale tab, a facilitator's key press —
 * until someone restores it (`setDeleted(false)`).
 */
export const deletedMeetingRefusal = (): SchemaIssue =>
  issue(
    '',
    REFUSAL.deleted,
    'This meeting is deleted, so nothing in it can change until someone restores it (Restore meeting). Nothing was written.',
    'Dit overleg is verwijderd, dus er kan niets in veranderen tot iemand het terugzet (Overleg terugzetten). Er is niets opgeslagen.',
  );

/** A deleted board takes no edit, nor anyone's undo but the deleter's of the deletion (common.ts deletionRule). */
export const meetingDeletion = deletionRule('board', deletedMeetingRefusal);

export function meetingIntents(doc: Y.Doc, opts: IntentOptions) {
  const board = doc.getMap('board');
  const ctx: IntentContext = {
    kind: 'meeting',
    doc,
    opts,
    // Deleting and restoring stay possible; everything else waits for the board to be restored.
    refuse: (intent) => meetingDeletion.refuse(doc, intent),
  };
  const boardId = (): string | null => {
    const id = doc.getMap(META).get('id');
    return typeof id === 'string' ? id : null;
  };

  const orderedAgenda = (): AgendaItemT[] =>
    (readAll(ctx, AGENDA.layout) as AgendaItemT[]).sort(
      (a, b) => a.order - b.order || (a.id < b.id ? -1 : 1),
    );
  const currentLive = (): LiveStateT => {
    const parsed = LiveState.safeParse(toJson(board.get('live')));
    return parsed.success ? parsed.data : { ...INITIAL_LIVE };
  };
  /** The live state is replaced whole: a position (item + step + sub-step) is one value under merge. */
  const setLive = (intent: string, live: LiveStateT): Result<undefined> => {
    const parsed = validate(LiveState, live, 'live');
    if (!parsed.ok) return parsed;
    return commit(ctx, intent, () => {
      if (!deepEqual(toJson(board.get('live')), live)) board.set('live', clonePlain(live));
      return undefined;
    });
  };
  /** `live` ended: where it stood and how long its presentation had run kept in `resumeAt` (for `reopen`). */
  const ended = (live: LiveStateT): LiveStateT => {
    const resumeAt =
      live.status === 'ended'
        ? (live.resumeAt ?? null)
        : live.status === 'running' && live.agendaItemId && agendaItem(live.agendaItemId)
          ? {
              agendaItemId: live.agendaItemId,
              step: live.step,
              planStep: live.step === 'plan' ? live.planStep : null,
              elapsedSeconds: Math.max(0, elapsedSeconds(live.timerStartedAt, Date.parse(opts.now())) ?? 0),
            }
          : null;
    return {
      ...live,
      status: 'ended',
      agendaItemId: null,
      step: 'opening',
      planStep: null,
      timerStartedAt: null,
      resumeAt,
    };
  };
  const atPosition = (live: LiveStateT, agendaItemId: string | null, index: number): LiveStateT => {
    const pos = POSITIONS[index] ?? POSITIONS[0]!;
    return {
      ...live,
      status: 'running',
      agendaItemId,
      step: agendaItemId ? pos.step : 'opening',
      planStep: agendaItemId ? pos.planStep : null,
      // The timer restarts when the presentation changes.
      timerStartedAt:
        agendaItemId === null
          ? null
          : agendaItemId === live.agendaItemId && live.timerStartedAt
            ? live.timerStartedAt
            : opts.now(),
    };
  };
  /** Linear index over (agenda item, position); -1 before the first, length after the last. */
  const cursor = (live: LiveStateT, agenda: AgendaItemT[]): number => {
    if (live.status !== 'running') return -1;
    if (live.agendaItemId === null) return agenda.length * POSITIONS.length;
    const item = agenda.findIndex((a) => a.id === live.agendaItemId);
    if (item < 0) return -1;
    const sub = live.step === 'plan' ? live.planStep : null;
    const pos = POSITIONS.findIndex((p) => p.step === live.step && p.planStep === sub);
    return item * POSITIONS.length + Math.max(0, pos);
  };
  /**
   * Why a move of an ended meeting is refused: deleted, when it is (a deleted running meeting was ended by its
   * deletion, `setDeleted`), else ended.
   */
  const endedRefusal = (intent: string): Result<undefined> =>
    fail(
      ctx.refuse?.(intent) ?? [
        issue('live.status', REFUSAL.invalidMove, 'the meeting has ended', 'het overleg is afgelopen'),
      ],
    );
  const moveTo = (intent: string, index: number): Result<undefined> => {
    const agenda = orderedAgenda();
    const live = currentLive();
    if (live.status === 'ended') return endedRefusal(intent);
    const total = agenda.length * POSITIONS.length;
    if (index < 0) index = 0;
    if (index >= total) return setLive(intent, atPosition(live, null, 0));
    const item = agenda[Math.floor(index / POSITIONS.length)]!;
    return setLive(intent, atPosition(live, item.id, index % POSITIONS.length));
  };

  const agenda = crud<AgendaItemT, NewAgendaItem>(
    ctx,
    AGENDA,
    { add: 'addAgendaItem', update: 'updateAgendaItem', remove: 'removeAgendaItem' },
    (input, id) => ({ timeboxMinutes: 10, order: nextOrder(ctx, AGENDA.layout), ...input, id }),
    (id) => {
      // Its question/feedback cards go with it; commitments stay (their actions live in the plan).
      const cards = doc.getMap(CARDS.layout.root);
      const doomed: string[] = [];
      cards.forEach((card, key) => {
        if (card instanceof Y.Map && card.get('agendaItemId') === id) doomed.push(key);
      });
      for (const key of doomed) cards.delete(key);
      const live = currentLive();
      if (live.agendaItemId === id)
        board.set('live', {
          ...live,
          agendaItemId: null,
          step: 'opening',
          planStep: null,
          timerStartedAt: null,
        });
    },
  );

  /**
   * A review outcome's rule, apart from writing it (the app checks before it changes the plan): `moved` needs
   * a new due date (YYYY-MM-DD) after the board's date (core/meetingBoard.ts movedToProblem explains why); a
   * deleted board takes no outcome (so the plan is not changed for an outcome the board would refuse).
   */
  const checkOutcome = (
    id: string,
    outcome: ReviewItemT['outcome'],
    movedTo: string | null,
  ): Result<undefined> => {
    const refused = ctx.refuse?.('reviewOutcome');
    if (refused) return fail(refused);
    if (outcome !== 'moved') return { ok: true, value: undefined };
    const boardDate = String(board.get('date') ?? '');
    const problem = IsoDate.safeParse(movedTo).success ? movedToProblem(boardDate, movedTo) : 'missing';
    if (problem === 'missing')
      return fail([
        issue(
          `review.${id}.movedTo`,
          'custom',
          'a moved action needs its new due date (YYYY-MM-DD)',
          'een verschoven actie heeft een nieuwe datum nodig (JJJJ-MM-DD)',
        ),
      ]);
    if (problem === 'notAfterMeeting')
      return fail([
        issue(
          `review.${id}.movedTo`,
          'too_small',
          `a moved action needs a new due date after the meeting (${boardDate}); ${movedTo} is not`,
          `een verschoven actie heeft een nieuwe datum na het overleg (${boardDate}) nodig; ${movedTo} is dat niet`,
        ),
      ]);
    return { ok: true, value: undefined };
  };

  const agendaItem = (id: string) => readRecord(ctx, AGENDA.layout, id) as AgendaItemT | null;

  return {
    addAgendaItem: agenda.add,
    updateAgendaItem: agenda.update,
    /** Also removes the item's cards. */
    removeAgendaItem: agenda.remove,

    /** Carry an action that came due since the last meeting onto this board's review. */
    addReviewItem: (input: NewReviewItem & { id?: string }): Result<string> => {
      const id = input.id ?? idOf(ctx);
      return addRecord(ctx, REVIEW, 'addReviewItem', { ...input, outcome: null, movedTo: null, id });
    },
    /** Whether `reviewOutcome(id, outcome, movedTo)` would be accepted; writes nothing (see checkOutcome). */
    checkOutcome,
    /**
     * done / notDone / moved (moved needs the new due date, after the meeting: core firstMoveDay); null resets.
     */
    reviewOutcome: (
      id: string,
      outcome: ReviewItemT['outcome'],
      movedTo: string | null = null,
    ): Result<undefined> => {
      const checked = checkOutcome(id, outcome, movedTo);
      if (!checked.ok) return checked;
      return updateRecord(ctx, REVIEW, 'reviewOutcome', id, {
        outcome,
        movedTo: outcome === 'moved' ? movedTo : null,
      });
    },

    addCard: (input: NewCard & { id?: string }): Result<string> => {
      if (!agendaItem(input.agendaItemId))
        return fail([notFound('cards.agendaItemId', `Agenda item ${input.agendaItemId}`)]);
      const id = input.id ?? idOf(ctx);
      return addRecord(ctx, CARDS, 'addCard', { ...input, createdAt: opts.now(), id });
    },
    removeCard: (id: string) => removeRecord(ctx, CARDS, 'removeCard', id),

    /**
     * Record a commitment: a new action (owner + due, optionally the goal it serves, its quadrant — default
     * `project` — and its KPI) for the plan presented in that agenda item. Returns the action to add to the plan document with
     * `planIntents(planDoc).addAction(result.value.action)` — a second document, so a second transaction; the
     * commitment keeps `actionId`, the goal, the quadrant and the KPI, so a retry makes the same action. Refused,
     * with the field's reason, when a field does not fit the schema (a KPI name or target over 500 characters, a
     * KPI that is not a name and a target).
     */
    addCommitment: (
      input: NewCommitment & { id?: string },
    ): Result<{ commitment: CommitmentT; action: NewAction & { id: string } }> => {
      const item = agendaItem(input.agendaItemId);
      if (!item) return fail([notFound('commitments.agendaItemId', `Agenda item ${input.agendaItemId}`)]);
      const id = input.id ?? idOf(ctx);
      const commitment: CommitmentT = {
        id,
        agendaItemId: item.id,
        planId: item.planId,
        actionId: idOf(ctx),
        what: input.what,
        ownerId: input.ownerId,
        due: input.due,
        landed: false,
        authorId: input.authorId ?? null,
        authorName: input.authorName?.trim() || null,
        goalId: input.goalId ?? null,
        goalTitle: input.goalId ? (input.goalTitle ?? null) : null,
        quadrant: input.quadrant ?? 'project',
        kpi: commitmentKpi(input.kpi) as CommitmentT['kpi'],
      };
      const added = addRecord(ctx, COMMITMENTS, 'addCommitment', commitment);
      if (!added.ok) return added;
      return { ok: true, value: { commitment, action: commitmentAction(commitment, boardId()) } };
    },
    /** This board's id (null before the document is initialised). */
    boardId,
    removeCommitment: (id: string) => removeRecord(ctx, COMMITMENTS, 'removeCommitment', id),
    /** The commitment's action is known to be in its plan (see Commitment.landed). Bookkeeping: no undo. */
    markLanded: (id: string): Result<undefined> =>
      updateRecord({ ...ctx, opts: { ...opts, origin: UPKEEP_ORIGIN } }, COMMITMENTS, 'markLanded', id, {
        landed: true,
      }),

    /**
     * Change the board's title, date, facilitator, participants or length (validated field by field; nothing
     * is written when one is refused). A date must be a real day within MEETING_DATES (core/meetingBoard.ts
     * meetingDateProblem); a past one is taken (a meeting recorded afterwards) — the screen warns.
     */
    updateBoard: (patch: BoardPatch): Result<undefined> => {
      const shape = MeetingBoardDoc.shape;
      for (const [key, value] of Object.entries(patch)) {
        const schema = shape[key as keyof BoardPatch];
        const parsed = validate(schema, value, key);
        if (!parsed.ok) return parsed;
      }
      if (patch.date !== undefined && meetingDateProblem(patch.date) === 'outOfRange')
        return fail([
          issue(
            'date',
            'custom',
            `must be a day from ${MEETING_DATES.first.slice(0, 4)} to ${MEETING_DATES.last.slice(0, 4)}; ${spellDate(patch.date, 'en')} is not`,
            `moet een dag van ${MEETING_DATES.first.slice(0, 4)} tot en met ${MEETING_DATES.last.slice(0, 4)} zijn; ${spellDate(patch.date, 'nl')} is dat niet`,
          ),
        ]);
      return commit(ctx, 'updateBoard', () => {
        for (const [key, value] of Object.entries(patch))
          if (value !== undefined && !deepEqual(toJson(board.get(key)), value))
            board.set(key, clonePlain(value));
        return undefined;
      });
    },
    /**
     * Delete the board (`deletedAt` = now) or bring it back (null), as a plan is deleted (doc/intents/plan.ts
     * setDeleted): its content stays; the workspace's card of the board follows (`deleted`), and the meeting
     * list leaves deleted boards out (core/model/workspace.ts meetingsInUse). Deleting a running meeting ends
     * it in the same change, as `end` does ("it stops for everyone"): restored, it is an ended meeting its
     * facilitator can reopen where it stood, its timer not counting the time it lay deleted.
     */
    setDeleted: (deleted: boolean): Result<undefined> => {
      // Deleting a deleted board again keeps the day it was first deleted (what its banner says).
      const value = deleted ? ((board.get('deletedAt') as string | null | undefined) ?? opts.now()) : null;
      const parsed = validate(MeetingBoardDoc.shape.deletedAt, value, 'deletedAt');
      if (!parsed.ok) return parsed;
      const live = currentLive();
      const stop = deleted && live.status === 'running' ? ended(live) : null;
      if (stop !== null) {
        const stopped = validate(LiveState, stop, 'live');
        if (!stopped.ok) return stopped;
      }
      return commit(ctx, 'setDeleted', () => {
        if (!deepEqual(board.get('deletedAt') ?? null, value)) board.set('deletedAt', value);
        if (stop !== null) board.set('live', clonePlain(stop));
        return undefined;
      });
    },
    /** Move an agenda item to position `toIndex` (0 = first); concurrent moves of different items merge. */
    moveAgendaItem: (id: string, toIndex: number) => moveRecord(ctx, AGENDA, 'moveAgendaItem', id, toIndex),

    addSuccess: (input: NewSuccess & { id?: string }): Result<string> =>
      addRecord(ctx, SUCCESSES, 'addSuccess', {
        authorId: null,
        ...input,
        createdAt: opts.now(),
        id: input.id ?? idOf(ctx),
      }),
    removeSuccess: (id: string) => removeRecord(ctx, SUCCESSES, 'removeSuccess', id),

    /**
     * Start the meeting at the first agenda item's opening (its timer starts); `driver` becomes the one
     * everyone follows. Refused when the agenda is empty or the meeting has ended.
     */
    start: (driver?: Driver): Result<undefined> => {
      if (orderedAgenda().length === 0)
        return fail([issue('agenda', REFUSAL.invalidMove, 'the agenda is empty', 'de agenda is leeg')]);
      const live = currentLive();
      if (live.status === 'ended') return endedRefusal('start');
      return setLive('start', {
        ...atPosition(live, orderedAgenda()[0]!.id, 0),
        ...(driver ? { driverId: driver.id, driverName: driver.name } : {}),
      });
    },
    /** Hand the controls to someone else: they drive, everyone (the old driver too) follows them. */
    handOver: (driver: Driver): Result<undefined> =>
      setLive('handOver', { ...currentLive(), driverId: driver.id, driverName: driver.name }),
    next: (): Result<undefined> => {
      const live = currentLive();
      if (live.status === 'notStarted') return moveTo('next', 0);
      return moveTo('next', cursor(live, orderedAgenda()) + 1);
    },
    previous: (): Result<undefined> => {
      const live = currentLive();
      if (live.status === 'notStarted') return moveTo('previous', 0);
      return moveTo('previous', cursor(live, orderedAgenda()) - 1);
    },
    /** Jump to a presentation and step (follow-me target); `plan` defaults to its first sub-step. */
    setStep: (
      agendaItemId: string,
      step: RuitStep,
      planStep: PlanSubstep | null = null,
    ): Result<undefined> => {
      if (!agendaItem(agendaItemId))
        return fail([notFound('live.agendaItemId', `Agenda item ${agendaItemId}`)]);
      const live = currentLive();
      if (live.status === 'ended') return endedRefusal('setStep');
      const sub = step === 'plan' ? (planStep ?? 'situation') : null;
      const index = POSITIONS.findIndex((p) => p.step === step && p.planStep === sub);
      if (index < 0)
        return fail([
          issue(
            'live.step',
            'invalid_value',
            `must be one of ${RUIT_STEPS.join(', ')}`,
            `moet een van deze zijn: ${RUIT_STEPS.join(', ')}`,
          ),
        ]);
      return setLive('setStep', atPosition(live, agendaItemId, index));
    },
    /**
     * Open an ended meeting again (ended too early, or a commitment forgotten): it runs again where a person
     * goes on — at the presentation and step where it was ended (`live.resumeAt`), else (ended after the last
     * presentation, or a board ended before `resumeAt` existed) at the last presentation's closing step, with its
     * commitments form; its timer goes on from where it stood when ended (`resumeAt.elapsedSeconds`; 0:00 for
     * a meeting ended after its last presentation). `driver` facilitates from then on. Like "End meeting", it is the
     * facilitator's: refused when the meeting has a facilitator (`driverId`) other than `driver` — someone else
     * takes over facilitation first (`handOver`). Refused unless it has ended.
     */
    reopen: (driver?: Driver): Result<undefined> => {
      const live = currentLive();
      if (live.status !== 'ended')
        return fail([
          issue(
            'live.status',
            REFUSAL.invalidMove,
            'only an ended meeting can be reopened',
            'alleen een afgesloten overleg kan weer worden geopend',
          ),
        ]);
      if (driver && live.driverId && live.driverId !== driver.id) {
        const name = live.driverName || 'the facilitator';
        const naam = live.driverName || 'de voorzitter';
        return fail([
          issue(
            'live.driverId',
            REFUSAL.invalidMove,
            `only ${name}, who facilitated the meeting, can reopen it; take over facilitation first`,
            `alleen ${naam}, die het overleg voorzat, kan het heropenen; neem eerst het voorzitterschap over`,
          ),
        ]);
      }
      const agenda = orderedAgenda();
      const resume =
        live.resumeAt && agenda.some((a) => a.id === live.resumeAt!.agendaItemId) ? live.resumeAt : null;
      const closing = POSITIONS.findIndex((p) => p.step === 'closing');
      const index = resume
        ? Math.max(
            0,
            POSITIONS.findIndex(
              (p) =>
                p.step === resume.step && p.planStep === (resume.step === 'plan' ? resume.planStep : null),
            ),
          )
        : closing;
      const itemId = resume?.agendaItemId ?? agenda[agenda.length - 1]?.id ?? null;
      const { resumeAt: _resumeAt, ...rest } = live;
      const at = atPosition({ ...rest, timerStartedAt: null }, itemId, index);
      // The timer goes on from where it stood when the meeting was ended (not from 0:00).
      const ran = resume?.elapsedSeconds ?? 0;
      const timerStartedAt =
        at.timerStartedAt && ran > 0
          ? new Date(Date.parse(at.timerStartedAt) - ran * 1000).toISOString()
          : at.timerStartedAt;
      return setLive('reopen', {
        ...at,
        timerStartedAt,
        ...(driver ? { driverId: driver.id, driverName: driver.name } : {}),
      });
    },
    /** End the meeting for everyone; where it stood, and how long the presentation had run, is kept (`resumeAt`) for `reopen`. */
    end: (): Result<undefined> => setLive('end', ended(currentLive())),
  };
}

export type MeetingIntents = ReturnType<typeof meetingIntents>;
