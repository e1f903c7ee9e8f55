/** The timeline strip of a plan: items by date, overdue as the finding says, months in order (long empty runs left out), today. */
import { describe, expect, it } from 'vitest';
import type { AccountPlanDoc } from '../../core/model/index.ts';
import { validatePlan } from '../../core/plan/index.ts';
import { timelineStrip } from '../../client/src/ui/plans/views/timelineStrip.ts';
import { action, goal, validPlan } from './plan-fixtures.ts';

const plan = (
  actions: ReturnType<typeof action>[],
  goals: ReturnType<typeof goal>[] = [],
): Pick<AccountPlanDoc, 'actions' | 'goals'> => ({
  actions: Object.fromEntries(actions.map((a) => [a.id, a])),
  goals: Object.fromEntries(goals.map((g) => [g.id, g])),
});

describe('timelineStrip', () => {
  it('lays out every month from the first to the last item, today included, and places items by date', () => {
    const m = timelineStrip(
      plan(
        [action('a1', { due: '2026-05-20' }), action('a2', { due: '2026-03-02', order: 1 })],
        [goal('g1', { deadline: '2026-05-20' })],
      ),
      '2026-03-15',
    );
    expect(m.months.map((x) => x.month)).toEqual(['2026-03', '2026-04', '2026-05']);
    expect(m.months.map((x) => x.current)).toEqual([true, false, false]);
    expect(m.months.map((x) => x.items.map((i) => `${i.kind}:${i.id}`))).toEqual([
      ['action:a2'],
      [],
      ['action:a1', 'goal:g1'], // same date: the action before the goal
    ]);
    expect(m.todayFraction).toBeCloseTo(14.5 / 31);
  });

  it('leaves out a run of three or more empty months and says how many; shorter runs stay', () => {
    const m = timelineStrip(
      plan([
        action('a1', { due: '2026-12-10' }),
        action('a2', { due: '2027-02-10', order: 1 }),
        action('a3', { due: '2027-12-10', order: 2 }),
      ]),
      '2026-11-30',
    );
    // Jan 2027 (one empty month) stays; Mar–Nov 2027 (nine) are left out, and Dec 2027 says so.
    expect(m.months.map((x) => x.month)).toEqual(['2026-11', '2026-12', '2027-01', '2027-02', '2027-12']);
    expect(m.months.map((x) => x.skippedBefore)).toEqual([0, 0, 0, 0, 9]);
  });

  it('includes today even when every item is in the past or the future', () => {
    const past = timelineStrip(plan([action('a', { due: '2025-11-03' })]), '2026-01-10');
    expect(past.months.map((x) => x.month)).toEqual(['2025-11', '2025-12', '2026-01']);
    expect(past.months.at(-1)!.current).toBe(true);
    const future = timelineStrip(plan([action('a', { due: '2026-02-01' })]), '2026-01-31');
    expect(future.months.map((x) => x.month)).toEqual(['2026-01', '2026-02']);
    expect(future.todayFraction).toBeCloseTo(30.5 / 31);
  });

  it('marks overdue exactly as the action.overdue finding does', () => {
    const today = '2026-03-01';
    const base = validPlan();
    base.actions = {
      late: action('late', { due: '2026-02-28' }),
      dueToday: action('dueToday', { due: today }),
      doneLate: action('doneLate', { due: '2026-01-01', status: 'done' }),
      future: action('future', { due: '2026-09-01' }),
    };
    const m = timelineStrip(base, today);
    const overdue = m.months
      .flatMap((x) => x.items)
      .filter((i) => i.overdue)
      .map((i) => i.id);
    const findings = validatePlan(base, { today, professionals: [], contacts: [] })
      .filter((f) => f.id === 'action.overdue')
      .map((f) => f.path.split('.')[1]);
    expect(overdue).toEqual(['late']);
    expect(overdue).toEqual(findings);
    expect(m.overdue).toBe(1);
    const doneLate = m.months.flatMap((x) => x.items).find((i) => i.id === 'doneLate')!;
    expect(doneLate).toMatchObject({ overdue: false, past: true, status: 'done' });
  });

  it('leaves cancelled actions out, lists undated actions apart, and never marks a goal overdue', () => {
    const m = timelineStrip(
      plan(
        [
          action('x', { due: '2026-04-01', status: 'cancelled' }),
          action('u', { due: null }),
          action('d', { due: '2026-04-02' }),
        ],
        [goal('g', { deadline: '2026-01-01' }), goal('nodate', { deadline: null })],
      ),
      '2026-03-01',
    );
    const ids = m.months.flatMap((x) => x.items).map((i) => i.id);
    expect(ids).toEqual(['g', 'd']);
    expect(m.undated.map((i) => i.id)).toEqual(['u']);
    expect(m.months[0]!.items[0]).toMatchObject({ kind: 'goal', past: true, overdue: false, status: null });
  });

  it('has no months when nothing is dated', () => {
    const m = timelineStrip(plan([action('u', { due: null })]), '2026-03-01');
    expect(m.months).toEqual([]);
    expect(m.undated).toHaveLength(1);
  });

  it('keeps a long strip short: only months with items and today, with the gaps counted', () => {
    const m = timelineStrip(
      plan([action('a', { due: '2026-01-10' }), action('b', { due: '2029-06-01' })]),
      '2026-03-01',
      { maxMonths: 24 },
    );
    expect(m.months.map((x) => [x.month, x.skippedBefore])).toEqual([
      ['2026-01', 0],
      ['2026-03', 1],
      ['2029-06', 38],
    ]);
  });

  it('crosses year ends without a hole', () => {
    const m = timelineStrip(plan([action('a', { due: '2027-02-01' })]), '2026-11-20');
    expect(m.months.map((x) => x.month)).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
  });
});
