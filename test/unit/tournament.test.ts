import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../core/dates.ts';
import { ROUND_SIZES, TournamentDoc, type Decision, type TournamentEntry } from '../../core/model/index.ts';
import {
  entryStatus,
  entryStatuses,
  nurturePool,
  roundPlayers,
  tournamentChecks,
  type EntryStatus,
  type TournamentRuleId,
} from '../../core/tournament.ts';

const TODAY = '2026-06-15';
const START = '2026-01-05';

const entryOf = (id: string, enteredRound = 0, name = id): TournamentEntry => ({
  id,
  name,
  relationId: null,
  note: '',
  enteredRound,
});

interface RoundSpec {
  start?: string | null;
  end?: string | null;
  decisions?: Record<string, Decision>;
}

const doc = (entries: TournamentEntry[], rounds: Record<number, RoundSpec> = {}): TournamentDoc => ({
  schemaVersion: 1,
  id: 't',
  workspaceId: 'w',
  year: 2026,
  title: '',
  entries: Object.fromEntries(entries.map((e) => [e.id, e])),
  rounds: Object.fromEntries(
    Object.entries(rounds).map(([i, r]) => [
      i,
      { index: Number(i), start: r.start ?? null, end: r.end ?? null, decisions: r.decisions ?? {} },
    ]),
  ),
  createdAt: '2026-01-01T00:00:00Z',
});

/** `n` entries e0..e(n-1) entering round `round`. */
const entries = (n: number, round = 0, prefix = 'e') =>
  Array.from({ length: n }, (_, i) => entryOf(`${prefix}${String(i).padStart(2, '0')}`, round));
/** Decisions for the given entries: the first `go` get GO, the next `noGo` get NO GO, the rest none. */
const decide = (es: TournamentEntry[], go: number, noGo = 0): Record<string, Decision> =>
  Object.fromEntries(es.slice(0, go + noGo).map((e, i) => [e.id, i < go ? 'go' : 'noGo']));

const ids = (findings: { id: TournamentRuleId }[]) => findings.map((f) => f.id);

describe('entryStatus', () => {
  const allGo = Object.fromEntries([0, 1, 2, 3, 4, 5].map((r) => [r, { decisions: { e: 'go' as const } }]));
  it.each<[string, number, Record<number, RoundSpec>, EntryStatus]>([
    ['no decision yet', 0, {}, { state: 'active', round: 0 }],
    ['GO in round 0', 0, { 0: { decisions: { e: 'go' } } }, { state: 'active', round: 1 }],
    ['NO GO in round 0', 0, { 0: { decisions: { e: 'noGo' } } }, { state: 'eliminated', round: 0 }],
    [
      'NO GO in round 3',
      0,
      {
        0: { decisions: { e: 'go' } },
        1: { decisions: { e: 'go' } },
        2: { decisions: { e: 'go' } },
        3: { decisions: { e: 'noGo' } },
      },
      { state: 'eliminated', round: 3 },
    ],
    ['GO in every round up to negotiation', 0, allGo, { state: 'won', round: 6 }],
    [
      'entered in round 2, NO GO there',
      2,
      { 2: { decisions: { e: 'noGo' } } },
      { state: 'eliminated', round: 2 },
    ],
    [
      'entered in round 2: decisions before it do not count',
      2,
      { 0: { decisions: { e: 'noGo' } }, 2: { decisions: { e: 'go' } } },
      { state: 'active', round: 3 },
    ],
    [
      'a gap stops the walk',
      0,
      { 0: { decisions: { e: 'go' } }, 2: { decisions: { e: 'go' } } },
      { state: 'active', round: 1 },
    ],
    ['entered in round 5, GO', 5, { 5: { decisions: { e: 'go' } } }, { state: 'won', round: 6 }],
    ['entered in the last round', 6, {}, { state: 'won', round: 6 }],
  ])('%s', (_label, entered, rounds, status) => {
    const e = entryOf('e', entered);
    expect(entryStatus(doc([e], rounds), e)).toEqual(status);
  });
});

describe('round.duration', () => {
  it.each<[string | null, number | null, boolean]>([
    [START, 41, true],
    [START, 42, false],
    [START, 56, false],
    [START, 70, false],
    [START, 71, true],
    [START, -1, true],
    [START, null, false],
    [null, null, false],
  ])('start %s, %s days → warning %s', (start, days, warns) => {
    const end = start === null || days === null ? null : addDays(start, days);
    const findings = tournamentChecks(doc([], { 2: { start, end } }), TODAY);
    expect(findings.filter((f) => f.id === 'round.duration')).toEqual(
      warns
        ? [
            {
              id: 'round.duration',
              severity: 'warning',
              path: 'rounds.2',
              params: { round: 2, days, min: 42, max: 70 },
            },
          ]
        : [],
    );
  });
});

