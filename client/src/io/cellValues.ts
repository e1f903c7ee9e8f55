/**
 * Enumerated values (a relation's kind, a DMU role, an attitude) as CSV files write them — Haard's own
 * export words in both languages, the codes, and common aliases — and tags in one cell. A file format,
 * not UI text.
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
import { normaliseHeader } from './normalise.ts';

/**
 * Enum values as written on export, per locale: the UI's own label for the value (the catalogs' `kind.*`,
 * `rel.dmu.*`, `rel.attitude.*`) in lower case, so a file says what the screen says — a unit test holds them
 * equal. Import accepts these, the UI labels (case and accents aside), the codes and the extra aliases.
 */
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
  opdrachtgeverklant: 'client',
  opportunity: 'prospect',
  kans: 'prospect',
  salesqualifiedlead: 'prospect',
  marketingqualifiedlead: 'prospect',
  reseller: 'partner',
  debiteur: 'client',
  lead: 'prospect',
  vendor: 'supplier',
  crediteur: 'supplier',
  anders: 'other',
  overige: 'other',
};
export const DMU_VALUES: Record<Locale, Record<DmuRole, string>> = {
  nl: {
    decider: 'besluitvormer',
    influencer: 'beïnvloeder',
    buyer: 'inkoper',
    user: 'gebruiker',
    gatekeeper: 'poortwachter',
    champion: 'ambassadeur',
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
export const readDmuRole = lookup(DMU_ROLES, DMU_VALUES, {
  koper: 'buyer',
  // Haard's export words before they followed the UI's labels: files already written still import.
  beslisser: 'decider',
  pleitbezorger: 'champion',
  // Common Dutch and English names of the roles.
  decisionmaker: 'decider',
  beslissingsnemer: 'decider',
  inkoop: 'buyer',
  purchaser: 'buyer',
  eindgebruiker: 'user',
  enduser: 'user',
});
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
