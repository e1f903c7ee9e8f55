import { afterEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import {
  providerClient,
  removeDir,
  startServer,
  synced,
  waitFor,
  type TestClient,
} from './helpers/relayHarness.ts';

const ROOM = 'acme/plan/p1';

describe('relay: clients converge', () => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function setup() {
    const server = await startServer();
    cleanups.push(
      () => removeDir(server.dataDir),
      () => server.close(),
    );
    const client = (doc?: Y.Doc): TestClient => {
      const c = providerClient(server, ROOM, undefined, doc);
      cleanups.push(() => c.destroy());
      return c;
    };
    return { server, client };
  }

  const text = (c: TestClient) => c.doc.getText('notes').toString();
  const items = (c: TestClient) => c.doc.getArray<string>('items').toArray().sort();

  it('three clients editing at once end with the same document', async () => {
    const { client } = await setup();
    const clients = [client(), client(), client()];
    await Promise.all(clients.map((c) => synced(c)));
    clients.forEach((c, i) => {
      c.doc.getText('notes').insert(0, `from ${i}. `);
      c.doc.getArray<string>('items').push([`item-${i}-a`, `item-${i}-b`]);
    });
    await waitFor(() => clients.every((c) => items(c).length === 6 && text(c) === text(clients[0]!)));
    expect(new Set(clients.map(text)).size).toBe(1);
    expect(items(clients[2]!)).toEqual([
      'item-0-a',
      'item-0-b',
      'item-1-a',
      'item-1-b',
      'item-2-a',
      'item-2-b',
    ]);
  });

  it('a late joiner receives the whole state', async () => {
    const { client } = await setup();
    const early = client();
    await synced(early);
    for (let i = 0; i < 50; i++) early.doc.getArray('items').push([`i${i}`]);
    early.doc.getMap('meta').set('title', 'Account plan');
    const late = client();
    await synced(late);
    await waitFor(() => late.doc.getArray('items').length === 50);
    expect(late.doc.getMap('meta').get('title')).toBe('Account plan');
  });

  it('offline edits on two clients merge after reconnecting', async () => {
    const { client } = await setup();
    const a = client();
    const b = client();
    await Promise.all([synced(a), synced(b)]);
    a.doc.getText('notes').insert(0, 'shared start');
    await waitFor(() => text(b) === 'shared start');

    a.provider.disconnect();
    b.provider.disconnect();
    a.doc.getArray('items').push(['a-offline']);
    a.doc.getText('notes').insert(0, 'A: ');
    b.doc.getArray('items').push(['b-offline']);
    b.doc.getText('notes').insert(text(b).length, ' :B');
    a.provider.connect();
    b.provider.connect();

    await waitFor(() => items(a).length === 2 && items(b).length === 2 && text(a) === text(b));
    expect(items(a)).toEqual(['a-offline', 'b-offline']);
    expect(text(a)).toBe('A: shared start :B');
  });
});
