/**
 * The meeting board's pure helpers: who a typed name means, the commitments CSV, a commitment's KPI as a phrase
 * and the form's rule for half a KPI, live ↔ presentation steps, a new board's title.
 */
import { describe, expect, it } from 'vitest';
import { commitmentWhy } from '../../core/meetingBoard.ts';
import type { AccountPlanDoc, Commitment, Professional } from '../../core/model/index.ts';
import { parseCsv } from '../../client/src/io/csv.ts';
import { kpiPhrase, kpiProblem } from '../../client/src/ui/meeting/kpi.ts';
import { matchPerson } from '../../client/src/ui/meeting/people.ts';
import { clockText, liveStepOf, positionOfLive } from '../../client/src/ui/meeting/position.ts';
import { commitmentsCsv, commitmentsCsvName } from '../../client/src/ui/meeting/summaryCsv.ts';
import { titleForNewDate, uniqueTitle } from '../../client/src/ui/meeting/titles.ts';

const pro = (id: string, name: string) => ({ id, name }) as Professional;
const team = [
  pro('a', 'Anna de Wit'),
  pro('b', 'Bram Jansen'),
  pro('e', 'Émile Bakker'),
  pro('b2', 'Bram Visser'),
];

describe('matchPerson', () => {
  it.each([
    ['Anna de Wit', 'a'],
    ['anna', 'a'],
    ['  ANNA DE WIT ', 'a'],
    ['wit', 'a'],
    ['emile', 'e'],
    ['Jansen', 'b'],
  ])('%j means %s', (typed, id) => {
    expect(matchPerson(typed, team)).toEqual({ ok: true, id });
  });
  it('says which team members fit an ambiguous name, and none for an unknown one', () => {
    const many = matchPerson('bram', team);
    expect(many.ok).toBe(false);
    expect(!many.ok && many.candidates.map((p) => p.id)).toEqual(['b', 'b2']);
    expect(matchPerson('Zoë', team)).toEqual({ ok: false, candidates: [] });
    expect(matchPerson('', team)).toEqual({ ok: false, candidates: [] });
  });
});

describe('commitmentsCsv', () => {
  const doc = {
    agenda: { i1: { id: 'i1', planId: 'p1', presenterId: 'a', timeboxMinutes: 10, order: 0 } },
    commitments: {
      c2: {
        id: 'c2',
        agendaItemId: 'i1',
        planId: 'p1',
        actionId: 'x2',
        what: '=HYPERLINK("x")',
        ownerId: 'b',
        due: '2026-12-20',
        quadrant: 'partnership' as const,
        goalId: 'g1',
        goalTitle: 'Tevredenheid naar een 9',
        kpi: { name: 'Tevredenheidscijfer', target: '=9' },
      },
      c1: {
        id: 'c1',
        agendaItemId: 'i1',
        planId: 'p1',
        actionId: 'x1',
        what: 'Offerte; met "bijlage"',
        ownerId: 'a',
        due: '2026-12-14',
      },
      // Made before the board carried the goal's title: the plan's goal names it.
      c3: {
        id: 'c3',
        agendaItemId: 'i1',
        planId: 'p1',
        actionId: 'x3',
        what: 'Kennissessie',
        ownerId: 'a',
        due: '2026-12-31',
        quadrant: 'process' as const,
        goalId: 'g2',
        kpi: null,
      },
    },
  };
  const plan = { goals: { g2: { title: 'Energieadvies verkocht' } } } as unknown as Pick<
    AccountPlanDoc,
    'goals'
  >;
  const names = {
    person: (id: string | null) => team.find((p) => p.id === id)?.name ?? '',
    plan: () => 'Acme 2027',
    why: (c: Commitment) => commitmentWhy(c, plan),
  };
  it('writes one row per commitment by due date, formula-safe, with the locale’s delimiter, with its why', () => {
    const nl = parseCsv(commitmentsCsv(doc, names, 'nl'), { delimiter: ';' });
    expect(nl.headers).toEqual([
      'Wat',
      'Wie',
      'Wanneer',
      'Waarom (doel)',
      'Prestatie-indicator',
      'Streefwaarde',
      'P',
      'Plan',
      'Presentator',
    ]);
    // A commitment without a P (made before the form asked) is filed as Project; one without a KPI (made before
    // the form asked, or not stated) has empty KPI cells.
    expect(nl.rows.map((r) => r.cells)).toEqual([
      [
        'Offerte; met "bijlage"',
        'Anna de Wit',
        '2026-12-14',
        '',
        '',
        '',
        'Project',
        'Acme 2027',
        'Anna de Wit',
      ],
      [
        `'=HYPERLINK("x")`,
        'Bram Jansen',
        '2026-12-20',
        'Tevredenheid naar een 9',
        'Tevredenheidscijfer',
        `'=9`,
        'Partnership',
        'Acme 2027',
        'Anna de Wit',
      ],
      [
        'Kennissessie',
        'Anna de Wit',
        '2026-12-31',
        'Energieadvies verkocht',
        '',
        '',
        'Proces',
        'Acme 2027',
        'Anna de Wit',
      ],
    ]);
    expect(commitmentsCsv(doc, names, 'en').split('\r\n')[0]).toBe(
      'What,Who,When,Why (goal),KPI,KPI target,P,Plan,Presenter',
    );
  });
  it('a commitment made before the board carried its goal, with the plan not on this device, has an empty why', () => {
    const en = parseCsv(commitmentsCsv(doc, { ...names, why: (c) => commitmentWhy(c, null) }, 'en'), {
      delimiter: ',',
    });
    expect(en.rows.map((r) => r.cells[3])).toEqual(['', 'Tevredenheid naar een 9', '']);
  });
});

