/** The relations table model: rows, search, filters, sorting — pure, in Node. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CADENCE, type ContactLogEntry, type Relation } from '../../core/model/index.ts';
import {
  NO_FILTERS,
  activeFilterCount,
  buildRows,
  distinctTags,
  filterRows,
  nextSort,
  parseTags,
  sortRows,
  type ClassInfo,
  type Filters,
  type RelationRow,
} from '../../client/src/ui/relations/tableModel.ts';

const rel = (id: string, over: Partial<Relation> = {}): Relation => ({
  id,
  name: id,
  kind: 'client',
  sector: '',
  revenue: null,
  potential: null,
  ownerId: null,
  teamIds: [],
  notes: '',
  tags: [],
  override: null,
  sevenQuestions: {},
  ...over,
});

const log = (id: string, relationId: string, date: string): ContactLogEntry => ({
  id,
  relationId,
  date,
  type: 'call',
  professionalIds: [],
  contactIds: [],
  note: '',
  signals: {},
});

const relations = [
  rel('r1', { name: 'Acme BV', sector: 'Bouw', tags: ['Zorg', 'key'], revenue: 500, ownerId: 'p1' }),
  rel('r2', { name: 'Café Noord', sector: 'Horeca', notes: 'Wil uitbreiden naar Zwolle', revenue: 1200 }),
  rel('r3', { name: 'bakkerij Zon', kind: 'prospect', tags: ['zorg'], ownerId: 'p2' }),
  rel('r4', {
    name: 'Delta NV',
    revenue: 800,
    ownerId: 'gone',
    override: { class: 'A', reason: 'strategic' },
  }),
];
const classes: ClassInfo[] = [
  { id: 'r1', computedClass: 'B', class: 'B', missing: [] },
  { id: 'r2', computedClass: null, class: null, missing: ['c1'] },
  { id: 'r3', computedClass: null, class: null, missing: ['c1'] },
  { id: 'r4', computedClass: 'C', class: 'A', missing: [] },
];
const professionals = { p1: { id: 'p1', name: 'Zoë' }, p2: { id: 'p2', name: 'Anna' } };
const collator = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });

const rows = buildRows({
  relations,
  professionals,
  classes,
  classifiedKinds: ['client'],
  log: [log('l1', 'r1', '2026-01-10'), log('l2', 'r1', '2026-02-20'), log('l3', 'r4', '2030-01-01')],
  cadence: DEFAULT_CADENCE,
  today: '2026-03-01',
});
const byId = Object.fromEntries(rows.map((r) => [r.id, r])) as Record<string, RelationRow>;
const ids = (rs: readonly RelationRow[]) => rs.map((r) => r.id);
const filter = (f: Partial<Filters>) => ids(filterRows(rows, { ...NO_FILTERS, ...f }));

describe('buildRows', () => {
  it('joins class, override, owner and fire', () => {
    expect(byId.r1).toMatchObject({ cls: 'B', overridden: false, ownerName: 'Zoë', daysSince: 9 });
    expect(byId.r1!.fire).toBe('burning'); // B: 90 days
    expect(byId.r4).toMatchObject({ cls: 'A', computedClass: 'C', overridden: true, ownerName: '' });
    // a planned (future) contact is not a contact: never contacted, so the fire is out
    expect(byId.r4).toMatchObject({ lastContact: null, daysSince: null, fire: 'out' });
  });
  it('marks incomplete only for classified kinds without an override', () => {
    expect(byId.r2!.incomplete).toBe(true);
    expect(byId.r3!.incomplete).toBe(false); // prospect: not classified
    expect(byId.r3!.fire).toBeNull(); // no class, no fire
  });
});

describe('filterRows', () => {
  it.each([
    ['no filters', {}, ['r1', 'r2', 'r3', 'r4']],
    ['name, case-insensitive', { query: 'acme' }, ['r1']],
    ['accents ignored', { query: 'cafe' }, ['r2']],
    ['sector', { query: 'horeca' }, ['r2']],
    ['notes', { query: 'zwolle' }, ['r2']],
    ['tags', { query: 'zorg' }, ['r1', 'r3']],
    ['every term must match', { query: 'zorg bakkerij' }, ['r3']],
    ['kind', { kind: 'prospect' }, ['r3']],
    ['class (effective)', { cls: 'A' }, ['r4']],
    ['incomplete', { cls: 'incomplete' }, ['r2']],
    ['no class and not incomplete', { cls: 'none' }, ['r3']],
    ['owner', { owner: 'p2' }, ['r3']],
    ['no owner (includes an owner who left)', { owner: 'none' }, ['r2', 'r4']],
    ['tag, case-insensitive', { tag: 'ZORG' }, ['r1', 'r3']],
    ['filters combine', { tag: 'zorg', kind: 'client' }, ['r1']],
  ] as const)('%s', (_name, f, expected) => {
    expect(filter(f as Partial<Filters>)).toEqual(expected);
  });
  it('counts active filters', () => {
    expect(activeFilterCount(NO_FILTERS)).toBe(0);
    expect(activeFilterCount({ ...NO_FILTERS, query: '  ', kind: 'client', tag: 'x' })).toBe(2);
  });
});

describe('sortRows', () => {
  it.each([
    ['name asc (locale, case-insensitive)', 'name', 'asc', ['r1', 'r3', 'r2', 'r4']],
    ['name desc', 'name', 'desc', ['r4', 'r2', 'r3', 'r1']],
    ['kind asc', 'kind', 'asc', ['r1', 'r2', 'r4', 'r3']],
    ['class asc, no class last', 'class', 'asc', ['r4', 'r1', 'r3', 'r2']],
    ['class desc, no class still last', 'class', 'desc', ['r1', 'r4', 'r3', 'r2']],
    ['revenue desc, unknown last', 'revenue', 'desc', ['r2', 'r4', 'r1', 'r3']],
    ['revenue asc, unknown last', 'revenue', 'asc', ['r1', 'r4', 'r2', 'r3']],
    ['owner asc, none last', 'owner', 'asc', ['r3', 'r1', 'r2', 'r4']],
    ['contact desc: never first', 'contact', 'desc', ['r3', 'r2', 'r4', 'r1']],
    ['contact asc: most recent first', 'contact', 'asc', ['r1', 'r3', 'r2', 'r4']],
  ] as const)('%s', (_name, key, dir, expected) => {
    expect(ids(sortRows(rows, { key, dir }, collator))).toEqual(expected);
  });
  it('does not depend on input order', () => {
    const reversed = [...rows].reverse();
    for (const key of ['name', 'kind', 'class', 'revenue', 'owner', 'contact'] as const)
      expect(ids(sortRows(reversed, { key, dir: 'asc' }, collator))).toEqual(
        ids(sortRows(rows, { key, dir: 'asc' }, collator)),
      );
  });
  it('flips the same column and starts a new column in its default direction', () => {
    expect(nextSort({ key: 'name', dir: 'asc' }, 'name')).toEqual({ key: 'name', dir: 'desc' });
    expect(nextSort({ key: 'name', dir: 'asc' }, 'revenue')).toEqual({ key: 'revenue', dir: 'desc' });
  });
});

describe('tags', () => {
  it('lists each tag once', () => {
    expect(distinctTags(rows, collator)).toEqual(['key', 'Zorg']);
  });
  it('parses typed tags', () => {
    expect(parseTags(' zorg, Key;;zorg\nnieuw ,')).toEqual(['zorg', 'Key', 'nieuw']);
  });
});

describe('2,000 relations', () => {
  it('filters and sorts the whole set (timing is measured in the browser, not asserted here)', () => {
    const many = Array.from({ length: 2000 }, (_, i) =>
      rel(`r${i}`, { name: `Relatie ${i}`, tags: [`t${i % 7}`], revenue: (i * 7919) % 10_000 }),
    );
    const built = buildRows({
      relations: many,
      professionals,
      classes: [],
      classifiedKinds: ['client'],
      log: [],
      cadence: DEFAULT_CADENCE,
      today: '2026-03-01',
    });
    const found = filterRows(built, { ...NO_FILTERS, query: 'relatie 199' });
    expect(ids(sortRows(found, { key: 'name', dir: 'asc' }, collator))).toEqual([
      'r199',
      'r1199',
      'r1990',
      'r1991',
      'r1992',
      'r1993',
      'r1994',
      'r1995',
      'r1996',
      'r1997',
      'r1998',
      'r1999',
    ]);
    const revenues = sortRows(built, { key: 'revenue', dir: 'desc' }, collator).map((r) => r.revenue!);
    expect(revenues.every((v, i) => i === 0 || revenues[i - 1]! >= v)).toBe(true);
  });
});
