/**
 * Step 2 of the CSV import: link each column to a Haard field (or ignore it). Text fields may take several
 * columns (first and last name make the contact's name); the step says what is combined.
 */
import { For, Show } from 'solid-js';
import {
  CONTACT_FIELDS,
  HISTORY_FIELDS,
  PERSONAL_FIELDS,
  RELATION_FIELDS,
  type Field,
  type Target,
} from '../../io/fields.ts';
import type { MappingProblem } from '../../io/csvImport.ts';
import { t, type MessageKey } from '../../i18n/index.ts';
import { fieldLabel } from './issueText.ts';

const GROUPS: [MessageKey, readonly Target[]][] = [
  ['data.import.mapping.relation', RELATION_FIELDS],
  ['data.import.mapping.contact', CONTACT_FIELDS],
  ['data.import.mapping.personal', PERSONAL_FIELDS],
  ['data.import.mapping.history', HISTORY_FIELDS],
];

export function ImportMapping(props: {
  headers: string[];
  samples: string[];
  mapping: Target[];
  /** Columns whose link came from the workspace's memory of an earlier import. */
  remembered: boolean[];
  /** Fields filled from more than one column, with those columns' headers in combining order. */
  combined: [Field, string[]][];
  problems: MappingProblem[];
  onMap: (column: number, target: Target) => void;
}) {
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
                      title={props.remembered[i()] ? t('data.import.mapping.remembered') : undefined}
                      onChange={(e) => props.onMap(i(), e.currentTarget.value as Target)}
                    >
                      <option value="ignore">{t('data.import.mapping.ignore')}</option>
                      <For each={GROUPS}>
                        {([label, fields]) => (
                          <optgroup label={t(label)}>
                            <For each={fields}>
                              {(f) => (
                                <option value={f} selected={f === props.mapping[i()]}>
                                  {f === 'ignore' ? '' : fieldLabel(f)}
                                </option>
                              )}
                            </For>
                          </optgroup>
                        )}
                      </For>
                    </select>
                    <Show when={props.remembered[i()]}>
                      <span class="io-source">{t('data.import.values.source.remembered')}</span>
                    </Show>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <For each={props.combined}>
        {([field, headers]) => (
          <p class="io-note" data-testid="combined">
            {t('data.import.mapping.combined', {
              field: fieldLabel(field),
              columns: headers.map((name) => t('data.import.mapping.quoted', { name })).join(' + '),
            })}
          </p>
        )}
      </For>
      <Show when={props.mapping.includes('contact.owner') && !props.mapping.includes('relation.owner')}>
        <p class="io-note muted">{t('data.import.mapping.contactOwner')}</p>
      </Show>
      <For each={props.problems}>
        {(p) => (
          <p class="error" role="alert">
            {p.code === 'noName'
              ? t('data.import.mapping.noName')
              : t('data.import.mapping.twice', { field: fieldLabel(p.field) })}
          </p>
        )}
      </For>
    </section>
  );
}
