/**
 * Messages for plan findings (core/plan), in English and Dutch, looked up by rule id. Each message is a
 * function of the finding's params and path; a missing param never breaks a message.
 *
 * Params per rule (all set by core/plan/validate.ts):
 * - `schema.invalid`: `code`, and the issue described per locale as `en` and `nl`
 * - `goal.notMeasurable`: `goal` (title), `missing` (comma-separated: metric, target, deadline)
 * - `goal.noActions`: `goal`
 * - `action.*`: `action` (a short label: its "what", or its id); `goalUnknown` adds `goalId`,
 *   `ownerUnknown` adds `ownerId`, `overdue` adds `due` and `days`, `noKpi` adds `missing`
 *   (`kpi`, or comma-separated `name`, `target`)
 * - `budget.exceeded`: `budget`, `total`, `over`
 * - `section.empty`: `section` (situation, developments, strategy)
 * - `plan.stale`: `updatedOn`, `days`
 * - `p4.crowded`: `quadrant`, `count`, `limit`
 */
import type { Locale, Quadrant } from '../model/index.ts';
import type { Finding, FindingParams, RuleId } from '../plan/rules.ts';

export type FindingMessage = (params: FindingParams, path: string) => string;
export type FindingCatalog = Record<RuleId, FindingMessage>;

const str = (p: FindingParams, key: string, fallback = ''): string => {
  const v = p[key];
  return typeof v === 'string' || typeof v === 'number' ? String(v) : fallback;
};
const num = (p: FindingParams, key: string): number | null => {
  const v = p[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
};
const list = (p: FindingParams, key: string): string[] => str(p, key).split(',').filter(Boolean);

const numberFormat: Record<Locale, Intl.NumberFormat> = {
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }),
  nl: new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 }),
};
const dateFormat: Record<Locale, Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  nl: new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

const amount = (p: FindingParams, key: string, locale: Locale): string => {
  const n = num(p, key);
  return n === null ? str(p, key, '?') : numberFormat[locale].format(n);
};

/** `2026-03-05` → "5 March 2026" / "5 maart 2026"; anything else as it is. */
const date = (p: FindingParams, key: string, locale: Locale): string => {
  const s = str(p, key, '?');
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return s;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(ms) ? s : dateFormat[locale].format(new Date(ms));
};

/** "a, b and c" / "a, b en c". */
const joinAnd = (items: readonly string[], and: string): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`;

const QUADRANT_NAMES: Record<Locale, Record<Quadrant, string>> = {
  en: { project: 'Project', person: 'Person', process: 'Process', partnership: 'Partnership' },
  nl: { project: 'Project', person: 'Persoon', process: 'Proces', partnership: 'Partnership' },
};
const quadrantName = (p: FindingParams, locale: Locale): string => {
  const q = str(p, 'quadrant');
  return Object.hasOwn(QUADRANT_NAMES[locale], q) ? QUADRANT_NAMES[locale][q as Quadrant] : q;
};

const named = (names: Record<string, string>, key: string): string =>
  Object.hasOwn(names, key) ? (names[key] ?? key) : key;

const EN_GOAL_FIELDS: Record<string, string> = { metric: 'metric', target: 'target', deadline: 'deadline' };
const EN_SECTIONS: Record<string, string> = {
  situation: 'Situation',
  developments: 'Developments',
  strategy: 'Strategy',
};
const days = (n: string) => (n === '1' ? '1 day' : `${n} days`);

export const en: FindingCatalog = {
  'schema.invalid': (p, path) => `${path || 'The plan'} ${str(p, 'en', 'is invalid')}`,
  'plan.noGoals': () => 'The plan has no goals yet: add at least one specific, measurable goal.',
  'goal.notMeasurable': (p) => {
    const missing = list(p, 'missing').map((f) => `the ${named(EN_GOAL_FIELDS, f)}`);
    return `Goal “${str(p, 'goal')}” is not measurable: ${joinAnd(missing, 'and') || 'something'} ${
      missing.length > 1 ? 'are' : 'is'
    } missing.`;
  },
  'goal.noActions': (p) => `No action serves goal “${str(p, 'goal')}” yet.`,
  'action.noOwner': (p) => `Action “${str(p, 'action')}” has no owner: who will do it?`,
  'action.noDue': (p) => `Action “${str(p, 'action')}” has no due date: when will it be done?`,
  'action.noGoal': (p) => `Action “${str(p, 'action')}” serves no goal: why are we doing it?`,
  'action.goalUnknown': (p) =>
    `Action “${str(p, 'action')}” serves a goal that does not exist (${str(p, 'goalId', '?')}).`,
  'action.noKpi': (p) => {
    const missing = list(p, 'missing');
    if (missing.length === 0 || missing.includes('kpi'))
      return `Action “${str(p, 'action')}” has no KPI: how will we know it worked?`;
    return `The KPI of action “${str(p, 'action')}” has no ${joinAnd(missing, 'or')}.`;
  },
  'action.ownerUnknown': (p) =>
    `The owner of action “${str(p, 'action')}” (${str(p, 'ownerId', '?')}) is not on this workspace's team.`,
  'action.overdue': (p) =>
    `Action “${str(p, 'action')}” was due on ${date(p, 'due', 'en')} (${days(str(p, 'days', '?'))} ago) and is still planned.`,
  'budget.exceeded': (p) =>
    `The actions cost ${amount(p, 'total', 'en')}: ${amount(p, 'over', 'en')} more than the budget of ${amount(p, 'budget', 'en')}.`,
  'section.empty': (p) => `The section “${named(EN_SECTIONS, str(p, 'section'))}” is still empty.`,
  'plan.stale': (p) =>
    `Nothing in the plan has changed for ${days(str(p, 'days', '?'))} (last change ${date(p, 'updatedOn', 'en')}). How much more do we know than half a year ago?`,
  'p4.crowded': (p) =>
    `${str(p, 'count', '?')} activities in the ${quadrantName(p, 'en')} quadrant: keep it simple (at most ${str(p, 'limit', '3')}).`,
  'dmu.noDecider': (p) =>
    str(p, 'contacts') === '0'
      ? 'The relation has no contacts yet: who makes the decision? Add the people of the DMU.'
      : 'None of the relation’s contacts is a decider: who makes the decision?',
};

