/**
 * The rows of one relation, merged (csvImport.ts states the rules): relation values from the rows, the
 * relation as it will be (owner and account team), what an update writes, and its contacts.
 */
import type { Contact as ContactT, Relation as RelationT } from '../../../core/model/workspace.ts';
import type { Patch } from '../../../doc/index.ts';
import { deepEqual } from '../../../doc/json.ts';
import type { Field } from './fields.ts';
import type { RowIssue, RowValues } from './importRow.ts';

/** A planned contact: added, updated or unchanged, with the contact as it will be. */
export interface PlannedContact {
  line: number;
  action: 'add' | 'update' | 'unchanged';
  result: ContactT;
}

const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

export interface Group {
  lines: number[];
  relationId?: string;
  values: Partial<RelationT>;
  /** The line that first gave each field. */
  firstLine: Partial<Record<keyof RelationT, number>>;
  /** Owners of later rows, and contact owners: they join the account team. */
  team: string[];
  rows: RowValues[];
}

/** Add one row to its relation's group: first values win, differing later ones are conflicts (see the rules). */
export function mergeRow(group: Group, row: RowValues, issues: RowIssue[]): void {
  group.lines.push(row.line);
  group.rows.push(row);
  const values: Partial<RelationT> = { ...row.relation };
  if (row.valueTags.length || row.relation.tags)
    values.tags = [
      ...new Set([...(group.values.tags ?? []), ...(row.relation.tags ?? []), ...row.valueTags]),
    ];
  if (row.ownerId) values.ownerId = row.ownerId;
  for (const [k, v] of Object.entries(values) as [keyof RelationT, unknown][]) {
    const first = group.firstLine[k];
    // Rows grouped by name have the same name up to case and spacing: the first spelling is kept.
    if (k === 'name' && !row.relationId && first !== undefined) continue;
    if (first === undefined || k === 'tags') {
      (group.values as Record<string, unknown>)[k] = v;
      group.firstLine[k] ??= row.line;
    } else if (k === 'ownerId') {
      if (v !== group.values.ownerId) group.team.push(v as string);
    } else if (!deepEqual(group.values[k], v)) {
      issues.push({
        line: row.line,
        field: `relation.${k}` as Field,
        code: 'conflict',
        value: Array.isArray(v) ? v.join(', ') : String(v),
        other: first,
      });
    }
  }
  if (row.contactOwnerId) group.team.push(row.contactOwnerId);
}

/** The relation after the import: the file's values over what is there; owner and team as the rules say. */
export function relationResult(
  match: RelationT | undefined,
  g: Group,
  id: string,
  defaults: Partial<RelationT>,
): RelationT {
  const base = (match ?? defaults) as RelationT;
  const result = { ...base, ...g.values, id } as RelationT;
  if (result.ownerId === null || result.ownerId === undefined) result.ownerId = g.team[0] ?? null;
  const team = [...(base.teamIds ?? []), ...g.team.filter((p) => p !== result.ownerId)];
  result.teamIds = [...new Set(team)].filter((p) => p !== result.ownerId);
  return result;
}

/** The fields of `after` that differ from `before` (what an update writes). */
export function relationPatch<T extends { id: string }>(after: T, before: T): Patch<T> {
  const patch: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(after))
    if (k !== 'id' && !deepEqual(v, (before as Record<string, unknown>)[k])) patch[k] = v;
  return patch as Patch<T>;
}

/** The contacts of one relation's rows: matched by id, else name, among `current`; added or updated. */
export function planContacts(
  plan: { contacts: PlannedContact[] },
  g: Group,
  current: readonly ContactT[],
  relationId: string,
  freshId: (wanted?: string) => string,
  defaults: Partial<ContactT>,
  check: (c: ContactT) => RowIssue['detail'] | null,
): RowIssue[] {
  const issues: RowIssue[] = [];
  const seen = new Map<string, number>();
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
    const before =
      current.find((c) => row.contactId !== undefined && c.id === row.contactId) ??
      current.find((c) => norm(c.name) === norm(row.contact.name!));
    const personal = Object.keys(row.personal).length
      ? { ...(before?.personal ?? {}), ...row.personal }
      : undefined;
    if (personal?.birthday) delete personal.birthdayAsEntered; // a real birthday replaces one kept aside
    const base = (before ?? defaults) as ContactT;
    const knownBy = row.contactOwnerId
      ? [...new Set([...(base.knownBy ?? []), row.contactOwnerId])]
      : undefined;
    const contact = {
      ...base,
      ...row.contact,
      ...(personal ? { personal } : {}),
      ...(knownBy ? { knownBy } : {}),
      id: before ? before.id : freshId(row.contactId),
      relationId,
    } as ContactT;
    const problem = check(contact);
    if (problem) {
      issues.push({ line: row.line, field: null, code: 'schema', detail: problem });
      continue;
    }
    const action = !before ? 'add' : deepEqual(contact, before) ? 'unchanged' : 'update';
    plan.contacts.push({ line: row.line, action, result: contact });
  }
  return issues;
}
