/**
 * What a new record holds for every field the caller leaves out, typed for the callers that build records
 * by hand (CSV import). The values come from the kind's spec (doc/kinds), the one place they are defined.
 */
import type { Contact, Relation } from '../core/model/index.ts';
import { collectionDef } from './kinds/index.ts';

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

export const relationDefaults = (): RelationDefaults =>
  collectionDef('workspace', 'relations').defaults!() as RelationDefaults;

export const contactDefaults = (): ContactDefaults =>
  collectionDef('workspace', 'contacts').defaults!() as ContactDefaults;
