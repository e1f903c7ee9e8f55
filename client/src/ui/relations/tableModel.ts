/**
 * The relations table as plain data: one row per relation (class, owner, fire joined in), search,
 * filters and sorting. Pure and DOM-free so it is unit-tested in Node and stays fast for thousands of
 * relations: rows are built once per data change, a search term is matched against a prepared,
 * lower-cased, accent-free haystack, and sorting compares prepared keys.
 */
import { fireReport, type Fire } from '../../../../core/fire.ts';
import {
  RELATION_KINDS,
  type AbcClass,
  type CadenceSettings,
  type ContactLogEntry,
  type Professional,
  type Relation,
  type RelationKind,
} from '../../../../core/model/index.ts';

/** What the table needs of a classification result (core/abc `ClassifiedRelation` fits). */
export interface ClassInfo {
  id: string;
  computedClass: AbcClass | null;
  class: AbcClass | null;
  missing: readonly string[];
}

export interface RelationRow {
  id: string;
  name: string;
  kind: RelationKind;
  sector: string;
  tags: readonly string[];
  revenue: number | null;
  /** Effective class (override, else computed); null without one. */
  cls: AbcClass | null;
  computedClass: AbcClass | null;
  overridden: boolean;
  /** Of a classified kind, not overridden, with criteria still unscored. */
  incomplete: boolean;
  ownerId: string | null;
  /** The owner's name; '' without an owner (or when the owner left the team). */
  ownerName: string;
  lastContact: string | null;
  daysSince: number | null;
  /** null when the relation has no class (no cadence target). */
  fire: Fire | null;
  /** Normalised text searched by the query: name, sector, tags, notes. */
  haystack: string;
}

export interface RowsInput {
  relations: Readonly<Record<string, Relation>> | readonly Relation[];
  professionals: Readonly<Record<string, Pick<Professional, 'id' | 'name'>>>;
  classes: readonly ClassInfo[];
  classifiedKinds: readonly RelationKind[];
  log: Readonly<Record<string, ContactLogEntry>> | readonly ContactLogEntry[];
  cadence: CadenceSettings;
  today: string;
}

/** Lower case without diacritics, so "cafe" finds "Café" and "hogeschool" finds "Hogeschool". */
export const normalise = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

export function buildRows(input: RowsInput): RelationRow[] {
  const relations = Array.isArray(input.relations)
    ? (input.relations as readonly Relation[])
    : Object.values(input.relations as Record<string, Relation>);
  const classById = new Map(input.classes.map((c) => [c.id, c]));
  const classes: Record<string, AbcClass | null> = {};
  for (const c of input.classes) classes[c.id] = c.class;
  const fireById = new Map(
    fireReport({ relations, classes, log: input.log, cadence: input.cadence, today: input.today }).map(
      (f) => [f.relationId, f],
    ),
  );
  const classified = new Set(input.classifiedKinds);
  return relations.map((r): RelationRow => {
    const c = classById.get(r.id);
    const f = fireById.get(r.id);
    const overridden = r.override != null;
    return {
      id: r.id,
      name: r.name,
      kind: r.kind,
      sector: r.sector,
      tags: r.tags,
      revenue: r.revenue,
      cls: c?.class ?? null,
      computedClass: c?.computedClass ?? null,
      overridden,
      incomplete: classified.has(r.kind) && !overridden && (c?.missing.length ?? 0) > 0,
      ownerId: r.ownerId,
      ownerName: (r.ownerId && input.professionals[r.ownerId]?.name) || '',
      lastContact: f?.lastContact ?? null,
      daysSince: f?.daysSince ?? null,
      fire: f?.fire ?? null,
      haystack: normalise([r.name, r.sector, ...r.tags, r.notes].join('\n')),
    };
  });
}

/** Filter values; '' means "any". */
export interface Filters {
  query: string;
  kind: RelationKind | '';
  /** A class, `incomplete`, or `none` (no class: not classified and not incomplete). */
  cls: AbcClass | 'incomplete' | 'none' | '';
  /** A professional id, or `none` for relations without an owner. */
  owner: string | '';
  tag: string;
}

export const NO_FILTERS: Filters = { query: '', kind: '', cls: '', owner: '', tag: '' };

export const activeFilterCount = (f: Filters): number =>
  [f.query.trim(), f.kind, f.cls, f.owner, f.tag].filter((v) => v !== '').length;

