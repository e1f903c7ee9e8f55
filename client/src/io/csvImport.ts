/**
 * From parsed CSV rows and a column mapping to an import plan: every row validated (with its line number
 * and what is wrong), rows of the same relation grouped (one row per contact, as CRM exports do),
 * existing relations recognised, and — when nothing is wrong — the exact records for the `importRecords`
 * intent. Pure and deterministic (ids come from the `newId` parameter).
 *
 * Rules:
 *  - A row belongs to the relation with the same "Relation id" (when mapped and filled), else the same
 *    name (case and spacing ignored). A later row may leave relation fields empty; a filled value that
 *    differs from an earlier row of the same relation is an error (`conflict`) — except tags, which add
 *    up, and owners: the first row's owner owns the relation, a different owner on a later row joins its
 *    account team.
 *  - Several columns may fill one text field (COMBINABLE: first + last name); enumerated and owner
 *    columns are read value by value (importValues.ts); dates by the file's date order (dates.ts).
 *  - Without an owner column, the relation's owner is its first contact's owner ("Contact owner" of a CRM
 *    contact export) when it has none yet; other contact owners join the account team. A contact owner
 *    also "knows" the contact.
 *  - A last-activity date starts the relation's history: a contact moment of type `other` on that date
 *    (with the row's contact), unless the relation already has a contact moment that day (with that
 *    contact) — so importing the same export twice adds nothing.
 *  - A relation that already exists (same id, else same name) and that the file would change is a
 *    duplicate: the person chooses to skip it or update it (filled cells overwrite, empty cells keep what
 *    is there; its contacts are matched by id, else name). One the file would not change is `unchanged`:
 *    a second import of the same export is "no changes", not an update of every relation.
 *  - Empty cells of a new relation or contact get Haard's defaults.
 *  - Excluded lines are left out before anything else, as if they were not in the file.
 */
import type {
  Contact as ContactT,
  ContactLogEntry,
  ImportMemory,
  Professional,
  Relation as RelationT,
} from '../../../core/model/workspace.ts';
import type { Patch, RecordsImport } from '../../../doc/index.ts';
import { deepEqual } from '../../../doc/json.ts';
import { type CsvProblem, type ParsedCsv } from './csv.ts';
import { dateReading, type DateOrder, type DateReading } from './dates.ts';
import {
  COMBINABLE,
  DATE_FIELDS,
  FIELDS,
  NUMBER_FIELDS,
  isOwnerField,
  isValueField,
  namePartRank,
  type Field,
  type Target,
  type ValueField,
} from './fields.ts';
import { cellText, readRow, type RowIssue } from './importRow.ts';
import {
  mergeRow,
  planContacts,
  relationPatch,
  relationResult,
  type Group,
  type PlannedContact,
} from './importGroup.ts';
import { checkRecords, contactsByRelation, matchRelation, type ExistingData } from './importMatch.ts';
import { contactDefaults, relationDefaults } from '../../../doc/defaults.ts';
import {
  nextMemory,
  professionalName,
  valueColumns,
  type ValueChoices,
  type ValueColumn,
} from './importValues.ts';
import { detectNumberFormat, numberEvidence, type DetectedFormat, type NumberFormat } from './numbers.ts';

export type { RowIssue, RowIssueCode } from './importRow.ts';
export type { ExistingData } from './importMatch.ts';
export type DuplicateMode = 'skip' | 'update';

export interface ImportOptions {
  mapping: readonly Target[];
  numberFormat: NumberFormat | 'auto';
  /** Day-month or month-day for dates like 05-03-1980; `auto`: what the file shows (dates.ts). */
  dateOrder?: DateOrder | 'auto';
  /** How relations that already exist and would change are handled; null until the user chooses. */
  duplicates: DuplicateMode | null;
  /** Lines left out by the user. */
  excluded: ReadonlySet<number>;
  /** The person's choices of what values mean (importValues.ts). */
  values?: ValueChoices;
  newId: () => string;
  /** The note of the contact moments that start a history (in the workspace's language). */
  historyNote?: string;
}

export type MappingProblem = { code: 'noName' } | { code: 'mappedTwice'; field: Field };

export type { PlannedContact } from './importGroup.ts';
export type { DateReading } from './dates.ts';

export interface PlannedRelation {
  lines: number[];
  action: 'add' | 'update' | 'skip' | 'undecided' | 'unchanged';
  /** The relation as it will be after the import (as it is, for skipped ones). */
  result: RelationT;
  contacts: PlannedContact[];
  /** Contact moments that start its history. */
  history: ContactLogEntry[];
}

