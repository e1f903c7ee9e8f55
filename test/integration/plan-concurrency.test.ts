/**
 * A plan with 200 actions, reordered and edited by two (then three) people at once — table edits, moves and
 * live typing the way the editor binding types (deltas straight into the Y.Text under the binding's own
 * origin) — with updates exchanged in random batches and order. Every replica ends identical, valid, with
 * every action still there exactly once and a total order everybody agrees on. The run asserts it did
 * something: moves, table edits and text edits all happened, concurrently.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ACTION_STATUSES, QUADRANTS } from '../../core/model/plan.ts';
import { checkDocument, createPlanDoc, planIntents, readDocument, PLAN_TEXTS } from '../../doc/index.ts';
import { assertOk, clock, docWithClient, opts, replica, seqIds } from '../fixtures/docs/sample.ts';
import { chance, int, mulberry32, pickOne, shuffle, type Rng } from '../helpers/rng.ts';

type Plan = ReturnType<typeof planIntents>;
interface Peer {
  doc: Y.Doc;
  plan: Plan;
  /** Stands for the editor binding's sync config: its edits are not intents. */
  binding: object;
  outbox: Uint8Array[];
}

function setup(peers: number): Peer[] {
  const first = docWithClient(1);
  assertOk(
    createPlanDoc(first, {
      id: 'plan-200',
      workspaceId: 'ws-1',
      relationIds: ['r1'],
      title: 'Acme 2026',
      now: '2026-03-01T09:00:00.000Z',
    }),
  );
  const seeder = planIntents(first, opts('seed', clock(), seqIds('s')));
  const goal = assertOk(
    seeder.addGoal({ title: 'Keep Acme', metric: 'NPS', target: '9', deadline: '2026-12-31' }),
  );
  for (let i = 0; i < 200; i++) assertOk(seeder.addAction({ what: `action ${i}`, goalId: goal, cost: i }));
  return Array.from({ length: peers }, (_, i) => {
    const doc = i === 0 ? first : replica(first, i + 1);
    const peer: Peer = {
      doc,
      plan: planIntents(doc, opts({ user: `u${i}` }, clock(), seqIds(`p${i}-`))),
      binding: { binding: i },
      outbox: [],
    };
    doc.on('update', (u: Uint8Array, origin: unknown) => {
      if (origin !== 'remote') peer.outbox.push(u);
    });
    return peer;
  });
}

interface Counts {
  moves: number;
  tableEdits: number;
  textEdits: number;
  deliveries: number;
  concurrentRounds: number;
}

function edit(rng: Rng, p: Peer, counts: Counts): void {
  const actions = Object.values(readDocument('plan', p.doc)!.actions as Record<string, { id: string }>);
  const a = pickOne(rng, actions).id;
  const r = rng();
  if (r < 0.3) {
    if (p.plan.moveAction(a, int(rng, actions.length)).ok) counts.moves++;
  } else if (r < 0.6) {
    const patch = pickOne(rng, [
      { what: `edited ${int(rng, 1000)}` },
      { cost: int(rng, 5000) },
      { quadrant: pickOne(rng, QUADRANTS) },
      { status: pickOne(rng, ACTION_STATUSES) },
      { due: `2026-0${1 + int(rng, 9)}-1${int(rng, 9)}` },
      { kpi: { name: 'meetings', target: String(int(rng, 12)) } },
    ]);
    if (p.plan.updateAction(a, patch).ok) counts.tableEdits++;
  } else {
    // Typing as the editor binding does: a delta into the shared Y.Text, under the binding's origin.
    const text = p.doc.getText(pickOne(rng, PLAN_TEXTS));
    p.doc.transact(() => {
      const at = int(rng, text.length + 1);
      if (chance(rng, 0.75) || text.length === 0) text.insert(at, `w${int(rng, 100)} `);
      else text.delete(Math.min(at, text.length - 1), 1 + int(rng, Math.min(5, text.length - at)));
    }, p.binding);
    counts.textEdits++;
  }
}

function deliver(rng: Rng, peers: Peer[], counts: Counts, all = false): void {
  for (const from of peers) {
    const take = all ? from.outbox.length : int(rng, from.outbox.length + 1);
    const batch = from.outbox.splice(0, take);
    for (const to of peers) {
      if (to === from) continue;
      for (const u of shuffle(rng, [...batch])) {
        Y.applyUpdate(to.doc, u, 'remote');
        counts.deliveries++;
      }
    }
  }
}

function runOnce(seed: number, peerCount: number, rounds: number): Counts & { peers: Peer[] } {
  const rng = mulberry32(seed);
  const peers = setup(peerCount);
  const counts: Counts = { moves: 0, tableEdits: 0, textEdits: 0, deliveries: 0, concurrentRounds: 0 };
  for (let round = 0; round < rounds; round++) {
    // Everybody edits before anybody hears of it: truly concurrent.
    for (const p of peers) for (let k = 0; k < 1 + int(rng, 4); k++) edit(rng, p, counts);
    counts.concurrentRounds++;
    if (chance(rng, 0.6)) deliver(rng, peers, counts);
  }
  deliver(rng, peers, counts, true);
  deliver(rng, peers, counts, true);
  return { ...counts, peers };
}

describe('a plan with 200 actions edited by several people at once', () => {
  it.each([
    [1, 2],
    [2, 2],
    [3, 3],
    [4, 3],
  ])(
    'seed %i, %i people: every replica converges to the same valid plan with every action once',
    (seed, n) => {
      const result = runOnce(seed, n, 60);
      const jsons = result.peers.map((p) => readDocument('plan', p.doc));
      for (const json of jsons.slice(1)) expect(JSON.stringify(json)).toBe(JSON.stringify(jsons[0]));
      const checked = checkDocument('plan', jsons[0]);
      expect(checked.quarantine).toEqual([]);
      const actions = Object.values(checked.valid!.actions);
      expect(actions).toHaveLength(200);
      // One total order, the same everywhere: sorting by (order, id) gives the same list on every replica.
      const orderOf = (json: (typeof jsons)[number]) =>
        Object.values((json as { actions: Record<string, { id: string; order: number }> }).actions)
          .sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1))
          .map((a) => a.id);
      for (const json of jsons) expect(orderOf(json)).toEqual(orderOf(jsons[0]!));
      expect(new Set(orderOf(jsons[0]!)).size).toBe(200);
      // The run did something, concurrently.
      expect(result.moves).toBeGreaterThan(20);
      expect(result.tableEdits).toBeGreaterThan(20);
      expect(result.textEdits).toBeGreaterThan(20);
      expect(result.concurrentRounds).toBe(60);
      expect(result.deliveries).toBeGreaterThan(100);
    },
  );
});
