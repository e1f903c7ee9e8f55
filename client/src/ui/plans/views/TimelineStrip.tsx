/**
 * The timeline strip (tijdpad): the plan's actions by due date and goal deadlines, month by month, today
 * marked with a line, overdue actions marked in words and colour. Used on the plan page (in PlanViews) and
 * alone on the presentation's timeline step (`size="large"`). The layout comes from `timelineStrip`.
 */
import { createMemo, For, Show } from 'solid-js';
import type { AccountPlanDoc, Professional } from '../../../../../core/model/index.ts';
import { localeTag, locale, t, tn } from '../../../i18n/index.ts';
import { timelineStrip, type StripItem, type StripMonth, type TimelineStripModel } from './timelineStrip.ts';
import './views.css';

const monthLabel = (month: string) =>
  new Intl.DateTimeFormat(localeTag(locale()), { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );
const dayLabel = (date: string) =>
  new Intl.DateTimeFormat(localeTag(locale()), { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );

export function TimelineStrip(props: {
  plan: Pick<AccountPlanDoc, 'actions' | 'goals'>;
  /** `YYYY-MM-DD`. */
  today: string;
  professionals?: Record<string, Professional>;
  size?: 'normal' | 'large';
}) {
  // Large (a slide): months wrap into rows like a calendar and empty months are left out. Unchanged items and
  // months keep their objects from the last model, so <For> re-renders only what changed: a keystroke in a
  // 500-action plan redraws one row, not 500 (issue 7 §5).
  const model = createMemo<TimelineStripModel | undefined>((previous) =>
    keepUnchanged(
      previous,
      timelineStrip(props.plan, props.today, props.size === 'large' ? { maxMonths: 0 } : {}),
    ),
  ) as () => TimelineStripModel;
  // Month rows are keyed by their `YYYY-MM` (a string <For> matches by value), not by the month object: a
  // month whose one item changed is a new object, and keying by it re-created the whole month's row.
  const monthKeys = createMemo(() => model().months.map((m) => m.month), undefined, {
    equals: (a, b) => a.length === b.length && a.every((key, i) => key === b[i]),
  });
  const monthByKey = createMemo(() => new Map(model().months.map((m) => [m.month, m])));
  const owner = (item: StripItem) =>
    item.ownerId ? (props.professionals?.[item.ownerId]?.name ?? null) : null;

  const Item = (p: { item: StripItem; dated: boolean }) => (
    <li
      class="tl-item"
      data-kind={p.item.kind}
      data-status={p.item.status ?? undefined}
      data-overdue={p.item.overdue ? 'true' : undefined}
      data-testid="timeline-item"
    >
      <span class="tl-marker" aria-hidden="true" />
      <span class="tl-text">
        <span class="tl-meta">
          <Show when={p.dated && p.item.date}>{(d) => <time datetime={d()}>{dayLabel(d())}</time>}</Show>
          <span class="tl-kind">{t(p.item.kind === 'goal' ? 'pv.tl.goal' : 'pv.tl.action')}</span>
          <Show when={p.item.overdue}>
            <strong class="tl-flag">{t('pv.tl.overdue')}</strong>
          </Show>
          <Show when={p.item.status === 'done'}>
            <span class="tl-done">{t('pv.status.done')}</span>
          </Show>
        </span>
        <span class="tl-label">{p.item.label || t('pv.untitled')}</span>
        <Show when={owner(p.item)}>{(name) => <span class="tl-owner">{name()}</span>}</Show>
      </span>
    </li>
  );

  return (
    <div class="tl" data-size={props.size ?? 'normal'} data-testid="timeline-strip">
      <Show when={model().months.length > 0} fallback={<p class="muted tl-empty">{t('pv.tl.empty')}</p>}>
        <p class="tl-summary muted">
          {tn(
            'pv.tl.count',
            model().months.reduce((n, m) => n + m.items.length, 0),
          )}
          <Show when={model().overdue > 0}>
            {' · '}
            <strong class="tl-flag-text">{tn('pv.tl.overdueCount', model().overdue)}</strong>
          </Show>
        </p>
        <div class="tl-scroll" tabindex="0" role="region" aria-label={t('pv.tl.label')}>
          <ol class="tl-months">
            <For each={monthKeys()}>
              {(key) => {
                // A removed month keeps its last value until its row is disposed.
                const m = createMemo<StripMonth>(
                  (last) => monthByKey().get(key) ?? last,
                  monthByKey().get(key)!,
                );
                return (
                  <li class="tl-month" data-current={m().current ? 'true' : undefined}>
                    <Show when={m().skippedBefore > 0}>
                      <span class="tl-gap" title={tn('pv.tl.skipped', m().skippedBefore)}>
                        <span class="visually-hidden">{tn('pv.tl.skipped', m().skippedBefore)}</span>
                      </span>
                    </Show>
                    <div class="tl-month-label">
                      <time datetime={m().month}>{monthLabel(m().month)}</time>
                      <Show when={m().current}>
                        <span class="tl-today-label">{t('pv.tl.today')}</span>
                      </Show>
                    </div>
                    <div class="tl-body">
                      <Show when={m().current}>
                        <span
                          class="tl-today"
                          style={{ left: `${(model().todayFraction * 100).toFixed(1)}%` }}
                          data-testid="timeline-today"
                          aria-hidden="true"
                        />
                      </Show>
                      <Show when={m().items.length > 0}>
                        <ul class="tl-items">
                          <For each={m().items}>{(item) => <Item item={item} dated />}</For>
                        </ul>
                      </Show>
                    </div>
                  </li>
                );
              }}
            </For>
          </ol>
        </div>
      </Show>
      <Show when={model().undated.length > 0}>
        <div class="tl-undated">
          <div class="tl-month-label">{t('pv.tl.undated')}</div>
          <ul class="tl-items">
            <For each={model().undated}>{(item) => <Item item={item} dated={false} />}</For>
          </ul>
        </div>
      </Show>
    </div>
  );
}

/** Field by field (an item holds only plain values). */
const sameItem = (a: StripItem, b: StripItem): boolean => {
  const keys = Object.keys(a) as (keyof StripItem)[];
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
};

/** `next`'s items, each replaced by the equal item of `previous` when there is one (same kind and id). */
function reuseItems(previous: readonly StripItem[], next: StripItem[]): StripItem[] {
  const old = new Map(previous.map((item) => [`${item.kind}:${item.id}`, item]));
  return next.map((item) => {
    const before = old.get(`${item.kind}:${item.id}`);
    return before && sameItem(before, item) ? before : item;
  });
}

/** The new model with every unchanged item and month the same object as in the previous model. */
function keepUnchanged(
  previous: TimelineStripModel | undefined,
  next: TimelineStripModel,
): TimelineStripModel {
  if (!previous) return next;
  const oldMonths = new Map(previous.months.map((m) => [m.month, m]));
  const months = next.months.map((m): StripMonth => {
    const before = oldMonths.get(m.month);
    if (!before) return m;
    const items = reuseItems(before.items, m.items);
    const same =
      before.current === m.current &&
      before.skippedBefore === m.skippedBefore &&
      before.items.length === items.length &&
      items.every((item, i) => item === before.items[i]);
    return same ? before : { ...m, items };
  });
  return { ...next, months, undated: reuseItems(previous.undated, next.undated) };
}
