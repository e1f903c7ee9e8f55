/** What a new record holds for every field the caller leaves out. One place, used by intents and import. */
import type { Contact, Relation } from '../core/model/index.ts';

// Pick, not Omit: the record types carry an index signature (unknown keys are kept), which Omit flattens.
type RelationDefaults = Pick<
  Relation,
  | 'kind'
  | 'sector'
  | 'revenue'
  | 'potential'
  | 'ownerId'
  | 'teamIds'
  | 'notes'
  | 'tags'
  | 'override'
  | 'sevenQuestions'
>;
type ContactDefaults = Pick<Contact, 'title' | 'dmuRole' | 'attitude' | 'strength' | 'knownBy'>;

export const relationDefaults = (): RelationDefaults => ({
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
});

export const contactDefaults = (): ContactDefaults => ({
  title: '',
  dmuRole: null,
  attitude: null,
  strength: 0,
  knownBy: [],
});
