/** Workspace intents (DOMAIN.md §1, §2, §5, §6): each method validates, then writes in one transaction. */
import { contactDefaults, relationDefaults } from '../defaults.ts';
import * as Y from 'yjs';
import type { Locale } from '../../core/model/common.ts';
import { Locale as LocaleSchema } from '../../core/model/common.ts';
import type { SchemaIssue } from '../../core/model/issues.ts';
import {
  Contact,
  ContactLogEntry,
  Criterion,
  Override,
  Professional,
  Relation,
  Score,
  SevenQuestion,
  Signal,
  WorkspaceDoc,
  WorkspaceSettings,
  type CadenceSettings,
  type ClassificationSettings,
  type Contact as ContactT,
  type ContactLogEntry as ContactLogEntryT,
  type Criterion as CriterionT,
  type FollowUp,
  type Override as OverrideT,
  type Professional as ProfessionalT,
  type Relation as RelationT,
  type Score as ScoreT,
  type SevenQuestion as SevenQuestionT,
  type Signal as SignalT,
  type WorkspaceDoc as WorkspaceDocT,
} from '../../core/model/workspace.ts';
import { collectionLayout } from '../layout.ts';
import { clonePlain, deepEqual, toJson } from '../json.ts';
import { fail, issue, notFound, type Result } from '../result.ts';
import {
  addRecord,
  applyPatch,
  commit,
  crud,
  idOf,
  nextOrder,
  readAll,
  readRecord,
  recordMap,
  removeRecord,
  updateRecord,
  validate,
  type CollectionSpec,
  type IntentContext,
  type IntentOptions,
  type Patch,
} from './common.ts';
import { recordToY } from '../layout.ts';

const PROFESSIONALS: CollectionSpec = {
  layout: collectionLayout('workspace', 'professionals'),
  schema: Professional,
  label: 'Professional',
};
const RELATIONS: CollectionSpec = {
  layout: collectionLayout('workspace', 'relations'),
  schema: Relation,
  label: 'Relation',
};
const CONTACTS: CollectionSpec = {
  layout: collectionLayout('workspace', 'contacts'),
  schema: Contact,
  label: 'Contact',
};
const CRITERIA: CollectionSpec = {
  layout: collectionLayout('workspace', 'criteria'),
  schema: Criterion,
  label: 'Criterion',
};
const CONTACT_LOG: CollectionSpec = {
  layout: collectionLayout('workspace', 'contactLog'),
  schema: ContactLogEntry,
  label: 'Contact-log entry',
};

export type NewProfessional = Pick<ProfessionalT, 'name'> & Partial<Omit<ProfessionalT, 'id' | 'name'>>;
export type NewRelation = Pick<RelationT, 'name'> & Partial<Omit<RelationT, 'id' | 'name'>>;
export type NewContact = Pick<ContactT, 'relationId' | 'name'> &
  Partial<Omit<ContactT, 'id' | 'relationId' | 'name'>>;
export type NewCriterion = Pick<CriterionT, 'name' | 'category'> &
  Partial<Omit<CriterionT, 'id' | 'name' | 'category'>>;
export type NewContactLogEntry = Pick<ContactLogEntryT, 'relationId' | 'date' | 'type'> &
  Partial<Omit<ContactLogEntryT, 'id' | 'relationId' | 'date' | 'type' | 'signals'>>;
export type NewSignal = Pick<SignalT, 'kind'> & Partial<Omit<SignalT, 'id' | 'kind'>>;

export interface SettingsPatch {
  currency?: string;
  classification?: ClassificationSettings;
  cadence?: CadenceSettings;
  acquisitionCost?: number | null;
}

/** Rules of DOMAIN.md §2 that the core schema does not express: pA + pC ≤ 1 and tC ≤ tA. */
export function classificationIssues(c: ClassificationSettings): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  if (c.pA + c.pC > 1) {
    issues.push(
      issue(
        'settings.classification.pC',
        'custom',
        'pA + pC must be at most 1',
        'pA + pC mag hoogstens 1 zijn',
      ),
    );
  }
  if (c.tC > c.tA) {
    issues.push(
      issue('settings.classification.tC', 'custom', 'must not be above tA', 'mag niet boven tA liggen'),
    );
  }
  return issues;
}

/**
 * A bulk import (CSV): whole new records with their ids (so contacts can point at relations added in the
 * same import) and patches of existing ones. Validated as a whole before anything is written.
 */
