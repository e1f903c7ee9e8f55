/**
 * /plans — every account plan of the workspace, from the workspace's plan index (no plan document is opened):
 * title, relation(s), class, owner, completeness, errors and warnings, last change; search, filters and
 * sortable columns kept in the URL. Above it, the A relations without a plan, each one click from a plan.
 */
import { A, useNavigate, useSearchParams } from '@solidjs/router';
import { createMemo, createSignal, For, Show } from 'solid-js';
import { CLASSES, type AbcClass } from '../../../../core/model/index.ts';
import { useWorkspace } from '../../app/context.tsx';
import { createPlan } from '../../app/plans.ts';
import { formatDate, locale, t, tn, type MessageKey } from '../../i18n/index.ts';
import { createOnce } from '../once.ts';
import { issuesText } from '../relations/common.tsx';
import { createToast } from '../Toast.tsx';
import { NewPlanForm } from './NewPlanForm.tsx';
import { Completeness } from './Completeness.tsx';
import {
  aRelationsWithoutPlan,
  buildPlanRows,
  filterPlanRows,
  PLAN_SORT_KEYS,
  sortPlanRows,
  type PlanSortKey,
} from './listModel.ts';
import './plans.css';

type Params = {
  q?: string;
  cls?: string;
  owner?: string;
  errors?: string;
  deleted?: string;
  sort?: string;
  dir?: string;
};

const COLUMNS: { key: PlanSortKey; label: MessageKey }[] = [
  { key: 'title', label: 'plans.col.title' },
  { key: 'relation', label: 'plans.col.relations' },
  { key: 'cls', label: 'plans.col.class' },
  { key: 'owner', label: 'plans.col.owner' },
  { key: 'completeness', label: 'plans.col.completeness' },
  { key: 'findings', label: 'plans.col.findings' },
  { key: 'updatedAt', label: 'plans.col.updated' },
];

