/**
 * The incremental view (watchDocument over incremental.ts) must always equal the full recompute
 * (`viewDocument`: readDocument + checkDocument), and the patches it reports must turn the previous view
 * into the next. Two replicas of each document kind take random raw edits (valid and invalid records, fields
 * and nested values, removals, scores, settings, meta, texts), intents, undo/redo, and each other's updates
 * delivered late, partially and out of order; after every transaction both are compared.
 *
 * Budget: HAARD_INCREMENTAL_RUNS seeds per kind (default 3) × HAARD_INCREMENTAL_STEPS steps (default 250).
 */
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  DOC_KINDS,
  LAYOUT,
  checkDocument,
  createUndo,
  createWorkspaceDoc,
  getAt,
  planIntents,
  readDocument,
  recordToY,
  tournamentIntents,
  viewDocument,
  watchDocument,
  workspaceIntents,
  type DocKind,
  type DocView,
  type ViewPatch,
} from '../../doc/index.ts';
import { applyPatches } from '../../doc/patch.ts';
import { SAMPLES, assertOk, docWithClient, opts, replica, syncAll } from '../fixtures/docs/sample.ts';
import { chance, int, mulberry32, pick, type Rng } from '../helpers/rng.ts';

const RUNS = Number(process.env.HAARD_INCREMENTAL_RUNS ?? 3);
const STEPS = Number(process.env.HAARD_INCREMENTAL_STEPS ?? 250);

// ---------------------------------------------------------------------------------------------- randomness
const clone = <T>(v: T): T => structuredClone(v);

// ---------------------------------------------------------------------------------------------- checking a watch
interface Stats {
  compared: number;
  patched: number;
  whole: number;
  withQuarantine: number;
  withoutData: number;
  patches: number;
}

/** Watch `doc`; after every published view, compare it with the full recompute and with the patched mirror. */
function checkedWatch<K extends DocKind>(kind: K, doc: Y.Doc, stats: Stats, label: string) {
  let mirror: Record<string, unknown> | null = null;
  const verify = (view: DocView<K>) => {
    const full = viewDocument(kind, doc, view.status, view.reason);
    // Deep-equal, and the same key order (a canonical view serialises identically).
    if (!isDeepStrictEqual(view, full) || JSON.stringify(view) !== JSON.stringify(full)) {
      expect(view, `${label}: incremental view differs from viewDocument`).toStrictEqual(full);
      expect(JSON.stringify(view), `${label}: key order differs`).toBe(JSON.stringify(full));
    }
    stats.compared++;
    if (view.quarantine.length) stats.withQuarantine++;
    if (view.data === null) stats.withoutData++;
  };
  const watch = watchDocument(kind, doc, (view: DocView<K>, patches: ViewPatch[] | null) => {
    verify(view);
    if (patches === null || mirror === null) {
      mirror = clone(view) as unknown as Record<string, unknown>;
      stats.whole++;
    } else {
      applyPatches(mirror, patches);
      stats.patched++;
      stats.patches += patches.length;
      if (!isDeepStrictEqual(mirror, view))
        expect(mirror, `${label}: patches do not give the new view`).toStrictEqual(view);
    }
  });
  return { watch, verify: () => verify(watch.view()) };
}

// ---------------------------------------------------------------------------------------------- random raw edits
type Json = Record<string, unknown>;

/** A valid record of each collection, from the sample documents. */
function templates(kind: DocKind): Record<string, Json> {
  const doc = new Y.Doc();
  SAMPLES[kind](doc);
  const json = readDocument(kind, doc)!;
  const out: Record<string, Json> = {};
  for (const c of LAYOUT[kind].collections) {
    const records = getAt(json, c.path) as Record<string, Json>;
    out[c.path] = Object.values(records).at(-1)!;
  }
  out.__fields = json;
  return out;
}

const WORDS = ['klant', 'groei', 'advies', '😀', 'ë', ''];
const BAD_VALUES: unknown[] = [-1, 'x', 7, 2.5, null, true, [], { nested: 1 }, 'x'.repeat(600), '0'];

function badFor(value: unknown, rng: Rng): unknown {
  if (typeof value === 'string')
    return chance(rng, 0.02) ? 'x'.repeat(100_001) : pick(rng, [42, null, 'x'.repeat(501), ['x']]);
  if (typeof value === 'number') return pick(rng, ['1', -5, Number.NaN, 2.5]);
  if (typeof value === 'boolean') return 'yes';
  if (value === null) return pick(rng, [{ class: 'Z' }, 'bad', -1]);
  if (Array.isArray(value)) return pick(rng, ['not a list', [42], { 0: 'x' }]);
  return pick(rng, [5, 'x', { wrong: true }]);
}

