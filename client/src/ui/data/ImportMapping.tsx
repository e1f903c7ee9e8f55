/** Step 1: link each CSV column to a Haard field (or ignore it), and say how numbers are written. */
import { For, Show } from 'solid-js';
import { CONTACT_FIELDS, PERSONAL_FIELDS, RELATION_FIELDS, type Target } from '../../io/fields.ts';
import type { MappingProblem } from '../../io/csvImport.ts';
import type { DetectedFormat, NumberFormat } from '../../io/numbers.ts';
import { t, type MessageKey } from '../../i18n/index.ts';
import { fieldLabel } from './issueText.ts';

const GROUPS: [MessageKey, readonly Target[]][] = [
  ['data.import.mapping.relation', RELATION_FIELDS],
  ['data.import.mapping.contact', CONTACT_FIELDS],
  ['data.import.mapping.personal', PERSONAL_FIELDS],
];

export function ImportMapping(props: {
  headers: string[];
  samples: string[];
  mapping: Target[];
  problems: MappingProblem[];
  numberFormat: NumberFormat | 'auto';
  detected: DetectedFormat;
  onMap: (column: number, target: Target) => void;
  onNumberFormat: (f: NumberFormat | 'auto') => void;
}) {
  const detectedKey = (): MessageKey =>
    props.detected === null
      ? 'data.import.numbers.detected.none'
      : `data.import.numbers.detected.${props.detected}`;
  return (
    <section class="io-step" aria-labelledby="io-map-title">
      <h3 id="io-map-title">{t('data.import.step.map')}</h3>
      <p class="muted io-lead">{t('data.import.mapping.intro')}</p>
      <div class="io-table-wrap" tabindex="0" role="region" aria-label={t('data.import.mapping.title')}>
        <table class="io-table io-mapping" data-testid="column-mapping">
          <thead>
            <tr>
              <th scope="col">{t('data.import.mapping.column')}</th>
              <th scope="col">{t('data.import.mapping.sample')}</th>
              <th scope="col">{t('data.import.mapping.target')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.headers}>
              {(header, i) => (
                <tr classList={{ ignored: props.mapping[i()] === 'ignore' }}>
                  <th scope="row">{header}</th>
                  <td class="io-sample">{props.samples[i()]}</td>
                  <td>
                    <select
                      aria-label={`${t('data.import.mapping.target')}: ${header}`}
                      value={props.mapping[i()]}
                      onChange={(e) => props.onMap(i(), e.currentTarget.value as Target)}
                    >
                      <option value="ignore">{t('data.import.mapping.ignore')}</option>
                      <For each={GROUPS}>
                        {([label, fields]) => (
                          <optgroup label={t(label)}>
                            <For each={fields}>
                              {(f) => <option value={f}>{f === 'ignore' ? '' : fieldLabel(f)}</option>}
                            </For>
                          </optgroup>
                        )}
                      </For>
                    </select>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <For each={props.problems}>
        {(p) => (
          <p class="error" role="alert">
            {p.code === 'noName'
              ? t('data.import.mapping.noName')
              : t('data.import.mapping.twice', { field: fieldLabel(p.field) })}
          </p>
        )}
      </For>
      <div class="io-inline">
        <label class="io-field">
          <span>{t('data.import.numbers.label')}</span>
          <select
            value={props.numberFormat}
            onChange={(e) => props.onNumberFormat(e.currentTarget.value as NumberFormat | 'auto')}
          >
            <option value="auto">{t('data.import.numbers.auto')}</option>
            <option value="nl">{t('data.import.numbers.nl')}</option>
            <option value="en">{t('data.import.numbers.en')}</option>
          </select>
        </label>
        <Show when={props.numberFormat === 'auto'}>
          <p class="muted io-note" classList={{ warn: props.detected === 'conflict' }}>
            {t(detectedKey())}
          </p>
        </Show>
      </div>
    </section>
  );
}
