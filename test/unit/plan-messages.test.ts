import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { en, findingCatalogs, findingMessage, nl } from '../../core/messages/findings.ts';
import { RULES, RULE_IDS, validatePlan, type Finding, type RuleId } from '../../core/plan/index.ts';
import { action, context, emptyPlan, mutated } from './plan-fixtures.ts';

const msg = (id: RuleId, params: Finding['params'], locale: 'en' | 'nl', path = '') =>
  findingMessage({ id, path, params }, locale);

describe('finding messages', () => {
  it('every rule id has a message in English and in Dutch, and nothing else does', () => {
    for (const catalog of [en, nl]) expect(Object.keys(catalog).sort()).toEqual([...RULE_IDS].sort());
    for (const id of RULE_IDS) {
      for (const locale of ['en', 'nl'] as const) {
        const text = findingCatalogs[locale][id]({}, 'x');
        expect(text.trim().length, `${locale} ${id}`).toBeGreaterThan(10);
        expect(text, `${locale} ${id}`).not.toMatch(/undefined|NaN|\[object/);
      }
      if (id !== 'schema.invalid') expect(en[id]({}, ''), id).not.toBe(nl[id]({}, ''));
    }
  });

  it.each<[RuleId, Finding['params'], string, string]>([
    [
      'goal.notMeasurable',
      { goal: 'Tevredenheid naar 9', missing: 'metric,deadline' },
      'Goal “Tevredenheid naar 9” is not measurable: the metric and the deadline are missing.',
      'Doel ‘Tevredenheid naar 9’ is niet meetbaar: de maatstaf en de deadline ontbreken.',
    ],
    [
      'goal.notMeasurable',
      { goal: 'G', missing: 'target' },
      'Goal “G” is not measurable: the target is missing.',
      'Doel ‘G’ is niet meetbaar: de streefwaarde ontbreekt.',
    ],
    [
      'action.noOwner',
      { action: 'Nieuwjaarsborrel' },
      'Action “Nieuwjaarsborrel” has no owner: who will do it?',
      'Actie ‘Nieuwjaarsborrel’ heeft geen eigenaar: wie gaat het doen?',
    ],
    [
      'action.noKpi',
      { action: 'A', missing: 'kpi' },
      'Action “A” has no KPI: how will we know it worked?',
      'Actie ‘A’ heeft geen prestatie-indicator: waaraan zien we dat het gewerkt heeft?',
    ],
    [
      'action.noKpi',
      { action: 'A', missing: 'name,target' },
      'The KPI of action “A” has no name or target.',
      'De prestatie-indicator van actie ‘A’ heeft geen naam en geen streefwaarde.',
    ],
    [
      'action.overdue',
      { action: 'A', due: '2026-02-19', days: 10 },
      'Action “A” was due on 19 February 2026 (10 days ago) and is still planned.',
      'Actie ‘A’ had op 19 februari 2026 klaar moeten zijn (10 dagen geleden) en staat nog op gepland.',
    ],
    [
      'action.overdue',
      { action: 'A', due: '2026-02-28', days: 1 },
      'Action “A” was due on 28 February 2026 (1 day ago) and is still planned.',
      'Actie ‘A’ had op 28 februari 2026 klaar moeten zijn (1 dag geleden) en staat nog op gepland.',
    ],
    [
      'budget.exceeded',
      { budget: 10000, total: 12500.5, over: 2500.5 },
      'The actions cost 12,500.5: 2,500.5 more than the budget of 10,000.',
      'De acties kosten 12.500,5: 2.500,5 meer dan het budget van 10.000.',
    ],
    [
      'section.empty',
      { section: 'developments' },
      'The section “Developments” is still empty.',
      'Het onderdeel ‘Ontwikkelingen’ is nog leeg.',
    ],
    [
      'plan.stale',
      { updatedOn: '2025-09-02', days: 180 },
      'Nothing in the plan has changed for 180 days (last change 2 September 2025). How much more do we know than half a year ago?',
      'Al 180 dagen is er niets aan het plan veranderd (laatste wijziging 2 september 2025). Wat weten we nu meer dan een half jaar geleden?',
    ],
    [
      'p4.crowded',
      { quadrant: 'person', count: 4, limit: 3 },
      '4 activities in the Person quadrant: keep it simple (at most 3).',
      '4 activiteiten in het kwadrant Persoon: houd het eenvoudig (hooguit 3).',
    ],
    [
      'dmu.noDecider',
      { contacts: 3 },
      'None of the relation’s contacts is a decider: who makes the decision?',
      'Geen van de contactpersonen van de relatie is besluitvormer: wie neemt de beslissing in de DMU?',
    ],
    [
      'dmu.noDecider',
      { contacts: 0 },
      'The relation has no contacts yet: who makes the decision? Add the people of the DMU.',
      'De relatie heeft nog geen contactpersonen: wie neemt de beslissing? Leg de mensen van de DMU vast.',
    ],
  ])('%s %j', (id, params, english, dutch) => {
    expect(msg(id, params, 'en')).toBe(english);
    expect(msg(id, params, 'nl')).toBe(dutch);
  });

  it('schema findings name the field, in the chosen language', () => {
    const [finding] = validatePlan(
      mutated((p) => (p.actions.a1.cost = -5)),
      context(),
    );
    expect(findingMessage(finding!, 'en')).toBe('actions.a1.cost must be at least 0');
    expect(findingMessage(finding!, 'nl')).toBe('actions.a1.cost moet minstens 0 zijn');
    expect(msg('schema.invalid', { en: 'must be an object', nl: 'moet een object zijn' }, 'nl')).toBe(
      'Het plan moet een object zijn',
    );
  });

  it('every finding of a badly broken plan reads well in both languages', () => {
    const plan = mutated((p) => {
      const g1 = { ...p.goals.g1, metric: '' };
      Object.assign(p, emptyPlan(), { budget: 1 });
      p.goals = { g1 };
      p.actions = {
        a1: action('a1', {
          ownerId: 'ghost',
          due: '2020-01-01',
          goalId: 'g7',
          kpi: { name: '', target: '' },
        }),
        a2: action('a2', { ownerId: null, due: null, goalId: null, kpi: null, cost: -1 }),
      };
      p.updatedAt = '2020-01-01T00:00:00Z';
    });
    const findings = validatePlan(plan, context({ contacts: [] }));
    expect(new Set(findings.map((f) => f.id)).size).toBeGreaterThanOrEqual(10);
    for (const f of findings)
      for (const locale of ['en', 'nl'] as const)
        expect(findingMessage(f, locale), `${locale} ${f.id}`).not.toMatch(
          /undefined|NaN|\[object|,,|(^|[\s(])\?([\s):]|$)/,
        );
  });

  it('an unknown id or locale still gives a message, and any params never break one', () => {
    expect(findingMessage({ id: 'plan.future' as RuleId, path: 'x' }, 'nl')).toBe(
      'Onbekende bevinding plan.future bij x',
    );
    expect(findingMessage({ id: 'plan.noGoals', path: 'goals' }, 'de' as 'en')).toBe(
      en['plan.noGoals']({}, 'goals'),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...RULE_IDS),
        fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.double())),
        fc.constantFrom('en' as const, 'nl' as const),
        (id, params, locale) => {
          expect(typeof findingMessage({ id, path: 'p', params }, locale)).toBe('string');
          expect(RULES[id]).toBeDefined();
        },
      ),
    );
  });
});