function perturb(record: Json, rng: Rng): Json {
  const out = clone(record);
  const strings = Object.keys(out).filter((k) => typeof out[k] === 'string' && k !== 'id');
  const key = pick(rng, strings);
  if (key && !/date|due|createdAt|start|end|movedTo|deadline/i.test(key)) {
    out[key] = `${pick(rng, WORDS)} ${int(rng, 100)}`;
  }
  return out;
}

function rawEdit(kind: DocKind, doc: Y.Doc, rng: Rng, tpl: Record<string, Json>, newKey: () => string) {
  const layout = LAYOUT[kind];
  const r = rng();
  if (r < 0.55) {
    // A record of a collection.
    const c = pick(rng, layout.collections)!;
    const root = doc.getMap(c.root);
    const keys = [...root.keys()];
    const template = tpl[c.path]!;
    const isRound = c.path === 'rounds';
    const key = isRound
      ? String(int(rng, 8))
      : chance(rng, 0.5) && keys.length
        ? pick(rng, keys)!
        : chance(rng, 0.03)
          ? pick(rng, ['', 'x'.repeat(201), '12', '3'])!
          : newKey();
    const withId = (rec: Json): Json =>
      isRound ? { ...rec, index: Number(key) } : { ...rec, id: chance(rng, 0.05) ? 'someone-else' : key };
    const existing = root.get(key);
    const op = rng();
    if (op < 0.3) root.set(key, recordToY(withId(perturb(template, rng)), c.nested));
    else if (op < 0.4) {
      const bad = withId(clone(template));
      const field = pick(
        rng,
        Object.keys(bad).filter((k) => k !== 'id'),
      )!;
      if (chance(rng, 0.3)) delete bad[field];
      else bad[field] = badFor(bad[field], rng);
      root.set(key, recordToY(bad, c.nested));
    } else if (op < 0.45) root.set(key, pick(rng, [42, 'record?', null, [1, 2]]));
    else if (op < 0.6) {
      if (keys.length) root.delete(pick(rng, keys)!);
    } else if (existing instanceof Y.Map) {
      const field = pick(
        rng,
        [...Object.keys(template), 'extra'].filter((k) => k !== 'id'),
      )!;
      const nested = existing.get(field);
      if (nested instanceof Y.Map) {
        // seven questions, signals, decisions
        const sub = [...nested.keys()];
        if (chance(rng, 0.3) && sub.length) nested.delete(pick(rng, sub)!);
        else if (field === 'signals') {
          const signal = clone(Object.values(template.signals as Record<string, Json>)[0]!);
          const id = chance(rng, 0.5) && sub.length ? pick(rng, sub)! : newKey();
          const bad = chance(rng, 0.2);
          nested.set(id, recordToY({ ...signal, id, ...(bad ? { kind: 'rumour' } : {}) }, {}));
        } else if (field === 'sevenQuestions') {
          nested.set(pick(rng, ['dataCurrent', 'knowBusiness', 'nonsense'])!, pick(rng, [true, false, 3])!);
        } else nested.set(pick(rng, ['t-1', 't-2', newKey()])!, pick(rng, ['go', 'noGo', 'maybe'])!);
      } else if (nested instanceof Y.Array) {
        if (chance(rng, 0.3) && nested.length) nested.delete(int(rng, nested.length), 1);
        else nested.push([chance(rng, 0.8) ? { date: '2026-03-01', value: int(rng, 10) } : { value: 'x' }]);
      } else if (chance(rng, 0.15)) existing.delete(field);
      else if (chance(rng, 0.3)) existing.set(field, badFor(template[field], rng));
      else existing.set(field, (perturb(template, rng) as Json)[field] ?? pick(rng, BAD_VALUES));
    }
    return;
  }
  if (r < 0.75 && kind === 'workspace') {
    // The score sheet: relationId → criterionId → score.
    const scores = doc.getMap('scores');
    const rows = [...scores.keys()];
    const relations = [...doc.getMap('relations').keys()];
    const criteria = [...doc.getMap('criteria').keys()];
    const rowKey = chance(rng, 0.6) && rows.length ? pick(rng, rows)! : (pick(rng, relations) ?? newKey());
    const op = rng();
    if (op < 0.1) scores.delete(rowKey);
    else if (op < 0.13) scores.set(rowKey, pick(rng, [3, 'row', null])!);
    else {
      let row = scores.get(rowKey);
      if (!(row instanceof Y.Map)) {
        row = new Y.Map<unknown>();
        scores.set(rowKey, row);
      }
      const cell = chance(rng, 0.05) ? pick(rng, ['', 'y'.repeat(201)])! : (pick(rng, criteria) ?? 'c');
      const value = chance(rng, 0.85)
        ? pick(rng, [1, 2, 3, 4, null])
        : pick(rng, [0, 5, 2.5, '3', -0, Number.NaN, true, [1]]);
      if (chance(rng, 0.1)) (row as Y.Map<unknown>).delete(cell);
      else (row as Y.Map<unknown>).set(cell, value);
    }
    return;
  }
  if (r < 0.87) {
    // A document-level field.
    const f = pick(rng, layout.fields)!;
    const map = doc.getMap(f.root);
    const source = (f.path ? getAt(tpl.__fields, f.path) : tpl.__fields) as Json;
    const keys = f.keys ?? Object.keys(source).filter((k) => typeof source[k] !== 'string');
    const key = pick(rng, keys) ?? 'extra';
    const op = rng();
    if (op < 0.05) map.delete(key);
    else if (op < 0.25) map.set(key, badFor(source[key], rng));
    else map.set(key, clone(source[key]) ?? 'restored');
    return;
  }
  if (r < 0.94 && layout.texts.length) {
    const text = doc.getText(pick(rng, layout.texts)!);
    if (chance(rng, 0.02)) text.insert(0, 'x'.repeat(100_001));
    else if (text.length && chance(rng, 0.4))
      text.delete(int(rng, text.length), Math.min(text.length, 1 + int(rng, 200_000)));
    else text.insert(int(rng, text.length + 1), `${pick(rng, WORDS)} `);
    return;
  }
  // meta: a broken or restored field, an unknown key, rarely the schema version
  const meta = doc.getMap('meta');
  const op = rng();
  if (op < 0.3) meta.set('createdAt', chance(rng, 0.25) ? 'yesterday' : (tpl.__fields!.createdAt as string));
  else if (op < 0.6) meta.set('extra', pick(rng, [1, 'two', { three: 3 }]));
  else if (op < 0.8) meta.delete('extra');
  else meta.set('schemaVersion', pick(rng, [1, 1, 1, 1, 1, 2, 'x'])!);
}

