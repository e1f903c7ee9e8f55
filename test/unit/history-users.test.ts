/** Who made a change is written on a person's first edit of a document, never for only opening it. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { attachUserOnFirstEdit, HISTORY_ORIGIN, USERS, usersOf } from '../../doc/history/index.ts';

const anna = { id: 'anna', name: 'Anna' };
const own = { user: 'anna-tab' };
const isOwn = (origin: unknown) => origin !== HISTORY_ORIGIN && origin !== null;

describe('attachUserOnFirstEdit', () => {
  it('writes nothing while the document is only read or receives others’ updates', () => {
    const other = new Y.Doc({ gc: false });
    other.getText('t').insert(0, 'van een collega');
    const doc = new Y.Doc({ gc: false });
    const writes: unknown[] = [];
    doc.on('update', (_u: Uint8Array, origin: unknown) => writes.push(origin));
    attachUserOnFirstEdit(doc, () => anna, isOwn);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other), 'relay');
    doc.getText('t').toString();
    expect(writes).toEqual(['relay']);
    expect(doc.getMap(USERS).size).toBe(0);
  });

  it('maps the session to the person on the first edit, that edit’s deletions included', () => {
    const doc = new Y.Doc({ gc: false });
    const text = doc.getText('t');
    Y.applyUpdate(
      doc,
      (() => {
        const seed = new Y.Doc({ gc: false });
        seed.getText('t').insert(0, 'oude tekst');
        return Y.encodeStateAsUpdate(seed);
      })(),
      'relay',
    );
    attachUserOnFirstEdit(doc, () => anna, isOwn);
    doc.transact(() => {
      text.delete(0, 5); // the first edit deletes someone else's text
      text.insert(0, 'nieuwe ');
    }, own);
    const users = usersOf(doc);
    expect(users.getUserByClientId(doc.clientID)).toBe('anna');
    // The deleted 'oude ' (a colleague's item) is attributed to Anna.
    let item = text._start;
    let deletedBy: string | null = null;
    while (item) {
      if (item.deleted && item.id.client !== doc.clientID)
        deletedBy = users.getUserByDeletedId(item.id) as string;
      item = item.right;
    }
    expect(deletedBy).toBe('anna');
    // A second edit writes no second mapping.
    text.insert(0, 'x');
    expect((doc.getMap(USERS).get('anna') as Y.Map<Y.Array<number>>).get('ids')!.toArray()).toEqual([
      doc.clientID,
    ]);
  });
});
