/**
 * Message catalogs and locale formatting. Components never hold literal UI strings: they call `t(key)`.
 * Each feature keeps its own catalog file in ./catalogs (English `en` and Dutch `nl` with exactly the
 * same keys — the type checker enforces it); they are merged here. A missing key renders as `⟦key⟧`,
 * which the browser tests look for on every screen.
 */
import { createRoot, createSignal } from 'solid-js';
import type { Locale } from '../../../core/model/index.ts';
import { isIsoDate } from '../../../core/dates.ts';
import * as shell from './catalogs/shell.ts';
import * as relations from './catalogs/relations.ts';
import * as team from './catalogs/team.ts';
import * as abc from './catalogs/abc.ts';
import * as data from './catalogs/data.ts';
import * as plans from './catalogs/plans.ts';
import * as fire from './catalogs/fire.ts';
import * as planViews from './catalogs/planViews.ts';
import * as tournament from './catalogs/tournament.ts';
import * as dataImport from './catalogs/dataImport.ts';
import * as meeting from './catalogs/meeting.ts';
import * as history from './catalogs/history.ts';
import * as fields from './catalogs/fields.ts';

const en = {
  ...shell.en,
  ...relations.en,
  ...team.en,
  ...abc.en,
  ...data.en,
  ...dataImport.en,
  ...plans.en,
  ...fire.en,
  ...planViews.en,
  ...tournament.en,
  ...meeting.en,
  ...history.en,
  ...fields.en,
};
export type MessageKey = keyof typeof en;
const nl: Record<MessageKey, string> = {
  ...shell.nl,
  ...relations.nl,
  ...team.nl,
  ...abc.nl,
  ...data.nl,
  ...dataImport.nl,
  ...plans.nl,
  ...fire.nl,
  ...planViews.nl,
  ...tournament.nl,
  ...meeting.nl,
  ...history.nl,
  ...fields.nl,
};

export const catalogs: Record<Locale, Record<MessageKey, string>> = { en, nl };

const STORAGE_KEY = 'haard.locale';

export const browserLocale = (): Locale => {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (stored === 'nl' || stored === 'en') return stored;
  return (globalThis.navigator?.language ?? 'en').toLowerCase().startsWith('nl') ? 'nl' : 'en';
};

const state = createRoot(() => {
  const [locale, setLocaleSignal] = createSignal<Locale>(browserLocale());
  return { locale, setLocaleSignal };
});

export const locale = state.locale;

/** Show the app in `next` and remember it on this device. */
export function setLocale(next: Locale): void {
  globalThis.localStorage?.setItem(STORAGE_KEY, next);
  document.documentElement.lang = next;
  state.setLocaleSignal(next);
}

const CHOSEN_KEY = 'haard.locale.chosen';

/** The person picked a language (the language switch): from now on theirs on this device, whatever the workspace's. */
export function chooseLocale(next: Locale): void {
  globalThis.localStorage?.setItem(CHOSEN_KEY, '1');
  setLocale(next);
}

/**
 * The open workspace's language, used while this person has not picked one on this device
 * (`chooseLocale`): a colleague invited into a Dutch workspace sees Dutch until they pick English.
 */
export function adoptWorkspaceLocale(workspace: Locale): void {
  if (globalThis.localStorage?.getItem(CHOSEN_KEY) || workspace === state.locale()) return;
  setLocale(workspace);
}

export function translate(lang: Locale, key: MessageKey, params?: Record<string, string | number>): string {
  const template = catalogs[lang][key] as string | undefined;
  if (template === undefined) return `⟦${key}⟧`;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (_, name: string) =>
    name in params ? formatParam(lang, params[name]!) : `{${name}}`,
  );
}

const formatParam = (lang: Locale, value: string | number) =>
  typeof value === 'number' ? formatNumber(lang, value) : value;

/** Reactive: re-renders when the locale changes. */
export const t = (key: MessageKey, params?: Record<string, string | number>): string =>
  translate(locale(), key, params);