/** One transaction that sets right everything the full check complains about (a peer cleaning up). */
function repairAll(kind: DocKind, doc: Y.Doc, tpl: Record<string, Json>) {
  const layout = LAYOUT[kind];
  const meta = doc.getMap('meta');
  meta.set('createdAt', tpl.__fields!.createdAt);
  meta.set('schemaVersion', 1);
  meta.delete('extra');
  for (const f of layout.fields) {
    const source = (f.path ? getAt(tpl.__fields, f.path) : tpl.__fields) as Json;
    const map = doc.getMap(f.root);
    for (const key of f.keys ?? Object.keys(source).filter((k) => typeof source[k] !== 'string'))
      map.set(key, clone(source[key]));
  }
  for (const t of layout.texts) if (doc.getText(t).length > 100_000) doc.getText(t).delete(0, 100_001);
  const { quarantine } = checkDocument(kind, readDocument(kind, doc));
  for (const { path } of quarantine) {
    const c = [...layout.collections, ...layout.extra.map((e) => ({ path: e, root: e }))].find((c) =>
      path.startsWith(`${c.path}.`),
    );
    if (c) doc.getMap(c.root).delete(path.slice(c.path.length + 1).split('.')[0]!);
  }
}

/** A few real intents per kind, so that transactions also look like the app's. */
function intentEdit(kind: DocKind, doc: Y.Doc, rng: Rng, origin: unknown) {
  const o = opts(origin);
  const ids = (root: string) => [...doc.getMap(root).keys()];
  if (kind === 'workspace') {
    const ws = workspaceIntents(doc, o);
    const rel = pick(rng, ids('relations'));
    const crit = pick(rng, ids('criteria'));
    pick(rng, [
      () => rel && crit && ws.scoreRelation(rel, crit, pick(rng, [1, 2, 3, 4, null] as const)!),
      () => rel && ws.updateRelation(rel, { name: `Rel ${int(rng, 99)}` }),
      () => rel && chance(rng, 0.3) && ws.removeRelation(rel),
      () => ws.addRelation({ name: `Nieuw ${int(rng, 99)}` }),
      () => crit && chance(rng, 0.2) && ws.removeCriterion(crit),
      () => ws.rename(`Werkruimte ${int(rng, 9)}`),
    ])!();
  } else if (kind === 'plan') {
    const plan = planIntents(doc, o);
    pick(rng, [
      () => plan.setText('summary', `Samenvatting ${int(rng, 99)}`),
      () => plan.setTitle(`Plan ${int(rng, 99)}`),
      () => plan.addBenefit({ level: 'person', description: 'Borrel' }),
      () => {
        const b = pick(rng, ids('benefits'));
        return b && plan.removeBenefit(b);
      },
    ])!();
  } else if (kind === 'tournament') {
    const t = tournamentIntents(doc, o);
    const entry = pick(rng, ids('entries'));
    if (entry) t.decide(0, entry, pick(rng, ['go', 'noGo'] as const)!);
  }
}

