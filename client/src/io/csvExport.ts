/**
 * Relations and their contacts as ONE CSV file, one row per contact (a relation without contacts gets one
 * row with empty contact columns) — the shape CRM exports have, so the same importer reads it back. The
 * ids are included, so importing into an empty workspace reproduces the relations and contacts exactly
 * (every field the file carries: name, kind, sector, revenue, potential, owner — by name —, tags, notes;
 * contact name, title, e-mail, phone, DMU role, attitude, strength and, when asked for, personal facts),
 * and importing it back into the same workspace changes nothing. Account teams, "known by", classes,
 * scores, overrides and the contact log are left to the JSON backup.
 *
 * For spreadsheets: cells that would run as a formula get an apostrophe (csv.ts); a phone number is
 * written as `="+31 6 1234 5678"` — Excel shows the number as it is (no apostrophe, no lost leading 0, no
 * "+31 6…" read as a sum), and the formula can only ever be that quoted text, which the importer unwraps.
 */
import type { Locale } from '../../../core/model/common.ts';
import type { Contact, Professional, Relation, WorkspaceDoc } from '../../../core/model/workspace.ts';
import { writeCsv } from './csv.ts';
import { formatBirthdayCell } from './dates.ts';
import {
  ATTITUDE_VALUES,
  DMU_VALUES,
  EXPORTED_FIELDS,
  EXPORT_HEADERS,
  KIND_VALUES,
  PERSONAL_FIELDS,
  writeTags,
  type Field,
} from './fields.ts';
import { formatNumberCell, type NumberFormat } from './numbers.ts';

export interface ExportOptions {
  /** Header and value language. */
  locale: Locale;
  /** `nl`: ";" between cells and a decimal comma (what Excel in Dutch opens); `en`: "," and a decimal point. */
  format: NumberFormat;
  includePersonal: boolean;
}

const byName = (locale: Locale) => (a: { name: string; id: string }, b: { name: string; id: string }) =>
  a.name.localeCompare(b.name, locale) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A phone number Excel would mangle (a lost leading 0) or read as a sum ("+31 6…"). */
const PHONE = /^[+\d][\d ()./-]*$/;

export function exportCsv(
  data: Pick<WorkspaceDoc, 'relations' | 'contacts'> & { professionals?: Record<string, Professional> },
  opts: ExportOptions,
): string {
  const fields: Field[] = [...EXPORTED_FIELDS, ...(opts.includePersonal ? PERSONAL_FIELDS : [])];
  const ownerName = (id: string | null) => (id ? (data.professionals?.[id]?.name ?? '') : '');
  const num = (n: number | null) => (n === null ? '' : formatNumberCell(n, opts.format));
  const relationCells = (r: Relation): Record<string, string> => ({
    'relation.id': r.id,
    'relation.name': r.name,
    'relation.kind': KIND_VALUES[opts.locale][r.kind],
    'relation.sector': r.sector,
    'relation.revenue': num(r.revenue),
    'relation.potential': num(r.potential),
    'relation.owner': ownerName(r.ownerId),
    'relation.tags': writeTags(r.tags),
    'relation.notes': r.notes,
  });
  const contactCells = (c: Contact): Record<string, string> => ({
    'contact.id': c.id,
    'contact.name': c.name,
    'contact.title': c.title,
    'contact.email': c.email ?? '',
    'contact.phone': c.phone && PHONE.test(c.phone) ? `="${c.phone}"` : (c.phone ?? ''),
    'contact.dmuRole': c.dmuRole ? DMU_VALUES[opts.locale][c.dmuRole] : '',
    'contact.attitude': c.attitude ? ATTITUDE_VALUES[opts.locale][c.attitude] : '',
    'contact.strength': String(c.strength),
    'contact.birthday': c.personal?.birthday ? formatBirthdayCell(c.personal.birthday) : '',
    'contact.hobbies': c.personal?.hobbies ?? '',
    'contact.car': c.personal?.car ?? '',
    'contact.coffee': c.personal?.coffee ?? '',
  });
  const contactsOf = new Map<string, Contact[]>();
  for (const c of Object.values(data.contacts))
    contactsOf.set(c.relationId, [...(contactsOf.get(c.relationId) ?? []), c]);

  const rows: string[][] = [];
  const wrappedPhones = new Set<number>(); // rows whose phone cell is our `="…"`
  for (const r of Object.values(data.relations).sort(byName(opts.locale))) {
    const rel = relationCells(r);
    const contacts = (contactsOf.get(r.id) ?? []).sort(byName(opts.locale));
    if (contacts.length === 0) rows.push(fields.map((f) => rel[f] ?? ''));
    for (const c of contacts) {
      const cells = { ...rel, ...contactCells(c) };
      if (c.phone && PHONE.test(c.phone)) wrappedPhones.add(rows.length);
      rows.push(fields.map((f) => cells[f] ?? ''));
    }
  }
  const headers = fields.map((f) => EXPORT_HEADERS[opts.locale][f]);
  const phone = fields.indexOf('contact.phone');
  return writeCsv(
    headers,
    rows,
    opts.format === 'nl' ? ';' : ',',
    (row, col) => col === phone && wrappedPhones.has(row),
  );
}
