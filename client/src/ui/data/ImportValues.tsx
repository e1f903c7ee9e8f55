/**
 * Step 3 of the CSV import: every distinct value of an enumerated column (kind, DMU role, attitude) or an
 * owner column, with how many rows have it and what it means in Haard — chosen once, remembered in the
 * workspace for the next import (issue 11 §5).
 */
import { For, Show } from 'solid-js';
import type { Professional } from '../../../../core/model/workspace.ts';
import { isOwnerField, type ValueField } from '../../io/fields.ts';
import { choicesOf, professionalName, type ValueColumn, type ValueEntry } from '../../io/importValues.ts';
import { t, tn, type MessageKey } from '../../i18n/index.ts';
import { fieldLabel } from './issueText.ts';

const codeLabel = (field: ValueField, code: string): string => {
  if (code === 'tag') return t('data.import.values.tag');
  if (field === 'relation.kind') return t(`kind.${code}` as MessageKey);
  if (field === 'contact.dmuRole') return t(`rel.dmu.${code}` as MessageKey);
  return t(`rel.attitude.${code}` as MessageKey);
};

export function ImportValues(props: {
  columns: ValueColumn[];
  professionals: Professional[];
  newPeople: number;
  open: number;
  onChoose: (field: ValueField, key: string, choice: string) => void;
}) {
  const options = (col: ValueColumn, e: ValueEntry): { value: string; label: string }[] => {
    if (isOwnerField(col.field))
      return [
        ...props.professionals.map((p) => ({ value: p.id, label: p.name })),
        { value: 'new', label: t('data.import.values.new', { name: professionalName(e.text) }) },
        { value: 'ignore', label: t('data.import.values.noOwner') },
      ];
    return [
      ...choicesOf(col.field).map((c) => ({ value: c, label: codeLabel(col.field, c) })),
      { value: 'ignore', label: t('data.import.values.ignore') },
    ];
  };
  return (
    <section class="io-step" aria-labelledby="io-values-title" data-testid="import-values">
      <h3 id="io-values-title">{t('data.import.step.values')}</h3>
      <p class="muted io-lead">{t('data.import.values.intro')}</p>
      <div class="io-values">
        <For each={props.columns}>
          {(col) => (
            <div class="io-table-wrap io-values-col" tabindex="0" role="region" aria-label={col.header}>
              <table class="io-table" data-testid={`values-${col.field}`}>
                <caption>
                  {col.header} → {fieldLabel(col.field)}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('data.import.values.value')}</th>
                    <th scope="col" class="num">
                      {t('data.import.values.rows')}
                    </th>
                    <th scope="col">{t('data.import.values.means')}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={col.entries}>
                    {(e) => (
                      <tr classList={{ open: e.choice === null }}>
                        <th scope="row">{e.text}</th>
                        <td class="num">{e.count}</td>
                        <td>
                          <select
                            aria-label={`${col.header}: ${e.text}`}
                            value={e.choice ?? ''}
                            aria-invalid={e.choice === null ? true : undefined}
                            onChange={(ev) => props.onChoose(col.field, e.key, ev.currentTarget.value)}
                          >
                            <Show when={e.choice === null}>
                              <option value="">{t('data.import.values.choose')}</option>
                            </Show>
                            <For each={options(col, e)}>
                              {(o) => (
                                <option value={o.value} selected={o.value === (e.choice ?? '')}>
                                  {o.label}
                                </option>
                              )}
                            </For>
                          </select>
                          <Show
                            when={
                              e.source === 'remembered' || (e.source === 'automatic' && e.choice !== 'new')
                            }
                          >
                            <span class="io-source">
                              {t(`data.import.values.source.${e.source as 'remembered' | 'automatic'}`)}
                            </span>
                          </Show>
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
          )}
        </For>
      </div>
      <Show when={props.newPeople > 0}>
        <p class="io-note">{tn('data.import.values.newPeople', props.newPeople)}</p>
      </Show>
      <Show when={props.open > 0}>
        <p class="io-note warn" role="status">
          {tn('data.import.values.open', props.open)}
        </p>
      </Show>
    </section>
  );
}
