/**
 * What the multiplexed endpoint refuses, and that a refusal stays where it belongs: one room refused (another
 * workspace, a bad name, a malformed message) leaves the other rooms on the socket syncing; a bad token or a
 * missing Hello closes the socket and refuses every document on it; a viewer's writes are dropped as on
 * `/sync/<room>`; a Leave takes the document's presence away; a silent relay ends in `offline` within seconds.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import type { OpenDocument } from '../../client/src/sync/connection.ts';
import { CloseCode } from '../../protocol/index.ts';
import { encodeMuxFrame, MuxType } from '../../protocol/multiplex.ts';
import { muxDoc, phase, rawMuxClient } from './helpers/muxHarness.ts';
import { arrayPush, removeDir, sleep, startServer, tokenFor, waitFor } from './helpers/relayHarness.ts';

type Server = Awaited<ReturnType<typeof startServer>>;

describe('multiplexed sync: refusals', () => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  const track = (...docs: OpenDocument[]) => cleanups.push(() => Promise.all(docs.map((d) => d.destroy())));
  let server: Server;
  const serve = async () => {
    server = await startServer();
    cleanups.push(
      () => removeDir(server.dataDir),
      () => server.close(),
    );
  };

  it('a room of another workspace is refused with 4403 for that room only; the others keep syncing', async () => {
    await serve();
    const token = tokenFor('acme');
    const mine = [0, 1, 2].map((i) => muxDoc(server, `acme/plan/p${i}`, token));
    const foreign = muxDoc(server, 'globex/plan/secret', token);
    const badName = muxDoc(server, 'acme/nonsense/x', token);
    track(...mine, foreign, badName);

    await Promise.all([
      ...mine.map((d) => phase(d, 'synced')),
      phase(foreign, 'refused'),
      phase(badName, 'refused'),
    ]);
    expect(foreign.state().refusal?.code).toBe(CloseCode.Forbidden);
    expect(badName.state().refusal?.code).toBe(CloseCode.BadRoom);
    expect(server.relay.roomStats('globex/plan/secret')).toBeUndefined(); // never loaded

    // The socket is still there for the others: a colleague's edit arrives after the refusals.
    const colleague = muxDoc(server, 'acme/plan/p1', token, { client: 'colleague' });
    track(colleague);
    await phase(colleague, 'synced');
    colleague.doc.getText('t').insert(0, 'still here');
    await waitFor(() => mine[1]!.doc.getText('t').toString() === 'still here');
    expect(foreign.state().phase).toBe('refused');
  });

  it('a malformed message refuses its room with 1007; the client re-joins it and the other rooms never notice', async () => {
    await serve();
    const raw = rawMuxClient(server);
    cleanups.push(() => raw.socket.terminate());
    await raw.opened;
    raw.hello(tokenFor('acme'));
    await waitFor(() => raw.welcomed(), 5_000, 'Welcome');
    raw.join('acme/plan/good');
    raw.join('acme/plan/bad');
    raw.update('acme/plan/good', arrayPush('items', 'one'));
    raw.send(encodeMuxFrame('acme/plan/bad', new Uint8Array([MuxType.Sync, 2, 5, 1, 2, 3]))); // a broken update
    await waitFor(() => raw.refusals.has('acme/plan/bad'));
    expect(raw.refusals.get('acme/plan/bad')?.code).toBe(CloseCode.MalformedMessage);
    raw.update('acme/plan/good', arrayPush('items', 'two'));
    await waitFor(() => server.relay.roomStats('acme/plan/good')?.storedUpdates === 2);
    expect(raw.refusals.has('acme/plan/good')).toBe(false);
    expect(raw.socket.readyState).toBe(raw.socket.OPEN);

    // Frames for the refused room are dropped until it is joined again; then it works.
    raw.update('acme/plan/bad', arrayPush('items', 'dropped'));
    raw.join('acme/plan/bad');
    raw.update('acme/plan/bad', arrayPush('items', 'kept'));
    await waitFor(() => server.relay.roomStats('acme/plan/bad')?.storedUpdates === 1);
  });

  it('a document refused for good stays refused across a relay restart, without reconnect noise', async () => {
    await serve();
    const { port, dataDir } = server;
    const foreign = muxDoc(server, 'globex/plan/alone', tokenFor('acme'), { client: 'alone' });
    track(foreign);
    await phase(foreign, 'refused');
    await server.close();
    const seen: string[] = [];
    const off = foreign.subscribe((s) => seen.push(s.phase));
    server = await startServer({ port, dataDir });
    await sleep(1_500); // the socket reconnects, is welcomed, and has nothing to join
    off();
    expect(seen.every((p) => p === 'refused')).toBe(true);
    expect(server.relay.stats().connections).toBe(0);
  });

  it('a bad token closes the socket with 4401 and refuses every document on it', async () => {
    await serve();
    const expired = tokenFor('acme', 'editor', -10);
    const docs = [0, 1, 2].map((i) => muxDoc(server, `acme/plan/x${i}`, expired));
    track(...docs);
    await Promise.all(docs.map((d) => phase(d, 'refused')));
    for (const doc of docs)
      expect(doc.state().refusal).toEqual({ code: CloseCode.Unauthorized, reason: 'expired token' });
    expect(server.relay.stats().connections).toBe(0);
  });

  it('a socket whose first frame is not a Hello is closed with 4401 before any document byte flows', async () => {
    await serve();
    const raw = rawMuxClient(server);
    await raw.opened;
    raw.join('acme/plan/p');
    expect((await raw.closed).code).toBe(CloseCode.Unauthorized);
    expect(raw.docs.get('acme/plan/p')?.share.size ?? 0).toBe(0);

    const wrongVersion = rawMuxClient(server);
    await wrongVersion.opened;
    wrongVersion.hello(tokenFor('acme'), 99);
    expect((await wrongVersion.closed).code).toBe(CloseCode.BadRoom);
  });

  it('a viewer receives every document; its writes are dropped and counted, as on /sync/<room>', async () => {
    await serve();
    const editor = muxDoc(server, 'acme/plan/v', tokenFor('acme'));
    const viewer = muxDoc(server, 'acme/plan/v', tokenFor('acme', 'viewer'), { client: 'viewer' });
    track(editor, viewer);
    await Promise.all([phase(editor, 'synced'), phase(viewer, 'synced')]);
    editor.doc.getText('t').insert(0, 'by the editor');
    await waitFor(() => viewer.doc.getText('t').toString() === 'by the editor');
    viewer.doc.getText('t').insert(0, 'by the viewer;');
    await waitFor(() => server.relay.roomStats('acme/plan/v')?.droppedViewerUpdates === 1);
    await sleep(100);
    expect(editor.doc.getText('t').toString()).toBe('by the editor');
    expect(viewer.state().phase).toBe('synced'); // dropped, not refused
  });

  it("destroying a document leaves its room: colleagues stop seeing its presence, the socket's other rooms stay", async () => {
    await serve();
    const token = tokenFor('acme');
    const [plan, other] = [muxDoc(server, 'acme/plan/a', token), muxDoc(server, 'acme/plan/b', token)];
    const colleague = muxDoc(server, 'acme/plan/a', token, { client: 'colleague' });
    track(other, colleague);
    await Promise.all([plan, other, colleague].map((d) => phase(d, 'synced')));
    plan.awareness.setLocalStateField('user', { name: 'Anna' });
    const seesAnna = () =>
      [...colleague.awareness.getStates().values()].some(
        (s) => (s.user as { name?: string })?.name === 'Anna',
      );
    await waitFor(seesAnna);
    await plan.destroy();
    await waitFor(() => !seesAnna(), 5_000, 'Anna to leave');
    await waitFor(() => server.relay.roomStats('acme/plan/a')?.connections === 1);
    expect(server.relay.roomStats('acme/plan/b')?.connections).toBe(1);
    expect(other.state().phase).toBe('synced');
  });

  it('a relay that accepts the socket but never answers ends in offline within the answer timeout', async () => {
    const silent = createServer();
    const wss = new WebSocketServer({ server: silent });
    wss.on('connection', () => {}); // accepts, reads nothing, says nothing
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    cleanups.push(
      () => new Promise((resolve) => silent.close(resolve)),
      () => wss.close(),
    );
    const port = (silent.address() as AddressInfo).port;
    const doc = muxDoc({ port }, 'acme/plan/s', tokenFor('acme'), {
      url: `ws://127.0.0.1:${port}/sync`,
      answerTimeoutMs: 300,
    });
    track(doc);
    await doc.loaded; // no local copy here: loading ends when the relay is known not to answer
    expect(doc.state().phase).toBe('offline');
    expect(doc.state().retryAt).not.toBeNull();
  });
});
