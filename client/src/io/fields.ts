/**
 * The Haard fields a CSV column can be mapped to, which of them a file's headers suggest (the names, Dutch and
 * English as CRM exports write them, are in headerNames.ts), the headers Haard writes on export; enumerated values are in cellValues.ts.
 * These are a file format, not UI text: the UI's labels for the fields live in the message catalog.
 */
import type { Locale } from '../../../core/model/common.ts';
import { HEADER_NAMES as SYNONYMS, NAME_PARTS } from './headerNames.ts';
import { normaliseHeader } from './normalise.ts';

export const RELATION_FIELDS = [
  'relation.id',
  'relation.name',
  'relation.kind',
  'relation.sector',
  'relation.revenue',
  'relation.potential',
  'relation.owner',
  'relation.tags',
  'relation.notes',
] as const;
export const CONTACT_FIELDS = [
  'contact.id',
  'contact.name',
  'contact.title',
  'contact.email',
  'contact.phone',
  'contact.dmuRole',
  'contact.attitude',
  'contact.strength',
  'contact.owner',
] as const;
/** Personal facts: exported only when asked for (they are personal data). */
export const PERSONAL_FIELDS = [
  'contact.birthday',
  'contact.hobbies',
  'contact.car',
  'contact.coffee',
] as const;
/**
 * Where the relation's history starts: the last activity a CRM recorded, logged as a contact moment of
 * type `other` (with the row's contact, when there is one).
 */
export const HISTORY_FIELDS = ['log.lastActivity'] as const;
export const FIELDS = [...RELATION_FIELDS, ...CONTACT_FIELDS, ...PERSONAL_FIELDS, ...HISTORY_FIELDS] as const;
export type Field = (typeof FIELDS)[number];
export type Target = Field | 'ignore';

/** The fields Haard's CSV export writes (personal facts only when asked for): what `exportCsv` round-trips. */
export const EXPORTED_FIELDS = [
  ...RELATION_FIELDS,
  ...CONTACT_FIELDS.filter((f) => f !== 'contact.owner'),
] as const satisfies readonly Field[];

/**
 * Text fields that several columns may be linked to at once: their cells are joined, in column order
 * (name parts: first, middle, last), with a space — notes with a line break, tags as one list.
 * "First Name" + "Last Name" → the contact's name.
 */
export const COMBINABLE: ReadonlySet<Field> = new Set<Field>([
  'relation.name',
  'relation.sector',
  'relation.tags',
  'relation.notes',
  'contact.name',
  'contact.title',
  'contact.hobbies',
  'contact.car',
  'contact.coffee',
]);

/** Fields whose cells are looked up, value by value: an enumeration, or a professional of the team. */
export const VALUE_FIELDS = [
  'relation.kind',
  'contact.dmuRole',
  'contact.attitude',
  'relation.owner',
  'contact.owner',
] as const satisfies readonly Field[];
export type ValueField = (typeof VALUE_FIELDS)[number];
export const isValueField = (f: Target): f is ValueField => (VALUE_FIELDS as readonly string[]).includes(f);
export const OWNER_FIELDS = ['relation.owner', 'contact.owner'] as const satisfies readonly ValueField[];
export const isOwnerField = (f: Target): f is (typeof OWNER_FIELDS)[number] =>
  f === 'relation.owner' || f === 'contact.owner';
export const NUMBER_FIELDS = [
  'relation.revenue',
  'relation.potential',
  'contact.strength',
] as const satisfies readonly Field[];
export const DATE_FIELDS = ['contact.birthday', 'log.lastActivity'] as const satisfies readonly Field[];

/**
 * Where a column's cell goes within a combined name: 0 first names, 1 infixes ("van der"), 2 last names,
 * 1 anything else — so "Achternaam; Voornaam" still gives "Jan Jansen".
 */
