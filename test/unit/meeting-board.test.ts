/**
 * core/meetingBoard: the index card, the previous board, agenda time, review candidates, the shared timer, the
 * earliest date a reviewed action can be moved to.
 */
import { describe, expect, it } from 'vitest';
import {
  agendaTime,
  commitmentWhy,
  elapsedSeconds,
  firstMoveDay,
  meetingCardOf,
  meetingDateNotes,
  meetingDateProblem,
  movedToProblem,
  previousBoard,
  reviewCandidates,
  reviewItemId,
} from '../../core/meetingBoard.ts';
import { meetingsInUse, type AccountPlanDoc, type MeetingCard } from '../../core/model/index.ts';

const card = (id: string, date: string, updatedAt = '2026-01-01T00:00:00.000Z'): MeetingCard => ({
  id,
  title: id,
  date,
  status: 'notStarted',
  facilitatorId: null,
  previousBoardId: null,
  presentations: 0,
  commitments: 0,
  updatedAt,
});

describe('previousBoard', () => {
  const cards = [card('jan', '2026-01-12'), card('mar', '2026-03-09'), card('may', '2026-05-11')];
  it.each([
    ['2026-04-01', 'mar'],
    ['2026-03-09', 'mar'],
    ['2026-06-01', 'may'],
    ['2026-01-11', null],
  ])('a board on %s follows %s', (date, expected) => {
    expect(previousBoard(cards, date, 'new')?.id ?? null).toBe(expected);
  });
  it('never links a new board to a deleted one; the meetings in use leave deleted boards out', () => {
    const cards = [
      card('a', '2026-01-10'),
      { ...card('b', '2026-02-10'), deleted: true },
      card('c', '2026-03-10'),
    ];
    expect(previousBoard(cards, '2026-02-20')?.id).toBe('a');
    expect(meetingsInUse(Object.fromEntries(cards.map((c) => [c.id, c]))).map((c) => c.id)).toEqual([
      'a',
      'c',
    ]);
    expect(meetingsInUse(undefined)).toEqual([]);
  });
  it('never links a board to itself; on the same date the one changed last wins', () => {
    const same = [
      card('a', '2026-03-09', '2026-03-01T10:00:00.000Z'),
      card('b', '2026-03-09', '2026-03-02T10:00:00.000Z'),
    ];
    expect(previousBoard(same, '2026-03-09', 'b')?.id).toBe('a');
    expect(previousBoard(same, '2026-03-09', 'c')?.id).toBe('b');
  });
});

describe('agendaTime', () => {
  const item = (id: string, timeboxMinutes: number) => ({
    id,
    planId: 'p',
    presenterId: 'w',
    timeboxMinutes,
    order: 0,
  });
  it('sums the timeboxes against the length (default 90)', () => {
    expect(agendaTime({ agenda: { a: item('a', 20), b: item('b', 25) } })).toEqual({
      totalMinutes: 45,
      lengthMinutes: 90,
      leftMinutes: 45,
      over: false,
    });
    expect(agendaTime({ agenda: { a: item('a', 40), b: item('b', 25) }, lengthMinutes: 60 })).toMatchObject({
      leftMinutes: -5,
      over: true,
    });
  });
});

describe('reviewCandidates (DOMAIN.md §7)', () => {
  const action = (
    id: string,
    due: string | null,
    status: 'planned' | 'done' | 'cancelled',
    ownerId: string | null = null,
  ) => ({
    id,
    what: id,
    ownerId,
    due,
    goalId: null,
    kpi: null,
    quadrant: 'project' as const,
    cost: 0,
    status,
    result: '',
    order: 0,
  });
  const plan = (id: string, ownerId: string | null, actions: ReturnType<typeof action>[]) =>
    ({
      id,
      ownerId,
      actions: Object.fromEntries(actions.map((a) => [a.id, a])),
    }) as unknown as AccountPlanDoc;
  const plans = [
    plan('p1', 'anna', [
      action('came-due', '2026-03-01', 'planned'),
      action('done-since', '2026-03-02', 'done'),
      action('old-open', '2026-01-05', 'planned'),
      action('old-done', '2026-01-05', 'done'),
      action('cancelled', '2026-03-01', 'cancelled'),
      action('future', '2026-04-01', 'planned'),
      action('undated', null, 'planned'),
    ]),
    plan('p2', null, [
      action('bram-1', '2026-02-20', 'planned', 'bram'),
      action('nobody', '2026-02-21', 'planned'),
    ]),
  ];
  it('takes what came due since the previous meeting, and what is still open from before', () => {
    const got = reviewCandidates(plans, { after: '2026-02-01', through: '2026-03-09' });
    expect(got.map((c) => c.actionId)).toEqual(['old-open', 'came-due', 'done-since', 'bram-1', 'nobody']);
    expect(got.map((c) => c.presenterId)).toEqual(['anna', 'anna', 'anna', 'bram', null]);
    expect(got[0]!.id).toBe(reviewItemId('p1', 'old-open'));
  });
  it('without a previous board, every action due so far; already collected ones are left out', () => {
    const got = reviewCandidates(
      plans,
      { after: null, through: '2026-03-09' },
      new Set([reviewItemId('p1', 'old-done')]),
    );
    expect(got.map((c) => c.actionId)).toEqual(['old-open', 'came-due', 'done-since', 'bram-1', 'nobody']);
  });
});

