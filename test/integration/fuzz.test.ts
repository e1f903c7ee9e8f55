/**
 * Convergence fuzzer. N replicas of a workspace and an account plan make random domain edits through the
 * intents (and random undos), over an in-memory network whose links queue updates and deliver them late,
 * partially and out of order, while peers disconnect and reconnect. At the end everything is delivered and
 * every replica must read to the same JSON and pass checkDocument with an empty quarantine.
 * Every replica also runs a watch (the incremental view behind the Solid stores): after every transaction its
 * view must equal the full recompute (`viewDocument`), and its patches must turn the previous view into it.
 *
 * Budget: HAARD_FUZZ_RUNS seeds (default 20) × HAARD_FUZZ_STEPS steps (default 200); `npm run test:fuzz`
 * runs 300 seeds. A failing seed is printed; add it to `regressions` with a name saying what it found.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  DOC_KINDS,
  checkDocument,
  createPlanDoc,
  createUndo,
  createWorkspaceDoc,
  loadDocument,
  planIntents,
  getAt,
  readDocument,
  viewDocument,
  watchDocument,
  workspaceIntents,
  type DocView,
  type DocWatch,
  type PlanTextPath,
  type Undo,
  type ViewPatch,
} from '../../doc/index.ts';
import { applyPatches } from '../../doc/patch.ts';
import {
  ACTION_STATUSES,
  BENEFIT_LEVELS,
  GOAL_CATEGORIES,
  KPI_KINDS,
  QUADRANTS,
} from '../../core/model/plan.ts';
import {
  CLASSES,
  CONTACT_TYPES,
  CRITERION_CATEGORIES,
  DMU_ROLES,
  RELATION_KINDS,
  SEVEN_QUESTIONS,
  SIGNAL_KINDS,
} from '../../core/model/workspace.ts';
import { chance, int, mulberry32, pick, shuffle, type Rng } from '../helpers/rng.ts';

type Kind = 'workspace' | 'plan';
const KINDS: Kind[] = ['workspace', 'plan'];
const NET = Symbol('net');

/** Past failures, replayed on every run: { name: what it found, seed, peers?, steps? }. */
const regressions: { name: string; seed: number; peers?: number; steps?: number }[] = [
  // Found on the first run: undoing an updateSettings that a peer had overwritten concurrently left
  // settings.classification with no value at all (Yjs' undo will not restore over a remote change).
  // Fixed by restoreDroppedFields (client/src/doc/repair.ts).
  { name: 'undo after a concurrent overwrite dropped settings.classification', seed: 1 },
  // A text edit cut an emoji in half: the writer kept the lone surrogate, peers got U+FFFD from the
  // UTF-8 wire format, and the replicas never converged. Fixed by writing every string well-formed.
  { name: 'lone surrogate in a plan text diverged between writer and peers', seed: 39 },
  // Undoing the removal of an action restored it without `cost` and `due`: Yjs does not redo fields a peer
  // had changed. Fixed by taking them from the removed record (restoreDroppedFields).
  { name: 'undo of a removal restored an action without the fields a peer had edited', seed: 100 },
];

const RUNS = Number(process.env.HAARD_FUZZ_RUNS ?? 20);
// A large budget (npm run test:fuzz) needs time in proportion: ~0.5 s per run alone, with a wide margin — the
// default 20 runs took 9.5 s alone and over 20 s on a 2-core machine busy with other work (1 Dec 2026).
const RUN_TIMEOUT_MS = Math.max(60_000, RUNS * 3_000);
const STEPS = Number(process.env.HAARD_FUZZ_STEPS ?? 200);

// ---------------------------------------------------------------------------------------------- randomness
const WORDS = ['klant', 'groei', 'advies', 'koffie', 'DMU', 'omzet', 'partner', '😀', 'ë', 'plan'];
const words = (rng: Rng, n: number) => Array.from({ length: n }, () => pick(rng, WORDS)!).join(' ');
const date = (rng: Rng) =>
  `2026-${String(1 + int(rng, 12)).padStart(2, '0')}-${String(1 + int(rng, 28)).padStart(2, '0')}`;

