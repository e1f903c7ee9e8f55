/** The first rows as they will be imported: what happens to each, and the values Haard will store. */
import { For, Show } from 'solid-js';
import type { PreviewRow } from '../../io/csvImport.ts';
import { formatNumber, locale, t, tn } from '../../i18n/index.ts';
import { dateText } from './dateText.ts';

export function ImportPreview(props: { rows: PreviewRow[]; ownerName: (id: string) => string }) {
  return (
    <div class="io-table-wrap" tabindex="0" role="region" aria-label={t('data.import.preview.title')}>
      <table class="io-table io-preview" data-testid="import-preview">
        <caption>{tn('data.import.preview.caption', props.rows.length)}</caption>
        <thead>
          <tr>
            <th scope="col" class="num">
              {t('data.import.preview.line')}
            </th>
            <th scope="col">{t('data.import.preview.action')}</th>
            <th scope="col">{t('data.import.preview.relation')}</th>
            <th scope="col">{t('data.import.preview.kind')}</th>
            <th scope="col">{t('data.import.preview.owner')}</th>
            <th scope="col" class="num">
              {t('data.import.preview.revenue')}
            </th>
            <th scope="col">{t('data.import.preview.tags')}</th>
            <th scope="col">{t('data.import.preview.contact')}</th>
            <th scope="col">{t('data.import.preview.title2')}</th>
            <th scope="col">{t('data.import.preview.history')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.rows}>
            {(row) => (
              <tr classList={{ skipped: row.action === 'skip' || row.action === 'unchanged' }}>
                <td class="num">{row.line}</td>
                <td>
                  <Show
                    when={row.sameAs}
                    fallback={
                      <span class="io-action" data-action={row.action}>
                        {t(`data.import.action.${row.action}`)}
                      </span>
                    }
                  >
                    {(first) => (
                      <span class="io-action" data-action="same">
                        {t('data.import.action.sameAs', { line: first() })}
                      </span>
                    )}
                  </Show>
                </td>
                <td class="strong">{row.relation.name}</td>
                <td>{t(`kind.${row.relation.kind}`)}</td>
                <td class="nowrap">{row.relation.ownerId ? props.ownerName(row.relation.ownerId) : ''}</td>
                <td class="num">
                  <Show when={row.relation.revenue !== null}>
                    {formatNumber(locale(), row.relation.revenue!, 2)}
                  </Show>
                </td>
                <td>
                  <For each={row.relation.tags}>{(tag) => <span class="tag">{tag}</span>}</For>
                </td>
                <td>{row.contact?.name}</td>
                <td>{row.contact?.title}</td>
                <td class="nowrap">{row.history ? dateText(row.history) : ''}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
