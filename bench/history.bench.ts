/**
 * Storage growth with history kept (issue 9): `npm run bench:history`. Prints figures; asserts nothing.
 *
 * A plan with 50 actions gets rounds of 10,000 small edits, each stored as its own row the way the relay
 * stores them (store/roomStore.ts): 6,000 keystrokes in the situation text (one in seven a backspace),
 * 3,000 keystrokes in action titles (the intent sets the whole field per keystroke, as a table cell does) and
 * 1,000 action status changes. With `--versions`, a daily version is saved every 1,000 edits (10 per round).
 *
 * Per round (cumulative): the update log's bytes before compaction, the checkpoint after compaction as Haard
 * stores it now (no garbage collection: every deleted character and old field value stays), the same state
 * garbage-collected (what the relay stored before issue 9), the checkpoint after a retention that expires
 * every version (store/retention.ts), and the SQLite file. (The rows are appended as fast as the store
 * takes them, faster than a relay's clients type, so the WAL file's size here says nothing: it is not shown.)
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { createPlanDoc, planIntents } from '../doc/index.ts';
import { saveVersion } from '../doc/history/versions.ts';
import { openRoomStore } from '../server/store/roomStore.ts';
import { applyRetention } from '../server/store/retention.ts';
import { replayInto } from '../server/store/replay.ts';

const ROUNDS = 3;
const EDITS = 10_000;
const ACTIONS = 50;
const withVersions = process.argv.includes('--versions');
const ROOM = 'bench/plan/p1';

/** A seeded pseudo-random sequence (mulberry32), so every run makes the same edits. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`.padStart(9);

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'haard-bench-history-'));
  const store = openRoomStore({ dataDir });
  const doc = new Y.Doc({ gc: false });
  let time = Date.UTC(2026, 0, 1);
  const now = () => new Date((time += 1000)).toISOString();
  const rows: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => rows.push(update));
  const flush = async () => {
    for (const row of rows.splice(0)) await store.append(ROOM, [row]);
  };

  createPlanDoc(doc, {
    id: 'p1',
    workspaceId: 'bench',
    relationIds: ['r1'],
    title: 'Bench plan',
    now: now(),
  });
  const plan = planIntents(doc, { origin: 'bench', now });
  const actionIds: string[] = [];
  for (let i = 0; i < ACTIONS; i++) {
    const added = plan.addAction({
      what: `Action ${i}`,
      ownerId: null,
      due: null,
      goalId: null,
      quadrant: 'project',
    } as never);
    if (!added.ok) throw new Error(JSON.stringify(added.issues));
    actionIds.push(added.value);
  }
  await flush();
  const rand = random(42);
  const text = doc.getText('situation.text');
  const letters = 'abcdefghijklmnopqrstuvwxyz     ';
  const statuses = ['planned', 'done', 'cancelled'] as const;
  let cursor = 0;
  let logBytes = rows.reduce((n, r) => n + r.length, 0);

  console.log(
    `Storage per round of ${EDITS.toLocaleString('en')} small edits (cumulative)${withVersions ? ', a daily version every 1,000 edits' : ''}\n`,
  );
  console.log(
    '  edits   | update log (round) | checkpoint, no gc | same, gc on | after retention | haard.sqlite',
  );
  for (let round = 1; round <= ROUNDS; round++) {
    const roundStart = logBytes;
    for (let e = 0; e < EDITS; e++) {
      const r = rand();
      if (r < 0.6) {
        if (rand() < 1 / 7 && cursor > 0) text.delete(--cursor, 1);
        else {
          if (rand() < 0.02) cursor = Math.floor(rand() * (text.length + 1));
          text.insert(cursor++, letters[Math.floor(rand() * letters.length)]!);
        }
      } else if (r < 0.9) {
        const id = actionIds[Math.floor(rand() * actionIds.length)]!;
        const what = (doc.getMap('actions').get(id) as Y.Map<unknown>).get('what') as string;
        plan.updateAction(id, {
          what: what.length > 60 ? 'Restart' : `${what}${letters[Math.floor(rand() * 26)]}`,
        });
      } else {
        const id = actionIds[Math.floor(rand() * actionIds.length)]!;
        plan.setActionStatus(id, statuses[Math.floor(rand() * statuses.length)]!);
      }
      if (withVersions && e % 1_000 === 999)
        saveVersion(doc, {
          id: `daily:${round}-${e}`,
          name: 'Daily',
          at: now(),
          by: null,
          byName: null,
          auto: 'daily',
        });
      if (rows.length >= 200) {
        logBytes += rows.reduce((n, row) => n + row.length, 0);
        await flush();
      }
    }
    logBytes += rows.reduce((n, row) => n + row.length, 0);
    await flush();
    const stored = store.readRoom(ROOM);
    const lastSeq = stored.updates.at(-1)!.seq;
    const compacted = await store.compact(ROOM, lastSeq);
    if (!compacted.ok) throw new Error(compacted.reason);
    const gcDoc = new Y.Doc({ gc: true });
    replayInto(gcDoc, store.readRoom(ROOM));
    const gcBytes = Y.encodeStateAsUpdate(gcDoc).length;
    gcDoc.destroy();
    const copy = new Y.Doc({ gc: false });
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    const retained = applyRetention(copy, '2100-01-01T00:00:00.000Z').state.length;
    copy.destroy();
    const file = statSync(store.file).size;
    console.log(
      [
        `  ${String(round * EDITS).padStart(6)} `,
        ` ${kb(logBytes - roundStart)}        `,
        ` ${kb(compacted.checkpointBytes)}        `,
        ` ${kb(gcBytes)}  `,
        ` ${withVersions ? kb(retained) : '      n/a'}      `,
        ` ${kb(file)}`,
      ].join('|'),
    );
  }
  console.log(
    [
      '',
      `  text now ${text.length.toLocaleString('en')} characters. The checkpoint without gc keeps every deleted character and`,
      '  every old action title; "after retention" expires every version (--history-days shorter than the',
      '  oldest) and is n/a without versions (they are its only clock). haard.sqlite is the file on disk: the',
      '  checkpoint plus free pages left by folded log rows (SQLite reuses them; it shrinks only with VACUUM).',
    ].join('\n'),
  );
  await store.close();
  doc.destroy();
  rmSync(dataDir, { recursive: true, force: true });
}

await main();
