/**
 * How the history panels show a changed value and name a field: people and records by name, enums through the
 * catalogs the editors use, dates and money in the user's locale. Pure given its lookups.
 */
import {
  catalogs,
  formatDate,
  formatMoney,
  locale,
  localeTag,
  t,
  type MessageKey,
} from '../../i18n/index.ts';
import { todayIso } from '../../app/today.ts';

export interface ValueLookups {
  /** Professional id → name. */
  person(id: string): string | undefined;
  /** Relation id → name. */
  relation(id: string): string | undefined;
  /** Goal id → title (from either side of the comparison). */
  goal(id: string): string | undefined;
  /** Meeting board id → its title now (names a meeting's automatic version); absent: the stored name. */
  meeting?(id: string): string | undefined;
  currency: string;
}

const has = (key: string): key is MessageKey => key in catalogs[locale()];

/** Catalog prefixes of enum values by field. */
const ENUMS: Record<string, string> = {
  status: 'plans.status.',
  quadrant: 'plans.quadrant.',
  category: 'plans.goalCategory.',
  level: 'plans.benefitLevel.',
  pyramidLayer: 'pv.pyramid.',
  dmuRole: 'rel.dmu.',
  attitude: 'rel.attitude.',
  'strategy.quadrants': 'plans.quadrant.',
};
const PEOPLE = new Set(['ownerId', 'teamIds', 'knownBy']);
const RELATIONS = new Set(['relationIds', 'relationId']);
const MONEY = new Set(['cost', 'budget', 'revenue', 'potential']);
const DATES = new Set(['due', 'deadline']);

/**
 * A record's label as a person reads it: a KPI without a name of its own is labelled by its kind (core/history
 * uses the kind, e.g. `satisfaction`), which the KPI catalog names ("Satisfaction score" / "Tevredenheidscijfer").
 */
export function recordLabel(section: string, label: string): string {
  const key = `pv.kpi.kind.${label}`;
  return section === 'kpis' && has(key) ? t(key) : label;
}

/**
 * `fieldLabel` at the start of a line ("Key points: A → A, B"): its first letter upper case, in the reader's
 * language; the catalog keeps labels lower case for use inside a sentence.
 */
export function fieldHeading(field: string): string {
  const label = fieldLabel(field);
  return label.charAt(0).toLocaleUpperCase(locale()) + label.slice(1);
}

/** What a person calls `field` (a record field, a flattened `kpi.target`, a document path). */
export function fieldLabel(field: string): string {
  const key = `hist.f.${field}`;
  if (has(key)) return t(key);
  const last = field.split('.').at(-1)!;
  return has(`hist.f.${last}`) ? t(`hist.f.${last}` as MessageKey) : field;
}

/** `value` of `field` as a person reads it; '—' for nothing. */
export function formatValue(field: string, value: unknown, lookups: ValueLookups): string {
  if (value === undefined || value === null || value === '') return t('hist.none');
  const base = field.split('.').at(-1)!;
  if (Array.isArray(value)) {
    if (field === 'measurements') return `${value.length}`;
    // Empty entries (a key point not yet written) are left out: "A, B", not "A, B, —, —".
    const filled = value.filter((v) => v !== '' && v !== null && v !== undefined);
    return filled.length ? filled.map((v) => formatValue(field, v, lookups)).join(', ') : t('hist.none');
  }
  if (typeof value === 'boolean') return value ? t('hist.yes') : t('hist.no');
  if (typeof value === 'string') {
    const prefix = ENUMS[field] ?? ENUMS[base];
    if (prefix && has(`${prefix}${value}`)) return t(`${prefix}${value}` as MessageKey);
    if (PEOPLE.has(base)) return lookups.person(value) ?? value;
    if (RELATIONS.has(base)) return lookups.relation(value) ?? value;
    if (base === 'goalId') return lookups.goal(value) ?? value;
    if (DATES.has(base)) return formatDate(locale(), value);
    if (base === 'deletedAt') return formatWhen(value);
    return value;
  }
  if (typeof value === 'number') {
    if (MONEY.has(base)) return formatMoney(locale(), value, lookups.currency);
    return String(value);
  }
  return JSON.stringify(value);
}

/** An ISO date-time as "3 Sep 2026, 09:12" in the user's locale. */
export const formatWhen = (iso: string): string =>
  new Date(iso).toLocaleString(localeTag(locale()), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });

/** An ISO date-time's day as "3 Sep 2026". */
export const formatDay = (iso: string): string =>
  new Date(iso).toLocaleDateString(localeTag(locale()), { day: 'numeric', month: 'short', year: 'numeric' });

/**
 * The heading of a group of changes (core/history `groupChanges`): the day they were made, in both modes of
 * comparison — "Changed on 30 Nov 2026" — never "Since …", which read as the start of the comparison. A group's
 * `since` is the time of the newest version without its changes, and every day with edits gets a version
 * (doc/history/daily.ts), so its day is the day of the changes. Null: older than every version.
 */
export const groupHeading = (since: string | null): string =>
  since ? t('hist.group.day', { when: formatDay(since) }) : t('hist.group.unknown');

/** The local day (YYYY-MM-DD) of an ISO date-time: how changes are grouped. */
export const localDay = (iso: string): string => todayIso(new Date(iso));
