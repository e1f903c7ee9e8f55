/**
 * The workspace document's migrations (see doc/migrate.ts for the rules every migration keeps).
 */
import * as Y from 'yjs';
import { isBirthday } from '../../core/dates.ts';
import { isRecord } from '../json.ts';
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
    doc.getMap('contacts').forEach((contact) => {
      if (!(contact instanceof Y.Map)) return;
      const personal: unknown = contact.get('personal');
      if (!isRecord(personal) || !('birthday' in personal) || isBirthday(personal.birthday)) return;
      const { birthday, ...rest } = personal;
      contact.set('personal', { ...rest, birthdayAsEntered: String(birthday).slice(0, 500) });
    });
  },
};

export const WORKSPACE_MIGRATIONS: readonly Migration[] = [realBirthdays];
