/**
 * Test data for the browser tests, written the way a second client would: a Node-side Y.Doc synced
 * through the real relay (y-websocket, the `ws` polyfill, no BroadcastChannel) and changed only through
 * the workspace intents — never by evaluating code in the page.
 */
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import * as Y from 'yjs';
import {
  createMeetingDoc,
  createPlanDoc,
  createTournamentDoc,
  meetingIntents,
  loadDocument,
  newId,
  planIntents,
  readDocument,
  tournamentIntents,
  workspaceIntents,
} from '../../../doc/index.ts';
import { tournamentBracket, tournamentCardOf } from '../../../core/tournamentBoard.ts';
import type { MeetingBoardDoc, TournamentDoc } from '../../../core/model/index.ts';
import { meetingCardOf } from '../../../core/meetingBoard.ts';
import type { AccountPlanDoc, WorkspaceDoc } from '../../../core/model/index.ts';
import type { Haard } from './haard.ts';

export type Intents = ReturnType<typeof workspaceIntents>;

interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
  destroy(): void;
}

function connect(
  haard: Haard,
  room = `${haard.workspaceId}/workspace/main`,
  role: 'editor' | 'viewer' = 'editor',
): Client {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`ws://127.0.0.1:${haard.port}/sync`, room, doc, {
    params: { token: haard.token(role) },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  return {
    doc,
    provider,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

async function until(what: string, condition: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`seed: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Connect, run `write` with the intents (in one transaction: one update on the wire), and return once the
 * relay has the result (a second, fresh client sees the same state). Throws if an intent refuses.
 */
export async function seedWorkspace<T>(
  haard: Haard,
  write: (intents: Intents, data: () => WorkspaceDoc) => T,
): Promise<T> {
  const writer = connect(haard);
  try {
    await until('the relay sync', () => writer.provider.synced);
    loadDocument('workspace', writer.doc);
    const intents = workspaceIntents(writer.doc, { origin: 'e2e-seed', now: () => new Date().toISOString() });
    const strict = new Proxy(intents, {
      get(target, key) {
        const fn = Reflect.get(target, key) as unknown;
        if (typeof fn !== 'function') return fn;
        return (...args: unknown[]) => {
          const result = (fn as (...a: unknown[]) => { ok: boolean; issues?: { message: string }[] })(
            ...args,
          );
          if (!result.ok)
            throw new Error(
              `seed: ${String(key)} refused: ${result.issues?.map((i) => i.message).join('; ')}`,
            );
          return result;
        };
      },
    });
    let out!: T;
    writer.doc.transact(() => {
      out = write(strict, () => readDocument('workspace', writer.doc) as unknown as WorkspaceDoc);
    }, 'e2e-seed');

    const reader = connect(haard);
    try {
      await until('the relay to hold the seeded data', () => {
        return (
          reader.provider.synced &&
          sameBytes(Y.encodeStateVector(reader.doc), Y.encodeStateVector(writer.doc))
        );
      });
    } finally {
      reader.destroy();
    }
    return out;
  } finally {
    writer.destroy();
  }
}

/** Read the workspace as the relay has it now. */
export async function readWorkspace(haard: Haard): Promise<WorkspaceDoc> {
  const c = connect(haard);
  try {
    await until('the relay sync', () => c.provider.synced);
    return readDocument('workspace', c.doc) as unknown as WorkspaceDoc;
  } finally {
    c.destroy();
  }
}

/** Read account plan `id` as the relay has it now (an editor's fresh copy); throws when the relay has none. */
export async function readPlan(haard: Haard, id: string): Promise<AccountPlanDoc> {
  const c = connect(haard, `${haard.workspaceId}/plan/${id}`);
  try {
    await until('the relay sync', () => c.provider.synced);
    const plan = readDocument('plan', c.doc) as unknown as AccountPlanDoc | null;
    if (!plan) throw new Error(`seed: the relay has no plan ${id}`);
    return plan;
  } finally {
    c.destroy();
  }
}

/** Read meeting board `id` as the relay has it now; throws when the relay has none. */
export async function readMeeting(haard: Haard, id: string): Promise<MeetingBoardDoc> {
  const c = connect(haard, `${haard.workspaceId}/meeting/${id}`);
  try {
    await until('the relay sync', () => c.provider.synced);
    const board = readDocument('meeting', c.doc) as unknown as MeetingBoardDoc | null;
    if (!board) throw new Error(`seed: the relay has no meeting board ${id}`);
    return board;
  } finally {
    c.destroy();
  }
}

/** The workspace's criteria ids in display order (the server seeds four starter criteria). */
export const criterionIds = (data: WorkspaceDoc): string[] =>
  Object.values(data.criteria)
    .sort((a, b) => a.order - b.order)
    .map((c) => c.id);

type Scores = (1 | 2 | 3 | 4 | null)[];

/** Add client relations (with optional revenue, owner and scores in criteria order). */
export function addClients(
  w: Intents,
  data: () => WorkspaceDoc,
  clients: {
    name: string;
    revenue?: number | null;
    ownerId?: string | null;
    scores?: Scores;
    kind?: 'client' | 'prospect';
  }[],
): string[] {
  const crit = criterionIds(data());
  return clients.map((c) => {
    const id = w.addRelation({
      name: c.name,
      kind: c.kind ?? 'client',
      revenue: c.revenue ?? null,
      ownerId: c.ownerId ?? null,
    });
    const relationId = (id as unknown as { value: string }).value;
    (c.scores ?? []).forEach((s, j) => {
      if (s !== null && crit[j]) w.scoreRelation(relationId, crit[j]!, s);
    });
    return relationId;
  });
}

/** A small, realistic firm: three professionals, ten clients and a prospect, one override. */
export function seedDemo(w: Intents, data: () => WorkspaceDoc): void {
  const pro = (name: string, profile: 'relationshipManager' | 'specialist', seniority: 'junior' | 'senior') =>
    (w.addProfessional({ name, profile, seniority }) as unknown as { value: string }).value;
  const anna = pro('Anna de Vries', 'relationshipManager', 'senior');
  const bram = pro('Bram Jansen', 'specialist', 'junior');
  const carla = pro('Carla Smit', 'relationshipManager', 'senior');
  const [omzet] = criterionIds(data());
  w.updateCriterion(omzet!, {
    description: 'Omzet over de laatste 12 maanden',
    levels: { '1': '< € 25k', '2': '€ 25k – 100k', '3': '€ 100k – 250k', '4': '> € 250k' },
  });
  const ids = addClients(w, data, [
    { name: 'Acme BV', revenue: 500_000, ownerId: bram, scores: [4, 4, 4, 4] },
    { name: 'Bouwbedrijf De Vries', revenue: 200_000, ownerId: anna, scores: [4, 3, 4, 3] },
    { name: 'Citadel Advocaten', revenue: 100_000, scores: [3, 3, 3, 3] },
    { name: 'Delta Logistiek', revenue: 50_000, ownerId: anna, scores: [3, 2, 3, 2] },
    { name: 'Eemland Zorg', revenue: 50_000, ownerId: carla, scores: [2, 3, 2, 3] },
    { name: 'Fjord Software', revenue: 40_000, ownerId: anna, scores: [2, 2, 2, 2] },
    { name: 'Gouda Kaas', revenue: 30_000, ownerId: carla, scores: [2, 2, 1, 2] },
    { name: 'Hanze Energie', revenue: 20_000, scores: [1, 2, 1, 1] },
    { name: 'IJssel Bank', revenue: 5_000, scores: [1, 1, 1, 1] },
    { name: 'Jade Media', revenue: 5_000, scores: [2, null, 3, null] },
    { name: 'Kroon Makelaars', kind: 'prospect' },
  ]);
  w.setOverride(ids[6]!, { class: 'A', reason: 'Launch partner for our new food-safety service' });
}

/** Unwraps an intent result, failing the test with its issues. */
export function ok<T>(
  r: { ok: true; value: T } | { ok: false; issues: { path: string; message: string }[] },
): T {
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path} ${i.message}`).join('; '));
  return r.value;
}

/**
 * Connect as a raw peer and run `fn` on its Y.Doc — no intents, no validation — then wait until the relay
 * holds the result. For tests of what happens when a peer sends data that does not fit the schema.
 */
export async function rawPeerWrite<T>(haard: Haard, fn: (doc: Y.Doc) => T): Promise<T> {
  const writer = connect(haard);
  try {
    await until('the relay sync', () => writer.provider.synced);
    const out = fn(writer.doc);
    const reader = connect(haard);
    try {
      await until('the relay to hold the write', () => {
        return (
          reader.provider.synced &&
          sameBytes(Y.encodeStateVector(reader.doc), Y.encodeStateVector(writer.doc))
        );
      });
    } finally {
      reader.destroy();
    }
    return out;
  } finally {
    writer.destroy();
  }
}

/** The relay's count of document changes it dropped because a viewer sent them (GET /healthz). */
export async function droppedViewerUpdates(haard: Haard): Promise<number> {
  const health = (await (await fetch(`${haard.base}/healthz`)).json()) as { droppedViewerUpdates: number };
  return health.droppedViewerUpdates;
}

/**
 * Connect to `room` with a VIEWER token and try to write with `fn` on the synced Y.Doc (as a tampered client
 * could); returns once the relay has dropped the write (its dropped-viewer count went up).
 */
export async function viewerPeerWrite(haard: Haard, room: string, fn: (doc: Y.Doc) => void): Promise<void> {
  const before = await droppedViewerUpdates(haard);
  const writer = connect(haard, room, 'viewer');
  try {
    await until('the relay sync', () => writer.provider.synced);
    fn(writer.doc);
    const deadline = Date.now() + 15_000;
    while ((await droppedViewerUpdates(haard)) <= before) {
      if (Date.now() > deadline) throw new Error('seed: the relay did not report dropping the viewer write');
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    writer.destroy();
  }
}

export type PlanIntents = ReturnType<typeof planIntents>;

/**
 * Create an account plan the way a colleague's app would: its own document on the relay (seeded once,
 * then `write` through the plan intents, one transaction), and its card in the workspace's plan index.
 * Returns the plan's id once the relay holds both.
 */
export async function seedPlan(
  haard: Haard,
  input: { relationIds: string[]; title: string; ownerId?: string | null },
  write: (plan: PlanIntents) => void = () => {},
  card: { completeness: number; errors: number; warnings: number } = {
    completeness: 25,
    errors: 1,
    warnings: 3,
  },
): Promise<string> {
  const id = newId();
  const now = new Date().toISOString();
  const writer = connect(haard, `${haard.workspaceId}/plan/${id}`);
  try {
    await until('the relay sync', () => writer.provider.synced);
    ok(createPlanDoc(writer.doc, { id, workspaceId: haard.workspaceId, now, ...input }));
    const plan = planIntents(writer.doc, { origin: 'e2e-seed', now: () => now });
    writer.doc.transact(() => write(plan), 'e2e-seed');
    const reader = connect(haard, `${haard.workspaceId}/plan/${id}`);
    try {
      await until('the relay to hold the plan', () => {
        return (
          reader.provider.synced &&
          sameBytes(Y.encodeStateVector(reader.doc), Y.encodeStateVector(writer.doc))
        );
      });
    } finally {
      reader.destroy();
    }
  } finally {
    writer.destroy();
  }
  await seedWorkspace(haard, (w) =>
    w.putPlanCard({
      id,
      title: input.title,
      relationIds: input.relationIds,
      ownerId: input.ownerId ?? null,
      updatedAt: now,
      checkedOn: now.slice(0, 10),
      ...card,
    }),
  );
  return id;
}

export type TournamentIntents = ReturnType<typeof tournamentIntents>;
export type MeetingIntents = ReturnType<typeof meetingIntents>;

/**
 * Write a new document of `kind` on the relay the way a colleague's app would: `create` seeds it once, `write`
 * changes it through its intents in one transaction; resolves with its id and JSON once the relay holds it.
 */
async function seedDocument<I>(
  haard: Haard,
  kind: 'tournament' | 'meeting',
  create: (doc: Y.Doc, id: string, now: string) => void,
  intents: (doc: Y.Doc, now: string) => I,
  write: (intents: I) => void,
): Promise<{ id: string; json: Record<string, unknown>; now: string }> {
  const id = newId();
  const now = new Date().toISOString();
  const room = `${haard.workspaceId}/${kind}/${id}`;
  const writer = connect(haard, room);
  try {
    await until('the relay sync', () => writer.provider.synced);
    create(writer.doc, id, now);
    const made = intents(writer.doc, now);
    writer.doc.transact(() => write(made), 'e2e-seed');
    const json = readDocument(kind, writer.doc) as Record<string, unknown>;
    const reader = connect(haard, room);
    try {
      await until(
        `the relay to hold the ${kind}`,
        () =>
          reader.provider.synced &&
          sameBytes(Y.encodeStateVector(reader.doc), Y.encodeStateVector(writer.doc)),
      );
    } finally {
      reader.destroy();
    }
    return { id, json, now };
  } finally {
    writer.destroy();
  }
}

/**
 * Create an XXL tournament the way a colleague's app would (seedDocument) and its card in the workspace's
 * tournament index. Returns the tournament's id once the relay holds both.
 */
export async function seedTournament(
  haard: Haard,
  input: { title: string; year: number },
  write: (tournament: TournamentIntents) => void = () => {},
): Promise<string> {
  const { id, json, now } = await seedDocument(
    haard,
    'tournament',
    (doc, id, now) => ok(createTournamentDoc(doc, { id, workspaceId: haard.workspaceId, now, ...input })),
    (doc, now) => tournamentIntents(doc, { origin: 'e2e-seed', now: () => now }),
    write,
  );
  const written = json as unknown as TournamentDoc;
  const today = now.slice(0, 10);
  await seedWorkspace(haard, (w) =>
    w.putTournamentCard(tournamentCardOf(written, tournamentBracket(written, today), today)),
  );
  return id;
}

/** Create a meeting board (seedDocument) and its card in the workspace's meeting index; returns its id. */
export async function seedMeeting(
  haard: Haard,
  input: { title: string; date: string; facilitatorId?: string | null },
  write: (meeting: MeetingIntents) => void = () => {},
): Promise<string> {
  const { id, json, now } = await seedDocument(
    haard,
    'meeting',
    (doc, id, now) =>
      ok(
        createMeetingDoc(doc, {
          id,
          workspaceId: haard.workspaceId,
          now,
          facilitatorId: null,
          ...input,
        }),
      ),
    (doc, now) => meetingIntents(doc, { origin: 'e2e-seed', now: () => now }),
    write,
  );
  await seedWorkspace(haard, (w) => w.putMeetingCard(meetingCardOf(json as unknown as MeetingBoardDoc, now)));
  return id;
}