export interface ImportPlan {
  mappingProblems: MappingProblem[];
  issues: RowIssue[];
  /** Lines with at least one issue, ascending. */
  badLines: number[];
  /** The distinct values of enumerated and owner columns, with what they mean. */
  values: ValueColumn[];
  /** Values nobody has said the meaning of yet (the import waits for them). */
  openValues: number;
  relations: PlannedRelation[];
  /** Professionals the import adds to the team (owners nobody matched). */
  newProfessionals: Professional[];
  /** Relations of the file that already exist in the workspace and would change. */
  duplicates: number;
  detectedFormat: DetectedFormat;
  /** Some number reads differently as Dutch and English ("1.234"): the format decides it. */
  ambiguousNumbers: boolean;
  dates: DateReading | null;
  counts: {
    add: number;
    update: number;
    skip: number;
    unchanged: number;
    contactsAdd: number;
    contactsUpdate: number;
    history: number;
    professionals: number;
  };
  /** The intent's input; null while anything blocks the import. */
  records: RecordsImport | null;
}

const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

export function mappingProblems(mapping: readonly Target[]): MappingProblem[] {
  const problems: MappingProblem[] = [];
  if (!mapping.includes('relation.name')) problems.push({ code: 'noName' });
  for (const f of FIELDS)
    if (!COMBINABLE.has(f) && mapping.filter((m) => m === f).length > 1)
      problems.push({ code: 'mappedTwice', field: f });
  return problems;
}

/** The columns of each mapped field, in the order their cells combine (name parts: first, middle, last). */
export function fieldColumns(headers: readonly string[], mapping: readonly Target[]): Map<Field, number[]> {
  const out = new Map<Field, number[]>();
  mapping.forEach((t, i) => {
    if (t !== 'ignore') out.set(t, [...(out.get(t) ?? []), i]);
  });
  for (const f of ['relation.name', 'contact.name'] as const) {
    const cols = out.get(f);
    if (cols) cols.sort((a, b) => namePartRank(headers[a] ?? '') - namePartRank(headers[b] ?? '') || a - b);
  }
  return out;
}

