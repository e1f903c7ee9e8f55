/**
 * The KPI section of the plan editor (DOMAIN.md §5): KPIs picked from seed 000's library (or a custom one),
 * each with a target, a series of dated measurements and a chart; Haard computes contact moments, DMU
 * knowledge, data completeness and ambassadors from the workspace. Viewers see everything read-only.
 */
import { useLocation } from '@solidjs/router';
import { createMemo, createSignal, For, Show } from 'solid-js';
import type { KpiContext } from '../../../../../core/kpi.ts';
import { KPI_KINDS, type Kpi, type KpiKind } from '../../../../../core/model/index.ts';
import { KPI_LIBRARY } from '../../../../../core/kpi.ts';
import { useWorkspace } from '../../../app/context.tsx';
import { localToday, type PlanSession } from '../../../app/plans.ts';
import { t } from '../../../i18n/index.ts';
import { issueTexts } from '../../relations/common.tsx';
import { createToast } from '../../Toast.tsx';
import { kpiName } from './format.ts';
import { KpiCard } from './KpiCard.tsx';
import '../../settings/settings.css';
import './kpi.css';

const kindOrder = (k: KpiKind) => KPI_KINDS.indexOf(k);

/** Mounted by the plan page; its element id is `sec-kpis` and presence calls the section `kpis`. */
export function KpiSection(props: { session: PlanSession }) {
  const ws = useWorkspace();
  const location = useLocation();
  const today = localToday();
  const id = () => 'sec-kpis';
  const toast = createToast();
  const store = () => props.session.handle.store;
  const readOnly = () => props.session.readOnly();

  const workspace = createMemo(() => {
    ws.session.store.version();
    return ws.session.store.plain().data;
  });
  const ctx = createMemo<KpiContext | null>(() => {
    const plan = props.session.plain();
    const data = workspace();
    return plan && data ? { workspace: data, relationIds: plan.relationIds, today } : null;
  });
  const kpis = createMemo(() =>
    Object.values(props.session.plain()?.kpis ?? {}).sort(
      (a, b) =>
        kindOrder(a.kind) - kindOrder(b.kind) || a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1),
    ),
  );
  const taken = createMemo(() => new Set(kpis().map((k) => k.kind)));

  const [kind, setKind] = createSignal<KpiKind | ''>('');
  const [name, setName] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);

  const add = (e: SubmitEvent) => {
    e.preventDefault();
    const k = kind();
    if (!k) return setError(t('pv.kpi.pickKind'));
    if (k === 'custom' && name().trim() === '') return setError(t('pv.kpi.nameRequired'));
    const result = store().intents.addKpi({ kind: k, name: k === 'custom' ? name().trim() : '' });
    if (!result.ok) return setError(issueTexts(result.issues));
    setError(null);
    setKind('');
    setName('');
  };

  const remove = (kpi: Kpi) => {
    const result = store().intents.removeKpi(kpi.id);
    toast.show(
      result.ok
        ? { text: t('pv.kpi.removed', { name: kpiName(kpi) }), undo: store().undo }
        : { text: issueTexts(result.issues), undo: null },
    );
  };

  return (
    <section
      class="panel plan-section kpi-section"
      id={id()}
      aria-labelledby={`${id()}-title`}
      data-testid="kpi-section"
      onFocusIn={() => props.session.handle.setLocation({ view: location.pathname, section: 'kpis' })}
    >
      <h2 id={`${id()}-title`}>{t('pv.kpi.title')}</h2>
      <p class="muted section-intro kpi-lead">{t('pv.kpi.lead')}</p>
      <Show when={kpis().length > 0} fallback={<p class="muted empty">{t('pv.kpi.empty')}</p>}>
        <ul class="kpi-list">
          <For each={kpis()}>
            {(kpi) => (
              <KpiCard
                kpi={kpi}
                ctx={ctx()}
                session={props.session}
                readOnly={readOnly()}
                onRemove={remove}
              />
            )}
          </For>
        </ul>
      </Show>
      <Show when={!readOnly()}>
        <form class="kpi-new" onSubmit={add}>
          <label>
            {t('pv.kpi.pick')}
            <select
              aria-label={t('pv.kpi.pick')}
              value={kind()}
              aria-invalid={error() ? true : undefined}
              aria-describedby={error() ? `${id()}-err` : undefined}
              onChange={(e) => setKind(e.currentTarget.value as KpiKind | '')}
            >
              <option value="">{t('pv.kpi.choose')}</option>
              <For each={KPI_KINDS}>
                {(k) => (
                  <option value={k} disabled={k !== 'custom' && taken().has(k)}>
                    {t(`pv.kpi.kind.${k}`)}
                    {KPI_LIBRARY[k].computed ? ` — ${t('pv.kpi.computed')}` : ''}
                  </option>
                )}
              </For>
            </select>
          </label>
          <Show when={kind() === 'custom'}>
            <label>
              {t('pv.kpi.name')}
              <input value={name()} onInput={(e) => setName(e.currentTarget.value)} />
            </label>
          </Show>
          <button type="submit" class="primary">
            {t('pv.kpi.add')}
          </button>
          <Show when={error()}>
            <span class="kpi-error" id={`${id()}-err`} role="alert">
              {error()}
            </span>
          </Show>
        </form>
      </Show>
      <toast.View />
    </section>
  );
}
