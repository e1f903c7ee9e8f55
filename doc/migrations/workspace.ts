/**
 * The workspace document's migrations (see doc/migrate.ts for the rules every migration keeps).
 */
import * as Y from 'yjs';
import { isBirthday } from '../../core/dates.ts';
import { isRecord, wellFormed } from '../json.ts';
import type { Migration } from '../migrate.ts';

/**
 * 1 → 2: birthdays are checked as real calendar dates (schema 1 took any `(YYYY-)MM-DD`, so an import could
 * store "1991-02-31" and "00-00", which were then shown as 3 March and 30 November). A stored birthday that is
 * not a real date is moved, unchanged, to `personal.birthdayAsEntered`: nothing is lost, the contact stays
 * valid, and the contact screen asks for the right date. Deterministic (the new value is derived from the
 * old one only), so two clients migrating at once write the same thing.
 */
export const realBirthdays: Migration = {
  from: 1,
  to: 2,
  name: 'realBirthdays',
  up(doc) {
    for (const id of sortedKeys(doc.getMap('contacts'))) {
      const contact = doc.getMap('contacts').get(id);
      if (!(contact instanceof Y.Map)) continue;
      const personal: unknown = contact.get('personal');
      if (!isRecord(personal) || !('birthday' in personal) || isBirthday(personal.birthday)) continue;
      const { birthday, ...rest } = personal;
      contact.set('personal', { ...rest, birthdayAsEntered: String(birthday).slice(0, 500) });
    }
  },
};

/** A map's keys in sorted order: a migration visits records in the same order on every replica (migrate.ts). */
const sortedKeys = (map: Y.Map<unknown>): string[] => [...map.keys()].sort();

/**
 * 2 → 3: a relation's notes become a shared text (a Y.Text nested in the relation's map, layout `text`), so
 * two people editing the same notes — live, or offline on two devices — both keep their edit (merged
 * character by character, as the plan texts). Until schema 3 they were a plain string, last writer wins.
 * Each string is replaced by a Y.Text holding the same characters; anything else (a value a buggy peer wrote)
 * is left as it is for the schema check to report — nothing is lost.
 *
 * Two replicas migrating at once: from the same state they write the very same text (migrate.ts runs the step
 * under a client id derived from that state), so it exists once — no "notes notes", and what either person
 * types into it afterwards merges. Not safe, and not made safe here: two replicas that migrate from
 * DIFFERENT states (one has an edit the other has not seen) each make their own text for every relation;
 * when they meet, Yjs keeps one per relation (last writer wins on the `notes` key). Each copy holds the notes
 * as its replica had them, so nothing from before the migration is doubled, but what someone typed into the losing
 * copy between their migration and the moment the replicas met is dropped without a notice (its items stay
 * in the document, which is never garbage-collected, but nothing in the app shows them again unless a history
 * version happened to be made in between).
 * Also not merged: notes a client still on schema 2 edited offline (a plain string) that arrive after the
 * migration are one last-writer-wins value against the converted text — if the string wins, the notes are a
 * plain string again until `repairTexts` (doc/repair.ts; run when someone with write access opens the
 * relation) turns it into a text, losing nothing; if it loses, it is dropped, as concurrent edits of plain
 * values always were. A root Y.Text per relation would not
 * have this window but a worse one: two replicas converting the same string would both insert it, and
 * every such relation would read "notes notes" (see layout.ts).
 */
export const notesAsText: Migration = {
  from: 2,
  to: 3,
  name: 'notesAsText',
  up(doc) {
    const relations = doc.getMap('relations');
    for (const id of sortedKeys(relations)) {
      const relation = relations.get(id);
      if (!(relation instanceof Y.Map)) continue;
      const notes: unknown = relation.get('notes');
      if (typeof notes !== 'string') continue;
      const text = new Y.Text();
      if (notes) text.insert(0, wellFormed(notes));
      relation.set('notes', text);
    }
  },
};

export const WORKSPACE_MIGRATIONS: readonly Migration[] = [realBirthdays, notesAsText];
