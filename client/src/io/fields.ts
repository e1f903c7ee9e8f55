/**
 * The Haard fields a CSV column can be mapped to, the header names that suggest them (Dutch and English,
 * as CRM exports name them), the headers Haard writes on export, and the enum values in both languages.
 * These are a file format, not UI text: the UI's labels for the fields live in the message catalog.
 */
import type { Locale } from '../../../core/model/common.ts';
import {
  ATTITUDES,
  DMU_ROLES,
  RELATION_KINDS,
  type Attitude,
  type DmuRole,
  type RelationKind,
} from '../../../core/model/workspace.ts';

export const RELATION_FIELDS = [
  'relation.id',
  'relation.name',
  'relation.kind',
  'relation.sector',
  'relation.revenue',
  'relation.potential',
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
] as const;
/** Personal facts: exported only when asked for (they are personal data). */
export const PERSONAL_FIELDS = [
  'contact.birthday',
  'contact.hobbies',
  'contact.car',
  'contact.coffee',
] as const;
export const FIELDS = [...RELATION_FIELDS, ...CONTACT_FIELDS, ...PERSONAL_FIELDS] as const;
export type Field = (typeof FIELDS)[number];
export type Target = Field | 'ignore';

/** A header as compared: lower case, accents and everything but letters and digits removed. */
export const normaliseHeader = (h: string): string =>
  h
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/**
 * Header names per field. `strong` names say it on their own; `weak` ones ("Naam", "Name") only apply when
 * no strong name claimed the field — so in "Bedrijf; Naam; Functie" the name is the contact's.
 * `prefix` fields also match headers that start with a name ("Omzet 2025 (EUR)").
 */
const SYNONYMS: Record<Field, { strong: string[]; weak?: string[]; prefix?: boolean }> = {
  'relation.id': { strong: ['haardid', 'relatieid', 'relationid', 'bedrijfsid', 'companyid'] },
  'relation.name': {
    strong: [
      'bedrijf',
      'bedrijfsnaam',
      'organisatie',
      'organisatienaam',
      'relatie',
      'relatienaam',
      'klant',
      'klantnaam',
      'company',
      'companyname',
      'organisation',
      'organization',
      'organisationname',
      'organizationname',
      'relation',
      'relationname',
      'account',
      'accountname',
      'client',
      'clientname',
      'customer',
      'customername',
    ],
    weak: ['naam', 'name'],
  },
  'relation.kind': {
    strong: ['soort', 'soortrelatie', 'relatiesoort', 'relatietype', 'type', 'kind', 'relationtype'],
  },
  'relation.sector': { strong: ['sector', 'branche', 'branch', 'industry', 'industrie', 'bedrijfstak'] },
  'relation.revenue': {
    strong: ['omzet', 'jaaromzet', 'revenue', 'turnover', 'annualrevenue', 'sales'],
    prefix: true,
  },
  'relation.potential': { strong: ['potentie', 'potentieel', 'potential'], prefix: true },
  'relation.tags': { strong: ['tags', 'tag', 'labels', 'label', 'trefwoorden', 'kenmerken'] },
  'relation.notes': {
    strong: ['notities', 'notitie', 'opmerkingen', 'opmerking', 'notes', 'note', 'memo', 'toelichting'],
  },
  'contact.id': { strong: ['contactid', 'contactpersoonid', 'personid', 'persoonid'] },
  'contact.name': {
    strong: [
      'contactpersoon',
      'contactpersoonnaam',
      'naamcontactpersoon',
      'contact',
      'contactnaam',
      'contactname',
      'contactperson',
      'persoon',
      'person',
      'fullname',
      'volledigenaam',
    ],
    weak: ['naam', 'name'],
  },
  'contact.title': { strong: ['functie', 'functietitel', 'title', 'jobtitle', 'position', 'rol', 'role'] },
  'contact.email': { strong: ['email', 'emailadres', 'emailaddress', 'mail', 'mailadres'], prefix: true },
  'contact.phone': {
    strong: ['telefoon', 'telefoonnummer', 'tel', 'phone', 'phonenumber', 'mobiel', 'mobile', 'telephone'],
    prefix: true,
  },
  'contact.dmuRole': { strong: ['dmurol', 'dmurole', 'bvtrol', 'rolindmu', 'dmu'] },
  'contact.attitude': { strong: ['houding', 'attitude'] },
  'contact.strength': {
    strong: ['relatiesterkte', 'sterkte', 'strength', 'relationshipstrength', 'sterkterelatie'],
  },
  'contact.birthday': { strong: ['verjaardag', 'geboortedatum', 'birthday', 'dateofbirth'] },
  'contact.hobbies': { strong: ['sporthobbys', 'hobbys', 'hobbies', 'sporthobbies', 'hobby', 'sport'] },
  'contact.car': { strong: ['auto', 'car'] },
  'contact.coffee': { strong: ['koffie', 'coffee'] },
};

