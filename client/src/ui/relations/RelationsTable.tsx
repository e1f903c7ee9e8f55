/**
 * The relations table, virtualised: a real <table> (header cells with aria-sort, row links, delete
 * buttons) in a scroll box, with spacer rows above and below the rows in view. Rows have a fixed height.
 */
import { A } from '@solidjs/router';
import { createVirtualizer } from '@tanstack/solid-virtual';
import { For, Show } from 'solid-js';
import { formatMoney, locale, t, type MessageKey } from '../../i18n/index.ts';
import { ClassBadge, FireBadge, sinceText } from './common.tsx';
import type { RelationRow, Sort, SortKey } from './tableModel.ts';
import type { PresenceEntry } from '../../app/session.ts';
import { HereDots } from './HereToo.tsx';

const ROW_HEIGHT = 52;

const COLUMNS: { key: SortKey | 'tags'; label: MessageKey; class: string }[] = [
  { key: 'name', label: 'rel.col.name', class: 'c-name' },
  { key: 'kind', label: 'rel.col.kind', class: 'c-kind' },
  { key: 'class', label: 'rel.col.class', class: 'c-class' },
  { key: 'revenue', label: 'rel.col.revenue', class: 'c-revenue' },
  { key: 'owner', label: 'rel.col.owner', class: 'c-owner' },
  { key: 'contact', label: 'rel.col.contact', class: 'c-contact' },
  { key: 'tags', label: 'rel.col.tags', class: 'c-tags' },
];

export function RelationsTable(props: {
  rows: RelationRow[];
  sort: Sort;
  onSort: (key: SortKey) => void;
  readOnly: boolean;
  currency: string;
  /** Colleagues who have a relation open (presence). */
  openBy: (relationId: string) => PresenceEntry[];
  onDelete: (id: string, name: string) => void;
}) {
  let scroller: HTMLDivElement | null = null;
  const virtualizer = createVirtualizer({
    get count() {
      return props.rows.length;
    },
    getScrollElement: () => scroller,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    initialRect: { width: 1200, height: 720 },
    getItemKey: (i) => props.rows[i]?.id ?? i,
  });
  const items = () => virtualizer.getVirtualItems();
  const padTop = () => items()[0]?.start ?? 0;
  const padBottom = () => virtualizer.getTotalSize() - (items().at(-1)?.end ?? 0);

  /** Tags get a column only when a shown relation has one: an empty column took the names' room. */
  const withTags = () => props.rows.some((r) => r.tags.length > 0);
  const columns = () => (withTags() ? COLUMNS : COLUMNS.filter((c) => c.key !== 'tags'));
  const ariaSort = (key: string) =>
    props.sort.key === key ? (props.sort.dir === 'asc' ? 'ascending' : 'descending') : undefined;

  return (
    <div class="rel-scroller" ref={(el) => (scroller = el)}>
      <table class="rel-table" aria-labelledby="relations-title" aria-rowcount={props.rows.length + 1}>
        <colgroup>
          <For each={columns()}>{(c) => <col class={c.class} />}</For>
          <Show when={!props.readOnly}>
            <col class="c-actions" />
          </Show>
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            <For each={columns()}>
              {(c) => (
                <th scope="col" class={c.class} aria-sort={ariaSort(c.key)}>
                  <Show when={c.key !== 'tags'} fallback={t(c.label)}>
                    <button type="button" class="sort" onClick={() => props.onSort(c.key as SortKey)}>
                      {t(c.label)}
                      <span class="sort-arrow" aria-hidden="true">
                        {props.sort.key === c.key ? (props.sort.dir === 'asc' ? '↑' : '↓') : '↕'}
                      </span>
                    </button>
                  </Show>
                </th>
              )}
            </For>
            <Show when={!props.readOnly}>
              <th scope="col" class="c-actions">
                <span class="visually-hidden">{t('rel.col.actions')}</span>
              </th>
            </Show>
          </tr>
        </thead>
        <tbody data-testid="relations">
          <Show when={padTop() > 0}>
            <tr class="spacer" aria-hidden="true" style={{ height: `${padTop()}px` }} />
          </Show>
          <For each={items()}>
            {(item) => (
              <Show when={props.rows[item.index]}>
                {(row) => (
                  <tr aria-rowindex={item.index + 2} style={{ height: `${ROW_HEIGHT}px` }}>
                    <td class="c-name">
                      <A
                        class="rel-name"
                        href={`/relations/${encodeURIComponent(row().id)}`}
                        title={row().name}
                      >
                        {row().name}
                        <HereDots entries={props.openBy(row().id)} />
                      </A>
                      <Show when={row().sector}>
                        <span class="rel-sector">{row().sector}</span>
                      </Show>
                    </td>
                    <td class="c-kind">{t(`kind.${row().kind}`)}</td>
                    <td class="c-class">
                      <ClassBadge
                        cls={row().cls}
                        computed={row().computedClass}
                        overridden={row().overridden}
                        incomplete={row().incomplete}
                      />
                    </td>
                    <td class="c-revenue num">
                      {row().revenue === null ? (
                        <span class="muted">—</span>
                      ) : (
                        formatMoney(locale(), row().revenue!, props.currency)
                      )}
                    </td>
                    <td class="c-owner">{row().ownerName || <span class="muted">—</span>}</td>
                    <td class="c-contact">
                      <Show when={row().fire}>{(fire) => <FireBadge fire={fire()} />}</Show>
                      <span class="since">{sinceText(row().daysSince)}</span>
                    </td>
                    <Show when={withTags()}>
                      <td class="c-tags" title={row().tags.join(', ') || undefined}>
                        <For each={row().tags}>{(tag) => <span class="tag">{tag}</span>}</For>
                      </td>
                    </Show>
                    <Show when={!props.readOnly}>
                      <td class="c-actions">
                        <button
                          type="button"
                          class="icon"
                          aria-label={t('relations.delete', { name: row().name })}
                          title={t('relations.delete', { name: row().name })}
                          onClick={() => props.onDelete(row().id, row().name)}
                        >
                          ×
                        </button>
                      </td>
                    </Show>
                  </tr>
                )}
              </Show>
            )}
          </For>
          <Show when={padBottom() > 0}>
            <tr class="spacer" aria-hidden="true" style={{ height: `${padBottom()}px` }} />
          </Show>
        </tbody>
      </table>
    </div>
  );
}