export function planImport(csv: ParsedCsv, existing: ExistingData, opts: ImportOptions): ImportPlan {
  const issues: RowIssue[] = [];
  const problems = mappingProblems(opts.mapping);
  const rows = csv.rows.filter((r) => !opts.excluded.has(r.line));
  const lines = new Set(rows.map((r) => r.line));
  for (const p of csv.problems) if (p.code !== 'empty' && lines.has(p.line)) issues.push(problemIssue(p));
  const columns = fieldColumns(csv.headers, opts.mapping);
  const cellsOf = (fields: readonly Field[]) =>
    rows
      .flatMap((r) =>
        fields.flatMap((f) =>
          (columns.get(f) ?? []).map((c) => ({ line: r.line, text: cellText(r.cells[c] ?? '').trim() })),
        ),
      )
      .filter((c) => c.text !== '');

  const numberCells = cellsOf(NUMBER_FIELDS).map((c) => c.text);
  const detectedFormat = detectNumberFormat(numberCells);
  const ambiguousNumbers = numberCells.some((c) => /[.,]/.test(c) && numberEvidence(c) === null);
  const numbers: DetectedFormat = opts.numberFormat === 'auto' ? detectedFormat : opts.numberFormat;
  const dates = dateReading(
    cellsOf(DATE_FIELDS),
    opts.dateOrder ?? 'auto',
    numbers === 'conflict' ? null : numbers,
  );

  // Ids: every existing one is taken.
  const professionals = Object.values(existing.professionals ?? {});
  const takenIds = new Set(
    [existing.relations, existing.contacts, existing.professionals ?? {}, existing.contactLog ?? {}].flatMap(
      Object.keys,
    ),
  );
  const freshId = (wanted?: string) => {
    let id = wanted && !takenIds.has(wanted) ? wanted : opts.newId();
    while (takenIds.has(id)) id = opts.newId();
    takenIds.add(id);
    return id;
  };

  // Values of enumerated and owner columns; owners nobody matched become new professionals.
  const valueCols = new Map<ValueField, number>();
  for (const [f, cols] of columns) if (isValueField(f)) valueCols.set(f, cols[0]!);
  const values = valueColumns(valueCols, csv.headers, rows, (raw) => cellText(raw), {
    chosen: opts.values,
    memory: existing.memory,
    professionals,
  });
  const added = new Map<string, Professional>(); // owner key → new professional
  for (const col of values)
    for (const e of col.entries)
      if (isOwnerField(col.field) && e.choice === 'new' && !added.has(e.key))
        added.set(e.key, {
          id: freshId(),
          name: professionalName(e.text),
          email: e.text.includes('@') ? e.text.trim() : '',
          profile: 'relationshipManager',
          seniority: 'medior',
        });
  const meaningOf = new Map(values.map((c) => [c.field, new Map(c.entries.map((e) => [e.key, e.choice]))]));
  const meaning = (field: ValueField, key: string): string | null => {
    const m = meaningOf.get(field)?.get(key) ?? null;
    return m === 'new' ? (added.get(key)?.id ?? null) : m;
  };
  const reader = { columns, numbers, dates: dates?.used ?? 'dmy', meaning };

  // 1. Read every row; group rows without problems by relation.
  const groups = new Map<string, Group>();
  for (const r of rows) {
    const before = issues.length;
    const row = readRow(r.line, r.cells, reader, issues);
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
      group = { lines: [], relationId: row.relationId, values: {}, firstLine: {}, team: [], rows: [] };
      groups.set(key, group);
    }
    mergeRow(group, row, issues);
  }

  // 2. Match existing relations; build the results.
  const matcher = matchRelation(existing);
  const contactsOf = contactsByRelation(existing);
  const planned: PlannedRelation[] = [];
  const records: Required<RecordsImport> = {
    addRelations: [],
    updateRelations: [],
    addContacts: [],
    updateContacts: [],
    addProfessionals: [],
    addContactLog: [],
    importMemory: nextMemory(
      existing.memory,
      csv.headers,
      opts.mapping,
      values,
      new Map([...added].map(([k, p]) => [k, p.id])),
    ),
  };
  const logged = new Set(
    Object.values(existing.contactLog ?? {}).flatMap((e) => [
      `${e.relationId}|${e.date}|`,
      ...e.contactIds.map((c) => `${e.relationId}|${e.date}|${c}`),
    ]),
  );
  let duplicates = 0;
  for (const g of groups.values()) {
    const first = g.lines[0]!;
    const found = matcher(g.relationId, g.values.name, opts.duplicates === 'update');
    if (found.ambiguous)
      issues.push({
        line: first,
        field: 'relation.name',
        code: 'ambiguousMatch',
        value: g.values.name,
        other: found.ambiguous,
      });
    const match = found.relation;
    if (!match && !g.values.name) {
      issues.push({ line: first, field: 'relation.name', code: 'noName' });
      continue;
    }
    const id = match ? match.id : freshId(g.relationId);
    const result = relationResult(match, g, id, relationDefaults());
    const schemaIssue = checkRecords.relation(result);
    if (schemaIssue) {
      issues.push({ line: first, field: null, code: 'schema', detail: schemaIssue });
      continue;
    }
    const plan: PlannedRelation = { lines: g.lines, action: 'add', result, contacts: [], history: [] };
    const contactIssues = planContacts(
      plan,
      g,
      match ? (contactsOf.get(id) ?? []) : [],
      id,
      freshId,
      contactDefaults(),
      checkRecords.contact,
    );
    if (contactIssues.length) {
      issues.push(...contactIssues);
      continue;
    }
    for (const row of g.rows) {
      if (!row.lastActivity) continue;
      const contactId = plan.contacts.find((c) => c.line === row.line)?.result.id;
      const key = `${id}|${row.lastActivity}|${contactId ?? ''}`;
      if (logged.has(key)) continue;
      logged.add(key);
      logged.add(`${id}|${row.lastActivity}|`);
      const who = row.contactOwnerId ?? result.ownerId;
      plan.history.push({
        id: freshId(),
        relationId: id,
        date: row.lastActivity,
        type: 'other',
        professionalIds: who ? [who] : [],
        contactIds: contactId ? [contactId] : [],
        note: opts.historyNote ?? '',
        signals: {},
      });
    }
    const changes =
      !match ||
      !deepEqual(result, match) ||
      plan.history.length > 0 ||
      plan.contacts.some((c) => c.action !== 'unchanged');
    if (match && changes) duplicates++;
    plan.action = !match ? 'add' : !changes ? 'unchanged' : (opts.duplicates ?? 'undecided');
    if (plan.action === 'skip') plan.result = match!;
    planned.push(plan);
    if (plan.action === 'add') records.addRelations.push(result);
    if (plan.action === 'update' && !deepEqual(result, match))
      records.updateRelations.push({ id, patch: relationPatch(result, match!) });
    if (plan.action !== 'add' && plan.action !== 'update') continue;
    for (const c of plan.contacts) {
      if (c.action === 'add') records.addContacts.push(c.result);
      if (c.action === 'update') {
        const before = existing.contacts[c.result.id]!;
        records.updateContacts.push({
          id: c.result.id,
          patch: relationPatch(c.result, before) as Patch<ContactT>,
        });
      }
    }
    records.addContactLog.push(...plan.history);
  }
  // The professionals the written records refer to.
  const used = new Set(
    [...records.addRelations, ...records.updateRelations.map((u) => u.patch as RelationT)].flatMap((r) => [
      r.ownerId ?? '',
      ...(r.teamIds ?? []),
    ]),
  );
  for (const c of [...records.addContacts, ...records.updateContacts.map((u) => u.patch as ContactT)])
    for (const k of c.knownBy ?? []) used.add(k);
  for (const e of records.addContactLog) for (const p of e.professionalIds) used.add(p);
  records.addProfessionals = [...added.values()].filter((p) => used.has(p.id));

  issues.sort((a, b) => a.line - b.line);
  const badLines = [...new Set(issues.map((i) => i.line))];
  const openValues = values.reduce((n, c) => n + c.entries.filter((e) => e.choice === null).length, 0);
  const counts = {
    add: planned.filter((p) => p.action === 'add').length,
    update: planned.filter((p) => p.action === 'update').length,
    skip: planned.filter((p) => p.action === 'skip').length,
    unchanged: planned.filter((p) => p.action === 'unchanged').length,
    contactsAdd: records.addContacts.length,
    contactsUpdate: records.updateContacts.length,
    history: records.addContactLog.length,
    professionals: records.addProfessionals.length,
  };
  const blocked =
    problems.length > 0 ||
    issues.length > 0 ||
    openValues > 0 ||
    planned.some((p) => p.action === 'undecided') ||
    counts.add + counts.update === 0;
  return {
    mappingProblems: problems,
    issues,
    badLines,
    values,
    openValues,
    relations: planned,
    newProfessionals: records.addProfessionals,
    duplicates,
    detectedFormat,
    ambiguousNumbers,
    dates,
    counts,
    records: blocked ? null : records,
  };
}