// ---------------------------------------------------------------------------------------------- peers and network
interface Peer {
  index: number;
  docs: Record<Kind, Y.Doc>;
  ws: ReturnType<typeof workspaceIntents>;
  plan: ReturnType<typeof planIntents>;
  undo: Record<Kind, Undo>;
  watch: Record<Kind, DocWatch<Kind>>;
  online: boolean;
}

/** A watch that checks every view it publishes against the full recompute, and its patches against the view. */
function checkedWatch(kind: Kind, doc: Y.Doc, stats: Stats): DocWatch<Kind> {
  let mirror: Record<string, unknown> | null = null;
  return watchDocument(kind, doc, (view: DocView<Kind>, patches: ViewPatch[] | null) => {
    const full = viewDocument(kind, doc, view.status, view.reason);
    if (JSON.stringify(view) !== JSON.stringify(full))
      expect(view, `${kind}: the watch's view differs from viewDocument`).toStrictEqual(full);
    if (patches === null || mirror === null)
      mirror = structuredClone(view) as unknown as Record<string, unknown>;
    else {
      applyPatches(mirror, patches);
      stats.patchedViews++;
      if (JSON.stringify(sortedKeys(mirror)) !== JSON.stringify(view))
        expect(mirror, `${kind}: the patches do not give the watch's view`).toStrictEqual(view);
    }
    stats.views++;
  });
}

/** Canonical key order (patches append new keys at the end). */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) out[key] = sortedKeys((value as Record<string, unknown>)[key]);
  return out;
}

interface Stats {
  edits: number;
  skipped: number;
  refused: number;
  undos: number;
  disconnects: number;
  deliveries: number;
  outOfOrder: number;
  /** Views the watches published (each compared with viewDocument), and how many of them came as patches. */
  views: number;
  patchedViews: number;
}

class Network {
  /** `${kind}:${from}>${to}` → queued updates */
  readonly queues = new Map<string, Uint8Array[]>();
  constructor(
    readonly peers: Peer[],
    readonly rng: Rng,
    readonly stats: Stats,
  ) {
    for (const p of peers) {
      for (const kind of KINDS) {
        p.docs[kind].on('update', (update: Uint8Array, origin: unknown) => {
          if (origin === NET) return;
          for (const q of peers) if (q !== p) this.queue(kind, p.index, q.index).push(update);
        });
      }
    }
  }
  queue(kind: Kind, from: number, to: number): Uint8Array[] {
    const key = `${kind}:${from}>${to}`;
    let q = this.queues.get(key);
    if (!q) this.queues.set(key, (q = []));
    return q;
  }
  /** Deliver up to `max` queued updates of one link, in random order (Yjs must cope with gaps). */
  deliver(kind: Kind, from: number, to: number, max = Infinity): void {
    const a = this.peers[from]!;
    const b = this.peers[to]!;
    if (!a.online || !b.online) return;
    const q = this.queue(kind, from, to);
    const n = Math.min(max, q.length);
    if (n === 0) return;
    const batch = q.splice(0, n);
    if (n > 1) this.stats.outOfOrder++;
    for (const update of shuffle(this.rng, batch)) {
      Y.applyUpdate(b.docs[kind], update, NET);
      this.stats.deliveries++;
    }
  }
  deliverRandom(): void {
    const kind = pick(this.rng, KINDS)!;
    const from = int(this.rng, this.peers.length);
    const to = int(this.rng, this.peers.length);
    if (from !== to) this.deliver(kind, from, to, 1 + int(this.rng, 4));
  }
  /** Everything queued between online peers, links in random order. */
  flush(): void {
    const links: [Kind, number, number][] = [];
    for (const kind of KINDS)
      for (const a of this.peers)
        for (const b of this.peers) if (a !== b) links.push([kind, a.index, b.index]);
    for (const [kind, from, to] of shuffle(this.rng, links)) this.deliver(kind, from, to);
  }
  pending(): number {
    let n = 0;
    for (const q of this.queues.values()) n += q.length;
    return n;
  }
}