// ---------------------------------------------------------------------------------------------- one run
function run(kind: DocKind, seed: number, steps = STEPS): Stats {
  const rng = mulberry32(seed * 7919 + DOC_KINDS.indexOf(kind));
  const stats: Stats = { compared: 0, patched: 0, whole: 0, withQuarantine: 0, withoutData: 0, patches: 0 };
  const tpl = templates(kind);
  const a = docWithClient(1);
  SAMPLES[kind](a);
  const b = replica(a, 2);
  const peers = [a, b].map((doc, i) => {
    const origin = { peer: i };
    const w = checkedWatch(kind, doc, stats, `${kind} seed ${seed} peer ${i}`);
    w.watch.load();
    return { doc, origin, undo: createUndo(kind, doc, origin), ...w };
  });
  // Updates queue per direction and are delivered late, partially and in random order.
  const queues: Uint8Array[][] = [[], []];
  peers.forEach((p, i) =>
    p.doc.on('update', (u: Uint8Array, origin: unknown) => {
      if (origin !== 'net') queues[1 - i]!.push(u);
    }),
  );
  let n = 0;
  const newKey = () => `k-${seed}-${++n}`;

  for (let step = 0; step < steps; step++) {
    const p = pick(rng, peers)!;
    const r = rng();
    if (r < 0.04) {
      p.doc.transact(() => repairAll(kind, p.doc, tpl), p.origin);
    } else if (r < 0.6) {
      // One or several raw edits in one transaction (tracked by the peer's undo).
      const edits = chance(rng, 0.2) ? 2 + int(rng, 4) : 1;
      p.doc.transact(() => {
        for (let e = 0; e < edits; e++) rawEdit(kind, p.doc, rng, tpl, newKey);
      }, p.origin);
    } else if (r < 0.72) {
      intentEdit(kind, p.doc, rng, p.origin);
    } else if (r < 0.8) {
      if (chance(rng, 0.7)) p.undo.undo();
      else p.undo.redo();
    } else {
      const to = peers.indexOf(p);
      const q = queues[to]!;
      const batch = q.splice(0, 1 + int(rng, q.length));
      batch.sort(() => rng() - 0.5);
      for (const u of batch) Y.applyUpdate(p.doc, u, 'net');
    }
    for (const peer of peers) peer.verify();
  }
  // Converge: both replicas end equal, and so do their views.
  for (const [i, p] of peers.entries()) for (const u of queues[i]!.splice(0)) Y.applyUpdate(p.doc, u, 'net');
  syncAll(a, b);
  for (const peer of peers) peer.verify();
  // (Not the status: a replica that saw a newer schema stays read-only — see watch.ts.)
  const [va, vb] = peers.map((p) => p.watch.view());
  expect({ data: va!.data, quarantine: va!.quarantine }).toStrictEqual({
    data: vb!.data,
    quarantine: vb!.quarantine,
  });
  for (const peer of peers) {
    peer.undo.destroy();
    peer.watch.destroy();
  }
  return stats;
}

