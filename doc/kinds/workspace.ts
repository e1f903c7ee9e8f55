/** The workspace (DOMAIN.md §1, §2, §6): one Yjs document per firm or team. */
import { SCHEMA_VERSION, type Locale } from '../../core/model/common.ts';
import { clonePlain } from '../json.ts';
import {
  Contact,
  ContactLogEntry,
  Criterion,
  DEFAULT_CADENCE,
  DEFAULT_CLASSIFICATION,
  PlanCard,
  Professional,
  Relation,
  Signal,
  TournamentCard,
  MeetingCard,
  WorkspaceDoc,
  defaultSettings,
  type Criterion as CriterionT,
} from '../../core/model/workspace.ts';
import { newId } from '../ids.ts';
import { WORKSPACE_MIGRATIONS } from '../migrations/workspace.ts';
import type { DocJson } from '../layout.ts';
import { emptyText, type KindSpec } from './types.ts';

export const workspaceSpec: KindSpec<'workspace'> = {
  kind: 'workspace',
  name: { en: 'workspace', nl: 'werkruimte' },
  schema: WorkspaceDoc,
  version: SCHEMA_VERSION.workspace,
  metaKeys: ['schemaVersion', 'id', 'createdAt'],
  fields: [{ root: 'settings', path: 'settings' }],
  collections: [
    {
      path: 'professionals',
      root: 'professionals',
      nested: {},
      item: Professional,
      label: 'Professional',
      defaults: () => ({ email: '', profile: 'specialist', seniority: 'medior' }),
    },
    {
      path: 'relations',
      root: 'relations',
      // notes: a shared text (concurrent edits merge; workspace schema 3, migrations/workspace.ts notesAsText).
      nested: { sevenQuestions: 'map', notes: 'text' },
      item: Relation,
      label: 'Relation',
      defaults: () => ({
        kind: 'client',
        sector: '',
        revenue: null,
        potential: null,
        ownerId: null,
        teamIds: [],
        notes: '',
        tags: [],
        override: null,
        sevenQuestions: {},
      }),
    },
    {
      path: 'contacts',
      root: 'contacts',
      nested: {},
      item: Contact,
      label: 'Contact',
      defaults: () => ({ title: '', dmuRole: null, attitude: null, strength: 0, knownBy: [] }),
    },
    {
      path: 'criteria',
      root: 'criteria',
      nested: {},
      item: Criterion,
      label: 'Criterion',
      ordered: true,
      defaults: () => ({ weight: 1 }),
    },
    {
      path: 'contactLog',
      root: 'contactLog',
      // The entry's note and its signals' notes stay plain values (last writer wins): each is written once,
      // in the log form, by whoever logs the moment, and nothing in the app edits them afterwards. Convert
      // them as relation notes were (nested `text` + a migration) if they ever become editable together.
      nested: { signals: 'records' },
      item: ContactLogEntry,
      label: 'Contact-log entry',
      sub: { field: 'signals', item: Signal },
      defaults: () => ({ professionalIds: [], contactIds: [], note: '', signals: {} }),
    },
    { path: 'plans', root: 'plans', nested: {}, item: PlanCard, label: 'Plan' },
    { path: 'tournaments', root: 'tournaments', nested: {}, item: TournamentCard, label: 'Tournament' },
    { path: 'meetings', root: 'meetings', nested: {}, item: MeetingCard, label: 'Meeting' },
  ],
  texts: [],
  // scores: relationId → Y.Map(criterionId → score)
  extra: ['scores'],
  scores: 'scores',
  fallbacks: {
    settings: () => defaultSettings('', 'nl'),
    'settings.name': emptyText,
    'settings.locale': () => 'nl',
    'settings.currency': () => 'EUR',
    'settings.classification': () => clonePlain(DEFAULT_CLASSIFICATION),
    'settings.cadence': () => ({ ...DEFAULT_CADENCE }),
    'settings.acquisitionCost': () => null,
    // A bad import memory is only a lost suggestion: start from an empty one.
    'settings.importMemory': () => ({ columns: {}, values: {} }),
  },
  migrations: WORKSPACE_MIGRATIONS,
};

export interface WorkspaceSeed {
  id: string;
  name: string;
  locale: Locale;
  /** ISO date-time of creation. */
  now: string;
  /** Seed a starter criteria set (one per category, the minimum valid set is 3). Default true. */
  starterCriteria?: boolean;
  /** Id source for seeded records (tests pass a deterministic one). */
  newId?: () => string;
}

const STARTER_CRITERIA: Record<Locale, [string, CriterionT['category']][]> = {
  en: [
    ['Revenue', 'financial'],
    ['Growth potential', 'financial'],
    ['Strategic fit', 'strategic'],
    ['Strength of the relationship', 'relational'],
  ],
  nl: [
    ['Omzet', 'financial'],
    ['Groeipotentie', 'financial'],
    ['Strategische waarde', 'strategic'],
    ['Sterkte van de relatie', 'relational'],
  ],
};

export function initialWorkspace(seed: WorkspaceSeed): DocJson<'workspace'> {
  const id = seed.newId ?? (() => newId());
  const criteria: Record<string, CriterionT> = {};
  if (seed.starterCriteria ?? true) {
    STARTER_CRITERIA[seed.locale].forEach(([name, category], order) => {
      const cid = id();
      criteria[cid] = { id: cid, name, category, weight: 1, order };
    });
  }
  return {
    schemaVersion: SCHEMA_VERSION.workspace,
    id: seed.id,
    createdAt: seed.now,
    settings: defaultSettings(seed.name, seed.locale),
    professionals: {},
    relations: {},
    contacts: {},
    criteria,
    scores: {},
    contactLog: {},
    plans: {},
    tournaments: {},
    meetings: {},
  };
}