// ---------------------------------------------------------------------------------------------- random edits
type Json = Record<string, Record<string, Record<string, unknown>>> & Record<string, unknown>;
const ids = (json: Json, key: string) => Object.keys((json[key] ?? {}) as object).sort();

type Outcome = { ok: boolean; skipped?: boolean; issues?: unknown };

let professionalSerial = 0;

function workspaceEdit(rng: Rng, p: Peer): Outcome {
  const json = readDocument('workspace', p.docs.workspace) as Json;
  const rel = pick(rng, ids(json, 'relations'));
  const crit = pick(rng, ids(json, 'criteria'));
  const prof = pick(rng, ids(json, 'professionals'));
  const contact = pick(rng, ids(json, 'contacts'));
  const entry = pick(rng, ids(json, 'contactLog'));
  const ws = p.ws;
  const ops: (() => Outcome | '' | undefined)[] = [
    // A serial keeps names apart (the team refuses a second person of the same name) without drawing from rng,
    // so the recorded regression seeds keep their sequences.
    () =>
      ws.addProfessional({
        name: `${words(rng, 2)} ${++professionalSerial}`,
        profile: 'relationshipManager',
        seniority: 'senior',
      }),
    () =>
      ws.addRelation({
        name: words(rng, 2),
        kind: pick(rng, RELATION_KINDS)!,
        revenue: chance(rng, 0.7) ? int(rng, 500_000) : null,
        ownerId: prof ?? null,
      }),
    () => ws.addRelation({ name: words(rng, 1) }),
    () => rel && ws.updateRelation(rel, { name: words(rng, 2) }),
    () => rel && ws.updateRelation(rel, { revenue: int(rng, 1_000_000), tags: [words(rng, 1)] }),
    () => rel && ws.updateRelation(rel, { notes: words(rng, 5), teamIds: prof ? [prof] : [] }),
    () => (rel && chance(rng, 0.5) ? ws.removeRelation(rel) : undefined),
    () => rel && ws.setOverride(rel, { class: pick(rng, CLASSES)!, reason: words(rng, 3) }),
    () => rel && ws.clearOverride(rel),
    () => rel && ws.answerSevenQuestion(rel, pick(rng, SEVEN_QUESTIONS)!, pick(rng, [true, false, null])!),
    () =>
      rel &&
      ws.addContact({
        relationId: rel,
        name: words(rng, 2),
        dmuRole: pick(rng, DMU_ROLES)!,
        strength: int(rng, 6),
        knownBy: prof ? [prof] : [],
      }),
    () => contact && ws.updateContact(contact, { strength: int(rng, 6), title: words(rng, 1) }),
    () => contact && ws.removeContact(contact),
    () =>
      ws.addCriterion({
        name: words(rng, 2),
        category: pick(rng, CRITERION_CATEGORIES)!,
        weight: 1 + int(rng, 3),
      }),
    () => (crit && chance(rng, 0.3) ? ws.removeCriterion(crit) : undefined),
    () => crit && ws.moveCriterion(crit, int(rng, 6)),
    () => crit && ws.updateCriterion(crit, { weight: 0.5 + int(rng, 4) }),
    () => rel && crit && ws.scoreRelation(rel, crit, pick(rng, [1, 2, 3, 4, null] as const)!),
    () => rel && crit && ws.scoreRelation(rel, crit, pick(rng, [1, 2, 3, 4] as const)!),
    () =>
      rel &&
      ws.addContactLogEntry({
        relationId: rel,
        date: date(rng),
        type: pick(rng, CONTACT_TYPES)!,
        note: words(rng, 3),
      }),
    () =>
      entry &&
      ws.addSignal(entry, {
        kind: pick(rng, SIGNAL_KINDS)!,
        note: words(rng, 2),
        followUp: chance(rng, 0.5) ? { what: words(rng, 2), ownerId: prof ?? null, due: date(rng) } : null,
      }),
    () => {
      const signals = entry ? Object.keys((json.contactLog?.[entry]?.signals ?? {}) as object) : [];
      const s = pick(rng, signals);
      return entry && s ? ws.markSignalHandled(entry, s, chance(rng, 0.8)) : undefined;
    },
    () => entry && ws.updateContactLogEntry(entry, { note: words(rng, 4) }),
    () => (entry && chance(rng, 0.3) ? ws.removeContactLogEntry(entry) : undefined),
    () => (prof && chance(rng, 0.2) ? ws.removeProfessional(prof) : undefined),
    () => ws.rename(words(rng, 2)),
    () =>
      ws.updateSettings({
        cadence: {
          A: 10 + int(rng, 50),
          B: 60 + int(rng, 60),
          C: 120 + int(rng, 120),
          minContactsPerYearA: int(rng, 12),
        },
      }),
    () => {
      const pA = int(rng, 5) / 10;
      return ws.updateSettings({
        classification: {
          mode: pick(rng, ['distribution', 'thresholds'] as const)!,
          pA,
          pC: int(rng, 11 - pA * 10) / 10,
          tA: 3,
          tC: 2,
          kinds: ['client'],
        },
      });
    },
  ];
  return pick(rng, ops)!() || { ok: true, skipped: true };
}

