/**
 * Relations and their contacts as ONE CSV file, one row per contact (a relation without contacts gets one
 * row with empty contact columns) — the shape CRM exports have, so the same importer reads it back. The
 * ids are included, so importing into an empty workspace reproduces the relations and contacts exactly
 * (every field the file carries: name, kind, sector, revenue, potential, tags, notes; contact name, title,
 * e-mail, phone, DMU role, attitude, strength and, when asked for, personal facts). Owners, account teams,
 * overrides and "known by" refer to other records and are left to the JSON backup.
 */
import type { Locale } from '../../../core/model/common.ts';
import type { Contact, Relation, WorkspaceDoc } from '../../../core/model/workspace.ts';
import { writeCsv } from './csv.ts';
import {
  ATTITUDE_VALUES,
  CONTACT_FIELDS,
  DMU_VALUES,
  EXPORT_HEADERS,
  KIND_VALUES,
  PERSONAL_FIELDS,
  RELATION_FIELDS,
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

export function exportCsv(data: Pick<WorkspaceDoc, 'relations' | 'contacts'>, opts: ExportOptions): string {
  const fields: Field[] = [
    ...RELATION_FIELDS,
    ...CONTACT_FIELDS,
    ...(opts.includePersonal ? PERSONAL_FIELDS : []),
  ];
  const num = (n: number | null) => (n === null ? '' : formatNumberCell(n, opts.format));
  const relationCells = (r: Relation): Record<string, string> => ({
    'relation.id': r.id,
    'relation.name': r.name,
    'relation.kind': KIND_VALUES[opts.locale][r.kind],
    'relation.sector': r.sector,
    'relation.revenue': num(r.revenue),
    'relation.potential': num(r.potential),
    'relation.tags': writeTags(r.tags),
    'relation.notes': r.notes,
  });
  const contactCells = (c: Contact): Record<string, string> => ({
    'contact.id': c.id,
    'contact.name': c.name,
    'contact.title': c.title,
    'contact.email': c.email ?? '',
    'contact.phone': c.phone ?? '',
    'contact.dmuRole': c.dmuRole ? DMU_VALUES[opts.locale][c.dmuRole] : '',
    'contact.attitude': c.attitude ? ATTITUDE_VALUES[opts.locale][c.attitude] : '',
    'contact.strength': String(c.strength),
    'contact.birthday': c.personal?.birthday ?? '',
    'contact.hobbies': c.personal?.hobbies ?? '',
    'contact.car': c.personal?.car ?? '',
    'contact.coffee': c.personal?.coffee ?? '',
  });
  const contactsOf = new Map<string, Contact[]>();
  for (const c of Object.values(data.contacts))
    contactsOf.set(c.relationId, [...(contactsOf.get(c.relationId) ?? []), c]);

  const rows: string[][] = [];
  for (const r of Object.values(data.relations).sort(byName(opts.locale))) {
    const rel = relationCells(r);
    const contacts = (contactsOf.get(r.id) ?? []).sort(byName(opts.locale));
    if (contacts.length === 0) rows.push(fields.map((f) => rel[f] ?? ''));
    for (const c of contacts) {
      const cells = { ...rel, ...contactCells(c) };
      rows.push(fields.map((f) => cells[f] ?? ''));
    }
  }
  const headers = fields.map((f) => EXPORT_HEADERS[opts.locale][f]);
  return writeCsv(headers, rows, opts.format === 'nl' ? ';' : ',');
}
