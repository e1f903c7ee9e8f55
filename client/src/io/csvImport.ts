/**
 * From parsed CSV rows and a column mapping to an import plan: every row validated (with its line number
 * and what is wrong), rows of the same relation grouped (one row per contact, as CRM exports do),
 * duplicates of existing relations found, and — when nothing is wrong — the exact records for the
 * `importRecords` intent. Pure and deterministic (ids come from the `newId` parameter).
 *
 * Rules:
 *  - A row belongs to the relation with the same "Relation id" (when mapped and filled), else the same
 *    name (case and spacing ignored). A later row may leave relation fields empty; a filled value that
 *    differs from an earlier row of the same relation is an error (`conflict`).
 *  - A relation that already exists (same id, else same name) is a duplicate: the user chooses to skip it
 *    (its rows and contacts are left out) or update it (filled cells overwrite, empty cells keep what is
 *    there; its contacts are matched by id, else name, and updated or added).
 *  - Empty cells of a new relation or contact get Haard's defaults.
 *  - Excluded lines are left out before anything else, as if they were not in the file.
 */
import { contactDefaults, relationDefaults } from '../../../doc/defaults.ts';
import { parseWith, type SchemaIssue } from '../../../core/model/issues.ts';
import {
  Contact,
  Relation,
  type Contact as ContactT,
  type PersonalFacts,
  type Relation as RelationT,
} from '../../../core/model/workspace.ts';
import type { Patch, RecordsImport } from '../../../doc/index.ts';
import { deepEqual } from '../../../doc/json.ts';
import { unescapeCell, type CsvProblem, type ParsedCsv } from './csv.ts';
import { FIELDS, readAttitude, readDmuRole, readKind, readTags, type Field, type Target } from './fields.ts';
import { detectNumberFormat, parseNumber, type DetectedFormat, type NumberFormat } from './numbers.ts';

export type DuplicateMode = 'skip' | 'update';

export interface ImportOptions {
  mapping: readonly Target[];
  numberFormat: NumberFormat | 'auto';
  /** How relations that already exist are handled; null until the user chooses. */
  duplicates: DuplicateMode | null;
  /** Lines left out by the user. */
  excluded: ReadonlySet<number>;
  newId: () => string;
}

export interface ExistingData {
  relations: Record<string, RelationT>;
  contacts: Record<string, ContactT>;
}

export type RowIssueCode =
  | 'notANumber'
  | 'ambiguousNumber'
  | 'negative'
  | 'notAWholeNumber'
  | 'strengthRange'
  | 'unknownKind'
  | 'unknownDmuRole'
  | 'unknownAttitude'
  | 'badBirthday'
  | 'tooLong'
  | 'noName'
  | 'noContactName'
  | 'conflict'
  | 'duplicateContact'
  | 'ambiguousMatch'
  | 'unclosedQuote'
  | 'extraCells'
  | 'schema';

export interface RowIssue {
  line: number;
  field: Field | null;
  code: RowIssueCode;
  /** The cell as it is in the file. */
  value?: string;
  /** The earlier line it conflicts with; or the count of existing relations for `ambiguousMatch`. */
  other?: number;
  /** For `schema`: the issue from the model. */
  detail?: SchemaIssue;
}

export type MappingProblem = { code: 'noName' } | { code: 'mappedTwice'; field: Field };

export interface PlannedContact {
  line: number;
  action: 'add' | 'update';
  /** The contact as it will be after the import. */
  result: ContactT;
}

export interface PlannedRelation {
  lines: number[];
  action: 'add' | 'update' | 'skip' | 'undecided';
  /** The relation as it will be after the import (as it is, for skipped ones). */
  result: RelationT;
  contacts: PlannedContact[];
}

export interface ImportPlan {
  mappingProblems: MappingProblem[];
  issues: RowIssue[];
  /** Lines with at least one issue, ascending. */
  badLines: number[];
  relations: PlannedRelation[];
  /** Relations of the file that already exist in the workspace. */
  duplicates: number;
  detectedFormat: DetectedFormat;
  counts: { add: number; update: number; skip: number; contactsAdd: number; contactsUpdate: number };
  /** The intent's input; null while anything blocks the import. */
  records: RecordsImport | null;
}

const LABEL_MAX = 500;
const TEXT_MAX = 100_000;
const BIRTHDAY = /^(\d{4}-)?\d{2}-\d{2}$/;
const NUMBER_FIELDS: Field[] = ['relation.revenue', 'relation.potential', 'contact.strength'];

