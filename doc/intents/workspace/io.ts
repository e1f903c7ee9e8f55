/** Bulk writes: a CSV import and restoring a backup, each one transaction (one undo step). */
import * as Y from 'yjs';
import type { SchemaIssue } from '../../../core/model/issues.ts';
import {
  ImportMemory,
  WorkspaceDoc,
  type Contact as ContactT,
  type ContactLogEntry as ContactLogEntryT,
  type ImportMemory as ImportMemoryT,
  type Professional as ProfessionalT,
  type Relation as RelationT,
  type WorkspaceDoc as WorkspaceDocT,
} from '../../../core/model/workspace.ts';
import { clonePlain, deepEqual, toJson } from '../../json.ts';
import { syncCollection, syncPlainMap } from '../../restore.ts';
import { recordToY } from '../../layout.ts';
import { fail, issue, notFound, type Result } from '../../result.ts';
import {
  applyPatch,
  commit,
  readRecord,
  recordMap,
  validate,
  type CollectionSpec,
  type IntentContext,
  type Patch,
} from '../common.ts';
import { CONTACTS, CONTACT_LOG, PROFESSIONALS, RELATIONS, scoresOf, ALL_COLLECTIONS } from './specs.ts';

/**
 * A bulk import (CSV): whole new records with their ids (so contacts can point at relations added in the
 * same import, and relations at professionals added in it) and patches of existing ones; optionally the
 * contact moments that start relations' histories and the workspace's import memory. Validated as a whole
 * before anything is written.
 */
export interface RecordsImport {
  addRelations: RelationT[];
  updateRelations: { id: string; patch: Patch<RelationT> }[];
  addContacts: ContactT[];
  updateContacts: { id: string; patch: Patch<ContactT> }[];
  /** Owners the team did not have yet. */
  addProfessionals?: ProfessionalT[];
  addContactLog?: ContactLogEntryT[];
  /** settings.importMemory after this import (written when it differs). */
  importMemory?: ImportMemoryT;
}
export interface ImportCounts {
  relationsAdded: number;
  relationsUpdated: number;
  contactsAdded: number;
  contactsUpdated: number;
  professionalsAdded: number;
  contactLogAdded: number;
}