function problemIssue(p: Exclude<CsvProblem, { code: 'empty' }>): RowIssue {
  return p.code === 'unclosedQuote'
    ? { line: p.line, field: null, code: 'unclosedQuote' }
    : { line: p.line, field: null, code: 'extraCells', value: String(p.found), other: p.expected };
}

/** One preview line per CSV row that will be imported (or skipped, or is unchanged), in file order. */
export interface PreviewRow {
  line: number;
  action: PlannedRelation['action'];
  /**
   * The first line of the same relation when this is a later one (a company named twice, or one row per
   * contact): the line adds nothing of its own but its contact and history — the import merges it into that
   * relation (a differing value is a `conflict`) — so it is not one more new or updated relation.
   */
  sameAs: number | null;
  relation: RelationT;
  contact: ContactT | null;
  /** The history start this row adds, `YYYY-MM-DD`. */
  history: string | null;
}

export function previewRows(plan: ImportPlan, limit: number): PreviewRow[] {
  const rows: PreviewRow[] = [];
  for (const p of plan.relations) {
    const byLine = new Map(p.contacts.map((c) => [c.line, c.result]));
    const contactsOf = new Map(p.contacts.map((c) => [c.result.id, c.line]));
    const historyOf = new Map<number, string>();
    for (const h of p.history) {
      const line = h.contactIds[0] !== undefined ? contactsOf.get(h.contactIds[0]) : p.lines[0];
      if (line !== undefined) historyOf.set(line, h.date);
    }
    const first = Math.min(...p.lines);
    for (const line of p.lines)
      rows.push({
        line,
        action: p.action,
        sameAs: line === first ? null : first,
        relation: p.result,
        contact: byLine.get(line) ?? null,
        history: historyOf.get(line) ?? null,
      });
  }
  return rows.sort((a, b) => a.line - b.line).slice(0, limit);
}

export type { ImportMemory };