// ---------------------------------------------------------------------------------------------- tests
describe('incremental view', () => {
  it.each(DOC_KINDS)(
    `%s: ${RUNS} random runs × ${STEPS} steps — equal to viewDocument after every transaction`,
    (kind) => {
      const totals: Stats = {
        compared: 0,
        patched: 0,
        whole: 0,
        withQuarantine: 0,
        withoutData: 0,
        patches: 0,
      };
      for (let seed = 1; seed <= RUNS; seed++) {
        const stats = run(kind, seed);
        for (const k of Object.keys(totals) as (keyof Stats)[]) totals[k] += stats[k];
      }
      console.log(`incremental ${kind}: ${JSON.stringify(totals)}`);
      // The runs did exercise what they are for.
      expect(totals.compared).toBeGreaterThan(RUNS * STEPS);
      expect(totals.patched).toBeGreaterThan(RUNS * STEPS * 0.5);
      expect(totals.withQuarantine).toBeGreaterThan(RUNS * STEPS * 0.2);
      expect(totals.withoutData).toBeGreaterThan(0);
    },
    // 3 × 250 steps with a full recompute after each: the workspace's took 8 s alone, over 20 s on a busy machine.
    60_000,
  );

  function scored(relations: number, criteria: number) {
    const doc = new Y.Doc();
    let n = 0;
    const newId = () => `id-${++n}`;
    createWorkspaceDoc(doc, {
      id: 'ws',
      name: 'Scored',
      locale: 'nl',
      now: '2026-03-01T00:00:00Z',
      newId,
      starterCriteria: false,
    });
    const ws = workspaceIntents(doc, { origin: 'me', now: () => '2026-03-01T00:00:00Z', newId });
    const crits = Array.from({ length: criteria }, (_, c) =>
      assertOk(ws.addCriterion({ name: `C${c}`, category: 'financial' })),
    );
    const rels = Array.from({ length: relations }, (_, r) => assertOk(ws.addRelation({ name: `R${r}` })));
    doc.transact(() => {
      for (const [i, r] of rels.entries()) for (const c of crits) ws.scoreRelation(r, c, ((i % 4) + 1) as 1);
    });
    return { doc, ws, rels, crits };
  }

  it('scoring one cell patches that row only; every other record keeps its identity', () => {
    const { doc, ws, rels, crits } = scored(50, 4);
    const calls: [DocView<'workspace'>, ViewPatch[] | null][] = [];
    const w = watchDocument('workspace', doc, (v, p) => calls.push([v, p]));
    w.load();
    expect(calls.at(-1)![1]).toBeNull(); // load: the whole view
    const before = w.view();
    assertOk(ws.scoreRelation(rels[7]!, crits[2]!, 1));
    const [after, patches] = calls.at(-1)!;
    expect(patches).toEqual([{ path: ['data', 'scores', rels[7]], value: after.data!.scores[rels[7]!] }]);
    expect(after.data!.scores[rels[7]!]![crits[2]!]).toBe(1);
    expect(after.data!.relations).toBe(before.data!.relations);
    expect(after.data!.settings).toBe(before.data!.settings);
    expect(after.data!.scores[rels[8]!]).toBe(before.data!.scores[rels[8]!]);
    expect(after).toStrictEqual(viewDocument('workspace', doc, 'ready', null));
  });

  it("a peer's rename of one relation patches that relation only", () => {
    const { doc, rels } = scored(20, 3);
    const peer = replica(doc, 9);
    const calls: (ViewPatch[] | null)[] = [];
    const w = watchDocument('workspace', doc, (_v, p) => calls.push(p));
    w.load();
    workspaceIntents(peer, opts('peer')).updateRelation(rels[3]!, { name: 'Nieuwe naam' });
    syncAll(peer, doc);
    expect(calls.at(-1)!.map((p) => p.path)).toEqual([['data', 'relations', rels[3]]]);
    expect(w.view().data!.relations[rels[3]!]!.name).toBe('Nieuwe naam');
  });

  it('an invalid record from a peer moves to quarantine and back, as patches', () => {
    const a = docWithClient(1);
    SAMPLES.workspace(a);
    const b = replica(a, 2);
    const stats: Stats = { compared: 0, patched: 0, whole: 0, withQuarantine: 0, withoutData: 0, patches: 0 };
    const { watch } = checkedWatch('workspace', a, stats, 'quarantine');
    watch.load();
    (b.getMap('relations').get('w-6') as Y.Map<unknown>).set('revenue', -5);
    syncAll(a, b);
    expect(watch.view().quarantine.map((q) => q.path)).toEqual(['relations.w-6']);
    expect(Object.keys(watch.view().data!.relations)).toEqual(['w-7']);
    (b.getMap('relations').get('w-6') as Y.Map<unknown>).set('revenue', 5);
    syncAll(a, b);
    expect(watch.view().quarantine).toEqual([]);
    expect(watch.view().data!.relations['w-6']!.revenue).toBe(5);
    expect(stats.patched).toBe(2);
  });
});