type PluralBase<K> = K extends `${infer B}.one` ? B : never;
/** Plural-aware: picks `<key>.one` or `<key>.other` by the locale's plural rules, with `{count}` filled in. */
export const tn = (
  key: PluralBase<MessageKey>,
  count: number,
  params?: Record<string, string | number>,
): string => {
  const form = new Intl.PluralRules(localeTag(locale())).select(count) === 'one' ? 'one' : 'other';
  return t(`${key}.${form}` as MessageKey, { ...params, count });
};

/** The BCP 47 tag `Intl` formats a locale with. */
export const localeTag = (lang: Locale): string => (lang === 'nl' ? 'nl-NL' : 'en-GB');

/** Intl formatters are costly to build: one per locale and option set, reused. */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<F extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => F): F {
  let f = formatters.get(key) as F | undefined;
  if (!f) formatters.set(key, (f = make()));
  return f;
}

export const formatNumber = (lang: Locale, n: number, digits = 0) =>
  cached(
    `n|${lang}|${digits}`,
    () => new Intl.NumberFormat(localeTag(lang), { maximumFractionDigits: digits }),
  ).format(n);
/**
 * A number as an input field shows it for editing: the UI language's decimal separator ("1,5" in Dutch,
 * "1.5" in English), at most `digits` decimals, and no thousands separators — the fields that show this read
 * "1.000" as one (parseDecimal takes either separator as the decimal one), so grouping would change the value.
 */
export const formatNumberInput = (lang: Locale, n: number, digits = 4) =>
  cached(
    `i|${lang}|${digits}`,
    () => new Intl.NumberFormat(localeTag(lang), { maximumFractionDigits: digits, useGrouping: false }),
  ).format(n);
/**
 * Haard's one rule for money on screen, in fields and summaries alike: what was entered, never silently
 * rounded. An amount with cents shows exactly two decimals ("1.250.000,50", never "1.250.000,5" nor
 * "1.250.001"); a whole amount shows none ("250.000"). Cents are judged after rounding to the cent, so a
 * floating-point sum like 0.1 + 0.2 reads "0,30". (Chart axes abbreviate on their own: "€ 500K".)
 */
export const centsDigits = (n: number): 0 | 2 => (Math.round(Math.abs(n) * 100) % 100 === 0 ? 0 : 2);
/** An amount of `currency` with its sign: "€ 1.250.000" / "€ 1.250.000,50" (see `centsDigits`). */
export const formatMoney = (lang: Locale, n: number, currency = 'EUR') => {
  const digits = centsDigits(n);
  return cached(
    `m|${lang}|${currency}|${digits}`,
    () =>
      new Intl.NumberFormat(localeTag(lang), {
        style: 'currency',
        currency,
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      }),
  ).format(n);
};
/** An amount as a money field shows it, without the sign: "1.250.000" / "1.250.000,50" (see `centsDigits`). */
export const formatAmount = (lang: Locale, n: number) => {
  const digits = centsDigits(n);
  return cached(
    `a|${lang}|${digits}`,
    () =>
      new Intl.NumberFormat(localeTag(lang), {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      }),
  ).format(n);
};
export const formatPercent = (lang: Locale, share: number, digits = 0) =>
  cached(
    `p|${lang}|${digits}`,
    () => new Intl.NumberFormat(localeTag(lang), { style: 'percent', maximumFractionDigits: digits }),
  ).format(share);
/**
 * A `YYYY-MM-DD` date as the locale writes it. Anything that is not a real date is shown as it is: the
 * browser's Date would roll "2023-02-29" over into 1 March.
 */
export const formatDate = (lang: Locale, isoDate: string) =>
  isIsoDate(isoDate)
    ? cached(
        `d|${lang}`,
        () => new Intl.DateTimeFormat(localeTag(lang), { dateStyle: 'medium', timeZone: 'UTC' }),
      ).format(new Date(`${isoDate}T00:00:00Z`))
    : isoDate;
