import { For } from 'solid-js';
import type { Locale } from '../../../core/model/index.ts';
import { locale, chooseLocale, t } from '../i18n/index.ts';

const LOCALES: Locale[] = ['nl', 'en'];

export function LanguageSwitch() {
  return (
    <label class="lang">
      <span class="visually-hidden">{t('lang.label')}</span>
      <select
        aria-label={t('lang.label')}
        value={locale()}
        onChange={(e) => chooseLocale(e.currentTarget.value as Locale)}
      >
        <For each={LOCALES}>{(l) => <option value={l}>{t(`lang.${l}`)}</option>}</For>
      </select>
    </label>
  );
}