export function namePartRank(header: string): number {
  const h = normaliseHeader(header);
  if (['firstname', 'voornaam', 'voornamen', 'givenname', 'roepnaam', 'voorletters', 'initials'].includes(h))
    return 0;
  if (['tussenvoegsel', 'tussenvoegsels', 'middlename', 'infix', 'prefix'].includes(h)) return 1;
  if (['lastname', 'achternaam', 'surname', 'familyname', 'familienaam'].includes(h)) return 2;
  return 1;
}

/** Suggest a target per column: each field at most once; strong names first, then weak ones, left to right. */
export function suggestMapping(headers: readonly string[]): Target[] {
  const norm = headers.map(normaliseHeader);
  const out: Target[] = headers.map(() => 'ignore');
  const taken = new Set<Field>();
  const claim = (i: number, f: Field) => {
    out[i] = f;
    taken.add(f);
  };
  // Pass 1: exact strong names (a name part may join a field already taken: first + last name);
  // pass 2: strong prefixes; pass 3: weak names, fields in FIELDS order.
  for (const [i, h] of norm.entries()) {
    const f = FIELDS.find(
      (f) => (!taken.has(f) || (NAME_PARTS.has(h) && f === 'contact.name')) && SYNONYMS[f].strong.includes(h),
    );
    if (f) claim(i, f);
  }
  for (const [i, h] of norm.entries()) {
    if (out[i] !== 'ignore' || h === '') continue;
    const f = FIELDS.find(
      (f) => !taken.has(f) && SYNONYMS[f].prefix && SYNONYMS[f].strong.some((s) => h.startsWith(s)),
    );
    if (f) claim(i, f);
  }
  for (const f of FIELDS) {
    if (taken.has(f)) continue;
    const i = norm.findIndex((h, i) => out[i] === 'ignore' && (SYNONYMS[f].weak ?? []).includes(h));
    if (i >= 0) claim(i, f);
  }
  return out;
}

/** The headers Haard writes (and `suggestMapping` maps back exactly). */
export const EXPORT_HEADERS: Record<Locale, Record<Field, string>> = {
  nl: {
    'relation.id': 'Relatie-id',
    'relation.name': 'Relatie',
    'relation.kind': 'Soort',
    'relation.sector': 'Sector',
    'relation.revenue': 'Omzet',
    'relation.potential': 'Potentie',
    'relation.owner': 'Eigenaar',
    'relation.tags': 'Tags',
    'relation.notes': 'Notities',
    'contact.id': 'Contact-id',
    'contact.name': 'Contactpersoon',
    'contact.title': 'Functie',
    'contact.email': 'E-mail',
    'contact.phone': 'Telefoon',
    'contact.dmuRole': 'DMU-rol',
    'contact.attitude': 'Houding',
    'contact.strength': 'Relatiesterkte',
    'contact.owner': 'Eigenaar contactpersoon',
    'contact.birthday': 'Verjaardag',
    'contact.hobbies': "Sport/hobby's",
    'contact.car': 'Auto',
    'contact.coffee': 'Koffie',
    'log.lastActivity': 'Laatste activiteit',
  },
  en: {
    'relation.id': 'Relation id',
    'relation.name': 'Relation',
    'relation.kind': 'Kind',
    'relation.sector': 'Sector',
    'relation.revenue': 'Revenue',
    'relation.potential': 'Potential',
    'relation.owner': 'Owner',
    'relation.tags': 'Tags',
    'relation.notes': 'Notes',
    'contact.id': 'Contact id',
    'contact.name': 'Contact',
    'contact.title': 'Title',
    'contact.email': 'E-mail',
    'contact.phone': 'Phone',
    'contact.dmuRole': 'DMU role',
    'contact.attitude': 'Attitude',
    'contact.strength': 'Strength',
    'contact.owner': 'Contact owner',
    'contact.birthday': 'Birthday',
    'contact.hobbies': 'Sport/hobbies',
    'contact.car': 'Car',
    'contact.coffee': 'Coffee',
    'log.lastActivity': 'Last activity',
  },
};

export { normaliseHeader };
export * from './cellValues.ts';
