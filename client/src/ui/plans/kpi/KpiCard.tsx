/**
 * One KPI of a plan: its value now (computed by Haard where it has the data, else the latest measurement),
 * its target and how far along it is, the chart of its series, and its measurements with a form to add one.
 * For computed kinds without a history in Haard, "record today's value" keeps today's computed value as a
 * measurement, so the series grows. Writes go through the plan's intents; refusals are shown at the field.
 */
import { createMemo, createSignal, For, Show } from 'solid-js';
import { KPI_LIBRARY, kpiProgress, kpiValue, type KpiContext } from '../../../../../core/kpi.ts';
import type { Kpi } from '../../../../../core/model/index.ts';
import type { PlanSession } from '../../../app/plans.ts';
import { parseNumber } from '../../../io/numbers.ts';
import { formatDate, formatNumber, formatPercent, locale, t, tn } from '../../../i18n/index.ts';
import { issueTexts } from '../../relations/common.tsx';
import { SettingInput } from '../../settings/SettingInput.tsx';
import { formatKpiValue, kpiName } from './format.ts';
import { KpiChart } from './KpiChart.tsx';
import { kpiSeries, sortedMeasurements } from './kpiSeries.ts';
import { DateField } from '../../DateField.tsx';

export function KpiCard(props: {
  kpi: Kpi;
  ctx: KpiContext | null;
  session: PlanSession;
  readOnly: boolean;
  onRemove: (kpi: Kpi) => void;
}) {
  const intents = () => props.session.handle.store.intents;
  const def = () => KPI_LIBRARY[props.kpi.kind];
  const uid = () => `kpi-${props.kpi.id}`;
  const value = createMemo(() => (props.ctx ? kpiValue(props.kpi, props.ctx) : null));
  const progress = () => kpiProgress(props.kpi, value()?.value ?? null);
  const points = createMemo(() => (props.ctx ? kpiSeries(props.kpi, props.ctx) : []));
  const measurements = createMemo(() => sortedMeasurements(props.kpi.measurements).reverse());
  const canRecord = () => def().computed && props.kpi.kind !== 'contactMoments' && value() !== null;

  const [date, setDate] = createSignal(props.ctx?.today ?? '');
  const [raw, setRaw] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);

  /** The value typed, checked against the KPI's scale; an error text or the number. */
  const parseValue = (text: string): number | string => {
    const parsed = parseNumber(text, locale());
    if (!parsed.ok) return t('pv.kpi.valueInvalid');
    const scale = def().scale;
    if (scale && (parsed.value < scale.min || parsed.value > scale.max))
      return t('pv.kpi.outOfScale', { min: scale.min, max: scale.max });
    return parsed.value;
  };

  const addMeasurement = (e: SubmitEvent) => {
    e.preventDefault();
    if (!date()) return setError(t('pv.kpi.dateRequired'));
    const v = parseValue(raw());
    if (typeof v === 'string') return setError(v);
    const result = intents().addMeasurement(props.kpi.id, { date: date(), value: v });
    if (!result.ok) return setError(issueTexts(result.issues));
    setError(null);
    setRaw('');
  };

  const record = () => {
    const now = value();
    if (!now || !props.ctx) return;
    const result = intents().addMeasurement(props.kpi.id, { date: props.ctx.today, value: now.value });
    setError(result.ok ? null : issueTexts(result.issues));
  };

  const saveTarget = (text: string): string | null => {
    if (text.trim() === '') {
      const r = intents().updateKpi(props.kpi.id, { target: null });
      return r.ok ? null : issueTexts(r.issues);
    }
    const v = parseValue(text);
    if (typeof v === 'string') return v;
    const r = intents().updateKpi(props.kpi.id, { target: v });
    return r.ok ? null : issueTexts(r.issues);
  };

  const saveName = (text: string): string | null => {
    const r = intents().updateKpi(props.kpi.id, { name: text.trim() });
    return r.ok ? null : issueTexts(r.issues);
  };

  const chartLabel = () =>
    t('pv.kpi.chartLabel', {
      name: kpiName(props.kpi),
      count: points().length,
      target: props.kpi.target === null ? '—' : formatKpiValue(props.kpi.kind, props.kpi.target),
    });

  return (
    <li class="kpi-card" data-kind={props.kpi.kind} data-testid="kpi-card">
      <div class="kpi-card-head">
        <h3 id={`${uid()}-name`}>{kpiName(props.kpi)}</h3>
        <span class="tag kpi-tag" data-source={def().computed ? 'computed' : 'entered'}>
          {t(def().computed ? 'pv.kpi.computed' : 'pv.kpi.entered')}
        </span>
        <Show when={!props.readOnly}>
          <button
            type="button"
            class="link kpi-remove"
            aria-label={t('pv.kpi.removeNamed', { name: kpiName(props.kpi) })}
            onClick={() => props.onRemove(props.kpi)}
          >
            {t('pv.kpi.remove')}
          </button>
        </Show>
      </div>
      <p class="muted kpi-hint">{t(`pv.kpi.kind.${props.kpi.kind}.hint`)}</p>

      <div class="kpi-figures">
        <div class="kpi-now">
          <span class="kpi-label">{t('pv.kpi.now')}</span>
          <Show when={value()} fallback={<strong class="kpi-value muted">—</strong>}>
            {(v) => (
              <>
                <strong class="kpi-value" data-testid="kpi-value">
                  {formatKpiValue(props.kpi.kind, v().value)}
                </strong>
                <span class="kpi-source muted">
                  {v().source === 'computed'
                    ? t('pv.kpi.computedToday')
                    : t('pv.kpi.measuredOn', { date: formatDate(locale(), v().date) })}
                </span>
              </>
            )}
          </Show>
        </div>
        <SettingInput
          id={`${uid()}-target`}
          label={t('pv.kpi.target')}
          value={props.kpi.target === null ? '' : formatNumber(locale(), props.kpi.target, 2)}
          readOnly={props.readOnly}
          inputMode="decimal"
          class="short"
          save={saveTarget}
        />
        <Show when={progress()}>
          {(share) => (
            <div class="kpi-progress">
              <span class="kpi-label">{t('pv.kpi.progress')}</span>
              <meter
                min={0}
                max={1}
                low={0.5}
                high={0.99}
                optimum={1}
                value={Math.min(1, share())}
                aria-labelledby={`${uid()}-progress`}
              />
              <span id={`${uid()}-progress`}>
                {t('pv.kpi.ofTarget', { share: formatPercent(locale(), share()) })}
              </span>
            </div>
          )}
        </Show>
        <Show when={props.kpi.kind === 'custom'}>
          <SettingInput
            id={`${uid()}-name-input`}
            label={t('pv.kpi.name')}
            value={props.kpi.name}
            readOnly={props.readOnly}
            save={saveName}
          />
        </Show>
      </div>

      <Show when={points().length > 0} fallback={<p class="muted kpi-nodata">{t('pv.kpi.noData')}</p>}>
        <KpiChart points={points()} target={props.kpi.target} scale={def().scale} label={chartLabel()} />
      </Show>

      <details class="kpi-measurements">
        <summary>{tn('pv.kpi.measurements', props.kpi.measurements.length)}</summary>
        <Show when={measurements().length > 0}>
          <table class="kpi-table">
            <thead>
              <tr>
                <th scope="col">{t('pv.kpi.date')}</th>
                <th scope="col">{t('pv.kpi.value')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={measurements()}>
                {(m) => (
                  <tr>
                    <td>{formatDate(locale(), m.date)}</td>
                    <td>{formatKpiValue(props.kpi.kind, m.value)}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </Show>
      </details>

      <Show when={!props.readOnly}>
        <form class="kpi-add" onSubmit={addMeasurement} aria-labelledby={`${uid()}-name`}>
          <label>
            {t('pv.kpi.date')}
            <DateField label={t('pv.kpi.date')} value={date()} onCommit={(d) => void setDate(d ?? '')} />
          </label>
          <label>
            {t('pv.kpi.value')}
            <input
              inputMode="decimal"
              value={raw()}
              aria-invalid={error() ? true : undefined}
              aria-describedby={error() ? `${uid()}-err` : undefined}
              onInput={(e) => setRaw(e.currentTarget.value)}
            />
          </label>
          <button type="submit">{t('pv.kpi.addMeasurement')}</button>
          <Show when={canRecord()}>
            <button type="button" onClick={record}>
              {t('pv.kpi.record', { value: formatKpiValue(props.kpi.kind, value()!.value) })}
            </button>
          </Show>
          <Show when={error()}>
            <span class="kpi-error" id={`${uid()}-err`} role="alert">
              {error()}
            </span>
          </Show>
        </form>
      </Show>
    </li>
  );
}
