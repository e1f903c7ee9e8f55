/** Classification settings: mode, shares (as percentages), thresholds, classified kinds — saved on change. */
import { parseDecimal } from '../../io/numbers.ts';
import { For, Show, createEffect, createMemo, createSignal, untrack } from 'solid-js';
import { classify, toScore100 } from '../../../../core/abc/index.ts';
import {
  RELATION_KINDS,
  type ClassificationSettings,
  type RelationKind,
} from '../../../../core/model/index.ts';
import type { SchemaIssue } from '../../../../core/model/issues.ts';
import { useWorkspace } from '../../app/context.tsx';
import {
  formatNumber,
  formatNumberInput,
  formatPercent,
  locale,
  t,
  type MessageKey,
} from '../../i18n/index.ts';
import { issuesText } from './messages.ts';

type Field = 'mode' | 'pA' | 'pC' | 'tA' | 'tC' | 'kinds';
/** What the user typed, per field (kept while it is not valid yet). */
interface Draft {
  pA: string;
  pC: string;
  tA: string;
  tC: string;
}

const toDraft = (s: ClassificationSettings): Draft => ({
  pA: formatNumberInput(locale(), s.pA * 100, 1),
  pC: formatNumberInput(locale(), s.pC * 100, 1),
  tA: formatNumberInput(locale(), s.tA, 2),
  tC: formatNumberInput(locale(), s.tC, 2),
});

/** Our own message for the rules the intent enforces; the intent's text for anything else. */
function errorText(issues: readonly SchemaIssue[]): Partial<Record<Field, string>> {
  const out: Partial<Record<Field, string>> = {};
  for (const i of issues) {
    const field = i.path.split('.')[2] as Field | undefined;
    if (!field) continue;
    let key: MessageKey | null = null;
    if (field === 'kinds') key = 'abc.settings.error.kinds';
    else if (i.code === 'custom' && field === 'pC') key = 'abc.settings.error.sum';
    else if (i.code === 'custom' && field === 'tC') key = 'abc.settings.error.order';
    out[field] = key ? t(key) : issuesText([i]);
  }
  return out;
}