const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

interface RowValues {
  line: number;
  relationId?: string;
  relation: Partial<RelationT>;
  contactId?: string;
  contact: Partial<ContactT>;
  personal: PersonalFacts;
  /** Some contact field other than the name is filled. */
  contactData: boolean;
}

export function mappingProblems(mapping: readonly Target[]): MappingProblem[] {
  const problems: MappingProblem[] = [];
  if (!mapping.includes('relation.name')) problems.push({ code: 'noName' });
  for (const f of FIELDS)
    if (mapping.filter((m) => m === f).length > 1) problems.push({ code: 'mappedTwice', field: f });
  return problems;
}

/** Read one row's mapped cells into typed values; problems go to `issues`. */
function readRow(
  line: number,
  cells: readonly string[],
  mapping: readonly Target[],
  format: DetectedFormat,
  issues: RowIssue[],
): RowValues {
  const row: RowValues = { line, relation: {}, contact: {}, personal: {}, contactData: false };
  const bad = (field: Field, code: RowIssueCode, value: string) => issues.push({ line, field, code, value });
  mapping.forEach((target, col) => {
    if (target === 'ignore') return;
    const raw = unescapeCell(cells[col] ?? '');
    const text = target === 'relation.notes' ? raw : raw.trim();
    if (text.trim() === '') return;
    const max = target === 'relation.notes' ? TEXT_MAX : LABEL_MAX;
    if (text.length > max) return bad(target, 'tooLong', `${text.slice(0, 40)}…`);
    const num = (): number | null => {
      const n = parseNumber(text, format);
      if (!n.ok) {
        bad(target, n.reason === 'ambiguous' ? 'ambiguousNumber' : 'notANumber', text);
        return null;
      }
      if (n.value < 0) {
        bad(target, 'negative', text);
        return null;
      }
      return n.value;
    };
    if (target.startsWith('contact.') && target !== 'contact.name' && target !== 'contact.id')
      row.contactData = true;
    switch (target) {
      case 'relation.id':
        row.relationId = text;
        break;
      case 'relation.name':
        row.relation.name = text;
        break;
      case 'relation.kind': {
        const kind = readKind(text);
        if (kind) row.relation.kind = kind;
        else bad(target, 'unknownKind', text);
        break;
      }
      case 'relation.sector':
        row.relation.sector = text;
        break;
      case 'relation.revenue':
      case 'relation.potential': {
        const n = num();
        if (n !== null) row.relation[target === 'relation.revenue' ? 'revenue' : 'potential'] = n;
        break;
      }
      case 'relation.tags': {
        const tags = readTags(text);
        if (tags.some((t) => t.length > LABEL_MAX)) bad(target, 'tooLong', text.slice(0, 40));
        else row.relation.tags = tags;
        break;
      }
      case 'relation.notes':
        row.relation.notes = text;
        break;
      case 'contact.id':
        row.contactId = text;
        break;
      case 'contact.name':
        row.contact.name = text;
        break;
      case 'contact.title':
        row.contact.title = text;
        break;
      case 'contact.email':
        row.contact.email = text;
        break;
      case 'contact.phone':
        row.contact.phone = text;
        break;
      case 'contact.dmuRole': {
        const role = readDmuRole(text);
        if (role) row.contact.dmuRole = role;
        else bad(target, 'unknownDmuRole', text);
        break;
      }
      case 'contact.attitude': {
        const a = readAttitude(text);
        if (a) row.contact.attitude = a;
        else bad(target, 'unknownAttitude', text);
        break;
      }
      case 'contact.strength': {
        const n = num();
        if (n === null) break;
        if (!Number.isInteger(n)) bad(target, 'notAWholeNumber', text);
        else if (n > 5) bad(target, 'strengthRange', text);
        else row.contact.strength = n;
        break;
      }
      case 'contact.birthday':
        if (BIRTHDAY.test(text)) row.personal.birthday = text;
        else bad(target, 'badBirthday', text);
        break;
      case 'contact.hobbies':
        row.personal.hobbies = text;
        break;
      case 'contact.car':
        row.personal.car = text;
        break;
      case 'contact.coffee':
        row.personal.coffee = text;
        break;
    }
  });
  if (Object.keys(row.personal).length) row.contactData = true;
  return row;
}