export interface RecordsImport {
  addRelations: RelationT[];
  updateRelations: { id: string; patch: Patch<RelationT> }[];
  addContacts: ContactT[];
  updateContacts: { id: string; patch: Patch<ContactT> }[];
}
export interface ImportCounts {
  relationsAdded: number;
  relationsUpdated: number;
  contactsAdded: number;
  contactsUpdated: number;
}

export function workspaceIntents(doc: Y.Doc, opts: IntentOptions) {
  const ctx: IntentContext = { kind: 'workspace', doc, opts };
  const settings = doc.getMap('settings');
  const scores = doc.getMap('scores');

  /**
   * Settings fields are independent: validate the fields being written (and the classification rules),
   * not the whole settings object, so a field that is transiently absent while a peer's update is still
   * arriving does not block an unrelated change.
   */
  const writeSettings = (intent: string, input: Record<string, unknown>): Result<undefined> => {
    const patch = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    const shape = WorkspaceSettings.shape as Record<string, Parameters<typeof validate>[0]>;
    for (const [k, v] of Object.entries(patch)) {
      const schema = shape[k];
      if (!schema)
        return fail([issue(`settings.${k}`, 'unrecognized_keys', 'is not a setting', 'is geen instelling')]);
      const parsed = validate(schema, v, `settings.${k}`);
      if (!parsed.ok) return parsed;
    }
    if (patch.classification) {
      const extra = classificationIssues(patch.classification as ClassificationSettings);
      if (extra.length) return fail(extra);
    }
    return commit(ctx, intent, () => {
      for (const [k, v] of Object.entries(patch)) {
        if (!deepEqual(toJson(settings.get(k)), v)) settings.set(k, clonePlain(v));
      }
      return undefined;
    });
  };

  const professionals = crud<ProfessionalT, NewProfessional>(
    ctx,
    PROFESSIONALS,
    { add: 'addProfessional', update: 'updateProfessional', remove: 'removeProfessional' },
    (input, id) => ({ email: '', profile: 'specialist', seniority: 'medior', ...input, id }),
    (id) => {
      // Leave no dangling references to someone who left the team.
      doc.getMap(RELATIONS.layout.root).forEach((rel) => {
        if (!(rel instanceof Y.Map)) return;
        if (rel.get('ownerId') === id) rel.set('ownerId', null);
        const team = rel.get('teamIds');
        if (Array.isArray(team) && team.includes(id))
          rel.set(
            'teamIds',
            team.filter((t) => t !== id),
          );
      });
      doc.getMap(CONTACTS.layout.root).forEach((contact) => {
        if (!(contact instanceof Y.Map)) return;
        const knownBy = contact.get('knownBy');
        if (Array.isArray(knownBy) && knownBy.includes(id))
          contact.set(
            'knownBy',
            knownBy.filter((k) => k !== id),
          );
      });
    },
  );

  const relationExists = (id: string) => doc.getMap(RELATIONS.layout.root).has(id);

  const removeRelationCascade = (id: string) => {
    for (const spec of [CONTACTS, CONTACT_LOG]) {
      const root = doc.getMap(spec.layout.root);
      const doomed: string[] = [];
      root.forEach((rec, key) => {
        if (rec instanceof Y.Map && rec.get('relationId') === id) doomed.push(key);
      });
      for (const key of doomed) root.delete(key);
    }
    if (scores.has(id)) scores.delete(id);
  };

  const relations = {
    add: (input: NewRelation & { id?: string }): Result<string> => {
      const id = input.id ?? idOf(ctx);
      const record: RelationT = {
        ...relationDefaults(),
        ...input,
        id,
      };
      // The score row is created with the relation, so two people scoring it first never create two rows.
      return addRecord(ctx, RELATIONS, 'addRelation', record, () => {
        if (!scores.has(id)) scores.set(id, new Y.Map());
      });
    },
    update: (id: string, patch: Patch<RelationT>) =>
      updateRecord(ctx, RELATIONS, 'updateRelation', id, patch as Record<string, unknown>),
    remove: (id: string) =>
      removeRecord(ctx, RELATIONS, 'removeRelation', id, () => removeRelationCascade(id)),
  };

  const contacts = crud<ContactT, NewContact>(
    ctx,
    CONTACTS,
    { add: 'addContact', update: 'updateContact', remove: 'removeContact' },
    (input, id) => ({ ...contactDefaults(), ...input, id }),
  );

  const criteria = crud<CriterionT, NewCriterion>(
    ctx,
    CRITERIA,
    { add: 'addCriterion', update: 'updateCriterion', remove: 'removeCriterion' },
    (input, id) => ({ weight: 1, order: nextOrder(ctx, CRITERIA.layout), ...input, id }),
    (id) => {
      scores.forEach((row) => {
        if (row instanceof Y.Map && row.has(id)) row.delete(id);
      });
    },
  );

  const contactLog = crud<ContactLogEntryT, NewContactLogEntry>(
    ctx,
    CONTACT_LOG,
    { add: 'addContactLogEntry', update: 'updateContactLogEntry', remove: 'removeContactLogEntry' },
    (input, id) => ({ professionalIds: [], contactIds: [], note: '', ...input, signals: {}, id }),
  );

  /** Validate every record of a bulk import; the issues of all of them (nothing is written when any). */
  const checkImport = (input: RecordsImport): SchemaIssue[] => {
    const issues: SchemaIssue[] = [];
    const relRoot = doc.getMap(RELATIONS.layout.root);
    const newRelations = new Set<string>();
    const newContacts = new Set<string>();
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
    for (const r of input.addRelations) checkNew(RELATIONS, r, newRelations);
    for (const u of input.updateRelations) checkUpdate(RELATIONS, u.id, u.patch as Record<string, unknown>);
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
    return issues;
  };

  /** Make the record map hold exactly `record` (keys it lacks are removed), writing only what differs. */
  const syncRecord = (spec: CollectionSpec, id: string, record: Record<string, unknown>) => {
    const root = doc.getMap(spec.layout.root);
    const current = root.get(id);
    if (!(current instanceof Y.Map)) {
      root.set(id, recordToY(record, spec.layout.nested));
      return;
    }
    const patch: Record<string, unknown> = { ...record };
    current.forEach((_v, k) => {
      if (!(k in record)) patch[k] = undefined;
    });
    applyPatch(current, patch, spec.layout.nested);
  };

  /** Make a plain-value Y.Map hold exactly `wanted`. */
  const syncPlainMap = (map: Y.Map<unknown>, wanted: Record<string, unknown>) => {
    const doomed: string[] = [];
    map.forEach((_v, k) => {
      if (!(k in wanted)) doomed.push(k);
    });
    for (const k of doomed) map.delete(k);
    for (const [k, v] of Object.entries(wanted)) {
      if (v !== undefined && !deepEqual(toJson(map.get(k)), v)) map.set(k, clonePlain(v));
    }
  };

  const ALL_COLLECTIONS = [PROFESSIONALS, RELATIONS, CONTACTS, CRITERIA, CONTACT_LOG] as const;

  return {
    rename: (name: string) => writeSettings('rename', { name }),
    setLocale: (locale: Locale) => {
      const parsed = validate(LocaleSchema, locale, 'settings.locale');
      return parsed.ok ? writeSettings('setLocale', { locale }) : parsed;
    },
    updateSettings: (patch: SettingsPatch) =>
      writeSettings('updateSettings', {
        currency: patch.currency,
        classification: patch.classification,
        cadence: patch.cadence,
        acquisitionCost: patch.acquisitionCost,
      }),

    addProfessional: professionals.add,
    updateProfessional: professionals.update,
    /** Also clears the professional from relation owners, account teams and contacts' "known by". */
    removeProfessional: professionals.remove,

    addRelation: relations.add,
    updateRelation: relations.update,
    /** Also removes the relation's contacts, contact-log entries and scores. */
    removeRelation: relations.remove,
    setOverride: (relationId: string, override: OverrideT) => {
      const parsed = validate(Override, override, `relations.${relationId}.override`);
      return parsed.ok ? updateRecord(ctx, RELATIONS, 'setOverride', relationId, { override }) : parsed;
    },
    clearOverride: (relationId: string) =>
      updateRecord(ctx, RELATIONS, 'clearOverride', relationId, { override: null }),
    /** Answer one of the seven questions (null clears it); answers to different questions merge. */
    answerSevenQuestion: (
      relationId: string,
      question: SevenQuestionT,
      answer: boolean | null,
    ): Result<undefined> => {
      const q = validate(SevenQuestion, question, `relations.${relationId}.sevenQuestions`);
      if (!q.ok) return q;
      if (answer !== null && typeof answer !== 'boolean') {
        return fail([
          issue(
            `relations.${relationId}.sevenQuestions.${question}`,
            'invalid_type',
            'must be a boolean',
            'moet ja of nee zijn',
          ),
        ]);
      }
      const rel = recordMap(ctx, RELATIONS.layout, relationId);
      if (!rel) return fail([notFound(`relations.${relationId}`, `Relation ${relationId}`)]);
      return commit(ctx, 'answerSevenQuestion', () => {
        let answers = rel.get('sevenQuestions');
        if (!(answers instanceof Y.Map)) {
          const previous = toJson(answers);
          answers = recordToY(
            typeof previous === 'object' && previous !== null ? (previous as Record<string, unknown>) : {},
            {},
          );
          rel.set('sevenQuestions', answers);
        }
        const map = answers as Y.Map<unknown>;
        if (answer === null) map.delete(question);
        else if (map.get(question) !== answer) map.set(question, answer);
        return undefined;
      });
    },

    addContact: (input: NewContact & { id?: string }): Result<string> =>
      relationExists(input.relationId)
        ? contacts.add(input)
        : fail([notFound('contacts.relationId', `Relation ${input.relationId}`)]),
    updateContact: contacts.update,
    removeContact: contacts.remove,

    addCriterion: criteria.add,
    updateCriterion: criteria.update,
    /** Also removes every score given on the criterion. */
    removeCriterion: criteria.remove,
    /** Move a criterion to position `toIndex` of the ordered list (fractional order: concurrent moves merge). */
    moveCriterion: (id: string, toIndex: number): Result<undefined> => {
      const all = readAll(ctx, CRITERIA.layout) as CriterionT[];
      if (!all.some((c) => c.id === id)) return fail([notFound(`criteria.${id}`, `Criterion ${id}`)]);
      const others = all
        .filter((c) => c.id !== id)
        .sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1));
      const i = Math.max(0, Math.min(others.length, Math.trunc(toIndex)));
      const before = others[i - 1]?.order;
      const after = others[i]?.order;
      const order =
        before === undefined
          ? after === undefined
            ? 0
            : after - 1
          : after === undefined
            ? before + 1
            : (before + after) / 2;
      if (before !== undefined && after !== undefined && !(order > before && order < after)) {
        // Out of floating-point room: renumber everything in the same transaction.
        const ordered = [...others.slice(0, i), { id }, ...others.slice(i)];
        return commit(ctx, 'moveCriterion', () => {
          ordered.forEach((c, n) => recordMap(ctx, CRITERIA.layout, c.id)?.set('order', n));
          return undefined;
        });
      }
      return updateRecord(ctx, CRITERIA, 'moveCriterion', id, { order });
    },
    /** Score a relation on a criterion, 1–4; null removes the score ("not scored yet"). */
    scoreRelation: (relationId: string, criterionId: string, score: ScoreT): Result<undefined> => {
      const parsed = validate(Score, score, `scores.${relationId}.${criterionId}`);
      if (!parsed.ok) return parsed;
      if (!relationExists(relationId))
        return fail([notFound(`scores.${relationId}`, `Relation ${relationId}`)]);
      if (!readRecord(ctx, CRITERIA.layout, criterionId)) {
        return fail([notFound(`scores.${relationId}.${criterionId}`, `Criterion ${criterionId}`)]);
      }
      return commit(ctx, 'scoreRelation', () => {
        let row = scores.get(relationId);
        if (!(row instanceof Y.Map)) {
          row = new Y.Map<unknown>();
          scores.set(relationId, row);
        }
        const cells = row as Y.Map<unknown>;
        if (score === null) cells.delete(criterionId);
        else if (cells.get(criterionId) !== score) cells.set(criterionId, score);
        return undefined;
      });
    },

    /**
     * Log a contact moment, with its after-care signals, in one transaction: an entry whose signal is
     * refused is not written either (so a second attempt cannot log the moment twice).
     */
    addContactLogEntry: (
      input: NewContactLogEntry & { id?: string; signals?: (NewSignal & { id?: string })[] },
    ): Result<string> => {
      if (!relationExists(input.relationId))
        return fail([notFound('contactLog.relationId', `Relation ${input.relationId}`)]);
      const { signals: newSignals = [], ...entry } = input;
      if (newSignals.length === 0) return contactLog.add(entry);
      const signals = Object.fromEntries(
        newSignals.map((s) => {
          const id = s.id ?? idOf(ctx);
          return [id, { note: '', followUp: null, handled: false, ...s, id }];
        }),
      );
      const id = entry.id ?? idOf(ctx);
      return addRecord(ctx, CONTACT_LOG, 'addContactLogEntry', {
        professionalIds: [],
        contactIds: [],
        note: '',
        ...entry,
        signals,
        id,
      });
    },
    updateContactLogEntry: (id: string, patch: Patch<Omit<ContactLogEntryT, 'signals'>>) =>
      contactLog.update(id, patch),
    removeContactLogEntry: contactLog.remove,
    /** Add an after-care signal to a contact-log entry; returns the signal id. */
    addSignal: (entryId: string, input: NewSignal & { id?: string }): Result<string> => {
      const id = input.id ?? idOf(ctx);
      const path = `contactLog.${entryId}.signals.${id}`;
      const signal: SignalT = { note: '', followUp: null as FollowUp | null, handled: false, ...input, id };
      const parsed = validate(Signal, signal, path);
      if (!parsed.ok) return fail(parsed.issues);
      const entry = recordMap(ctx, CONTACT_LOG.layout, entryId);
      if (!entry) return fail([notFound(`contactLog.${entryId}`, `Contact-log entry ${entryId}`)]);
      return commit(ctx, 'addSignal', () => {
        let signals = entry.get('signals');
        if (!(signals instanceof Y.Map)) {
          signals = new Y.Map<unknown>();
          entry.set('signals', signals);
        }
        (signals as Y.Map<unknown>).set(id, recordToY(parsed.value as Record<string, unknown>, {}));
        return id;
      });
    },
    markSignalHandled: (entryId: string, signalId: string, handled = true): Result<undefined> => {
      if (typeof handled !== 'boolean') {
        return fail([
          issue(
            `contactLog.${entryId}.signals.${signalId}.handled`,
            'invalid_type',
            'must be a boolean',
            'moet ja of nee zijn',
          ),
        ]);
      }
      const signals = recordMap(ctx, CONTACT_LOG.layout, entryId)?.get('signals');
      const signal = signals instanceof Y.Map ? signals.get(signalId) : undefined;
      if (!(signal instanceof Y.Map)) {
        return fail([notFound(`contactLog.${entryId}.signals.${signalId}`, `Signal ${signalId}`)]);
      }
      return commit(ctx, 'markSignalHandled', () => {
        if (signal.get('handled') !== handled) signal.set('handled', handled);
        return undefined;
      });
    },

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
        return {
          relationsAdded: input.addRelations.length,
          relationsUpdated: input.updateRelations.length,
          contactsAdded: input.addContacts.length,
          contactsUpdated: input.updateContacts.length,
        };
      });
    },

    /**
     * Restore a backup as edits, in ONE transaction (one undo step): settings, every collection and the
     * score sheet are made equal to `target` — records added, changed field by field, or removed — never by
     * replacing the document. The workspace keeps its own id and creation date. `target` must be a valid
     * workspace document at this schema version (the caller migrates and checks a backup first).
     */
    restoreBackup: (target: WorkspaceDocT): Result<undefined> => {
      const parsed = validate(WorkspaceDoc, target, '');
      if (!parsed.ok) return parsed;
      const value = parsed.value;
      const keyIssues: SchemaIssue[] = [];
      for (const spec of ALL_COLLECTIONS) {
        const records = value[spec.layout.path as keyof WorkspaceDocT] as Record<string, { id: string }>;
        for (const [key, record] of Object.entries(records)) {
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
        syncPlainMap(settings, value.settings as Record<string, unknown>);
        for (const spec of ALL_COLLECTIONS) {
          const root = doc.getMap(spec.layout.root);
          const wanted = value[spec.layout.path as keyof WorkspaceDocT] as Record<
            string,
            Record<string, unknown>
          >;
          const doomed: string[] = [];
          root.forEach((_v, k) => {
            if (!(k in wanted)) doomed.push(k);
          });
          for (const k of doomed) root.delete(k);
          for (const [id, record] of Object.entries(wanted)) syncRecord(spec, id, record);
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

export type WorkspaceIntents = ReturnType<typeof workspaceIntents>;
