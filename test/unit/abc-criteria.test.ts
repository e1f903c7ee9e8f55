import { describe, it, expect } from 'vitest';
import { criteriaInOrder, criteriaIssueMessage, validateCriteria } from '../../core/abc/index.ts';
import type { CriteriaIssue, CriterionLike } from '../../core/abc/index.ts';
import type { CriterionCategory } from '../../core/model/index.ts';

const CAT: Record<string, CriterionCategory> = { f: 'financial', s: 'strategic', r: 'relational' };

/** `'f:Revenue'` → a financial criterion named Revenue; `'s:Fit*0'` → weight 0; id = `c<index>`. */
const set = (...specs: string[]): CriterionLike[] =>
  specs.map((spec, i) => {
    const [cat, rest] = spec.split(':') as [string, string];
    const [name, weight] = rest.split('*') as [string, string | undefined];
    return { id: `c${i}`, name, category: CAT[cat]!, weight: weight === undefined ? 1 : Number(weight) };
  });

const ids = (issues: CriteriaIssue[]) => issues.map((i) => i.id);

describe('validateCriteria (DOMAIN §2)', () => {
  it.each([
    ['one per category', set('f:Revenue', 's:Fit', 'r:Relationship'), []],
    ['several per category', set('f:Revenue', 'f:Margin', 's:Fit', 'r:Trust', 'r:Access'), []],
    [
      'no criteria',
      [],
      ['criteria.tooFew', 'criteria.missingCategory', 'criteria.missingCategory', 'criteria.missingCategory'],
    ],
    ['two criteria', set('f:Revenue', 's:Fit'), ['criteria.tooFew', 'criteria.missingCategory']],
    ['three, no relational', set('f:Revenue', 'f:Margin', 's:Fit'), ['criteria.missingCategory']],
    ['four, no financial', set('s:Fit', 's:Growth', 'r:Trust', 'r:Access'), ['criteria.missingCategory']],
    ['same name', set('f:Revenue', 's:Revenue', 'r:Trust'), ['criteria.duplicateName']],
    [
      'names differ in case and spaces only',
      set('f:Revenue', 's: revenue  ', 'r:Trust'),
      ['criteria.duplicateName'],
    ],
    ['names differ inside', set('f:Revenue', 's:Revenue 2', 'r:Trust'), []],
    ['weight 0', set('f:Revenue*0', 's:Fit', 'r:Trust'), ['criteria.invalidWeight']],
    ['weight negative', set('f:Revenue', 's:Fit*-1', 'r:Trust'), ['criteria.invalidWeight']],
    ['weight NaN', set('f:Revenue', 's:Fit', 'r:Trust*NaN'), ['criteria.invalidWeight']],
    ['weight Infinity', set('f:Revenue', 's:Fit', 'r:Trust*Infinity'), ['criteria.invalidWeight']],
    ['weight tiny but > 0', set('f:Revenue*1e-300', 's:Fit', 'r:Trust'), []],
  ])('%s', (_name, criteria, expected) => {
    expect(ids(validateCriteria(criteria))).toEqual(expected);
  });

  it('names the missing categories in category order', () => {
    expect(validateCriteria(set('s:Fit')).map((i) => i.params)).toEqual([
      { count: 1, min: 3 },
      { category: 'financial' },
      { category: 'relational' },
    ]);
  });

  it('groups all criteria sharing a name, once', () => {
    const issues = validateCriteria(set('f:Revenue', 's:REVENUE', 'r:Trust', 'r:revenue '));
    expect(issues).toEqual([
      { id: 'criteria.duplicateName', params: { name: 'Revenue', criterionIds: ['c0', 'c1', 'c3'] } },
    ]);
  });

  it('reports a duplicate id once', () => {
    const criteria = set('f:Revenue', 's:Fit', 'r:Trust', 'r:Access').map((c) => ({ ...c, id: 'x' }));
    expect(validateCriteria(criteria)).toEqual([
      { id: 'criteria.duplicateId', params: { criterionId: 'x' } },
    ]);
  });
});

describe('criteriaIssueMessage', () => {
  it.each<[CriteriaIssue, string]>([
    [
      { id: 'criteria.tooFew', params: { count: 2, min: 3 } },
      'The criteria set has 2 criteria; it needs at least 3.',
    ],
    [
      { id: 'criteria.missingCategory', params: { category: 'strategic' } },
      'No criterion in the category "strategic"; every category (financial, strategic, relational) needs at least one.',
    ],
    [
      { id: 'criteria.duplicateName', params: { name: 'Revenue', criterionIds: ['a', 'b'] } },
      'The name "Revenue" is used by more than one criterion ("a", "b"); names must be unique.',
    ],
    [
      { id: 'criteria.duplicateId', params: { criterionId: 'a' } },
      'The criterion id "a" is used more than once; ids must be unique.',
    ],
    [
      { id: 'criteria.invalidWeight', params: { criterionId: 'a', weight: -1 } },
      'Criterion "a" has weight -1; a weight must be a finite number greater than 0.',
    ],
  ])('%j', (issue, message) => {
    expect(criteriaIssueMessage(issue)).toBe(message);
  });
});

describe('criteriaIssueMessage in Dutch', () => {
  it.each<[CriteriaIssue, string]>([
    [
      { id: 'criteria.tooFew', params: { count: 1, min: 3 } },
      'De criteriaset heeft 1 criterium; er zijn er minstens 3 nodig.',
    ],
    [
      { id: 'criteria.missingCategory', params: { category: 'strategic' } },
      'Geen criterium in de categorie "strategic"; elke categorie (financial, strategic, relational) heeft er minstens één nodig.',
    ],
    [
      { id: 'criteria.duplicateId', params: { criterionId: 'a' } },
      'Het criterium-id "a" komt meer dan eens voor; id\'s moeten uniek zijn.',
    ],
    [
      { id: 'criteria.invalidWeight', params: { criterionId: 'a', weight: -0.5 } },
      'Criterium "a" heeft gewicht -0,5; een gewicht moet een eindig getal groter dan 0 zijn.',
    ],
  ])('%j', (issue, message) => {
    expect(criteriaIssueMessage(issue, 'nl')).toBe(message);
  });
  it('says "1 criterion" in English', () => {
    expect(criteriaIssueMessage({ id: 'criteria.tooFew', params: { count: 1, min: 3 } })).toBe(
      'The criteria set has 1 criterion; it needs at least 3.',
    );
  });
});

describe('criteriaInOrder', () => {
  it.each([
    ['by order', { a: { id: 'a', order: 2 }, b: { id: 'b', order: 1 } }, ['b', 'a']],
    ['equal orders by id', { b: { id: 'b', order: 1 }, a: { id: 'a', order: 1 } }, ['a', 'b']],
    [
      'a list',
      [
        { id: 'z', order: 0 },
        { id: 'y', order: -1 },
      ],
      ['y', 'z'],
    ],
  ])('%s', (_name, criteria, expected) => {
    expect(criteriaInOrder(criteria).map((c) => c.id)).toEqual(expected);
  });
});
