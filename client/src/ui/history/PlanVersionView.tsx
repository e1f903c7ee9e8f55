/** A plan as it was in a version, read-only: title, key points, texts, goals, actions and KPIs. */
import { For, Show } from 'solid-js';
import { PLAN_HISTORY_TEXTS } from '../../../../core/history/index.ts';
import { t, type MessageKey } from '../../i18n/index.ts';
import { formatValue, recordLabel, type ValueLookups } from './format.ts';

type Json = Record<string, unknown>;
const records = (v: unknown): Json[] =>
  v && typeof v === 'object'
    ? (Object.values(v) as Json[]).sort((a, b) => Number(a.order ?? 0) - Number(b.order ?? 0))
    : [];
const textAt = (plan: Json, path: string): string => {
  let cur: unknown = plan;
  for (const k of path.split('.')) cur = cur && typeof cur === 'object' ? (cur as Json)[k] : undefined;
  return typeof cur === 'string' ? cur : '';
};

export function PlanVersionView(props: { plan: Json; lookups: ValueLookups }) {
  const v = (field: string, value: unknown) => formatValue(field, value, props.lookups);
  const keyPoints = () =>
    Array.isArray(props.plan.keyPoints)
      ? (props.plan.keyPoints as unknown[]).filter(
          (k): k is string => typeof k === 'string' && k.trim() !== '',
        )
      : [];
  return (
    <div class="hist-plan">
      <h4>{String(props.plan.title ?? '')}</h4>
      <Show when={keyPoints().length}>
        <h5>{t('hist.view.keyPoints')}</h5>
        <ul>
          <For each={keyPoints()}>{(k) => <li>{k}</li>}</For>
        </ul>
      </Show>
      <For each={PLAN_HISTORY_TEXTS.filter((p) => textAt(props.plan, p))}>
        {(path) => (
          <>
            <h5>{t(`hist.text.${path}` as MessageKey)}</h5>
            <p class="hist-plan-text">{textAt(props.plan, path)}</p>
          </>
        )}
      </For>
      <Show when={records(props.plan.goals).length}>
        <h5>{t('hist.view.goals')}</h5>
        <ul>
          <For each={records(props.plan.goals)}>
            {(g) => (
              <li>
                {String(g.title ?? '')}
                {g.target ? ` — ${v('target', g.target)}` : ''}
                {g.deadline ? ` (${v('deadline', g.deadline)})` : ''}
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={records(props.plan.actions).length}>
        <h5>{t('hist.view.actions')}</h5>
        <ul>
          <For each={records(props.plan.actions)}>
            {(a) => (
              <li>
                {String(a.what ?? '')} — {v('ownerId', a.ownerId)}, {v('due', a.due)}, {v('status', a.status)}
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={records(props.plan.kpis).length}>
        <h5>{t('hist.view.kpis')}</h5>
        <ul>
          <For each={records(props.plan.kpis)}>
            {(k) => (
              <li>
                {String(k.name || '') || recordLabel('kpis', String(k.kind ?? ''))} — {v('target', k.target)}
              </li>
            )}
          </For>
        </ul>
      </Show>
    </div>
  );
}
