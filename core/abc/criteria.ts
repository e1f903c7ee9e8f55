/**
 * The criteria set of the ABC classification (DOMAIN.md §2): is it usable to classify?
 *
 * A valid set has at least 3 criteria, at least one per category (financial, strategic, relational) and
 * unique names; every weight is a finite number > 0. Issues are plain data with a stable id and the
 * parameters a message needs; `criteriaIssueMessage` gives the English or Dutch sentence (the UI looks the
 * id up in its own catalog).
 *
 * Decisions:
 * - Names are compared trimmed and case-insensitively (`"Revenue"` and `" revenue "` clash).
 * - Duplicate ids are an issue too: in the workspace document criteria are keyed by id so they cannot
 *   happen there, but a list passed in (an import, the CLI) can hold them.
 * - Issues come in a fixed order: too few, missing categories (in category order), duplicate names (by
 *   first occurrence), duplicate ids, invalid weights (both in criteria order).
 */
import { CRITERION_CATEGORIES } from '../model/index.ts';
import type { Criterion, CriterionCategory, Locale } from '../model/index.ts';

/** What the classification needs of a criterion; a full `Criterion` fits. */
export type CriterionLike = Pick<Criterion, 'id' | 'name' | 'category' | 'weight'>;

export const MIN_CRITERIA = 3;

export type CriteriaIssue =
  | { id: 'criteria.tooFew'; params: { count: number; min: number } }
  | { id: 'criteria.missingCategory'; params: { category: CriterionCategory } }
  | { id: 'criteria.duplicateName'; params: { name: string; criterionIds: string[] } }
  | { id: 'criteria.duplicateId'; params: { criterionId: string } }
  | { id: 'criteria.invalidWeight'; params: { criterionId: string; weight: number } };

export type CriteriaIssueId = CriteriaIssue['id'];

/** A weight the totals can use: a finite number > 0. */
export const isValidWeight = (w: unknown): w is number =>
  typeof w === 'number' && Number.isFinite(w) && w > 0;

/** The key two names are compared by. */
export const nameKey = (name: string): string => name.trim().toLowerCase();

/** Every rule of §2 the set breaks; empty when the set is valid. */
export function validateCriteria(criteria: readonly CriterionLike[]): CriteriaIssue[] {
  const issues: CriteriaIssue[] = [];
  if (criteria.length < MIN_CRITERIA)
    issues.push({ id: 'criteria.tooFew', params: { count: criteria.length, min: MIN_CRITERIA } });

  const categories = new Set<string>(criteria.map((c) => c.category));
  for (const category of CRITERION_CATEGORIES)
    if (!categories.has(category)) issues.push({ id: 'criteria.missingCategory', params: { category } });

  const byName = new Map<string, { name: string; criterionIds: string[] }>();
  for (const c of criteria) {
    const key = nameKey(c.name);
    const group = byName.get(key);
    if (group) group.criterionIds.push(c.id);
    else byName.set(key, { name: c.name.trim(), criterionIds: [c.id] });
  }
  for (const group of byName.values())
    if (group.criterionIds.length > 1) issues.push({ id: 'criteria.duplicateName', params: group });

  const seenIds = new Set<string>();
  const reported = new Set<string>();
  for (const c of criteria) {
    if (seenIds.has(c.id) && !reported.has(c.id)) {
      reported.add(c.id);
      issues.push({ id: 'criteria.duplicateId', params: { criterionId: c.id } });
    }
    seenIds.add(c.id);
  }

  for (const c of criteria)
    if (!isValidWeight(c.weight))
      issues.push({ id: 'criteria.invalidWeight', params: { criterionId: c.id, weight: c.weight } });
  return issues;
}

const quote = (s: string) => JSON.stringify(s);

/** A weight as the language writes a number (`-0.5`, Dutch `-0,5`). */
const weightText = (weight: number, lang: Locale) =>
  lang === 'nl' ? String(weight).replace('.', ',') : String(weight);

/**
 * The sentence for an issue, in English (default) or Dutch — what `haard classify` prints in `criteriaIssues`
 * (`--lang nl`). Category ids are quoted as the input spells them.
 */
export function criteriaIssueMessage(issue: CriteriaIssue, lang: Locale = 'en'): string {
  const nl = lang === 'nl';
  switch (issue.id) {
    case 'criteria.tooFew': {
      const { count, min } = issue.params;
      return nl
        ? `De criteriaset heeft ${count} ${count === 1 ? 'criterium' : 'criteria'}; er zijn er minstens ${min} nodig.`
        : `The criteria set has ${count} ${count === 1 ? 'criterion' : 'criteria'}; it needs at least ${min}.`;
    }
    case 'criteria.missingCategory':
      return nl
        ? `Geen criterium in de categorie ${quote(issue.params.category)}; elke categorie (${CRITERION_CATEGORIES.join(', ')}) heeft er minstens één nodig.`
        : `No criterion in the category ${quote(issue.params.category)}; every category (${CRITERION_CATEGORIES.join(', ')}) needs at least one.`;
    case 'criteria.duplicateName': {
      const ids = issue.params.criterionIds.map(quote).join(', ');
      return nl
        ? `De naam ${quote(issue.params.name)} wordt door meer dan één criterium gebruikt (${ids}); namen moeten uniek zijn.`
        : `The name ${quote(issue.params.name)} is used by more than one criterion (${ids}); names must be unique.`;
    }
    case 'criteria.duplicateId':
      return nl
        ? `Het criterium-id ${quote(issue.params.criterionId)} komt meer dan eens voor; id's moeten uniek zijn.`
        : `The criterion id ${quote(issue.params.criterionId)} is used more than once; ids must be unique.`;
    case 'criteria.invalidWeight': {
      const weight = weightText(issue.params.weight, lang);
      return nl
        ? `Criterium ${quote(issue.params.criterionId)} heeft gewicht ${weight}; een gewicht moet een eindig getal groter dan 0 zijn.`
        : `Criterion ${quote(issue.params.criterionId)} has weight ${weight}; a weight must be a finite number greater than 0.`;
    }
  }
}

/**
 * The criteria of a workspace in display order: by `order`, then by id (so that equal orders, which
 * concurrent edits can create, still give one order on every client).
 */
export function criteriaInOrder<C extends Pick<Criterion, 'id' | 'order'>>(
  criteria: Readonly<Record<string, C>> | readonly C[],
): C[] {
  const list = Array.isArray(criteria)
    ? [...(criteria as readonly C[])]
    : Object.values(criteria as Readonly<Record<string, C>>);
  return list.sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
