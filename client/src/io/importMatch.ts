/** What an import meets in the workspace: existing relations by id or name, their contacts, schema checks. */
import { parseWith, type SchemaIssue } from '../../../core/model/issues.ts';
import {
  Contact,
  Relation,
  type Contact as ContactT,
  type ContactLogEntry,
  type ImportMemory,
  type Professional,
  type Relation as RelationT,
} from '../../../core/model/workspace.ts';

/** The parts of the workspace an import reads. */
export interface ExistingData {
  relations: Record<string, RelationT>;
  contacts: Record<string, ContactT>;
  professionals?: Record<string, Professional>;
  contactLog?: Record<string, ContactLogEntry>;
  /** What earlier imports learned (settings.importMemory). */
  memory?: ImportMemory;
}

const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * The existing relation a group of rows is: the one with its relation id, else the one with its name (case
 * and spacing ignored). `ambiguous` counts the relations with that name when there are several and the
 * person asked to update (the first is taken; the import says so).
 */
export function matchRelation(existing: ExistingData) {
  const byName = new Map<string, RelationT[]>();
  for (const rel of Object.values(existing.relations)) {
    const k = norm(rel.name);
    byName.set(k, [...(byName.get(k) ?? []), rel]);
  }
  return (
    relationId: string | undefined,
    name: string | undefined,
    updating: boolean,
  ): { relation?: RelationT; ambiguous?: number } => {
    if (relationId && existing.relations[relationId]) return { relation: existing.relations[relationId] };
    if (!name) return {};
    const same = byName.get(norm(name)) ?? [];
    return { relation: same[0], ...(same.length > 1 && updating ? { ambiguous: same.length } : {}) };
  };
}

/** The contacts of each relation. */
export function contactsByRelation(existing: ExistingData): Map<string, ContactT[]> {
  const out = new Map<string, ContactT[]>();
  for (const c of Object.values(existing.contacts))
    out.set(c.relationId, [...(out.get(c.relationId) ?? []), c]);
  return out;
}

const first = (schema: typeof Relation | typeof Contact, value: unknown): SchemaIssue | null => {
  const parsed = parseWith(schema, value);
  return parsed.ok ? null : (parsed.issues[0] ?? null);
};
/** The first schema issue of a relation or contact the import would write; null when it is valid. */
export const checkRecords = {
  relation: (r: RelationT) => first(Relation, r),
  contact: (c: ContactT) => first(Contact, c),
};