const TEXTS: PlanTextPath[] = [
  'situation.text',
  'situation.currentServices',
  'developments',
  'strategy.text',
  'summary',
  'closing',
];

function planEdit(rng: Rng, p: Peer): Outcome {
  const json = readDocument('plan', p.docs.plan) as Json;
  const goal = pick(rng, ids(json, 'goals'));
  const action = pick(rng, ids(json, 'actions'));
  const kpi = pick(rng, ids(json, 'kpis'));
  const benefit = pick(rng, Object.keys(((json.strategy as Json | undefined)?.benefits ?? {}) as object));
  const plan = p.plan;
  const ops: (() => Outcome | '' | undefined)[] = [
    () => plan.setTitle(words(rng, 3)),
    () => plan.setKeyPoints(Array.from({ length: int(rng, 5) }, () => words(rng, 2))),
    () => plan.setBudget(chance(rng, 0.8) ? int(rng, 20_000) : null),
    () => plan.setStrategyQuadrants(QUADRANTS.filter(() => chance(rng, 0.5))),
    () => {
      // Typing: insert or delete somewhere in the current text (replace-range through setText).
      const path = pick(rng, TEXTS)!;
      const current = p.docs.plan.getText(path).toString();
      const at = int(rng, current.length + 1);
      const next = chance(rng, 0.7)
        ? current.slice(0, at) + words(rng, 1 + int(rng, 3)) + ' ' + current.slice(at)
        : current.slice(0, at) + current.slice(at + 1 + int(rng, 8));
      return plan.setText(path, next);
    },
    () =>
      plan.addGoal({
        title: words(rng, 3),
        category: pick(rng, GOAL_CATEGORIES)!,
        metric: words(rng, 1),
        target: String(int(rng, 10)),
        deadline: date(rng),
      }),
    () => goal && plan.updateGoal(goal, { target: String(int(rng, 10)), baseline: words(rng, 1) }),
    () => (goal && chance(rng, 0.3) ? plan.removeGoal(goal) : undefined),
    () =>
      plan.addAction({
        what: words(rng, 3),
        ownerId: 'w-1',
        due: date(rng),
        goalId: goal ?? null,
        kpi: { name: words(rng, 1), target: '1' },
        quadrant: pick(rng, QUADRANTS)!,
        cost: int(rng, 1000),
      }),
    () => action && plan.updateAction(action, { cost: int(rng, 2000), due: date(rng) }),
    () => action && plan.updateAction(action, { what: words(rng, 4), goalId: goal ?? null }),
    () =>
      action &&
      plan.setActionStatus(action, pick(rng, ACTION_STATUSES)!, chance(rng, 0.5) ? words(rng, 2) : undefined),
    () => (action && chance(rng, 0.3) ? plan.removeAction(action) : undefined),
    () => plan.addBenefit({ level: pick(rng, BENEFIT_LEVELS)!, description: words(rng, 3) }),
    () => benefit && plan.removeBenefit(benefit),
    () => plan.addKpi({ kind: pick(rng, KPI_KINDS)!, target: int(rng, 10) }),
    () => kpi && plan.addMeasurement(kpi, { date: date(rng), value: int(rng, 100) / 10 }),
  ];
  return pick(rng, ops)!() || { ok: true, skipped: true };
}

