/**
 * Awareness is not stored but reaches every reader: the relay caps what one connection may announce
 * (awarenessPolicy.ts) — a state's size, the ids it holds, ids another connection holds, bytes per second.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import type { Logger } from '../../server/log.ts';
import { CloseCode } from '../../server/relay/closeCodes.ts';
import {
  providerClient,
  rawClient,
  removeDir,
  sleep,
  startServer,
  synced,
  tokenFor,
  waitFor,
  type TestClient,
} from './helpers/relayHarness.ts';

const ROOM = 'acme/meeting/presence';

/** An awareness frame announcing `states` (client id → state; null removes) at `clock`. */
function awarenessFrame(states: Array<[number, unknown]>, clock = 1): Uint8Array {
  return encoding.encode((e) => {
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint8Array(
      e,
      encoding.encode((inner) => {
        encoding.writeVarUint(inner, states.length);
        for (const [id, state] of states) {
          encoding.writeVarUint(inner, id);
          encoding.writeVarUint(inner, clock);
          encoding.writeVarString(inner, JSON.stringify(state));
        }
      }),
    );
  });
}

describe('relay: awareness caps', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let alice: TestClient;
  let observer: TestClient;
  const lines: string[] = [];
  const statesSeen = () => observer.provider.awareness.getStates();

  beforeAll(async () => {
    const log: Logger = (level, message, fields) =>
      lines.push(`${level} ${message} ${JSON.stringify(fields)}`);
    server = await startServer({ log });
    alice = providerClient(server, ROOM);
    observer = providerClient(server, ROOM);
    await Promise.all([synced(alice), synced(observer)]);
    alice.provider.awareness.setLocalStateField('user', { name: 'Alice' });
    await waitFor(() => statesSeen().has(alice.doc.clientID));
  });
  afterAll(async () => {
    alice.destroy();
    observer.destroy();
    await server.close();
    removeDir(server.dataDir);
  });

  it('drops a state larger than 8 KiB and passes a normal one', async () => {
    const client = rawClient(server, ROOM);
    await client.opened;
    client.send(awarenessFrame([[90_001, { user: { name: 'x'.repeat(100_000) } }]]));
    client.send(awarenessFrame([[90_002, { user: { name: 'Normal' } }]]));
    await waitFor(() => statesSeen().has(90_002));
    expect(statesSeen().has(90_001)).toBe(false);
    expect(lines.some((line) => line.includes('refused awareness') && line.includes('90001'))).toBe(true);
    client.socket.close();
    await waitFor(() => !statesSeen().has(90_002)); // gone with its connection
  });

  it('lets a viewer hold at most 4 client ids, however many it announces', async () => {
    const viewer = rawClient(server, ROOM, tokenFor('acme', 'viewer'));
    await viewer.opened;
    const ids = Array.from({ length: 1_000 }, (_, i) => 100_000 + i);
    viewer.send(awarenessFrame(ids.map((id) => [id, { user: { name: `ghost ${id}` } }])));
    await waitFor(() => ids.filter((id) => statesSeen().has(id)).length === 4);
    await sleep(100);
    expect(ids.filter((id) => statesSeen().has(id))).toEqual(ids.slice(0, 4));
    viewer.socket.close();
    await waitFor(() => ids.every((id) => !statesSeen().has(id)));
  });

  it('refuses to let another connection rewrite or delete someone’s presence', async () => {
    const impostor = rawClient(server, ROOM, tokenFor('acme', 'viewer'));
    await impostor.opened;
    const id = alice.doc.clientID;
    const clock = alice.provider.awareness.meta.get(id)!.clock;
    impostor.send(awarenessFrame([[id, { user: { name: 'Mallory' } }]], clock + 10));
    impostor.send(awarenessFrame([[id, null]], clock + 20));
    impostor.send(awarenessFrame([[90_003, { user: { name: 'Mallory herself' } }]]));
    await waitFor(() => statesSeen().has(90_003)); // its own presence does pass, after the two refused ones
    expect((statesSeen().get(id) as { user: { name: string } }).user.name).toBe('Alice');
    impostor.socket.close();
  });

  it('closes a connection that sends more awareness bytes per second than allowed', async () => {
    const chatty = rawClient(server, ROOM);
    await chatty.opened;
    for (let clock = 1; clock <= 40; clock++) {
      chatty.send(awarenessFrame([[90_004, { cursor: 'y'.repeat(7_000) }]], clock)); // 280 KB in a burst
    }
    expect((await chatty.closed).code).toBe(CloseCode.RateLimited);
    expect(alice.provider.wsconnected && observer.provider.wsconnected).toBe(true);
  });
});
