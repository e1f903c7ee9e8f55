/**
 * Refused edits in words (client/src/ui/issueText.ts): the field's name, not its schema path with record ids.
 */
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { Action, parseWith, Relation } from '../../core/model/index.ts';
import { issueSentence } from '../../client/src/ui/issueText.ts';

const issue = (path: string, en: string, nl: string) => ({ path, code: 'x', message: en, text: { en, nl } });

describe('issueSentence', () => {
  it.each([
    [
      'actions.WOacRe3bGsElom9O.cost',
      'must be at least 0',
      'moet minstens 0 zijn',
      'Cost must be at least 0',
      'Kosten moet minstens 0 zijn',
    ],
    [
      'rounds.0.end',
      'must not be before the start',
      'mag niet voor het begin liggen',
      'Round 1: End date must not be before the start',
      'Ronde 1: Einddatum mag niet voor het begin liggen',
    ],
    [
      'keyPoints.2',
      'must not be empty',
      'mag niet leeg zijn',
      'Key points 3 must not be empty',
      'Kernpunten 3 mag niet leeg zijn',
    ],
    [
      'relations.r1.revenue',
      'must be a number',
      'moet een getal zijn',
      'Revenue must be a number',
      'Omzet moet een getal zijn',
    ],
  ])('%s', (path, en, nl, sentenceEn, sentenceNl) => {
    expect(issueSentence(issue(path, en, nl), 'en')).toBe(sentenceEn);
    expect(issueSentence(issue(path, en, nl), 'nl')).toBe(sentenceNl);
  });

  it('a domain rule’s own sentence keeps its words', () => {
    const dup = issue(
      'professionals.new.name',
      'Bram Jansen is already on the team',
      'Bram Jansen staat al in het team',
    );
    expect(issueSentence(dup, 'en')).toBe('Bram Jansen is already on the team');
    expect(issueSentence(dup, 'nl')).toBe('Bram Jansen staat al in het team');
  });

  it('a path with no named field stays as it is', () => {
    expect(issueSentence(issue('xyz.abc', 'is wrong', 'klopt niet'), 'en')).toBe('xyz.abc is wrong');
  });

  it('real schema issues of an action and a relation read without ids', () => {
    const action = parseWith(z.record(z.string(), Action), {
      a1B2c3D4e5F6g7H8: { what: 'Lunch', cost: -50 },
    });
    expect(action.ok).toBe(false);
    if (action.ok) return;
    const costIssue = action.issues.find((i) => i.path.endsWith('.cost'))!;
    expect(issueSentence(costIssue, 'en')).toMatch(/^Cost must be/);
    expect(issueSentence(costIssue, 'en')).not.toContain('a1B2c3D4e5F6g7H8');
    const relation = parseWith(Relation, { name: 'Acme', revenue: 'veel' });
    if (relation.ok) throw new Error('a text revenue must be refused');
    expect(relation.issues.map((i) => issueSentence(i, 'nl'))).toContain('Omzet moet een getal zijn');
  });
});