// ---------------------------------------------------------------------------------------------- one run
interface RunResult extends Stats {
  peers: number;
  records: number;
  textLength: number;
}

function run(seed: number, peerCount?: number, steps = STEPS): RunResult {
  const rng = mulberry32(seed);
  const n = peerCount ?? 3 + int(rng, 3);
  const stats: Stats = {
    edits: 0,
    skipped: 0,
    refused: 0,
    undos: 0,
    disconnects: 0,
    deliveries: 0,
    outOfOrder: 0,
    views: 0,
    patchedViews: 0,
  };
  const peers: Peer[] = [];
  for (let i = 0; i < n; i++) {
    const docs = { workspace: new Y.Doc(), plan: new Y.Doc() };
    docs.workspace.clientID = i + 1;
    docs.plan.clientID = i + 101;
    const origin = { peer: i };
    let t = Date.UTC(2026, 2, 1) + i;
    let id = 0;
    const o = { origin, now: () => new Date((t += 1000)).toISOString(), newId: () => `${i}-${++id}` };
    peers.push({
      index: i,
      docs,
      ws: workspaceIntents(docs.workspace, o),
      plan: planIntents(docs.plan, o),
      undo: {
        workspace: createUndo('workspace', docs.workspace, origin),
        plan: createUndo('plan', docs.plan, origin),
      },
      watch: {
        workspace: checkedWatch('workspace', docs.workspace, stats),
        plan: checkedWatch('plan', docs.plan, stats),
      },
      online: true,
    });
  }
  const net = new Network(peers, rng, stats);
  // Peer 0 creates both documents exactly once; the others receive them through the network.
  createWorkspaceDoc(peers[0]!.docs.workspace, {
    id: 'ws',
    name: 'Fuzz',
    locale: 'nl',
    now: '2026-03-01T00:00:00Z',
    newId: () => `seed-${int(rng, 1e9)}`,
  });
  createPlanDoc(peers[0]!.docs.plan, {
    id: 'plan',
    workspaceId: 'ws',
    relationIds: ['r'],
    title: 'Fuzz plan',
    now: '2026-03-01T00:00:00Z',
  });
  net.flush();
  for (const p of peers)
    for (const kind of KINDS) {
      expect(loadDocument(kind, p.docs[kind]).status).toBe('ready');
      expect(p.watch[kind].load().status).toBe('ready');
    }

  for (let step = 0; step < steps; step++) {
    const p = pick(rng, peers)!;
    const r = rng();
    if (r < 0.62) {
      const kind: Kind = chance(rng, 0.55) ? 'workspace' : 'plan';
      const result = kind === 'workspace' ? workspaceEdit(rng, p) : planEdit(rng, p);
      if (result.skipped) stats.skipped++;
      else if (result.ok) stats.edits++;
      else {
        stats.refused++;
        // Generated data is valid and targets live records. The one legitimate refusal: out-of-order delivery
        // left fields of the record transiently without a value (Yjs applied a peer's delete before the
        // struct that replaces it, which waits for its dependencies), so the edited record is incomplete.
        const doc = p.docs[kind];
        const local = readDocument(kind, doc);
        const issues = (result.issues ?? []) as { path: string }[];
        const transient =
          doc.store.pendingStructs !== null && issues.every((i) => getAt(local, i.path) === undefined);
        if (!transient) throw new Error(`intent refused valid data: ${JSON.stringify(issues)}`);
      }
    } else if (r < 0.67) {
      const kind = pick(rng, KINDS)!;
      if (p.undo[kind].undo()) stats.undos++;
      if (chance(rng, 0.3)) p.undo[kind].redo();
    } else if (r < 0.9) {
      net.deliverRandom();
    } else if (p.online) {
      p.online = false;
      stats.disconnects++;
    } else {
      p.online = true;
      net.flush();
    }
  }
  for (const p of peers) p.online = true;
  net.flush();
  expect(net.pending()).toBe(0);
  for (const p of peers) for (const kind of KINDS) expect(p.docs[kind].store.pendingStructs).toBeNull();

  let records = 0;
  for (const kind of KINDS) {
    const first = readDocument(kind, peers[0]!.docs[kind]);
    for (const p of peers) {
      const json = readDocument(kind, p.docs[kind]);
      expect(JSON.stringify(json), `${kind} of peer ${p.index} differs from peer 0`).toBe(
        JSON.stringify(first),
      );
      const { quarantine, valid } = checkDocument(kind, json);
      expect(quarantine, `${kind} of peer ${p.index} has quarantined records`).toEqual([]);
      expect(valid).not.toBeNull();
    }
    for (const [key, value] of Object.entries(first!)) {
      if (
        typeof value === 'object' &&
        value &&
        !Array.isArray(value) &&
        !['settings', 'situation', 'strategy', 'scores'].includes(key)
      ) {
        records += Object.keys(value).length;
      }
    }
  }
  const plan = readDocument('plan', peers[0]!.docs.plan)!;
  const textLength = ['developments', 'summary', 'closing'].reduce((s, k) => s + String(plan[k]).length, 0);
  for (const p of peers)
    for (const kind of KINDS) {
      expect(p.watch[kind].view().data).toStrictEqual(
        checkDocument(kind, readDocument(kind, p.docs[kind])).valid,
      );
      p.undo[kind].destroy();
      p.watch[kind].destroy();
    }
  return { ...stats, peers: n, records, textLength };
}

