/**
 * Workspace settings (/settings): name, default language, currency, contact frequency per class, the
 * acquisition cost of a new client — each saved on change through the intents, with their errors at the
 * field — and who may do what (workspace id, this browser's role). Classification lives on the ABC screen.
 */
import { A } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { Locale, type CadenceSettings } from '../../../../core/model/index.ts';
import type { SchemaIssue } from '../../../../core/model/issues.ts';
import { useWorkspace } from '../../app/context.tsx';
import { REFUSAL, type Result } from '../../../../doc/result.ts';
import { parseNumber } from '../../io/numbers.ts';
import { formatAmount, locale, t, type MessageKey } from '../../i18n/index.ts';
import { SettingInput } from './SettingInput.tsx';
import '../data/data.css';
import './settings.css';

type CadenceKey = keyof CadenceSettings;
const CLASS_KEYS = ['A', 'B', 'C'] as const;
const CADENCE_LABEL: Record<(typeof CLASS_KEYS)[number], MessageKey> = {
  A: 'settings.cadence.A',
  B: 'settings.cadence.B',
  C: 'settings.cadence.C',
};

/** The intent's result as an error text for one field: our own words where we have them. */
const errorOf = (result: Result<unknown>, own: MessageKey): string | null => {
  if (result.ok) return null;
  const issue: SchemaIssue | undefined = result.issues[0];
  if (!issue) return null;
  // Refusals (read-only, still loading) are not about the value: say what the intent says.
  const refusals: string[] = [REFUSAL.readOnly, REFUSAL.notReady, REFUSAL.notFound];
  if (refusals.includes(issue.code)) return issue.text[locale()];
  return t(own);
};

/** A whole number as typed, or the text itself so that the schema says what is wrong with it. */
const wholeNumber = (raw: string): unknown => (/^\s*\d+\s*$/.test(raw) ? Number(raw) : raw.trim());

export default function SettingsView() {
  const ws = useWorkspace();
  const intents = ws.session.store.intents;
  const settings = () => ws.data()!.settings;
  const readOnly = () => ws.readOnly();
  const [localeError, setLocaleError] = createSignal<string | null>(null);

  const saveCadence = (key: CadenceKey, raw: string): string | null => {
    const next = { ...settings().cadence, [key]: wholeNumber(raw) } as CadenceSettings;
    const own = key === 'minContactsPerYearA' ? 'settings.cadence.minInvalid' : 'settings.cadence.positive';
    return errorOf(intents.updateSettings({ cadence: next }), own);
  };

  const saveAcquisition = (raw: string): string | null => {
    if (raw.trim() === '')
      return errorOf(intents.updateSettings({ acquisitionCost: null }), 'settings.acquisition.invalid');
    const parsed = parseNumber(raw, locale());
    const value = parsed.ok ? parsed.value : (raw as unknown as number); // the schema refuses it
    return errorOf(intents.updateSettings({ acquisitionCost: value }), 'settings.acquisition.invalid');
  };

  return (
    <div class="io-screen settings-screen">
      <header class="io-head">
        <h1>{t('settings.title')}</h1>
        <p class="muted">{t('settings.intro')}</p>
        <Show when={readOnly()}>
          <p class="io-note warn">{t('settings.readOnly')}</p>
        </Show>
      </header>

      <section class="panel settings-panel" aria-labelledby="settings-general">
        <h2 id="settings-general">{t('settings.general')}</h2>
        <SettingInput
          id="settings-name"
          label={t('settings.name')}
          value={settings().name}
          readOnly={readOnly()}
          class="wide"
          save={(raw) =>
            raw.trim() === ''
              ? t('settings.name.empty')
              : errorOf(intents.rename(raw.trim()), 'settings.name.empty')
          }
        />
        <div class="settings-field">
          <label for="settings-locale">{t('settings.locale')}</label>
          <div class="settings-control">
            <select
              id="settings-locale"
              value={settings().locale}
              disabled={readOnly()}
              aria-describedby="settings-locale-hint"
              onChange={(e) => {
                const parsed = Locale.safeParse(e.currentTarget.value);
                if (!parsed.success) return;
                const result = intents.setLocale(parsed.data);
                // Only a refusal (read-only, still loading) can stop a choice from this list: say that one.
                setLocaleError(result.ok ? null : result.issues.map((i) => i.text[locale()]).join('; '));
              }}
            >
              <option value="nl">{t('lang.nl')}</option>
              <option value="en">{t('lang.en')}</option>
            </select>
          </div>
          <span class="settings-hint" id="settings-locale-hint">
            {t('settings.locale.hint')}
          </span>
          <Show when={localeError()}>
            <span class="settings-error" role="alert">
              {localeError()}
            </span>
          </Show>
        </div>
        <SettingInput
          id="settings-currency"
          label={t('settings.currency')}
          hint={t('settings.currency.hint')}
          value={settings().currency}
          readOnly={readOnly()}
          class="short"
          save={(raw) =>
            errorOf(
              intents.updateSettings({ currency: raw.trim().toUpperCase() }),
              'settings.currency.invalid',
            )
          }
        />
      </section>

      <section class="panel settings-panel" aria-labelledby="settings-cadence">
        <h2 id="settings-cadence">{t('settings.cadence')}</h2>
        <p class="muted">{t('settings.cadence.intro')}</p>
        <div class="settings-grid">
          <For each={CLASS_KEYS}>
            {(key) => (
              <SettingInput
                id={`settings-cadence-${key}`}
                label={t(CADENCE_LABEL[key])}
                value={String(settings().cadence[key])}
                readOnly={readOnly()}
                inputMode="numeric"
                class="short"
                save={(raw) => saveCadence(key, raw)}
              />
            )}
          </For>
        </div>
        <SettingInput
          id="settings-cadence-min"
          label={t('settings.cadence.min')}
          value={String(settings().cadence.minContactsPerYearA)}
          readOnly={readOnly()}
          inputMode="numeric"
          class="short"
          save={(raw) => saveCadence('minContactsPerYearA', raw)}
        />
      </section>

      <section class="panel settings-panel" aria-labelledby="settings-acq">
        <h2 id="settings-acq">{t('settings.costs')}</h2>
        <SettingInput
          id="settings-acquisition"
          label={t('settings.acquisition')}
          hint={t('settings.acquisition.hint')}
          value={
            settings().acquisitionCost === null ? '' : formatAmount(locale(), settings().acquisitionCost!)
          }
          readOnly={readOnly()}
          inputMode="decimal"
          class="medium"
          save={saveAcquisition}
        >
          <span class="muted settings-unit">{settings().currency}</span>
        </SettingInput>
      </section>

      <section class="panel settings-panel" aria-labelledby="settings-class">
        <h2 id="settings-class">{t('settings.classification')}</h2>
        <p>{t('settings.classification.body')}</p>
        <p>
          <A href="/abc/settings">{t('settings.classification.link')}</A>
        </p>
      </section>

      <section class="panel settings-panel" aria-labelledby="settings-access" data-testid="settings-access">
        <h2 id="settings-access">{t('settings.access')}</h2>
        <dl class="settings-facts">
          <dt>{t('settings.access.workspaceId')}</dt>
          <dd>
            <code data-testid="workspace-id">{ws.session.invite.workspaceId}</code>
          </dd>
          <dt>{t('settings.access.role')}</dt>
          <dd data-testid="role">
            {ws.session.invite.role === 'editor' ? t('settings.access.editor') : t('settings.access.viewer')}
          </dd>
        </dl>
        <p class="muted">{t('settings.access.body')}</p>
      </section>
    </div>
  );
}
