/**
 * What belongs to a multiplexed socket as a whole: documents opened later join the open socket; the
 * invite's expiry and its revocation close the socket (4401) and refuse every document on it; a client that
 * does not read is closed with SlowReader (4503) while its colleagues keep receiving.
 */
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import type { OpenDocument } from '../../client/src/sync/connection.ts';
import { openSocketCount } from '../../client/src/sync/socket.ts';
import { CloseCode } from '../../protocol/index.ts';
import { encodeMuxFrame, MuxType } from '../../protocol/multiplex.ts';
import { muxDoc, phase, rawMuxClient } from './helpers/muxHarness.ts';
import { removeDir, startServer, tokenFor, waitFor } from './helpers/relayHarness.ts';

type Server = Awaited<ReturnType<typeof startServer>>;
const inviteIdOf = (token: string) =>
  (JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { id: string }).id;

describe('multiplexed sync: the socket', () => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  const track = (...docs: OpenDocument[]) => cleanups.push(() => Promise.all(docs.map((d) => d.destroy())));
  const serve = async (options = {}): Promise<Server> => {
    const server = await startServer(options);
    cleanups.push(
      () => removeDir(server.dataDir),
      () => server.close(),
    );
    return server;
  };

  it('documents opened one by one, after the socket is open, join it and sync', async () => {
    const server = await serve();
    const token = tokenFor('acme');
    const sockets = openSocketCount();
    const first = muxDoc(server, 'acme/workspace/main', token);
    track(first);
    await phase(first, 'synced');
    for (let i = 0; i < 3; i++) {
      const later = muxDoc(server, `acme/plan/later${i}`, token);
      track(later);
      await phase(later, 'synced');
    }
    expect(openSocketCount()).toBe(sockets + 1);
    expect(server.relay.stats().connections).toBe(4);
  });

  it('revoking the invite closes the socket with 4401 and refuses every document on it', async () => {
    const server = await serve();
    const revoked = tokenFor('acme');
    const kept = tokenFor('acme');
    const docs = [0, 1].map((i) => muxDoc(server, `acme/plan/r${i}`, revoked));
    const other = muxDoc(server, 'acme/plan/r0', kept, { client: 'other' });
    track(...docs, other);
    await Promise.all([...docs, other].map((d) => phase(d, 'synced')));

    expect(server.revoke({ workspaceId: 'acme', inviteId: inviteIdOf(revoked) })).toBe(1);
    await Promise.all(docs.map((d) => phase(d, 'refused')));
    expect(docs[0]!.state().refusal).toEqual({ code: CloseCode.Unauthorized, reason: 'invite revoked' });
    expect(other.state().phase).toBe('synced'); // another invite's socket stays
  });

  it('an invite that expires while connected closes the socket with 4401', async () => {
    const server = await serve();
    const doc = muxDoc(server, 'acme/plan/e', tokenFor('acme', 'editor', 2));
    track(doc);
    await phase(doc, 'synced');
    await phase(doc, 'refused', 5_000);
    expect(doc.state().refusal?.code).toBe(CloseCode.Unauthorized);
  });

  it('a client that does not read is closed with SlowReader; its colleague keeps receiving', async () => {
    const server = await serve({ maxBufferedBytes: 256 * 1024, pingIntervalMs: 60_000 });
    const token = tokenFor('acme');
    const writer = muxDoc(server, 'acme/plan/slow', token, { client: 'writer' });
    const reader = muxDoc(server, 'acme/plan/slow', token, { client: 'reader' });
    track(writer, reader);
    await Promise.all([phase(writer, 'synced'), phase(reader, 'synced')]);

    const silent = rawMuxClient(server);
    cleanups.push(() => silent.socket.terminate());
    await silent.opened;
    silent.hello(token);
    silent.join('acme/plan/slow');
    await waitFor(() => server.relay.roomStats('acme/plan/slow')?.connections === 3);
    silent.socket.pause(); // reads nothing from now on, but keeps writing
    const query = encodeMuxFrame(
      'acme/plan/slow',
      encoding.encode((e) => encoding.writeVarUint(e, MuxType.QueryAwareness)),
    );
    const chatter = setInterval(() => silent.send(query), 20);
    cleanups.push(() => clearInterval(chatter));

    const text = writer.doc.getText('notes');
    for (let i = 0; i < 60; i++) {
      text.insert(text.length, 'x'.repeat(200_000));
      if (i % 10 === 9) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await waitFor(
      () => server.relay.roomStats('acme/plan/slow')?.connections === 2,
      10_000,
      'the silent socket to be dropped',
    );
    await waitFor(() => reader.doc.getText('notes').length === 60 * 200_000, 10_000);
    silent.socket.resume();
    expect([CloseCode.SlowReader, 1006]).toContain((await silent.closed).code);
  });
});
