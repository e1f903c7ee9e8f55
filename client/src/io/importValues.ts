/**
 * Value by value: what each distinct cell of an enumerated column (a relation's kind, a DMU role, an
 * attitude) or an owner column (a professional) means. The person sees every distinct value with its
 * count and chooses once; the choice is remembered in the workspace (settings.importMemory) for the next
 * import. Pure.
 *
 * A value's meaning, first that applies: the person's choice in this import; the workspace's memory (when
 * still valid: a remembered professional must still be in the team); the automatic reading (the words
 * Haard knows in Dutch and English; for owners, the professional with that e-mail address or name). An
 * owner nobody matches is offered to be added to the team (`new`); an enumerated value nothing reads
 * stays open (null) until the person chooses — one question per value, not one error per row.
 */
import type { ImportMemory, Professional } from '../../../core/model/workspace.ts';
import {
  ATTITUDES,
  DMU_ROLES,
  RELATION_KINDS,
  type Attitude,
  type DmuRole,
  type RelationKind,
} from '../../../core/model/workspace.ts';
import {
  isOwnerField,
  normaliseHeader,
  readAttitude,
  readDmuRole,
  readKind,
  type ValueField,
} from './fields.ts';

/** A value's meaning: a code of the field's enumeration, `tag` (kind only), a professional's id, `new`, or `ignore`. */
export type ValueChoice = string;
/** The person's choices in this import: field → value key → choice. */
export type ValueChoices = Partial<Record<ValueField, Record<string, ValueChoice>>>;
export type ValueSource = 'chosen' | 'remembered' | 'automatic';

export interface ValueEntry {
  /** The value as compared: `valueKey(text)`. */
  key: string;
  /** Its first spelling in the file. */
  text: string;
  /** Rows with this value, and the first one's line. */
  count: number;
  line: number;
  /** What it means; null while nothing says (the import waits for a choice). */
  choice: ValueChoice | null;
  source: ValueSource | null;
}

export interface ValueColumn {
  field: ValueField;
  /** The column's index and header. */
  column: number;
  header: string;
  entries: ValueEntry[];
}

/** A value as compared: accents, case, spaces and punctuation do not count ("Klant", " klant ", "KLANT"). */
export const valueKey = (text: string): string => normaliseHeader(text).slice(0, 200);
/** An owner as compared: an e-mail address in lower case, else the name without accents, case or spacing. */
export const ownerKey = (text: string): string => {
  const t = text.trim();
  return (t.includes('@') ? t.toLowerCase() : normaliseHeader(t)).slice(0, 200);
};
export const keyFor = (field: ValueField, text: string): string =>
  isOwnerField(field) ? ownerKey(text) : valueKey(text);

/** The choices a field's values can have besides `ignore` (owners: professionals' ids and `new`). */
export function choicesOf(field: ValueField): readonly string[] {
  switch (field) {
    case 'relation.kind':
      return [...RELATION_KINDS, 'tag'];
    case 'contact.dmuRole':
      return DMU_ROLES;
    case 'contact.attitude':
      return ATTITUDES;
    default:
      return ['new'];
  }
}

/** The professionals an owner cell names: by e-mail address when it has one, else by name. */
export function matchProfessionals(text: string, professionals: readonly Professional[]): Professional[] {
  const key = ownerKey(text);
  if (key === '') return [];
  if (text.includes('@')) return professionals.filter((p) => p.email.trim().toLowerCase() === key);
  return professionals.filter((p) => normaliseHeader(p.name) === key);
}

function automatic(field: ValueField, text: string, team: readonly Professional[]): ValueChoice | null {
  switch (field) {
    case 'relation.kind':
      return readKind(text);
    case 'contact.dmuRole':
      return readDmuRole(text);
    case 'contact.attitude':
      return readAttitude(text);
    default: {
      const found = matchProfessionals(text, team);
      // Two professionals with the same name: the person says which.
      return found.length === 1 ? found[0]!.id : found.length === 0 ? 'new' : null;
    }
  }
}

const valid = (field: ValueField, choice: unknown, team: readonly Professional[]): choice is string =>
  typeof choice === 'string' &&
  (choice === 'ignore' ||
    choicesOf(field).includes(choice) ||
    (isOwnerField(field) && team.some((p) => p.id === choice)));

/**
 * The distinct values of each mapped value column over the given rows, with their meaning. `columns` maps
 * a value field to its column (value fields are never combined).
 */