/** Suggest a target per column: each field at most once; strong names first, then weak ones, left to right. */
export function suggestMapping(headers: readonly string[]): Target[] {
  const norm = headers.map(normaliseHeader);
  const out: Target[] = headers.map(() => 'ignore');
  const taken = new Set<Field>();
  const claim = (i: number, f: Field) => {
    out[i] = f;
    taken.add(f);
  };
  // Pass 1: exact strong names; pass 2: strong prefixes; pass 3: weak names, fields in FIELDS order.
  for (const [i, h] of norm.entries()) {
    const f = FIELDS.find((f) => !taken.has(f) && SYNONYMS[f].strong.includes(h));
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
    'contact.birthday': 'Verjaardag',
    'contact.hobbies': "Sport/hobby's",
    'contact.car': 'Auto',
    'contact.coffee': 'Koffie',
  },
  en: {
    'relation.id': 'Relation id',
    'relation.name': 'Relation',
    'relation.kind': 'Kind',
    'relation.sector': 'Sector',
    'relation.revenue': 'Revenue',
    'relation.potential': 'Potential',
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
    'contact.birthday': 'Birthday',
    'contact.hobbies': 'Sport/hobbies',
    'contact.car': 'Car',
    'contact.coffee': 'Coffee',
  },
};

/** Enum values as written on export, per locale; import accepts these, the codes and the extra aliases. */
export const KIND_VALUES: Record<Locale, Record<RelationKind, string>> = {
  nl: {
    client: 'opdrachtgever',
    prospect: 'prospect',
    supplier: 'leverancier',
    partner: 'partner',
    other: 'overig',
  },
  en: { client: 'client', prospect: 'prospect', supplier: 'supplier', partner: 'partner', other: 'other' },
};
const KIND_ALIASES: Record<string, RelationKind> = {
  klant: 'client',
  customer: 'client',
  debiteur: 'client',
  lead: 'prospect',
  vendor: 'supplier',
  crediteur: 'supplier',
  anders: 'other',
  overige: 'other',
};
export const DMU_VALUES: Record<Locale, Record<DmuRole, string>> = {
  nl: {
    decider: 'beslisser',
    influencer: 'beïnvloeder',
    buyer: 'inkoper',
    user: 'gebruiker',
    gatekeeper: 'poortwachter',
    champion: 'pleitbezorger',
  },
  en: {
    decider: 'decider',
    influencer: 'influencer',
    buyer: 'buyer',
    user: 'user',
    gatekeeper: 'gatekeeper',
    champion: 'champion',
  },
};
export const ATTITUDE_VALUES: Record<Locale, Record<Attitude, string>> = {
  nl: { supporter: 'voorstander', neutral: 'neutraal', critic: 'criticus' },
  en: { supporter: 'supporter', neutral: 'neutral', critic: 'critic' },
};

function lookup<T extends string>(
  codes: readonly T[],
  tables: Record<Locale, Record<T, string>>,
  aliases: Record<string, T>,
): (text: string) => T | null {
  const map = new Map<string, T>();
  for (const c of codes) {
    map.set(normaliseHeader(c), c);
    for (const l of ['nl', 'en'] as const) map.set(normaliseHeader(tables[l][c]), c);
  }
  for (const [k, v] of Object.entries(aliases)) map.set(normaliseHeader(k), v);
  return (text) => map.get(normaliseHeader(text)) ?? null;
}

export const readKind = lookup(RELATION_KINDS, KIND_VALUES, KIND_ALIASES);
export const readDmuRole = lookup(DMU_ROLES, DMU_VALUES, { beinvloeder: 'influencer', koper: 'buyer' });
export const readAttitude = lookup(ATTITUDES, ATTITUDE_VALUES, {
  positief: 'supporter',
  positive: 'supporter',
  negatief: 'critic',
  negative: 'critic',
  critical: 'critic',
  kritisch: 'critic',
});

/**
 * Tags in one cell. Haard writes them separated by "; " with "\;" and "\\" escaped. A cell with a ";" is
 * split on unescaped ";"; a cell without one is split on "," (how most CRMs write them). Tags are trimmed,
 * empty ones dropped.
 */
export function readTags(cell: string): string[] {
  if (cell.includes(';')) {
    const tags: string[] = [];
    let cur = '';
    for (let i = 0; i < cell.length; i++) {
      const ch = cell[i]!;
      if (ch === '\\' && i + 1 < cell.length) cur += cell[++i];
      else if (ch === ';') {
        tags.push(cur);
        cur = '';
      } else cur += ch;
    }
    tags.push(cur);
    return tags.map((t) => t.trim()).filter(Boolean);
  }
  return cell
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
}

export function writeTags(tags: readonly string[]): string {
  const cell = tags.map((t) => t.replace(/\\/g, '\\\\').replace(/;/g, '\\;')).join('; ');
  // One tag without ";" is read back split on "," and unescaped: end it with ";" when that would change it.
  const single = tags.length === 1 && !cell.includes(';');
  return single && (cell.includes(',') || cell !== tags[0]) ? `${cell};` : cell;
}