describe('a commitment’s KPI', () => {
  it.each([
    [{ name: 'Tevredenheidscijfer', target: '9' }, 'en', 'Tevredenheidscijfer, target 9'],
    [{ name: 'Tevredenheidscijfer', target: '9' }, 'nl', 'Tevredenheidscijfer, streefwaarde 9'],
    [{ name: ' Introducties ', target: '' }, 'nl', 'Introducties'],
    [{ name: '', target: '3 per maand' }, 'en', 'target 3 per maand'],
    [{ name: ' ', target: ' ' }, 'en', ''],
    [null, 'nl', ''],
    [undefined, 'en', ''], // a board from before KPIs were asked
  ] as const)('%j in %s reads %j', (kpi, lang, phrase) => {
    expect(kpiPhrase(kpi, lang)).toBe(phrase);
  });
  it.each([
    ['', '', null],
    ['  ', ' ', null],
    ['Tevredenheidscijfer', '9', null],
    ['Tevredenheidscijfer', ' ', { key: 'mt.commit.kpiNoTarget' }],
    [' ', '9', { key: 'mt.commit.kpiNoName', target: '9' }],
  ])('the form with %j and %j: %j', (name, target, problem) => {
    expect(kpiProblem(name, target)).toEqual(problem);
  });
});

describe('commitmentsCsvName: the title with one date', () => {
  it.each([
    // QA: "Relatiemanagementoverleg 30 nov 2026-2026-11-30.csv"
    ['Relatiemanagementoverleg 30 nov 2026', 'Relatiemanagementoverleg 30 nov 2026.csv'],
    ['Relationship meeting 30 Nov 2026', 'Relationship meeting 30 Nov 2026.csv'],
    ['RM 2026-11-30', 'RM 2026-11-30.csv'],
    ['RM-overleg maart', 'RM-overleg maart 2026-11-30.csv'],
    ['Overleg 1/2: "sales"?', 'Overleg 1-2- -sales-- 2026-11-30.csv'],
    ['  ', 'meeting 2026-11-30.csv'],
  ])('%j → %s', (title, name) => {
    expect(commitmentsCsvName({ title, date: '2026-11-30' })).toBe(name);
  });
});

describe('positions', () => {
  it('maps the board’s live state to the presentation’s steps and back', () => {
    const live = {
      status: 'running',
      agendaItemId: 'i1',
      step: 'plan',
      planStep: 'goals',
      timerStartedAt: null,
    } as const;
    expect(positionOfLive(live)).toEqual({ agendaItemId: 'i1', step: 'goals' });
    expect(positionOfLive({ ...live, status: 'ended' })).toBeNull();
    expect(positionOfLive({ ...live, agendaItemId: null })).toBeNull();
    expect(liveStepOf('goals')).toEqual({ step: 'plan', planStep: 'goals' });
    expect(liveStepOf('summary')).toEqual({ step: 'summary', planStep: null });
    expect(clockText(0)).toBe('0:00');
    expect(clockText(605.9)).toBe('10:05');
  });
});

describe('a new board’s title', () => {
  const base = 'Relatiemanagementoverleg 30 nov 2026';
  it.each([
    [[], base],
    [['Iets anders'], base],
    [[base], `${base} (2)`], // QA: a second board today read the same as the first
    [[` ${base.toUpperCase()} `], `${base} (2)`],
    [[base, `${base} (2)`], `${base} (3)`],
    [[base, `${base} (3)`], `${base} (2)`],
  ])('among %j: %s', (taken, title) => {
    expect(uniqueTitle(base, taken)).toBe(title);
  });
  it('follows a new date while it is still the default, never someone’s own title', () => {
    const dec = 'Relatiemanagementoverleg 14 dec 2026';
    expect(titleForNewDate(base, base, dec, [])).toBe(dec);
    expect(titleForNewDate(`${base} (2)`, base, dec, [])).toBe(dec);
    expect(titleForNewDate(base, base, dec, [dec])).toBe(`${dec} (2)`);
    expect(titleForNewDate('RM-overleg maart', base, dec, [])).toBeNull();
    expect(titleForNewDate(`${base} met Zwolle`, base, dec, [])).toBeNull();
    expect(titleForNewDate(`${base} (x)`, base, dec, [])).toBeNull();
  });
  it('follows the date from a default in either language (a board made on an English screen)', () => {
    const olds = ['Relatiemanagementoverleg 1 dec 2026', 'Relationship meeting 1 Dec 2026'];
    const dec = 'Relatiemanagementoverleg 24 dec 2026';
    expect(titleForNewDate('Relationship meeting 1 Dec 2026', olds, dec, [])).toBe(dec);
    expect(titleForNewDate('Relationship meeting 1 Dec 2026 (2)', olds, dec, [])).toBe(dec);
    expect(titleForNewDate('Relationship meeting with Acme', olds, dec, [])).toBeNull();
  });
});
