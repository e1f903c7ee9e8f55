/** The workspace's collections as the intents see them (from doc/kinds/workspace.ts), and shared lookups. */
import type * as Y from 'yjs';
import { collectionSpec, type IntentContext } from '../common.ts';
import { LAYOUT } from '../../layout.ts';

export const PROFESSIONALS = collectionSpec('workspace', 'professionals');
export const RELATIONS = collectionSpec('workspace', 'relations');
export const CONTACTS = collectionSpec('workspace', 'contacts');
export const CRITERIA = collectionSpec('workspace', 'criteria');
export const CONTACT_LOG = collectionSpec('workspace', 'contactLog');
export const PLANS = collectionSpec('workspace', 'plans');
export const TOURNAMENTS = collectionSpec('workspace', 'tournaments');
export const MEETINGS = collectionSpec('workspace', 'meetings');

/**
 * Every collection a backup restores: all of the workspace's, derived from its kind spec (a list written here
 * once forgot the meeting index, and a restore silently emptied it).
 */
export const ALL_COLLECTIONS = LAYOUT.workspace.collections.map((c) => collectionSpec('workspace', c.path));

export const relationExists = (ctx: IntentContext, id: string): boolean =>
  ctx.doc.getMap(RELATIONS.layout.root).has(id);

/** The score sheet: relationId → Y.Map(criterionId → score). */
export const scoresOf = (ctx: IntentContext): Y.Map<unknown> => ctx.doc.getMap('scores');