describe('round.advanceCount', () => {
  // Round 4 ("plan") plays 4 entries and must advance 2; round 5 plays 2 and must advance 1.
  it.each<[number, number, number, number, boolean]>([
    // round, GO, NO GO, undecided, warns (round still running)
    [4, 2, 2, 0, false],
    [4, 3, 1, 0, true],
    [4, 1, 3, 0, true],
    [4, 0, 4, 0, true],
    [4, 4, 0, 0, true],
    [4, 1, 0, 3, false],
    [4, 2, 0, 2, false],
    [4, 3, 0, 1, true],
    [5, 1, 1, 0, false],
    [5, 2, 0, 0, true],
    [5, 0, 2, 0, true],
    [0, 32, 32, 0, false],
    [0, 31, 33, 0, true],
    [0, 33, 31, 0, true],
    [0, 10, 0, 54, false],
  ])('round %s: %s GO, %s NO GO, %s undecided → warning %s', (round, go, noGo, undecided, warns) => {
    const es = entries(go + noGo + undecided, round);
    const findings = tournamentChecks(doc(es, { [round]: { decisions: decide(es, go, noGo) } }), TODAY);
    expect(findings.filter((f) => f.id === 'round.advanceCount')).toEqual(
      warns
        ? [
            {
              id: 'round.advanceCount',
              severity: 'warning',
              path: `rounds.${round}.decisions`,
              params: { round, go, expected: ROUND_SIZES[round + 1] },
            },
          ]
        : [],
    );
  });

  it.each<[string, boolean]>([
    [addDays(TODAY, -1)!, true],
    [TODAY, false],
    [addDays(TODAY, 1)!, false],
  ])('too few GO in a round that ended on %s → warning %s', (end, warns) => {
    const es = entries(4, 4);
    const findings = tournamentChecks(
      doc(es, { 4: { start: addDays(end, -56), end, decisions: decide(es, 1) } }),
      TODAY,
    );
    expect(ids(findings).includes('round.advanceCount')).toBe(warns);
  });

  it('counts only the GO of entries that advanced into the round', () => {
    const es = entries(4, 3);
    const ok = doc(es, { 3: { decisions: decide(es, 4) }, 4: { decisions: decide(es, 2, 2) } });
    expect(roundPlayers(ok, 4)).toEqual(es.map((e) => e.id));
    expect(tournamentChecks(ok, TODAY)).toEqual([]);
    // e00 got NO GO in round 3: its GO in round 4 does not count, so round 4 advances one too few.
    const stray = doc(es, {
      3: { decisions: { ...decide(es, 4), e00: 'noGo' } },
      4: { decisions: { ...decide(es, 2, 2) } },
    });
    expect(
      tournamentChecks(stray, TODAY).map((f) => [f.id, f.params.round, f.params.go ?? f.params.entryId]),
    ).toEqual([
      ['round.advanceCount', 3, 3],
      ['round.advanceCount', 4, 1],
      ['decision.notPlaying', 4, 'e00'],
    ]);
  });
});

describe('round.size', () => {
  it.each<[number, number, boolean]>([
    [0, 64, false],
    [0, 65, true],
    [3, 8, false],
    [3, 9, true],
    [5, 2, false],
    [5, 3, true],
    [6, 1, false],
    [6, 2, true],
  ])('round %s with %s entries → warning %s', (round, n, warns) => {
    const findings = tournamentChecks(doc(entries(n, round)), TODAY);
    expect(findings.filter((f) => f.id === 'round.size')).toEqual(
      warns
        ? [
            {
              id: 'round.size',
              severity: 'warning',
              path: `rounds.${round}`,
              params: { round, players: n, size: ROUND_SIZES[round] },
            },
          ]
        : [],
    );
  });
});

describe('entry.undecided', () => {
  it.each<[string | null, string[]]>([
    [addDays(TODAY, -1)!, ['e02', 'e03']],
    [TODAY, []],
    [addDays(TODAY, 30)!, []],
    [null, []],
  ])('round 4 ending %s, two of four decided → undecided %j', (end, undecided) => {
    const es = entries(4, 4);
    const findings = tournamentChecks(doc(es, { 4: { end, decisions: decide(es, 1, 1) } }), TODAY);
    expect(findings.filter((f) => f.id === 'entry.undecided')).toEqual(
      undecided.map((id) => ({
        id: 'entry.undecided',
        severity: 'info',
        path: `rounds.4.decisions.${id}`,
        params: { round: 4, entryId: id },
      })),
    );
  });
});

describe('decision.notPlaying', () => {
  it.each<[string, Record<number, RoundSpec>, string[]]>([
    [
      'a decision after a NO GO',
      { 4: { decisions: { e00: 'noGo' } }, 5: { decisions: { e00: 'go' } } },
      ['e00'],
    ],
    ['a decision for a round not reached', { 5: { decisions: { e00: 'go' } } }, ['e00']],
    ['a decision for an unknown entry', { 4: { decisions: { ghost: 'go' } } }, ['ghost']],
    ['decisions for players only', { 4: { decisions: { e00: 'go', e01: 'noGo' } } }, []],
  ])('%s', (_label, rounds, flagged) => {
    const findings = tournamentChecks(doc(entries(2, 4), rounds), TODAY);
    expect(findings.filter((f) => f.id === 'decision.notPlaying').map((f) => f.params.entryId)).toEqual(
      flagged,
    );
  });
});

