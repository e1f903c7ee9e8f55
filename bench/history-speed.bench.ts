/**
 * History speed benchmark (issue 9; `npm run bench:history` runs it after the storage one, or
 * `npx tsx bench/history-speed.bench.ts`). Prints figures; asserts nothing.
 *
 * Builds an account plan with 500 actions and a year of edits by three people on three replicas kept in step
 * live (every update goes to the others at once, as through the relay): ≥ 20,000 updates (one per intent: field edits of actions and goals, KPI targets,
 * typing in the plan's texts, goals and actions added and removed), with the real daily versions
 * (doc/history trackDailyVersions) and PermanentUserData on every replica. Then measures, on one replica:
 *  - "what changed since" a date three months ago (versionSince + changesBetween + groupChanges), target < 200 ms
 *  - opening a version from nine months ago (versionJson: Y.createDocFromSnapshot + readDocument), target < 300 ms
 *  - restoring that version as edits (restorableContent + one transaction), for information
 * and reports the document's size and the versions' share of it.
 */
import * as Y from 'yjs';
import { mulberry32 } from '../test/helpers/rng.ts';
import { groupChanges } from '../core/history/index.ts';
import { createPlanDoc, loadDocument, planIntents, SEED_ORIGIN, UPKEEP_ORIGIN } from '../doc/index.ts';
import {
  attachUser,
  changesBetween,
  readVersions,
  restorableContent,
  trackDailyVersions,
  versionJson,
  versionSince,
} from '../doc/history/index.ts';
import { PLAN_TEXTS } from '../doc/kinds/index.ts';

const ACTIONS = 500;
const DAYS = 365;
const EDITS_PER_DAY = 60; // × 365 ≈ 21,900 updates
const PEOPLE = ['anna', 'bram', 'carla'];

function measure(name: string, runs: number, fn: () => unknown): number {
  fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  const p90 = times[Math.floor(times.length * 0.9)]!;
  console.log(
    `${name.padEnd(58)} median ${median.toFixed(1).padStart(7)} ms   p90 ${p90.toFixed(1).padStart(7)} ms   (${runs} runs)`,
  );
  return median;
}

const random = mulberry32(9);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
const dayIso = (n: number) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

const sync = (docs: Y.Doc[]) => {
  for (const a of docs)
    for (const b of docs)
      if (a !== b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), 'sync');
};