const NL_GOAL_FIELDS: Record<string, string> = {
  metric: 'de maatstaf',
  target: 'de streefwaarde',
  deadline: 'de deadline',
};
const NL_KPI_FIELDS: Record<string, string> = { name: 'naam', target: 'streefwaarde' };
const NL_SECTIONS: Record<string, string> = {
  situation: 'Situatie',
  developments: 'Ontwikkelingen',
  strategy: 'Strategie',
};
const dagen = (n: string) => (n === '1' ? '1 dag' : `${n} dagen`);

export const nl: FindingCatalog = {
  'schema.invalid': (p, path) => `${path || 'Het plan'} ${str(p, 'nl', 'is ongeldig')}`,
  'plan.noGoals': () => 'Het plan heeft nog geen doelen: voeg minstens één specifiek en meetbaar doel toe.',
  'goal.notMeasurable': (p) => {
    const missing = list(p, 'missing').map((f) => named(NL_GOAL_FIELDS, f));
    return `Doel ‘${str(p, 'goal')}’ is niet meetbaar: ${joinAnd(missing, 'en') || 'er'} ${
      missing.length > 1 ? 'ontbreken' : 'ontbreekt'
    }.`;
  },
  'goal.noActions': (p) => `Nog geen enkele actie draagt bij aan doel ‘${str(p, 'goal')}’.`,
  'action.noOwner': (p) => `Actie ‘${str(p, 'action')}’ heeft geen eigenaar: wie gaat het doen?`,
  'action.noDue': (p) => `Actie ‘${str(p, 'action')}’ heeft geen deadline: wanneer moet het klaar zijn?`,
  'action.noGoal': (p) => `Actie ‘${str(p, 'action')}’ hoort bij geen enkel doel: waarom doen we dit?`,
  'action.goalUnknown': (p) =>
    `Actie ‘${str(p, 'action')}’ hoort bij een doel dat niet bestaat (${str(p, 'goalId', '?')}).`,
  'action.noKpi': (p) => {
    const missing = list(p, 'missing');
    if (missing.length === 0 || missing.includes('kpi'))
      return `Actie ‘${str(p, 'action')}’ heeft geen prestatie-indicator: waaraan zien we dat het gewerkt heeft?`;
    const gaps = missing.map((f) => `geen ${named(NL_KPI_FIELDS, f)}`);
    return `De prestatie-indicator van actie ‘${str(p, 'action')}’ heeft ${joinAnd(gaps, 'en')}.`;
  },
  'action.ownerUnknown': (p) =>
    `De eigenaar van actie ‘${str(p, 'action')}’ (${str(p, 'ownerId', '?')}) hoort niet bij het team van deze werkruimte.`,
  'action.overdue': (p) =>
    `Actie ‘${str(p, 'action')}’ had op ${date(p, 'due', 'nl')} klaar moeten zijn (${dagen(str(p, 'days', '?'))} geleden) en staat nog op gepland.`,
  'budget.exceeded': (p) =>
    `De acties kosten ${amount(p, 'total', 'nl')}: ${amount(p, 'over', 'nl')} meer dan het budget van ${amount(p, 'budget', 'nl')}.`,
  'section.empty': (p) => `Het onderdeel ‘${named(NL_SECTIONS, str(p, 'section'))}’ is nog leeg.`,
  'plan.stale': (p) =>
    `Al ${dagen(str(p, 'days', '?'))} is er niets aan het plan veranderd (laatste wijziging ${date(p, 'updatedOn', 'nl')}). Wat weten we nu meer dan een half jaar geleden?`,
  'p4.crowded': (p) =>
    `${str(p, 'count', '?')} activiteiten in het kwadrant ${quadrantName(p, 'nl')}: houd het eenvoudig (hooguit ${str(p, 'limit', '3')}).`,
  'dmu.noDecider': (p) =>
    str(p, 'contacts') === '0'
      ? 'De relatie heeft nog geen contactpersonen: wie neemt de beslissing? Leg de mensen van de DMU vast.'
      : 'Geen van de contactpersonen van de relatie is besluitvormer: wie neemt de beslissing in de DMU?',
};

export const findingCatalogs: Record<Locale, FindingCatalog> = { en, nl };

/** The message for a finding in `locale` (English for an unknown locale); never throws. */
export function findingMessage(finding: Pick<Finding, 'id' | 'path' | 'params'>, locale: Locale): string {
  const lang: Locale = locale === 'nl' ? 'nl' : 'en';
  const catalog = findingCatalogs[lang];
  const params = finding.params ?? {};
  if (Object.hasOwn(catalog, finding.id)) return catalog[finding.id](params, finding.path);
  return lang === 'nl'
    ? `Onbekende bevinding ${finding.id} bij ${finding.path || 'het plan'}`
    : `Unknown finding ${finding.id} at ${finding.path || 'the plan'}`;
}
