/**
 * Who made a change (history design §3): Yjs' own `Y.PermanentUserData` in every document (root map `users`,
 * Yjs' default name) maps the Yjs client ids of this browser's sessions to the person's stable id (`Me.id`,
 * client/src/app/identity.ts — never the client id itself, which changes every session), and keeps per person
 * the delete sets of their local transactions, so deletions are attributed too.
 *
 * Why PermanentUserData rather than the identity the relay knows from the invite: it works offline and
 * peer-to-peer (BroadcastChannel) the same as through the relay, it is stored and synced inside the document
 * like any content (so it survives compaction and export), and the relay stays a dumb pipe that never writes
 * into documents. Its own delete-set entries are written with no origin (Yjs does it after each transaction). Its cost: one small `ids` entry per session and one delete-set entry per local transaction
 * that deletes something.
 *
 * The person's display name is kept beside it in the same per-person map (`name`): attribution reads well for
 * colleagues who have never been online at the same time.
 */
import * as Y from 'yjs';
import { HISTORY_ORIGIN } from './origin.ts';

export const USERS = 'users';

export interface PersonRef {
  /** Me.id */
  id: string;
  name: string;
}

/**
 * Attach attribution to `doc` for this session: create the document's PermanentUserData and map
 * `doc.clientID` to `person.id` (and store the name). Call once per Y.Doc, after its local copy has loaded
 * (writing before would fork the person's entry). Returns the PermanentUserData for `attribute`.
 */
export function attachUser(doc: Y.Doc, person: PersonRef): Y.PermanentUserData {
  const pud = usersOf(doc);
  doc.transact(() => {
    pud.setUserMapping(doc, doc.clientID, person.id);
    setPersonName(doc, person);
  }, HISTORY_ORIGIN);
  return pud;
}

/**
 * Attach attribution to `doc` when this session first edits it — not when it merely opens it (a session opens
 * every plan of the workspace to keep them on the device; mapping its client id in each would write into 200
 * documents per visit and grow every document's `users` map with each visit of a reader). `isOwnEdit` tells
 * this session's own edits (its transaction origin). The first edit's deletions are recorded for the person
 * too (PermanentUserData only sees transactions after it is attached). Returns a function that stops waiting.
 */
export function attachUserOnFirstEdit(
  doc: Y.Doc,
  person: () => PersonRef,
  isOwnEdit: (origin: unknown) => boolean,
): () => void {
  const onAfter = (transaction: Y.Transaction) => {
    if (!transaction.local || !isOwnEdit(transaction.origin)) return;
    doc.off('afterTransaction', onAfter);
    const who = person();
    const deletions = transaction.deleteSet;
    attachUser(doc, who);
    if (deletions.clients.size > 0) recordDeletions(doc, who.id, deletions);
  };
  doc.on('afterTransaction', onAfter);
  return () => doc.off('afterTransaction', onAfter);
}

/**
 * Add `deletions` to `personId`'s delete sets, as PermanentUserData does after each transaction. Its own
 * encoder is not exported by Yjs; a snapshot's encoding starts with the same delete-set encoding (its state
 * vector, here empty, follows and is not read).
 */
function recordDeletions(doc: Y.Doc, personId: string, deletions: Y.Transaction['deleteSet']): void {
  const user = doc.getMap(USERS).get(personId);
  const ds = user instanceof Y.Map ? user.get('ds') : null;
  if (!(ds instanceof Y.Array)) return;
  const encoded = Y.encodeSnapshot(Y.createSnapshot(deletions, new Map()));
  doc.transact(() => ds.push([encoded]), HISTORY_ORIGIN);
}

/** Keep the stored display name of `person` current (nothing is written when it is already right). */
export function setPersonName(doc: Y.Doc, person: PersonRef): void {
  const entry = doc.getMap(USERS).get(person.id);
  if (!(entry instanceof Y.Map) || !person.name || entry.get('name') === person.name) return;
  doc.transact(() => entry.set('name', person.name), HISTORY_ORIGIN);
}

const CACHE = new WeakMap<Y.Doc, Y.PermanentUserData>();

/**
 * The PermanentUserData of `doc`, made once per Y.Doc (it observes the `users` map for the document's life).
 * Reading it writes nothing.
 */
export function usersOf(doc: Y.Doc): Y.PermanentUserData {
  let pud = CACHE.get(doc);
  if (!pud) {
    pud = new Y.PermanentUserData(doc, doc.getMap(USERS));
    CACHE.set(doc, pud);
  }
  return pud;
}

/** Person id → display name, from every person entry of `doc` that has one. */
export function personNames(doc: Y.Doc): Map<string, string> {
  const names = new Map<string, string>();
  doc.getMap(USERS).forEach((entry, id) => {
    const name = entry instanceof Y.Map ? entry.get('name') : undefined;
    if (typeof name === 'string' && name) names.set(id, name);
  });
  return names;
}