function runReported(name: string, seed: number, peers?: number, steps?: number): RunResult {
  try {
    return run(seed, peers, steps);
  } catch (error) {
    console.error(
      `fuzz: ${name} FAILED — seed ${seed}, peers ${peers ?? 'random'}, steps ${steps ?? STEPS}. Add it to \`regressions\`.`,
    );
    throw error;
  }
}

describe('convergence fuzzer', () => {
  it.each(regressions)('regression: $name (seed $seed)', ({ name, seed, peers, steps }) => {
    const r = runReported(name, seed, peers, steps);
    expect(r.edits).toBeGreaterThan(0);
  });

  it(
    `${RUNS} seeded runs × ${STEPS} steps converge to identical, schema-valid documents`,
    () => {
      const totals = {
        edits: 0,
        skipped: 0,
        refused: 0,
        undos: 0,
        disconnects: 0,
        deliveries: 0,
        outOfOrder: 0,
        views: 0,
        patchedViews: 0,
        records: 0,
      };
      for (let seed = 1; seed <= RUNS; seed++) {
        const r = runReported(`seed ${seed}`, seed);
        // The fuzzer did something in every run.
        expect(r.edits, `seed ${seed}: edits`).toBeGreaterThan(STEPS * 0.15);
        expect(r.records, `seed ${seed}: records at the end`).toBeGreaterThan(0);
        for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += r[k];
      }
      expect(totals.disconnects).toBeGreaterThan(RUNS);
      expect(totals.undos).toBeGreaterThan(0);
      expect(totals.outOfOrder).toBeGreaterThan(RUNS);
      expect(totals.patchedViews).toBeGreaterThan(RUNS * STEPS);
      console.log(`fuzz: ${RUNS} runs × ${STEPS} steps: ${JSON.stringify(totals)}`);
    },
    RUN_TIMEOUT_MS,
  );

  it('covers both document kinds that the fuzzer edits', () => {
    expect(KINDS.every((k) => DOC_KINDS.includes(k))).toBe(true);
  });
});