describe('meetingCardOf and elapsedSeconds', () => {
  it('counts presentations and commitments', () => {
    const doc = {
      id: 'm1',
      title: 'RM-overleg maart',
      date: '2026-03-09',
      facilitatorId: 'anna',
      previousBoardId: 'jan',
      agenda: { a: {}, b: {} },
      commitments: { c: {} },
      live: { status: 'running' },
    } as never;
    expect(meetingCardOf(doc, '2026-03-09T10:00:00.000Z')).toEqual({
      id: 'm1',
      title: 'RM-overleg maart',
      date: '2026-03-09',
      status: 'running',
      facilitatorId: 'anna',
      previousBoardId: 'jan',
      presentations: 2,
      commitments: 1,
      updatedAt: '2026-03-09T10:00:00.000Z',
      deleted: false,
    });
  });
  it('counts whole seconds on the given clock, never below zero', () => {
    const start = '2026-03-09T10:00:00.000Z';
    expect(elapsedSeconds(start, Date.parse(start) + 125_900)).toBe(125);
    expect(elapsedSeconds(start, Date.parse(start) - 5_000)).toBe(0);
    expect(elapsedSeconds(null, 0)).toBeNull();
  });
});

describe('movedToProblem: a moved action gets a new date after the meeting', () => {
  it.each([
    ['2026-11-30', '2026-12-01', null],
    ['2026-11-30', '2027-01-15', null],
    ['2026-11-30', '2026-11-30', 'notAfterMeeting'], // the meeting's own day: overdue at once
    ['2026-11-30', '2026-11-01', 'notAfterMeeting'], // the old due date
    ['2026-11-30', '2020-01-01', 'notAfterMeeting'], // QA: a typo years in the past
    ['2026-12-31', '2027-01-01', null], // over the year's end
    ['2028-02-28', '2028-02-29', null], // a leap day
    ['2026-11-30', null, 'missing'],
    ['2026-11-30', '', 'missing'],
    ['2026-11-30', '30-12-2026', 'missing'],
  ] as const)('board %s, moved to %j → %s', (board, movedTo, problem) => {
    expect(movedToProblem(board, movedTo)).toBe(problem);
  });
  it('the first possible day is the day after the meeting', () => {
    expect(firstMoveDay('2026-11-30')).toBe('2026-12-01');
    expect(firstMoveDay('2026-12-31')).toBe('2027-01-01');
    expect(firstMoveDay('2028-02-28')).toBe('2028-02-29');
  });
});

describe('meetingDateProblem: impossible dates are refused, past ones are not', () => {
  it.each([
    ['2026-11-30', null],
    ['2020-03-02', null], // held years ago: recorded afterwards
    ['2000-01-01', null],
    ['2099-12-31', null],
    ['0002-11-30', 'outOfRange'], // the date field while the year is typed digit by digit
    ['0202-11-30', 'outOfRange'],
    ['1999-12-31', 'outOfRange'],
    ['2100-01-01', 'outOfRange'],
    ['2026-02-31', 'notADate'],
    ['2026-13-01', 'notADate'],
    ['', 'notADate'],
    ['30-11-2026', 'notADate'],
    [null, 'notADate'],
  ])('%s → %s', (date, expected) => {
    expect(meetingDateProblem(date)).toBe(expected);
  });
});

describe('meetingDateNotes: what an accepted date is warned about', () => {
  const today = '2026-11-30';
  it.each([
    ['2026-12-14', null, 'notStarted', []],
    ['2026-11-30', null, 'notStarted', []],
    ['2026-11-02', null, 'notStarted', ['past']],
    ['2027-11-30', null, 'notStarted', []],
    ['2027-12-02', null, 'notStarted', ['farAhead']],
    ['2026-11-02', '2026-11-16', 'notStarted', ['past', 'beforePrevious']],
    ['2026-12-14', '2026-11-16', 'notStarted', []],
    ['2026-11-02', null, 'running', []], // a meeting under way or held keeps its date without a remark
    ['2026-11-02', null, 'ended', []],
    ['0002-11-30', null, 'notStarted', []], // refused, not warned about
  ] as const)('%s (previous %s, %s) → %j', (date, previousDate, status, expected) => {
    expect(meetingDateNotes(date, { today, previousDate, status })).toEqual(expected);
  });
});

describe('commitmentWhy: the goal a commitment serves, by title', () => {
  const plan = { goals: { g1: { title: 'Goal in the plan now' } } } as unknown as Pick<
    AccountPlanDoc,
    'goals'
  >;
  it.each([
    ['carried on the board', { goalId: 'g1', goalTitle: 'Goal when committed' }, plan, 'Goal when committed'],
    [
      'carried, plan not here',
      { goalId: 'g1', goalTitle: 'Goal when committed' },
      null,
      'Goal when committed',
    ],
    ['made before the board carried it: the plan’s goal', { goalId: 'g1' }, plan, 'Goal in the plan now'],
    ['made before, plan not on this device', { goalId: 'g1' }, null, ''],
    ['made before, goal removed from the plan since', { goalId: 'g9' }, plan, ''],
    ['serves no goal', { goalId: null, goalTitle: null }, plan, ''],
    ['made before goals were asked', {}, plan, ''],
  ] as const)('%s → %j', (_case, commitment, p, expected) => {
    expect(commitmentWhy(commitment, p)).toBe(expected);
  });
});