export default function PlansView() {
  performance.mark('haard:plans:start');
  const ws = useWorkspace();
  const navigate = useNavigate();
  const toast = createToast();
  const [params, setParams] = useSearchParams<Params>();
  const [adding, setAdding] = createSignal(false);
  const collator = createMemo(() => new Intl.Collator(locale(), { sensitivity: 'base', numeric: true }));

  const rows = createMemo(() => {
    const d = ws.data();
    return d ? buildPlanRows(d, ws.derived.classOf()) : [];
  });
  const sort = createMemo(() => ({
    key: PLAN_SORT_KEYS.includes(params.sort as PlanSortKey) ? (params.sort as PlanSortKey) : 'title',
    dir: params.dir === 'desc' ? ('desc' as const) : ('asc' as const),
  }));
  const visible = createMemo(() =>
    sortPlanRows(
      filterPlanRows(rows(), {
        query: params.q ?? '',
        cls: CLASSES.includes(params.cls as AbcClass) ? (params.cls as AbcClass) : '',
        owner: params.owner ?? '',
        withErrors: params.errors === '1',
        deleted: params.deleted === '1',
      }),
      sort(),
      collator(),
    ),
  );
  const inUse = createMemo(() => rows().filter((r) => !r.deleted).length);
  const deletedCount = createMemo(() => rows().length - inUse());
  const missing = createMemo(() => {
    const d = ws.data();
    return d ? aRelationsWithoutPlan(d, ws.derived.classOf(), collator()) : [];
  });
  const professionals = createMemo(() =>
    Object.values(ws.data()?.professionals ?? {}).sort((a, b) => collator().compare(a.name, b.name)),
  );

  const { run: startFor, busy: starting } = createOnce(
    async (relationId: string, name: string, ownerId: string | null) => {
      const result = await createPlan(ws.session, {
        relationIds: [relationId],
        title: t('plans.new.defaultTitle', { name, year: String(new Date().getFullYear()) }),
        ownerId,
      });
      if (result.ok) navigate(`/plans/${result.value}`);
      else toast.show({ text: issuesText(result.issues), undo: null });
    },
  );

  const sortBy = (key: PlanSortKey) =>
    setParams({ sort: key, dir: sort().key === key && sort().dir === 'asc' ? 'desc' : 'asc' });

  return (
    <div class="plans-screen">
      <Show when={missing().length > 0}>
        <section class="panel warn-panel" aria-labelledby="missing-title">
          <h2 id="missing-title">{tn('plans.missing.title', missing().length)}</h2>
          <p class="muted">{t('plans.missing.intro')}</p>
          <ul class="missing-list">
            <For each={missing()}>
              {(rel) => (
                <li>
                  <A href={`/relations/${rel.id}`}>{rel.name || '—'}</A>
                  <button
                    type="button"
                    class="small"
                    disabled={ws.readOnly() || starting()}
                    onClick={() => void startFor(rel.id, rel.name, rel.ownerId)}
                  >
                    {t('plans.missing.start', { name: rel.name })}
                  </button>
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>

      <section class="panel" aria-labelledby="plans-title">
        <div class="panel-head">
          <h1 id="plans-title" class="screen-title">
            {t('plans.title')}
          </h1>
          <span class="muted">{tn('plans.count', inUse())}</span>
          <Show when={!ws.readOnly()}>
            <button type="button" class="primary" onClick={() => setAdding(true)} disabled={adding()}>
              {t('plans.new')}
            </button>
          </Show>
        </div>
        <p class="muted section-intro">{t('plans.intro')}</p>
        <Show when={adding()}>
          <NewPlanForm onCancel={() => setAdding(false)} />
        </Show>

        <div class="filters" role="search">
          <label class="field grow">
            <span>{t('plans.search')}</span>
            <input
              type="search"
              value={params.q ?? ''}
              onInput={(e) => setParams({ q: e.currentTarget.value || undefined }, { replace: true })}
            />
          </label>
          <label class="field">
            <span>{t('plans.col.class')}</span>
            <select
              aria-label={t('plans.col.class')}
              value={params.cls ?? ''}
              onChange={(e) => setParams({ cls: e.currentTarget.value || undefined })}
            >
              <option value="">{t('plans.filter.all')}</option>
              <For each={CLASSES}>{(c) => <option value={c}>{c}</option>}</For>
            </select>
          </label>
          <label class="field">
            <span>{t('plans.col.owner')}</span>
            <select
              aria-label={t('plans.col.owner')}
              value={params.owner ?? ''}
              onChange={(e) => setParams({ owner: e.currentTarget.value || undefined })}
            >
              <option value="">{t('plans.filter.all')}</option>
              <option value="none">{t('plans.noOwner')}</option>
              <For each={professionals()}>
                {(p) => (
                  <option value={p.id} selected={p.id === params.owner}>
                    {p.name}
                  </option>
                )}
              </For>
            </select>
          </label>
          <label class="check">
            <input
              type="checkbox"
              checked={params.errors === '1'}
              onChange={(e) => setParams({ errors: e.currentTarget.checked ? '1' : undefined })}
            />
            {t('plans.filter.withErrors')}
          </label>
          <Show when={deletedCount() > 0 || params.deleted === '1'}>
            <label class="check">
              <input
                type="checkbox"
                checked={params.deleted === '1'}
                onChange={(e) => setParams({ deleted: e.currentTarget.checked ? '1' : undefined })}
              />
              {tn('plans.filter.deleted', deletedCount())}
            </label>
          </Show>
        </div>

        <Show
          when={params.deleted === '1' ? deletedCount() > 0 : inUse() > 0}
          fallback={<p class="empty muted">{ws.readOnly() ? t('plans.empty.viewer') : t('plans.empty')}</p>}
        >
          <table class="plans-table" data-testid="plans">
            <thead>
              <tr>
                <For each={COLUMNS}>
                  {(col) => (
                    <th
                      scope="col"
                      aria-sort={
                        sort().key === col.key
                          ? sort().dir === 'asc'
                            ? 'ascending'
                            : 'descending'
                          : undefined
                      }
                    >
                      <button type="button" class="th-sort" onClick={() => sortBy(col.key)}>
                        {t(col.label)}
                        <span aria-hidden="true">
                          {sort().key === col.key ? (sort().dir === 'asc' ? ' ▲' : ' ▼') : ''}
                        </span>
                      </button>
                    </th>
                  )}
                </For>
              </tr>
            </thead>
            <tbody>
              <For
                each={visible()}
                fallback={
                  <tr>
                    <td colSpan={COLUMNS.length} class="muted">
                      {t('plans.noMatch')}
                    </td>
                  </tr>
                }
              >
                {(row) => (
                  <tr>
                    <td>
                      <A href={`/plans/${row.id}`} class="plan-link">
                        {row.title || t('plans.untitled')}
                      </A>
                    </td>
                    <td>{row.relationNames.join(', ')}</td>
                    <td>
                      <Show when={row.cls} fallback={<span class="muted">—</span>}>
                        {(cls) => (
                          <span class="cls" data-class={cls()}>
                            {cls()}
                          </span>
                        )}
                      </Show>
                    </td>
                    <td>{row.ownerName || <span class="muted">{t('plans.noOwner')}</span>}</td>
                    <td>
                      <Completeness value={row.completeness} />
                    </td>
                    <td class="findings-cell">
                      <Show when={row.errors > 0}>
                        <span class="count-badge" data-severity="error">
                          {tn('plans.errors', row.errors)}
                        </span>
                      </Show>
                      <Show when={row.warnings > 0}>
                        <span class="count-badge" data-severity="warning">
                          {tn('plans.warnings', row.warnings)}
                        </span>
                      </Show>
                      <Show when={row.errors === 0 && row.warnings === 0}>
                        <span class="muted">{t('plans.noFindings')}</span>
                      </Show>
                    </td>
                    <td>
                      <time dateTime={row.updatedAt}>{formatDate(locale(), row.updatedAt.slice(0, 10))}</time>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </Show>
      </section>
      <toast.View />
    </div>
  );
}