export function ioIntents(ctx: IntentContext) {
  const { doc } = ctx;
  const settings = doc.getMap('settings');
  const scores = scoresOf(ctx);
  /** Validate every record of a bulk import; the issues of all of them (nothing is written when any). */
  const checkImport = (input: RecordsImport): SchemaIssue[] => {
    const issues: SchemaIssue[] = [];
    const relRoot = doc.getMap(RELATIONS.layout.root);
    const newRelations = new Set<string>();
    const newContacts = new Set<string>();
    const newProfessionals = new Set<string>();
    const duplicate = (path: string, label: string, id: string) =>
      issue(path, 'duplicate_id', `${label} ${id} already exists`, `${label} ${id} bestaat al`);
    const checkNew = (spec: CollectionSpec, record: { id: string }, seen: Set<string>) => {
      const path = `${spec.layout.path}.${record.id}`;
      const parsed = validate(spec.schema, record, path);
      if (!parsed.ok) issues.push(...parsed.issues);
      if (doc.getMap(spec.layout.root).has(record.id) || seen.has(record.id))
        issues.push(duplicate(path, spec.label, record.id));
      seen.add(record.id);
    };
    const checkUpdate = (spec: CollectionSpec, id: string, patch: Record<string, unknown>) => {
      const path = `${spec.layout.path}.${id}`;
      const current = readRecord(ctx, spec.layout, id);
      if (!current) {
        issues.push(notFound(path, `${spec.label} ${id}`));
        return null;
      }
      const merged: Record<string, unknown> = { ...current };
      for (const [k, v] of Object.entries(patch)) if (k !== 'id' && v !== undefined) merged[k] = v;
      const parsed = validate(spec.schema, merged, path);
      if (!parsed.ok) issues.push(...parsed.issues);
      return merged;
    };
    for (const p of input.addProfessionals ?? []) checkNew(PROFESSIONALS, p, newProfessionals);
    const professionalKnown = (id: unknown) =>
      typeof id === 'string' && (doc.getMap(PROFESSIONALS.layout.root).has(id) || newProfessionals.has(id));
    /** Owners, account teams, "known by" and participants must be professionals of the workspace. */
    const checkPeople = (path: string, ids: unknown[]) => {
      for (const id of ids)
        if (id !== null && id !== undefined && !professionalKnown(id))
          issues.push(notFound(path, `Professional ${String(id)}`));
    };
    for (const r of input.addRelations) {
      checkNew(RELATIONS, r, newRelations);
      checkPeople(`relations.${r.id}.ownerId`, [r.ownerId, ...(r.teamIds ?? [])]);
    }
    for (const u of input.updateRelations) {
      checkUpdate(RELATIONS, u.id, u.patch as Record<string, unknown>);
      const patch = u.patch as Partial<RelationT>;
      checkPeople(`relations.${u.id}.ownerId`, [patch.ownerId, ...(patch.teamIds ?? [])]);
    }
    const relationKnown = (id: unknown) =>
      typeof id === 'string' && (relRoot.has(id) || newRelations.has(id));
    for (const c of input.addContacts) {
      checkNew(CONTACTS, c, newContacts);
      if (!relationKnown(c.relationId))
        issues.push(notFound(`contacts.${c.id}.relationId`, `Relation ${c.relationId}`));
    }
    for (const u of input.updateContacts) {
      const merged = checkUpdate(CONTACTS, u.id, u.patch as Record<string, unknown>);
      if (merged && !relationKnown(merged.relationId))
        issues.push(notFound(`contacts.${u.id}.relationId`, `Relation ${String(merged.relationId)}`));
    }
    for (const c of [
      ...input.addContacts,
      ...input.updateContacts.map((u) => ({ id: u.id, ...(u.patch as Partial<ContactT>) })),
    ])
      checkPeople(`contacts.${c.id}.knownBy`, c.knownBy ?? []);
    const contactKnown = (id: unknown) =>
      typeof id === 'string' && (doc.getMap(CONTACTS.layout.root).has(id) || newContacts.has(id));
    const newEntries = new Set<string>();
    for (const e of input.addContactLog ?? []) {
      checkNew(CONTACT_LOG, e, newEntries);
      if (!relationKnown(e.relationId))
        issues.push(notFound(`contactLog.${e.id}.relationId`, `Relation ${e.relationId}`));
      checkPeople(`contactLog.${e.id}.professionalIds`, e.professionalIds ?? []);
      for (const c of e.contactIds ?? [])
        if (!contactKnown(c)) issues.push(notFound(`contactLog.${e.id}.contactIds`, `Contact ${c}`));
    }
    if (input.importMemory !== undefined) {
      const parsed = validate(ImportMemory, input.importMemory, 'settings.importMemory');
      if (!parsed.ok) issues.push(...parsed.issues);
    }
    return issues;
  };

  return {
    /**
     * Add and update many relations and contacts (a CSV import) in ONE transaction — one undo step.
     * Every record is validated first (schema, ids unique and free, contacts' relations present); when any
     * fails, nothing is written and all issues are returned.
     */
    importRecords: (input: RecordsImport): Result<ImportCounts> => {
      const issues = checkImport(input);
      if (issues.length) return fail(issues);
      return commit(ctx, 'importRecords', () => {
        const relRoot = doc.getMap(RELATIONS.layout.root);
        const conRoot = doc.getMap(CONTACTS.layout.root);
        const proRoot = doc.getMap(PROFESSIONALS.layout.root);
        const logRoot = doc.getMap(CONTACT_LOG.layout.root);
        for (const p of input.addProfessionals ?? [])
          proRoot.set(p.id, recordToY(clonePlain(p) as Record<string, unknown>, PROFESSIONALS.layout.nested));
        for (const r of input.addRelations) {
          relRoot.set(r.id, recordToY(clonePlain(r) as Record<string, unknown>, RELATIONS.layout.nested));
          if (!scores.has(r.id)) scores.set(r.id, new Y.Map());
        }
        for (const u of input.updateRelations) {
          const map = recordMap(ctx, RELATIONS.layout, u.id);
          if (map) applyPatch(map, clonePlain(u.patch) as Record<string, unknown>, RELATIONS.layout.nested);
        }
        for (const c of input.addContacts)
          conRoot.set(c.id, recordToY(clonePlain(c) as Record<string, unknown>, CONTACTS.layout.nested));
        for (const u of input.updateContacts) {
          const map = recordMap(ctx, CONTACTS.layout, u.id);
          if (map) applyPatch(map, clonePlain(u.patch) as Record<string, unknown>, CONTACTS.layout.nested);
        }
        for (const e of input.addContactLog ?? [])
          logRoot.set(e.id, recordToY(clonePlain(e) as Record<string, unknown>, CONTACT_LOG.layout.nested));
        if (input.importMemory && !deepEqual(toJson(settings.get('importMemory')), input.importMemory))
          settings.set('importMemory', clonePlain(input.importMemory));
        return {
          relationsAdded: input.addRelations.length,
          relationsUpdated: input.updateRelations.length,
          contactsAdded: input.addContacts.length,
          contactsUpdated: input.updateContacts.length,
          professionalsAdded: input.addProfessionals?.length ?? 0,
          contactLogAdded: input.addContactLog?.length ?? 0,
        };
      });
    },

    /**
     * Restore a backup as edits, in ONE transaction (one undo step): settings, every collection and the
     * score sheet are made equal to `target` — records added, changed field by field, or removed — never by
     * replacing the document. The workspace keeps its own id, creation date and name (a backup restored into
     * a new workspace does not rename it; a backup of this workspace has its name anyway). `target` must be a valid
     * workspace document at this schema version (the caller migrates and checks a backup first).
     */
    restoreBackup: (target: WorkspaceDocT): Result<undefined> => {
      const parsed = validate(WorkspaceDoc, target, '');
      if (!parsed.ok) return parsed;
      const value = parsed.value;
      const keyIssues: SchemaIssue[] = [];
      for (const spec of ALL_COLLECTIONS) {
        const records = value[spec.layout.path as keyof WorkspaceDocT] as
          Record<string, { id: string }> | undefined;
        for (const [key, record] of Object.entries(records ?? {})) {
          if (record.id !== key)
            keyIssues.push(
              issue(
                `${spec.layout.path}.${key}.id`,
                'key_mismatch',
                `does not match the key it is stored under (${key})`,
                `komt niet overeen met de sleutel waaronder het staat (${key})`,
              ),
            );
        }
      }
      if (keyIssues.length) return fail(keyIssues);
      return commit(ctx, 'restoreBackup', () => {
        const name = toJson(settings.get('name'));
        syncPlainMap(settings, {
          ...(value.settings as Record<string, unknown>),
          ...(typeof name === 'string' ? { name } : {}),
        });
        for (const spec of ALL_COLLECTIONS) {
          const root = doc.getMap(spec.layout.root);
          const wanted = value[spec.layout.path as keyof WorkspaceDocT] as
            Record<string, Record<string, unknown>> | undefined;
          // An optional collection a backup predates (tournaments): kept as it is, nothing is lost.
          if (wanted === undefined) continue;
          syncCollection(root, wanted, spec.layout.nested);
        }
        const doomedRows: string[] = [];
        scores.forEach((_v, k) => {
          if (!(k in value.scores)) doomedRows.push(k);
        });
        for (const k of doomedRows) scores.delete(k);
        for (const [relationId, cells] of Object.entries(value.scores)) {
          let row = scores.get(relationId);
          if (!(row instanceof Y.Map)) {
            row = new Y.Map<unknown>();
            scores.set(relationId, row);
          }
          syncPlainMap(row as Y.Map<unknown>, cells as Record<string, unknown>);
        }
        return undefined;
      });
    },
  };
}