export function filterRows(rows: readonly RelationRow[], f: Filters): RelationRow[] {
  const terms = normalise(f.query).split(/\s+/).filter(Boolean);
  const tag = normalise(f.tag);
  return rows.filter((r) => {
    if (f.kind && r.kind !== f.kind) return false;
    if (f.cls) {
      if (f.cls === 'incomplete') {
        if (!r.incomplete) return false;
      } else if (f.cls === 'none') {
        if (r.cls !== null || r.incomplete) return false;
      } else if (r.cls !== f.cls) return false;
    }
    if (f.owner) {
      if (f.owner === 'none' ? r.ownerName !== '' : r.ownerId !== f.owner) return false;
    }
    if (tag && !r.tags.some((t) => normalise(t) === tag)) return false;
    for (const term of terms) if (!r.haystack.includes(term)) return false;
    return true;
  });
}

export const SORT_KEYS = ['name', 'kind', 'class', 'revenue', 'owner', 'contact'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDir = 'asc' | 'desc';
export interface Sort {
  key: SortKey;
  dir: SortDir;
}

/** The direction a column starts in when first clicked: the most useful end first. */
export const DEFAULT_DIR: Record<SortKey, SortDir> = {
  name: 'asc',
  kind: 'asc',
  class: 'asc',
  revenue: 'desc',
  owner: 'asc',
  contact: 'desc',
};

const KIND_RANK = Object.fromEntries(RELATION_KINDS.map((k, i) => [k, i])) as Record<RelationKind, number>;
const CLASS_RANK: Record<AbcClass, number> = { A: 0, B: 1, C: 2 };

/**
 * Sorted copy. Missing values (no class, no revenue, no owner) always go last, in both directions.
 * "contact" sorts by days since the last contact; never contacted counts as the longest ago.
 * Ties fall back to name, then id, so the order is stable and independent of input order.
 */
export function sortRows(rows: readonly RelationRow[], sort: Sort, collator: Intl.Collator): RelationRow[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  const byName = (a: RelationRow, b: RelationRow) =>
    collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  type Key = number | string | null;
  const keyOf = (r: RelationRow): Key => {
    switch (sort.key) {
      case 'name':
        return r.name;
      case 'kind':
        return KIND_RANK[r.kind] ?? RELATION_KINDS.length;
      case 'class':
        return r.cls === null ? null : CLASS_RANK[r.cls];
      case 'revenue':
        return r.revenue;
      case 'owner':
        return r.ownerName === '' ? null : r.ownerName;
      case 'contact':
        return r.daysSince ?? Number.POSITIVE_INFINITY;
    }
  };
  const keyed = rows.map((r) => ({ r, k: keyOf(r) }));
  keyed.sort((a, b) => {
    if (a.k === null || b.k === null) {
      if (a.k !== b.k) return a.k === null ? 1 : -1;
      return byName(a.r, b.r);
    }
    const c =
      typeof a.k === 'string' && typeof b.k === 'string'
        ? collator.compare(a.k, b.k)
        : a.k === b.k
          ? 0
          : a.k < b.k
            ? -1
            : 1;
    return c * sign || byName(a.r, b.r);
  });
  return keyed.map((x) => x.r);
}

/** The next sort when a column header is activated: same column flips, another column starts fresh. */
export const nextSort = (current: Sort, key: SortKey): Sort =>
  current.key === key ? { key, dir: current.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: DEFAULT_DIR[key] };

/** Every tag in use, each once (first spelling wins, case-insensitively), in collation order. */
export function distinctTags(rows: readonly RelationRow[], collator: Intl.Collator): string[] {
  const seen = new Map<string, string>();
  for (const r of rows)
    for (const t of r.tags) {
      const k = normalise(t.trim());
      if (k && !seen.has(k)) seen.set(k, t.trim());
    }
  return [...seen.values()].sort(collator.compare);
}

/** Tags typed as "a, b;c" → ["a", "b", "c"], trimmed, without empty or (case-insensitively) repeated ones. */
export function parseTags(text: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const part of text.split(/[,;\n]/)) {
    const t = part.trim();
    const k = normalise(t);
    if (t && !seen.has(k)) {
      seen.add(k);
      out.push(t);
    }
  }
  return out;
}
