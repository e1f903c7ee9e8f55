import { describe, expect, it } from 'vitest';
import type { WorkspaceDoc } from '../../core/model/index.ts';
import {
  aRelationsWithoutPlan,
  buildPlanRows,
  filterPlanRows,
  sortPlanRows,
} from '../../client/src/ui/plans/listModel.ts';

const ws = {
  relations: {
    r1: { id: 'r1', name: 'Acme BV', ownerId: 'p1' },
    r2: { id: 'r2', name: 'Bakkerij Ölçer', ownerId: null },
    r3: { id: 'r3', name: 'Citadel', ownerId: 'p2' },
    r4: { id: 'r4', name: 'Delta', ownerId: null },
  },
  professionals: { p1: { id: 'p1', name: 'Anna' }, p2: { id: 'p2', name: 'Bram' } },
  plans: {
    a: {
      id: 'a',
      title: 'Acme 2026',
      relationIds: ['r1'],
      ownerId: 'p1',
      completeness: 80,
      errors: 0,
      warnings: 2,
      updatedAt: '2026-03-01T10:00:00Z',
      checkedOn: '2026-03-01',
    },
    b: {
      id: 'b',
      title: 'Group plan',
      relationIds: ['r2', 'r3'],
      ownerId: null,
      completeness: 30,
      errors: 4,
      warnings: 1,
      updatedAt: '2026-04-01T10:00:00Z',
      checkedOn: '2026-04-01',
    },
  },
} as unknown as WorkspaceDoc;
const classOf = new Map([
  ['r1', { class: 'A' as const }],
  ['r2', { class: 'C' as const }],
  ['r3', { class: 'B' as const }],
  ['r4', { class: 'A' as const }],
]);
const collator = new Intl.Collator('en');
const none = { query: '', cls: '' as const, owner: '', withErrors: false };

describe('plan list model', () => {
  const rows = buildPlanRows(ws, classOf);

  it('a group plan takes the best class of its relations and lists their names', () => {
    const group = rows.find((r) => r.id === 'b')!;
    expect(group.cls).toBe('B');
    expect(group.relationNames).toEqual(['Bakkerij Ölçer', 'Citadel']);
    expect(group.ownerName).toBe('');
  });

  it.each([
    [{ ...none, query: 'olcer' }, ['b']], // accent- and case-insensitive, on relation names
    [{ ...none, query: 'anna' }, ['a']], // on the owner
    [{ ...none, cls: 'A' as const }, ['a']],
    [{ ...none, owner: 'none' }, ['b']],
    [{ ...none, owner: 'p1' }, ['a']],
    [{ ...none, withErrors: true }, ['b']],
    [none, ['a', 'b']],
  ])('filter %j → %j', (filters, ids) => {
    expect(
      filterPlanRows(rows, filters)
        .map((r) => r.id)
        .sort(),
    ).toEqual(ids);
  });

  it.each([
    ['completeness', 'asc', ['b', 'a']],
    ['completeness', 'desc', ['a', 'b']],
    ['findings', 'desc', ['b', 'a']],
    ['updatedAt', 'desc', ['b', 'a']],
    ['cls', 'asc', ['a', 'b']],
    ['title', 'asc', ['a', 'b']],
  ] as const)('sort by %s %s → %j', (key, dir, ids) => {
    expect(sortPlanRows(rows, { key, dir }, collator).map((r) => r.id)).toEqual(ids);
  });

  it('names a relation that was deleted "(deleted relation)", never "?" (QA item 4)', () => {
    const orphan = {
      ...ws,
      plans: { c: { ...ws.plans.a!, id: 'c', relationIds: ['r1', 'gone'] } },
    } as unknown as WorkspaceDoc;
    expect(buildPlanRows(orphan, classOf)[0]!.relationNames).toEqual(['Acme BV', '(deleted relation)']);
  });

  it('lists the A relations no plan covers', () => {
    expect(aRelationsWithoutPlan(ws, classOf, collator)).toEqual([
      { id: 'r4', name: 'Delta', ownerId: null },
    ]);
  });

  it('a deleted plan is left out of the list and covers no A relation; "deleted" lists only those', () => {
    const withDeleted = {
      ...ws,
      plans: { ...ws.plans, a: { ...ws.plans!.a!, deleted: true } },
    } as unknown as WorkspaceDoc;
    const all = buildPlanRows(withDeleted, classOf);
    expect(filterPlanRows(all, none).map((r) => r.id)).toEqual(['b']);
    expect(filterPlanRows(all, { ...none, deleted: true }).map((r) => r.id)).toEqual(['a']);
    expect(aRelationsWithoutPlan(withDeleted, classOf, collator).map((r) => r.id)).toEqual(['r1', 'r4']);
  });
});
