import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../core/dates.ts';
import {
  ambassadors,
  computeKpi,
  contactMoments,
  dataCompleteness,
  dmuKnowledge,
  KPI_LIBRARY,
  kpiProgress,
  kpiValue,
  lastYearWindow,
  type KpiContext,
  type KpiData,
} from '../../core/kpi.ts';
import {
  Contact,
  ContactLogEntry,
  KPI_KINDS,
  Relation,
  type Kpi,
  type KpiKind,
  type Measurement,
  type SignalKind,
} from '../../core/model/index.ts';
import { ambassadorsByRelation, pyramidCounts } from '../../core/trust.ts';

const TODAY = '2026-06-15';
const ago = (days: number) => addDays(TODAY, -days)!;

const relation = (id: string, over: Partial<Relation> = {}): Relation => ({
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

const contact = (id: string, relationId: string, over: Partial<Contact> = {}): Contact => ({
  id,
  relationId,
  name: '',
  title: '',
  dmuRole: null,
  attitude: null,
  strength: 0,
  knownBy: [],
  ...over,
});

let seq = 0;
const entry = (
  relationId: string,
  date: string,
  contactIds: string[] = [],
  signalKinds: SignalKind[] = [],
): ContactLogEntry => ({
  id: `e${++seq}`,
  relationId,
  date,
  type: 'visit',
  professionalIds: [],
  contactIds,
  note: '',
  signals: Object.fromEntries(
    signalKinds.map((kind, i) => [`s${i}`, { id: `s${i}`, kind, note: '', followUp: null, handled: true }]),
  ),
});

const data = (relations: Relation[], contacts: Contact[] = [], log: ContactLogEntry[] = []): KpiData => ({
  relations: Object.fromEntries(relations.map((r) => [r.id, r])),
  contacts: Object.fromEntries(contacts.map((c) => [c.id, c])),
  contactLog: Object.fromEntries(log.map((e) => [e.id, e])),
});

const kpi = (kind: KpiKind, target: number | null = null, measurements: Measurement[] = []): Kpi => ({
  id: 'k',
  kind,
  name: '',
  target,
  measurements,
});

describe('KPI_LIBRARY', () => {
  it.each<[KpiKind, boolean, string]>([
    ['dmuKnowledge', true, 'score'],
    ['contactMoments', true, 'count'],
    ['dataCompleteness', true, 'percent'],
    ['ambassadors', true, 'count'],
    ['planGrowth', false, 'percent'],
    ['satisfaction', false, 'score'],
    ['introductionsPerMonth', false, 'count'],
    ['custom', false, 'number'],
  ])('%s: computed %s, unit %s', (kind, computed, unit) => {
    expect(KPI_LIBRARY[kind]).toMatchObject({ kind, computed, unit });
  });

  it('covers every KPI kind', () => {
    expect(Object.keys(KPI_LIBRARY).sort()).toEqual([...KPI_KINDS].sort());
  });
});

describe('contactMoments', () => {
  const log = [
    entry('r1', ago(0)),
    entry('r1', ago(364)),
    entry('r1', ago(365)),
    entry('r1', addDays(TODAY, 1)!),
    entry('r2', ago(10)),
    entry('r3', ago(10)),
  ];

  it.each<[string[], { from: string; to: string } | undefined, number]>([
    [['r1'], undefined, 2],
    [['r1', 'r2'], undefined, 3],
    [['r9'], undefined, 0],
    [[], undefined, 0],
    [['r1'], { from: ago(365), to: TODAY }, 3],
    [['r1'], { from: ago(0), to: addDays(TODAY, 30)! }, 1],
    [['r1', 'r2', 'r3'], { from: ago(20), to: ago(5) }, 2],
    [['r1'], { from: TODAY, to: ago(1) }, 0],
  ])('relations %j in window %j → %s', (ids, window, n) => {
    expect(contactMoments(ids, log, TODAY, window)).toBe(n);
  });

  it('the default window is the 365 days up to and including today', () => {
    expect(lastYearWindow(TODAY)).toEqual({ from: ago(364), to: TODAY });
  });
});

describe('dmuKnowledge', () => {
  it.each<[number[], number]>([
    [[], 0],
    [[0], 0],
    [[5], 5],
    [[1, 2], 1.5],
    [[0, 5, 4], 3],
  ])('strengths %j → %s', (strengths, value) => {
    const contacts = strengths.map((s, i) => contact(`c${i}`, 'r1', { strength: s }));
    contacts.push(contact('other', 'r2', { strength: 5 }));
    expect(dmuKnowledge(['r1'], contacts)).toBe(value);
  });
});

describe('dataCompleteness', () => {
  const fullRelation = relation('r', { name: 'R', sector: 'Bouw', revenue: 1, potential: 2, ownerId: 'p1' });
  const fullContact = contact('c', 'r', {
    name: 'Ann',
    title: 'CFO',
    dmuRole: 'decider',
    attitude: 'neutral',
    email: 'a@b.nl',
    knownBy: ['p1'],
  });

  it.each<[string, Relation[], Contact[], number | null]>([
    ['no relation', [], [], null],
    ['everything filled', [fullRelation], [fullContact], 100],
    ['an empty relation without contacts (only its name)', [relation('r')], [], (1 / 6) * 100],
    ['a full relation without contacts', [fullRelation], [], (5 / 6) * 100],
    ['a full relation with an empty contact', [fullRelation], [contact('c', 'r')], (6 / 12) * 100],
    ['phone instead of e-mail', [fullRelation], [{ ...fullContact, email: undefined, phone: '06' }], 100],
    ['a blank sector', [{ ...fullRelation, sector: '  ' }], [fullContact], (11 / 12) * 100],
    [
      'personal facts left out do not count against it',
      [fullRelation],
      [{ ...fullContact, personal: {} }],
      100,
    ],
  ])('%s → %s', (_label, relations, contacts, percent) => {
    const result = dataCompleteness(['r'], data(relations, contacts));
    if (percent === null) expect(result.percent).toBeNull();
    else expect(result.percent).toBeCloseTo(percent, 9);
  });

  it('lists what is missing', () => {
    expect(
      dataCompleteness(['r'], data([fullRelation], [{ ...fullContact, title: '', knownBy: [] }])).missing,
    ).toEqual(['contacts.c.knownBy', 'contacts.c.title']);
  });
});

describe('ambassadors', () => {
  const contacts = [
    contact('champ', 'r1', { dmuRole: 'champion' }),
    contact('fan', 'r1'),
    contact('both', 'r1', { dmuRole: 'champion' }),
    contact('plain', 'r1', { dmuRole: 'decider' }),
    contact('later', 'r1'),
    contact('elsewhere', 'r2', { dmuRole: 'champion' }),
  ];
  const log = [
    entry('r1', ago(10), ['fan', 'both', 'ghost'], ['ambassador']),
    entry('r1', ago(5), ['fan'], ['ambassador', 'buyingSignal']),
    entry('r1', ago(3), ['plain'], ['complaint']),
    entry('r1', addDays(TODAY, 3)!, ['later'], ['ambassador']),
  ];

  it('counts distinct champions and contacts with an ambassador signal, up to today', () => {
    expect(ambassadors(['r1'], data([relation('r1')], contacts, log), TODAY)).toEqual([
      { contactId: 'both', relationId: 'r1', name: '', reasons: ['champion', 'signal'] },
      { contactId: 'champ', relationId: 'r1', name: '', reasons: ['champion'] },
      { contactId: 'fan', relationId: 'r1', name: '', reasons: ['signal'] },
    ]);
  });

  it.each<[string[], number]>([
    [['r1'], 3],
    [['r2'], 1],
    [['r1', 'r2'], 4],
    [['r3'], 0],
  ])('relations %j → %s ambassadors', (ids, n) => {
    expect(
      computeKpi('ambassadors', { workspace: data([], contacts, log), relationIds: ids, today: TODAY }),
    ).toBe(n);
  });

  it('ambassadorsByRelation lists every relation', () => {
    const byRel = ambassadorsByRelation(
      data([relation('r1'), relation('r2'), relation('r3')], contacts, log),
      TODAY,
    );
    expect(Object.fromEntries(Object.entries(byRel).map(([k, v]) => [k, v.length]))).toEqual({
      r1: 3,
      r2: 1,
      r3: 0,
    });
  });
});

describe('kpiValue', () => {
  const ctx: KpiContext = {
    workspace: data(
      [relation('r1')],
      [contact('c1', 'r1', { strength: 4 })],
      [entry('r1', ago(3)), entry('r1', ago(400))],
    ),
    relationIds: ['r1'],
    today: TODAY,
  };

  it.each<[string, Kpi, number | null, string | null]>([
    ['computed contact moments', kpi('contactMoments'), 1, 'computed'],
    ['computed DMU knowledge', kpi('dmuKnowledge'), 4, 'computed'],
    ['computed ignores measurements', kpi('dmuKnowledge', 5, [{ date: TODAY, value: 1 }]), 4, 'computed'],
    ['entered without measurements', kpi('satisfaction'), null, null],
    [
      'entered: the latest by date, not by position',
      kpi('satisfaction', 9, [
        { date: '2026-03-01', value: 7 },
        { date: '2026-05-01', value: 8 },
        { date: '2026-04-01', value: 6 },
      ]),
      8,
      'measured',
    ],
    [
      'entered: on equal dates the one entered last',
      kpi('custom', null, [
        { date: '2026-05-01', value: 1 },
        { date: '2026-05-01', value: 2 },
      ]),
      2,
      'measured',
    ],
    ['planGrowth stays entered', kpi('planGrowth', 10, [{ date: '2026-01-01', value: 12 }]), 12, 'measured'],
  ])('%s → %s', (_label, k, value, source) => {
    const v = kpiValue(k, ctx);
    expect(v?.value ?? null).toBe(value);
    expect(v?.source ?? null).toBe(source);
  });

  it('a contact-moments KPI can use another window', () => {
    expect(kpiValue(kpi('contactMoments'), { ...ctx, window: { from: ago(500), to: TODAY } })?.value).toBe(2);
  });
});

describe('kpiProgress', () => {
  it.each<[number | null, number | null, number | null]>([
    [10, 5, 0.5],
    [10, 10, 1],
    [10, 12, 1.2],
    [10, 0, 0],
    [10, -3, 0],
    [null, 5, null],
    [10, null, null],
    [0, 5, null],
    [-1, 5, null],
  ])('target %s, value %s → %s', (target, value, progress) => {
    expect(kpiProgress({ target }, value)).toBe(progress);
  });
});

describe('pyramidCounts', () => {
  it('counts actions per layer, without cancelled ones', () => {
    const action = (id: string, layer: string | null | undefined, status = 'planned') =>
      ({ id, status, pyramidLayer: layer }) as never;
    expect(
      pyramidCounts([
        action('1', 'references'),
        action('2', 'references'),
        action('3', 'media'),
        action('4', null),
        action('5', undefined),
        action('6', 'ownSales', 'cancelled'),
        action('7', 'independent', 'done'),
      ]),
    ).toEqual({ ownSales: 0, media: 1, independent: 1, references: 2, none: 2 });
  });
});

// ---------------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------------

const arbRel = fc.constantFrom('r1', 'r2', 'r3');
const arbContact = fc.record({
  id: fc.constantFrom('c1', 'c2', 'c3', 'c4', 'c5'),
  relationId: arbRel,
  name: fc.string({ maxLength: 3 }),
  title: fc.string({ maxLength: 3 }),
  dmuRole: fc.constantFrom(null, 'decider', 'influencer', 'buyer', 'user', 'gatekeeper', 'champion'),
  attitude: fc.constantFrom(null, 'supporter', 'neutral', 'critic'),
  strength: fc.integer({ min: 0, max: 5 }),
  knownBy: fc.array(fc.constantFrom('p1', 'p2'), { maxLength: 2 }),
}) as fc.Arbitrary<Contact>;
const arbEntry = fc
  .record({
    relationId: arbRel,
    days: fc.integer({ min: -30, max: 800 }),
    contactIds: fc.array(fc.constantFrom('c1', 'c2', 'c3', 'c9'), { maxLength: 3 }),
    kinds: fc.array(fc.constantFrom<SignalKind>('ambassador', 'complaint'), { maxLength: 2 }),
  })
  .map((e) => entry(e.relationId, ago(e.days), e.contactIds, e.kinds));
const arbData = fc
  .record({
    relations: fc
      .uniqueArray(arbRel)
      .map((ids) =>
        ids.map((id) => relation(id, { sector: id === 'r1' ? 'x' : '', revenue: id === 'r2' ? 5 : null })),
      ),
    contacts: fc.uniqueArray(arbContact, { selector: (c) => c.id, maxLength: 5 }),
    log: fc.array(arbEntry, { maxLength: 20 }),
  })
  .map((d) => ({ raw: d, ws: data(d.relations, d.contacts, d.log) }));

describe('properties', () => {
  it('the generated data is schema-valid', () => {
    fc.assert(
      fc.property(arbData, ({ raw }) => {
        for (const r of raw.relations) expect(Relation.safeParse(r).success).toBe(true);
        for (const c of raw.contacts) expect(Contact.safeParse(c).success).toBe(true);
        for (const e of raw.log) expect(ContactLogEntry.safeParse(e).success).toBe(true);
      }),
    );
  });

  it('computed values never throw and stay on their scales', () => {
    fc.assert(
      fc.property(arbData, fc.subarray(['r1', 'r2', 'r3', 'r9']), ({ ws }, ids) => {
        const ctx: KpiContext = { workspace: ws, relationIds: ids, today: TODAY };
        const dmu = computeKpi('dmuKnowledge', ctx)!;
        expect(dmu).toBeGreaterThanOrEqual(0);
        expect(dmu).toBeLessThanOrEqual(5);
        const pct = computeKpi('dataCompleteness', ctx);
        if (pct !== null) {
          expect(pct).toBeGreaterThanOrEqual(0);
          expect(pct).toBeLessThanOrEqual(100);
        }
        const moments = computeKpi('contactMoments', ctx)!;
        expect(moments).toBeGreaterThanOrEqual(0);
        expect(moments).toBeLessThanOrEqual(Object.keys(ws.contactLog).length);
        expect(computeKpi('ambassadors', ctx)).toBeLessThanOrEqual(Object.keys(ws.contacts).length);
        for (const kind of KPI_KINDS) kpiProgress({ target: 3 }, kpiValue(kpi(kind), ctx)?.value ?? null);
      }),
    );
  });

  it('a group plan counts the contact moments of its relations together', () => {
    fc.assert(
      fc.property(arbData, ({ ws }) => {
        const each = ['r1', 'r2', 'r3'].map((id) => contactMoments([id], ws.contactLog, TODAY));
        expect(contactMoments(['r1', 'r2', 'r3'], ws.contactLog, TODAY)).toBe(
          each.reduce((a, b) => a + b, 0),
        );
      }),
    );
  });
});