describe('nurturePool', () => {
  it('holds the entries that got a NO GO, by round, then name', () => {
    const es = [
      entryOf('a', 0, 'Zeta'),
      entryOf('b', 0, 'Alpha'),
      entryOf('c', 1, 'Mid'),
      entryOf('d', 0, 'Active'),
      entryOf('w', 5, 'Won'),
    ];
    const d = doc(es, {
      0: { decisions: { a: 'noGo', b: 'go', d: 'go' } },
      1: { decisions: { b: 'noGo', c: 'noGo' } },
      5: { decisions: { w: 'go' } },
    });
    expect(nurturePool(d).map((n) => [n.entryId, n.round])).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 1],
    ]);
    expect(entryStatuses(d)).toEqual({
      a: { state: 'eliminated', round: 0 },
      b: { state: 'eliminated', round: 1 },
      c: { state: 'eliminated', round: 1 },
      d: { state: 'active', round: 1 },
      w: { state: 'won', round: 6 },
    });
  });
});

describe('a whole season', () => {
  it('a clean tournament by the book has no findings', () => {
    const es = entries(64);
    const rounds: Record<number, RoundSpec> = {};
    let playing = es;
    for (let r = 0; r < 6; r++) {
      const start = addDays(START, r * 56)!;
      rounds[r] = {
        start,
        end: addDays(start, 49),
        decisions: decide(playing, ROUND_SIZES[r + 1]!, playing.length - ROUND_SIZES[r + 1]!),
      };
      playing = playing.slice(0, ROUND_SIZES[r + 1]);
    }
    const d = doc(es, rounds);
    expect(tournamentChecks(d, '2027-01-01')).toEqual([]);
    expect(nurturePool(d)).toHaveLength(63);
    expect(Object.values(entryStatuses(d)).filter((s) => s.state === 'won')).toHaveLength(1);
  });
});

// ---------------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------------

const ENTRY_IDS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
const arbDate = fc.integer({ min: 0, max: 500 }).map((n) => addDays('2026-01-01', n)!);
const arbRound = fc.record({
  start: fc.option(arbDate, { nil: null }),
  end: fc.option(arbDate, { nil: null }),
  decisions: fc.dictionary(fc.constantFrom(...ENTRY_IDS, 'ghost'), fc.constantFrom<Decision>('go', 'noGo')),
});
const arbDoc = fc
  .record({
    entries: fc
      .uniqueArray(fc.constantFrom(...ENTRY_IDS), { maxLength: 8 })
      .chain((ids) =>
        fc.tuple(...ids.map((id) => fc.integer({ min: 0, max: 6 }).map((r) => entryOf(id, r)))),
      ),
    rounds: fc.dictionary(fc.constantFrom('0', '1', '2', '3', '4', '5', '6'), arbRound),
  })
  .map(({ entries: es, rounds }) =>
    doc(es, Object.fromEntries(Object.entries(rounds).map(([k, v]) => [Number(k), v]))),
  );

describe('properties', () => {
  it('never throws on schema-valid documents, and statuses, players and pool agree', () => {
    fc.assert(
      fc.property(arbDoc, arbDate, (d, today) => {
        expect(TournamentDoc.safeParse(d).success).toBe(true);
        const statuses = entryStatuses(d);
        const pool = nurturePool(d);
        expect(pool.map((p) => p.entryId).sort()).toEqual(
          Object.entries(statuses)
            .filter(([, s]) => s.state === 'eliminated')
            .map(([id]) => id)
            .sort(),
        );
        for (let i = 1; i <= 6; i++) {
          // Everyone playing round i entered there or got GO in round i-1.
          for (const id of roundPlayers(d, i)) {
            const e = d.entries[id]!;
            expect(e.enteredRound === i || d.rounds[String(i - 1)]?.decisions[id] === 'go').toBe(true);
          }
        }
        for (const f of tournamentChecks(d, today)) expect(['warning', 'info']).toContain(f.severity);
      }),
    );
  });

  it('the findings do not depend on the order of entries and decisions', () => {
    fc.assert(
      fc.property(arbDoc, arbDate, (d, today) => {
        const reversed: TournamentDoc = {
          ...d,
          entries: Object.fromEntries(Object.entries(d.entries).reverse()),
          rounds: Object.fromEntries(
            Object.entries(d.rounds)
              .reverse()
              .map(([k, r]) => [
                k,
                { ...r, decisions: Object.fromEntries(Object.entries(r.decisions).reverse()) },
              ]),
          ),
        };
        expect(tournamentChecks(reversed, today)).toEqual(tournamentChecks(d, today));
        expect(nurturePool(reversed)).toEqual(nurturePool(d));
      }),
    );
  });
});