export function valueColumns(
  columns: ReadonlyMap<ValueField, number>,
  headers: readonly string[],
  rows: readonly { line: number; cells: readonly string[] }[],
  cellText: (raw: string) => string,
  opts: { chosen?: ValueChoices; memory?: ImportMemory; professionals: readonly Professional[] },
): ValueColumn[] {
  const out: ValueColumn[] = [];
  for (const [field, column] of columns) {
    const byKey = new Map<string, ValueEntry>();
    for (const row of rows) {
      const text = cellText(row.cells[column] ?? '').trim();
      if (text === '') continue;
      const key = keyFor(field, text);
      const entry = byKey.get(key);
      if (entry) entry.count++;
      else byKey.set(key, { key, text, count: 1, line: row.line, choice: null, source: null });
    }
    for (const entry of byKey.values()) {
      const chosen = opts.chosen?.[field]?.[entry.key];
      const remembered = opts.memory?.values[field]?.[entry.key];
      if (valid(field, chosen, opts.professionals)) [entry.choice, entry.source] = [chosen, 'chosen'];
      else if (valid(field, remembered, opts.professionals))
        [entry.choice, entry.source] = [remembered, 'remembered'];
      else {
        entry.choice = automatic(field, entry.text, opts.professionals);
        entry.source = entry.choice === null ? null : 'automatic';
      }
    }
    out.push({ field, column, header: headers[column] ?? '', entries: [...byKey.values()] });
  }
  return out;
}

export type KindChoice = RelationKind | 'tag' | 'ignore';
export type RoleChoice = DmuRole | 'ignore';
export type AttitudeChoice = Attitude | 'ignore';

/** A name for a professional added from an owner cell: the name as written, or made from an e-mail address. */
export function professionalName(text: string): string {
  const t = text.trim();
  if (!t.includes('@')) return t.replace(/\s+/g, ' ');
  const local = t.split('@')[0] ?? t;
  const words = local.split(/[._-]+/).filter(Boolean);
  return words.length ? words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' ') : t;
}

/**
 * The workspace's import memory after this import: every column header with the field it was linked to
 * (also `ignore`), and every value whose meaning the person chose (or that was remembered), on top of what
 * was remembered before. Owners added by this import are remembered by their new id.
 */
export function nextMemory(
  previous: ImportMemory | undefined,
  headers: readonly string[],
  mapping: readonly string[],
  valueCols: readonly ValueColumn[],
  added: ReadonlyMap<string, string>,
): ImportMemory {
  const columns: Record<string, string> = { ...(previous?.columns ?? {}) };
  const seen = new Set<string>();
  headers.forEach((h, i) => {
    const key = normaliseHeader(h).slice(0, 200);
    if (key === '' || seen.has(key)) return;
    seen.add(key);
    columns[key] = mapping[i] ?? 'ignore';
  });
  const memoryValues: Record<string, Record<string, string>> = {};
  for (const [field, remembered] of Object.entries(previous?.values ?? {}))
    memoryValues[field] = { ...remembered };
  for (const col of valueCols) {
    for (const e of col.entries) {
      const choice = e.choice === 'new' ? added.get(e.key) : e.choice;
      if (
        !choice ||
        e.key === '' ||
        (e.source !== 'chosen' && e.source !== 'remembered' && e.choice !== 'new')
      )
        continue;
      (memoryValues[col.field] ??= {})[e.key] = choice;
    }
  }
  const values: Record<string, Record<string, string>> = {};
  for (const [field, map] of Object.entries(memoryValues)) values[field] = newest(map);
  return { columns: newest(columns), values };
}

/** The schema keeps a memory map to MEMORY_MAX entries: the oldest go first. */
export const MEMORY_MAX = 5000;
const newest = (map: Record<string, string>): Record<string, string> => {
  const entries = Object.entries(map);
  return entries.length <= MEMORY_MAX ? map : Object.fromEntries(entries.slice(-MEMORY_MAX));
};

/**
 * The mapping to start from: Haard's suggestion from the headers, with every header the workspace has
 * seen before linked as it was last time.
 */
export function rememberedMapping(
  headers: readonly string[],
  suggested: readonly string[],
  memory: ImportMemory | undefined,
  isTarget: (t: string) => boolean,
): string[] {
  return headers.map((h, i) => {
    const remembered = memory?.columns[normaliseHeader(h)];
    return remembered !== undefined && isTarget(remembered) ? remembered : (suggested[i] ?? 'ignore');
  });
}
