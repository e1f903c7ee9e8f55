/** What deleting a relation touches (QA item 4): the question is asked only when an account plan names it. */
import { describe, expect, it } from 'vitest';
import type { WorkspaceDoc } from '../../core/model/index.ts';
import { needsConfirmation, relationImpact } from '../../client/src/ui/relations/deleteImpact.ts';
import { relationNameOf, relationNamesOf } from '../../client/src/ui/relations/relationNames.ts';
import { translate } from '../../client/src/i18n/index.ts';

const card = (id: string, title: string, relationIds: string[]) => ({ id, title, relationIds });
const ws = {
  plans: {
    p2: card('p2', 'Zorg 2026', ['r1', 'r2']),
    p1: card('p1', 'Acme 2026', ['r1']),
    p3: card('p3', 'Other', ['r3']),
  },
  contacts: {
    c1: { id: 'c1', relationId: 'r1' },
    c2: { id: 'c2', relationId: 'r1' },
    c3: { id: 'c3', relationId: 'r2' },
  },
  contactLog: {
    e1: { id: 'e1', relationId: 'r1' },
    e2: { id: 'e2', relationId: 'r3' },
  },
} as unknown as WorkspaceDoc;

describe('relationImpact', () => {
  it.each([
    ['r1', ['Acme 2026', 'Zorg 2026'], 2, 1, true],
    ['r2', ['Zorg 2026'], 1, 0, true],
    ['r3', ['Other'], 0, 1, true],
    ['r4', [], 0, 0, false],
  ])(
    '%s: plans %j, %i contacts, %i contact moments, asks first: %s',
    (id, plans, contacts, moments, asks) => {
      const impact = relationImpact(ws, id);
      expect(impact.plans.map((p) => p.title)).toEqual(plans);
      expect(impact.contacts).toBe(contacts);
      expect(impact.contactMoments).toBe(moments);
      expect(needsConfirmation(impact)).toBe(asks);
    },
  );

  it('reads a workspace without a plan index as having no plans', () => {
    const bare = { ...ws, plans: undefined } as unknown as WorkspaceDoc;
    expect(needsConfirmation(relationImpact(bare, 'r1'))).toBe(false);
  });
});

describe('relationNameOf', () => {
  const relations = { r1: { name: 'Acme BV' } };
  it('names a present relation, a deleted one "(deleted relation)", and nothing while loading', () => {
    expect(relationNameOf(relations, 'r1')).toBe('Acme BV');
    expect(relationNameOf(relations, 'gone')).toBe(translate('en', 'rel.deletedRelation'));
    expect(relationNameOf(undefined, 'r1')).toBe('');
    expect(relationNamesOf(relations, ['gone', 'r1'])).toEqual(['(deleted relation)', 'Acme BV']);
    expect(relationNamesOf(undefined, ['r1'])).toEqual([]);
    expect(translate('nl', 'rel.deletedRelation')).toBe('(verwijderde relatie)');
  });
});