async function build() {
  const t0 = performance.now();
  const first = new Y.Doc({ gc: false });
  createPlanDoc(first, {
    id: 'plan',
    workspaceId: 'ws',
    relationIds: ['r1'],
    title: 'Bakkerij Smit',
    now: '2025-01-01T08:00:00Z',
  });
  loadDocument('plan', first);
  const docs = [first, new Y.Doc({ gc: false }), new Y.Doc({ gc: false })];
  sync(docs);
  let day = 0;
  let updates = 0; // a person's edits
  let bookkeeping = 0; // versions, PermanentUserData
  for (const doc of docs)
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === 'sync') return;
      if (origin !== null && typeof origin === 'object' && 'user' in origin) updates++;
      else bookkeeping++;
      for (const other of docs) if (other !== doc) Y.applyUpdate(other, update, 'sync');
    });
  const intents = docs.map((doc, i) => {
    attachUser(doc, { id: PEOPLE[i]!, name: PEOPLE[i]! });
    trackDailyVersions('plan', doc, {
      today: () => dayIso(day),
      author: () => ({ at: `${dayIso(day)}T08:00:00.000Z`, by: PEOPLE[i]!, byName: PEOPLE[i]! }),
      ignore: [SEED_ORIGIN, UPKEEP_ORIGIN],
      name: (d) => `Daily ${d}`,
    });
    return planIntents(doc, { origin: { user: PEOPLE[i] }, now: () => `${dayIso(day)}T10:00:00.000Z` });
  });
  for (let a = 0; a < ACTIONS; a++) intents[0]!.addAction({ what: `Action ${a}`, id: `a${a}`, cost: 100 });
  for (let g = 0; g < 10; g++) intents[0]!.addGoal({ title: `Goal ${g}`, id: `g${g}`, target: '8' });
  sync(docs);
  const texts: string[] = PLAN_TEXTS.map(() => '');
  for (day = 1; day < DAYS; day++) {
    for (let e = 0; e < EDITS_PER_DAY; e++) {
      const who = Math.floor(random() * docs.length);
      const it = intents[who]!;
      const r = random();
      const action = `a${Math.floor(random() * ACTIONS)}`;
      if (r < 0.35) it.updateAction(action, { status: pick(['planned', 'done', 'cancelled'] as const) });
      else if (r < 0.55) it.updateAction(action, { cost: Math.floor(random() * 5000) });
      else if (r < 0.7)
        it.updateAction(action, { kpi: { name: 'meetings', target: String(Math.floor(random() * 10)) } });
      else if (r < 0.78)
        it.updateGoal(`g${Math.floor(random() * 10)}`, { target: String(Math.floor(random() * 10)) });
      else if (r < 0.98) {
        // Typing: one word appended or a word removed in a section (one update each).
        const t = Math.floor(random() * PLAN_TEXTS.length);
        const current = docs[who]!.getText(PLAN_TEXTS[t]!).toString();
        texts[t] =
          random() < 0.8 || !current ? `${current}word${e} ` : current.slice(current.indexOf(' ') + 1);
        it.setText(PLAN_TEXTS[t]!, texts[t]!);
      } else if (random() < 0.5) it.addGoal({ title: `New goal ${day}.${e}`, id: `n${day}-${e}` });
      else it.updateAction(action, { what: `Action renamed on day ${day}` });
    }
    await new Promise((r) => setTimeout(r, 0)); // daily versions and delete sets are written after the edit
  }
  sync(docs);
  return { doc: docs[0]!, updates, bookkeeping, seconds: (performance.now() - t0) / 1000 };
}

const { doc, updates, bookkeeping, seconds } = await build();
const versions = readVersions(doc);
const bytes = Y.encodeStateAsUpdate(doc).length;
const versionBytes = versions.reduce((n, v) => n + v.snapshot.length, 0);
console.log(
  `plan: ${ACTIONS} actions, ${updates} edit updates (+ ${bookkeeping} bookkeeping) over ${DAYS} days by ${PEOPLE.length} people (built in ${seconds.toFixed(1)} s)`,
);
const gcd = new Y.Doc();
Y.applyUpdate(gcd, Y.encodeStateAsUpdate(doc));
console.log(
  `document ${(bytes / 1024).toFixed(0)} KiB with history (gc off; ${(Y.encodeStateAsUpdate(gcd).length / 1024).toFixed(0)} KiB once garbage-collected), ${versions.length} versions, their snapshots ${(versionBytes / 1024).toFixed(0)} KiB base64`,
);

const threeMonthsAgo = new Date(Date.UTC(2025, 0, 1) + (DAYS - 91) * 86_400_000).toISOString();
let changeCount = 0;
measure('what changed since a date 3 months ago (plan, attributed)', 15, () => {
  const since = versionSince(readVersions(doc), threeMonthsAgo)!;
  const changes = changesBetween('plan', doc, since.version, null);
  if (!changes.ok) throw new Error('changes failed');
  changeCount = changes.value.length;
  return groupChanges(changes.value);
});
console.log(`  → ${changeCount} changes`);
const old = versionSince(versions, new Date(Date.UTC(2025, 3, 1)).toISOString())!.version;
measure(`open a version 9 months old (${old.id})`, 15, () => {
  const json = versionJson('plan', doc, old);
  if (!json.ok) throw new Error('open failed');
  return json.value;
});
measure('restore content of that version (open, migrate, check)', 9, () => {
  const content = restorableContent('plan', doc, old);
  if (!content.ok) throw new Error('restore failed');
  return content.value;
});
