/**
 * /relations: every relation in one fast table — search, filters, sortable columns, add, delete with
 * undo. Rows are built, filtered and sorted by the pure table model; only the visible rows are rendered
 * (virtualised), so thousands of relations stay quick. Filters and sort live in the URL, so going back
 * from a relation restores the view.
 */
import { useLocation, useNavigate, useSearchParams } from '@solidjs/router';
import { createMemo, For, onMount, Show } from 'solid-js';
import { RELATION_KINDS, type AbcClass, type RelationKind } from '../../../../core/model/index.ts';
import { useWorkspace } from '../../app/context.tsx';
import { locale, t, tn } from '../../i18n/index.ts';
import { todayIso } from './common.tsx';
import { createRelationDelete } from './DeleteRelation.tsx';
import { createToast } from '../Toast.tsx';
import { AddRelationForm } from './AddRelationForm.tsx';
import { EmptyWorkspace } from './EmptyWorkspace.tsx';
import { colleaguesOn } from './HereToo.tsx';
import { FirstStart } from '../FirstStart.tsx';
import { RelationsTable } from './RelationsTable.tsx';
import {
  activeFilterCount,
  buildRows,
  distinctTags,
  filterRows,
  nextSort,
  SORT_KEYS,
  sortRows,
  type Filters,
  type Sort,
  type SortKey,
} from './tableModel.ts';
import './relations.css';

type Params = {
  q?: string;
  kind?: string;
  cls?: string;
  owner?: string;
  tag?: string;
  sort?: string;
  dir?: string;
};

const CLASS_FILTERS = ['A', 'B', 'C', 'incomplete', 'none'] as const;