interface Group {
  key: string;
  lines: number[];
  relationId?: string;
  values: Partial<RelationT>;
  /** The line that first gave each field. */
  firstLine: Partial<Record<keyof RelationT, number>>;
  rows: RowValues[];
}

export function planImport(csv: ParsedCsv, existing: ExistingData, opts: ImportOptions): ImportPlan {
  const issues: RowIssue[] = [];
  const problems = mappingProblems(opts.mapping);
  const rows = csv.rows.filter((r) => !opts.excluded.has(r.line));
  const lines = new Set(rows.map((r) => r.line));
  for (const p of csv.problems) if (p.code !== 'empty' && lines.has(p.line)) issues.push(problemIssue(p));

  const numberCols = opts.mapping.flatMap((m, i) => (NUMBER_FIELDS.includes(m as Field) ? [i] : []));
  const detectedFormat = detectNumberFormat(
    rows.flatMap((r) => numberCols.map((i) => unescapeCell(r.cells[i] ?? ''))),
  );
  const format: DetectedFormat = opts.numberFormat === 'auto' ? detectedFormat : opts.numberFormat;

  // 1. Read every row; group rows without problems by relation.
  const groups = new Map<string, Group>();
  for (const r of rows) {
    const before = issues.length;
    const row = readRow(r.line, r.cells, opts.mapping, format, issues);
    const name = row.relation.name;
    if (!name && !row.relationId) {
      issues.push({ line: r.line, field: 'relation.name', code: 'noName' });
      continue;
    }
    if (!row.contact.name && (row.contactData || row.contactId))
      issues.push({ line: r.line, field: 'contact.name', code: 'noContactName' });
    if (issues.length > before) continue;
    const key = row.relationId ? `id:${row.relationId}` : `name:${norm(name!)}`;
    let group = groups.get(key);
    if (!group) {
      group = { key, lines: [], relationId: row.relationId, values: {}, firstLine: {}, rows: [] };
      groups.set(key, group);
    }
    group.lines.push(r.line);
    group.rows.push(row);
    for (const [k, v] of Object.entries(row.relation) as [keyof RelationT, unknown][]) {
      const first = group.firstLine[k];
      // Rows grouped by name have the same name up to case and spacing: the first spelling is kept.
      if (k === 'name' && !row.relationId && first !== undefined) continue;
      if (first === undefined) {
        (group.values as Record<string, unknown>)[k] = v;
        group.firstLine[k] = r.line;
      } else if (!deepEqual(group.values[k], v)) {
        issues.push({
          line: r.line,
          field: `relation.${k}` as Field,
          code: 'conflict',
          value: Array.isArray(v) ? v.join(', ') : String(v),
          other: first,
        });
      }
    }
  }

  // 2. Match existing relations; build the results.
  const byName = new Map<string, RelationT[]>();
  for (const rel of Object.values(existing.relations)) {
    const k = norm(rel.name);
    byName.set(k, [...(byName.get(k) ?? []), rel]);
  }
  const contactsOf = new Map<string, ContactT[]>();
  for (const c of Object.values(existing.contacts))
    contactsOf.set(c.relationId, [...(contactsOf.get(c.relationId) ?? []), c]);
  const takenIds = new Set([...Object.keys(existing.relations), ...Object.keys(existing.contacts)]);
  const freshId = (wanted?: string) => {
    let id = wanted && !takenIds.has(wanted) ? wanted : opts.newId();
    while (takenIds.has(id)) id = opts.newId();
    takenIds.add(id);
    return id;
  };

  const planned: PlannedRelation[] = [];
  const records: RecordsImport = {
    addRelations: [],
    updateRelations: [],
    addContacts: [],
    updateContacts: [],
  };
  let duplicates = 0;
  for (const g of groups.values()) {
    const first = g.lines[0]!;
    let match: RelationT | undefined;
    if (g.relationId && existing.relations[g.relationId]) match = existing.relations[g.relationId];
    else if (g.values.name) {
      const same = byName.get(norm(g.values.name)) ?? [];
      if (same.length > 1 && opts.duplicates === 'update')
        issues.push({
          line: first,
          field: 'relation.name',
          code: 'ambiguousMatch',
          value: g.values.name,
          other: same.length,
        });
      match = same[0];
    }
    if (!match && !g.values.name) {
      issues.push({ line: first, field: 'relation.name', code: 'noName' });
      continue;
    }
    if (match) duplicates++;
    const action: PlannedRelation['action'] = match ? (opts.duplicates ?? 'undecided') : 'add';
    const id = match ? match.id : freshId(g.relationId);
    const result = { ...(match ?? relationDefaults()), ...g.values, id } as RelationT;
    const schemaIssue = firstSchemaIssue(Relation, result);
    if (action !== 'skip' && schemaIssue) {
      issues.push({ line: first, field: null, code: 'schema', detail: schemaIssue });
      continue;
    }
    const plan: PlannedRelation = {
      lines: g.lines,
      action,
      result: match && action === 'skip' ? match : result,
      contacts: [],
    };
    planned.push(plan);
    if (action === 'add') records.addRelations.push(result);
    if (action === 'update' && !deepEqual(result, match))
      records.updateRelations.push({ id, patch: g.values as Patch<RelationT> });
    if (action === 'skip') continue;

    // Contacts of this relation.
    const seen = new Map<string, number>();
    const current = action === 'update' ? (contactsOf.get(id) ?? []) : [];
    for (const row of g.rows) {
      if (!row.contact.name) continue;
      const key = row.contactId ? `id:${row.contactId}` : `name:${norm(row.contact.name)}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        issues.push({
          line: row.line,
          field: 'contact.name',
          code: 'duplicateContact',
          value: row.contact.name,
          other: earlier,
        });
        continue;
      }
      seen.set(key, row.line);
      const existingContact =
        current.find((c) => row.contactId !== undefined && c.id === row.contactId) ??
        current.find((c) => norm(c.name) === norm(row.contact.name!));
      const personal = Object.keys(row.personal).length
        ? { ...(existingContact?.personal ?? {}), ...row.personal }
        : undefined;
      const values: Partial<ContactT> = { ...row.contact, ...(personal ? { personal } : {}) };
      const cid = existingContact ? existingContact.id : freshId(row.contactId);
      const contact = {
        ...(existingContact ?? contactDefaults()),
        ...values,
        id: cid,
        relationId: id,
      } as ContactT;
      const contactIssue = firstSchemaIssue(Contact, contact);
      if (contactIssue) {
        issues.push({ line: row.line, field: null, code: 'schema', detail: contactIssue });
        continue;
      }
      plan.contacts.push({ line: row.line, action: existingContact ? 'update' : 'add', result: contact });
      if (!existingContact) records.addContacts.push(contact);
      else if (!deepEqual(contact, existingContact))
        records.updateContacts.push({ id: cid, patch: values as Patch<ContactT> });
    }
  }

  issues.sort((a, b) => a.line - b.line);
  const badLines = [...new Set(issues.map((i) => i.line))];
  const counts = {
    add: planned.filter((p) => p.action === 'add').length,
    update: planned.filter((p) => p.action === 'update').length,
    skip: planned.filter((p) => p.action === 'skip').length,
    contactsAdd: records.addContacts.length,
    contactsUpdate: planned.flatMap((p) => p.contacts).filter((c) => c.action === 'update').length,
  };
  const blocked =
    problems.length > 0 ||
    issues.length > 0 ||
    planned.some((p) => p.action === 'undecided') ||
    counts.add + counts.update === 0;
  return {
    mappingProblems: problems,
    issues,
    badLines,
    relations: planned,
    duplicates,
    detectedFormat,
    counts,
    records: blocked ? null : records,
  };
}

function problemIssue(p: Exclude<CsvProblem, { code: 'empty' }>): RowIssue {
  return p.code === 'unclosedQuote'
    ? { line: p.line, field: null, code: 'unclosedQuote' }
    : { line: p.line, field: null, code: 'extraCells', value: String(p.found), other: p.expected };
}

function firstSchemaIssue(schema: typeof Relation | typeof Contact, value: unknown): SchemaIssue | null {
  const parsed = parseWith(schema, value);
  return parsed.ok ? null : (parsed.issues[0] ?? null);
}

/** One preview line per CSV row that will be imported (or skipped), in file order. */
export interface PreviewRow {
  line: number;
  action: PlannedRelation['action'];
  relation: RelationT;
  contact: ContactT | null;
}

export function previewRows(plan: ImportPlan, limit: number): PreviewRow[] {
  const rows: PreviewRow[] = [];
  for (const p of plan.relations) {
    const byLine = new Map(p.contacts.map((c) => [c.line, c.result]));
    for (const line of p.lines)
      rows.push({ line, action: p.action, relation: p.result, contact: byLine.get(line) ?? null });
  }
  return rows.sort((a, b) => a.line - b.line).slice(0, limit);
}
