/**
 * Message catalogs and locale formatting. Components never hold literal UI strings: they call `t(key)`.
 * A missing key is a type error; at runtime it renders as `⟦key⟧`, which the browser tests look for.
 */
import { createRoot, createSignal } from 'solid-js';
import type { Locale } from '../../../core/model/index.ts';
import { en, type MessageKey } from './en.ts';
import { nl } from './nl.ts';

export const catalogs: Record<Locale, Record<MessageKey, string>> = { en, nl };
export type { MessageKey };

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

export function setLocale(next: Locale): void {
  globalThis.localStorage?.setItem(STORAGE_KEY, next);
  document.documentElement.lang = next;
  state.setLocaleSignal(next);
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

const tag = (lang: Locale) => (lang === 'nl' ? 'nl-NL' : 'en-GB');
export const formatNumber = (lang: Locale, n: number, digits = 0) =>
  new Intl.NumberFormat(tag(lang), { maximumFractionDigits: digits }).format(n);
export const formatMoney = (lang: Locale, n: number, currency = 'EUR') =>
  new Intl.NumberFormat(tag(lang), { style: 'currency', currency, maximumFractionDigits: 0 }).format(n);
export const formatDate = (lang: Locale, isoDate: string) =>
  new Intl.DateTimeFormat(tag(lang), { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );

/** Plural-aware: picks `<key>.one` or `<key>.other` by the locale's plural rules, with `{count}` filled in. */
export const tn = (key: 'sync.pending', count: number): string => {
  const form =
    new Intl.PluralRules(locale() === 'nl' ? 'nl-NL' : 'en-GB').select(count) === 'one' ? 'one' : 'other';
  return t(`${key}.${form}`, { count });
};