export default function RelationsView() {
  performance.mark('haard:relations:start');
  const ws = useWorkspace();
  const store = ws.session.store;
  const toast = createToast();
  const [params, setParams] = useSearchParams<Params>();
  const today = todayIso();

  const collator = createMemo(() => new Intl.Collator(locale(), { sensitivity: 'base', numeric: true }));
  const professionals = createMemo(() =>
    Object.values(ws.data()?.professionals ?? {}).sort((a, b) => collator().compare(a.name, b.name)),
  );
  const rows = createMemo(() => {
    const d = ws.data();
    if (!d) return [];
    return buildRows({
      relations: d.relations,
      professionals: d.professionals,
      classes: ws.derived.classification()?.relations ?? [],
      classifiedKinds: d.settings.classification.kinds,
      log: d.contactLog,
      cadence: d.settings.cadence,
      today,
    });
  });

  const filters = createMemo((): Filters => ({
    query: params.q ?? '',
    kind: RELATION_KINDS.includes(params.kind as RelationKind) ? (params.kind as RelationKind) : '',
    cls: CLASS_FILTERS.includes(params.cls as AbcClass) ? (params.cls as Filters['cls']) : '',
    owner: params.owner ?? '',
    tag: params.tag ?? '',
  }));
  const sort = createMemo((): Sort => ({
    key: SORT_KEYS.includes(params.sort as SortKey) ? (params.sort as SortKey) : 'name',
    dir: params.dir === 'desc' ? 'desc' : 'asc',
  }));
  const visible = createMemo(() => sortRows(filterRows(rows(), filters()), sort(), collator()));
  const tags = createMemo(() => distinctTags(rows(), collator()));

  const set = (patch: Params) => {
    const next: Record<string, string | undefined> = {};
    for (const [k, v] of Object.entries(patch)) next[k] = v ? v : undefined;
    setParams(next, { replace: true });
  };
  const onSort = (key: SortKey) => {
    const s = nextSort(sort(), key);
    set({ sort: s.key, dir: s.dir });
  };
  const clearFilters = () => set({ q: '', kind: '', cls: '', owner: '', tag: '' });

  // Deletes at once with undo; asks first when account plans name the relation (DeleteRelation.tsx).
  const deletion = createRelationDelete({
    onDeleted: (name) => toast.show({ text: t('rel.deleted', { name }), undo: store.undo }),
    onRefused: (text) => toast.show({ text, undo: null }),
  });

  // Deleted on the relation page: offer the undo here, where the user lands.
  const location = useLocation<{ deleted?: string }>();
  const navigate = useNavigate();
  onMount(() => {
    const deleted = location.state?.deleted;
    if (!deleted) return;
    toast.show({ text: t('rel.deleted', { name: deleted }), undo: store.undo });
    // Once: a reload or "back" must not offer the undo again.
    navigate(`${location.pathname}${location.search}`, { replace: true, state: {} });
  });

  onMount(() => {
    // Measured in the browser tests (User Timing: visible in DevTools too).
    requestAnimationFrame(() => {
      performance.mark('haard:relations:rendered');
      performance.measure('haard:relations:render', 'haard:relations:start', 'haard:relations:rendered');
    });
  });

  return (
    <section class="panel relations-screen" aria-labelledby="relations-title">
      <div class="panel-head">
        <h1 id="relations-title" class="screen-title">
          {t('relations.title')}
        </h1>
        <span class="muted" data-testid="relations-count">
          {activeFilterCount(filters()) > 0
            ? t('rel.shown', { shown: visible().length, total: rows().length })
            : tn('rel.count', rows().length)}
        </span>
      </div>

      <FirstStart />
      <Show when={!ws.readOnly()}>
        <AddRelationForm
          professionals={professionals()}
          onAdded={(name, id) =>
            toast.show({
              text: t('rel.added', { name }),
              undo: store.undo,
              // In a long list the new row can land out of view: the toast leads to it.
              open: { href: `/relations/${id}`, label: t('rel.added.open') },
            })
          }
        />
      </Show>

      <div class="rel-toolbar" role="search">
        <label class="field rel-search">
          <span>{t('rel.search')}</span>
          <input
            type="search"
            value={params.q ?? ''}
            placeholder={t('rel.searchPlaceholder')}
            onInput={(e) => set({ q: e.currentTarget.value })}
          />
        </label>
        <label class="field">
          <span>{t('relations.kind')}</span>
          <select
            aria-label={t('relations.kind')}
            value={filters().kind}
            onChange={(e) => set({ kind: e.currentTarget.value })}
          >
            <option value="">{t('rel.filter.any')}</option>
            {RELATION_KINDS.map((k) => (
              <option value={k}>{t(`kind.${k}`)}</option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>{t('rel.filter.class')}</span>
          <select
            aria-label={t('rel.filter.class')}
            value={filters().cls}
            onChange={(e) => set({ cls: e.currentTarget.value })}
          >
            <option value="">{t('rel.filter.any')}</option>
            <option value="A">A</option>
            <option value="B">B</option>
            <option value="C">C</option>
            <option value="incomplete">{t('rel.filter.incomplete')}</option>
            <option value="none">{t('rel.filter.noClass')}</option>
          </select>
        </label>
        <label class="field">
          <span>{t('rel.filter.owner')}</span>
          <select
            aria-label={t('rel.filter.owner')}
            value={filters().owner}
            onChange={(e) => set({ owner: e.currentTarget.value })}
          >
            <option value="">{t('rel.filter.any')}</option>
            <For each={professionals()}>
              {(p) => (
                <option value={p.id} selected={p.id === filters().owner}>
                  {p.name}
                </option>
              )}
            </For>
            <option value="none">{t('rel.filter.noOwner')}</option>
          </select>
        </label>
        <label class="field">
          <span>{t('rel.filter.tag')}</span>
          <select
            aria-label={t('rel.filter.tag')}
            value={filters().tag}
            onChange={(e) => set({ tag: e.currentTarget.value })}
          >
            <option value="">{t('rel.filter.any')}</option>
            <For each={tags()}>
              {(tag) => (
                <option value={tag} selected={tag === filters().tag}>
                  {tag}
                </option>
              )}
            </For>
          </select>
        </label>
        <Show when={activeFilterCount(filters()) > 0}>
          <button type="button" class="link rel-clear" onClick={clearFilters}>
            {t('rel.filter.clear')}
          </button>
        </Show>
      </div>

      <Show when={rows().length > 0} fallback={<EmptyWorkspace />}>
        <RelationsTable
          rows={visible()}
          sort={sort()}
          onSort={onSort}
          readOnly={ws.readOnly()}
          currency={ws.data()?.settings.currency ?? 'EUR'}
          openBy={(id) => colleaguesOn(ws.session.presence(), id)}
          onDelete={deletion.request}
        />
        <Show when={visible().length === 0}>
          <p class="empty muted">
            {t('rel.noResults')}{' '}
            <button type="button" class="link" onClick={clearFilters}>
              {t('rel.filter.clear')}
            </button>
          </p>
        </Show>
      </Show>
      <deletion.Dialog />
      <toast.View />
    </section>
  );
}