export function SettingsTab() {
  const ws = useWorkspace();
  const settings = () => ws.data()!.settings.classification;
  const [draft, setDraft] = createSignal<Draft>(toDraft(settings()));
  const [errors, setErrors] = createSignal<Partial<Record<Field, string>>>({});
  // Someone else (or undo) changed the settings: show them, unless the user is mid-way through a fix.
  createEffect(() => {
    const next = toDraft(settings());
    if (untrack(() => Object.keys(errors()).length === 0)) setDraft(next);
  });

  const save = (field: Field, next: ClassificationSettings) => {
    // Local range checks first, in the words of this screen.
    const range = (f: 'pA' | 'pC' | 'tA' | 'tC', v: number, min: number, max: number) =>
      Number.isFinite(v) && v >= min && v <= max
        ? null
        : { [f]: t('abc.settings.error.range', { min, max }) };
    const bad =
      (field === 'pA' && range('pA', next.pA * 100, 0, 100)) ||
      (field === 'pC' && range('pC', next.pC * 100, 0, 100)) ||
      (field === 'tA' && range('tA', next.tA, 1, 4)) ||
      (field === 'tC' && range('tC', next.tC, 1, 4));
    if (bad) return setErrors(bad);
    const result = ws.session.store.intents.updateSettings({ classification: next });
    setErrors(result.ok ? {} : errorText(result.issues));
  };

  const current = (): ClassificationSettings => {
    const d = draft();
    return {
      ...settings(),
      kinds: [...settings().kinds],
      pA: parseDecimal(d.pA) / 100,
      pC: parseDecimal(d.pC) / 100,
      tA: parseDecimal(d.tA),
      tC: parseDecimal(d.tC),
    };
  };
  const setNumber = (field: keyof Draft, value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    save(field, current());
  };
  const toggleKind = (kind: RelationKind, on: boolean) => {
    const kinds = RELATION_KINDS.filter((k) => (k === kind ? on : settings().kinds.includes(k)));
    save('kinds', { ...current(), kinds });
  };

  /** What the draft would give, before it is saved (a preview while it is invalid). */
  const preview = createMemo(() => {
    const d = ws.data()!;
    const s = current();
    if (![s.pA, s.pC, s.tA, s.tC].every(Number.isFinite)) return null;
    const c = classify({
      criteria: ws.derived.criteria(),
      relations: Object.values(d.relations),
      scores: d.scores,
      settings: s,
    });
    return c.criteriaValid ? c.counts : null;
  });
  const pB = () => {
    const s = current();
    return Number.isFinite(s.pA + s.pC) ? Math.max(0, 1 - s.pA - s.pC) : null;
  };

  const Err = (p: { field: Field }) => (
    <Show when={errors()[p.field]}>
      <span class="field-error" id={`set-${p.field}-error`} role="alert">
        {errors()[p.field]}
      </span>
    </Show>
  );
  const described = (f: Field) => (errors()[f] ? `set-${f}-error` : undefined);
  const ro = () => ws.readOnly();

  return (
    <div class="abc-tabpanel">
      <section class="panel abc-section settings" aria-labelledby="settings-title" data-testid="abc-settings">
        <div class="panel-head">
          <h2 id="settings-title">{t('abc.settings.title')}</h2>
        </div>

        <fieldset class="mode-pick" disabled={ro()}>
          <legend>{t('abc.settings.mode')}</legend>
          <For each={['distribution', 'thresholds'] as const}>
            {(mode) => (
              <label class="mode-option" classList={{ selected: settings().mode === mode }}>
                <input
                  type="radio"
                  name="abc-mode"
                  value={mode}
                  checked={settings().mode === mode}
                  onChange={() => save('mode', { ...current(), mode })}
                />
                <span>
                  <strong>{t(`abc.settings.mode.${mode}`)}</strong>
                  <span class="muted small">{t(`abc.settings.mode.${mode}Help`)}</span>
                </span>
              </label>
            )}
          </For>
        </fieldset>

        <div class="settings-grid">
          <fieldset
            class="settings-group"
            classList={{ inactive: settings().mode !== 'distribution' }}
            disabled={ro()}
          >
            <legend>{t('abc.settings.mode.distribution')}</legend>
            <label class="field">
              <span>{t('abc.settings.pA')}</span>
              <span class="with-unit">
                <input
                  inputmode="decimal"
                  value={draft().pA}
                  onChange={(e) => setNumber('pA', e.currentTarget.value)}
                  aria-invalid={errors().pA ? true : undefined}
                  aria-describedby={described('pA')}
                />
                <span aria-hidden="true">{t('abc.settings.percent')}</span>
              </span>
              <Err field="pA" />
            </label>
            <label class="field">
              <span>{t('abc.settings.pC')}</span>
              <span class="with-unit">
                <input
                  inputmode="decimal"
                  value={draft().pC}
                  onChange={(e) => setNumber('pC', e.currentTarget.value)}
                  aria-invalid={errors().pC ? true : undefined}
                  aria-describedby={described('pC')}
                />
                <span aria-hidden="true">{t('abc.settings.percent')}</span>
              </span>
              <Err field="pC" />
            </label>
            <Show when={pB() !== null}>
              <p class="small muted">{t('abc.settings.pB', { share: formatPercent(locale(), pB()!, 1) })}</p>
            </Show>
          </fieldset>

          <fieldset
            class="settings-group"
            classList={{ inactive: settings().mode !== 'thresholds' }}
            disabled={ro()}
          >
            <legend>{t('abc.settings.mode.thresholds')}</legend>
            <label class="field">
              <span>{t('abc.settings.tA')}</span>
              <input
                inputmode="decimal"
                value={draft().tA}
                onChange={(e) => setNumber('tA', e.currentTarget.value)}
                aria-invalid={errors().tA ? true : undefined}
                aria-describedby={described('tA')}
              />
              <Err field="tA" />
            </label>
            <label class="field">
              <span>{t('abc.settings.tC')}</span>
              <input
                inputmode="decimal"
                value={draft().tC}
                onChange={(e) => setNumber('tC', e.currentTarget.value)}
                aria-invalid={errors().tC ? true : undefined}
                aria-describedby={described('tC')}
              />
              <Err field="tC" />
            </label>
            <Show
              when={Number.isFinite(parseDecimal(draft().tA)) && Number.isFinite(parseDecimal(draft().tC))}
            >
              <p class="small muted">
                {t('abc.settings.tHelp', {
                  a: formatNumber(locale(), toScore100(parseDecimal(draft().tA))),
                  c: formatNumber(locale(), toScore100(parseDecimal(draft().tC))),
                })}
              </p>
            </Show>
          </fieldset>

          <fieldset class="settings-group" disabled={ro()}>
            <legend>{t('abc.settings.kinds')}</legend>
            <For each={RELATION_KINDS}>
              {(kind) => (
                <label class="check">
                  <input
                    type="checkbox"
                    checked={settings().kinds.includes(kind)}
                    onChange={(e) => toggleKind(kind, e.currentTarget.checked)}
                    aria-describedby={described('kinds')}
                  />
                  <span>{t(`kind.${kind}`)}</span>
                </label>
              )}
            </For>
            <Err field="kinds" />
          </fieldset>
        </div>

        <Show when={preview()}>
          {(c) => (
            <p class="abc-callout" data-testid="settings-preview" aria-live="polite">
              {t('abc.settings.preview', { a: c().A, b: c().B, c: c().C })}
            </p>
          )}
        </Show>
      </section>
    </div>
  );
}
