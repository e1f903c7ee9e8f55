/**
 * An account plan for the browser tests, written the way a second client would: a Node-side Y.Doc synced
 * through the real relay in the plan's own room, seeded once (createPlanDoc) and filled only through the plan
 * intents; its card goes into the workspace through `putPlanCard`, as `createPlan` does in the app.
 */
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { createPlanDoc, loadDocument, planIntents, readDocument } from '../../../doc/index.ts';
import type { AccountPlanDoc } from '../../../core/model/index.ts';
import { roomName } from '../../../protocol/index.ts';
import type { Haard } from './haard.ts';
import { seedWorkspace } from './seed.ts';

export type PlanIntents = ReturnType<typeof planIntents>;

async function until(what: string, condition: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`seedPlan: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function connect(haard: Haard, planId: string) {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(
    `ws://127.0.0.1:${haard.port}/sync`,
    roomName(haard.workspaceId, 'plan', planId),
    doc,
    {
      params: { token: haard.token('editor') },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    },
  );
  return {
    doc,
    provider,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Throws with the issues when an intent refuses; returns the value otherwise. */
const strict = (intents: PlanIntents): PlanIntents =>
  new Proxy(intents, {
    get(target, key) {
      const fn = Reflect.get(target, key) as unknown;
      if (typeof fn !== 'function') return fn;
      return (...args: unknown[]) => {
        const r = (fn as (...a: unknown[]) => { ok: boolean; issues?: { message: string }[] })(...args);
        if (!r.ok)
          throw new Error(`seedPlan: ${String(key)} refused: ${r.issues?.map((i) => i.message).join('; ')}`);
        return r;
      };
    },
  });

/**
 * Create plan `id` for `relationIds`, run `write` with its intents in one transaction, wait until the relay
 * holds it, and add its card to the workspace. Returns the plan as written.
 */
export async function seedPlan(
  haard: Haard,
  plan: { id: string; title: string; relationIds: string[]; ownerId?: string | null },
  write: (intents: PlanIntents) => void,
): Promise<AccountPlanDoc> {
  const writer = connect(haard, plan.id);
  try {
    await until('the relay sync', () => writer.provider.synced);
    const now = new Date().toISOString();
    const seeded = createPlanDoc(writer.doc, { ...plan, workspaceId: haard.workspaceId, now });
    if (!seeded.ok) throw new Error(`seedPlan: ${seeded.issues.map((i) => i.message).join('; ')}`);
    loadDocument('plan', writer.doc);
    const intents = strict(
      planIntents(writer.doc, { origin: 'e2e-seed', now: () => new Date().toISOString() }),
    );
    writer.doc.transact(() => write(intents), 'e2e-seed');
    const result = readDocument('plan', writer.doc) as unknown as AccountPlanDoc;

    const reader = connect(haard, plan.id);
    try {
      await until(
        'the relay to hold the plan',
        () =>
          reader.provider.synced &&
          sameBytes(Y.encodeStateVector(reader.doc), Y.encodeStateVector(writer.doc)),
      );
    } finally {
      reader.destroy();
    }
    await seedWorkspace(haard, (w) => {
      w.putPlanCard({
        id: plan.id,
        title: plan.title,
        relationIds: plan.relationIds,
        ownerId: plan.ownerId ?? null,
        completeness: 0,
        errors: 0,
        warnings: 0,
        updatedAt: now,
        checkedOn: now.slice(0, 10),
      });
    });
    return result;
  } finally {
    writer.destroy();
  }
}
