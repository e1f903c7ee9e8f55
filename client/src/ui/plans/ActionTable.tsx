/**
 * The action plan (DOMAIN.md §4.5) as a keyboard-first table: who / what / when / why / KPI and target /
 * quadrant / cost / status / result / trust-pyramid layer. No mouse needed:
 * - Enter moves to the same column one row down; on the last row it adds a new action and focuses its "what";
 * - ArrowUp / ArrowDown in a text cell move between rows; Alt+ArrowUp / Alt+ArrowDown move the action itself;
 * - the "New action" field under the table adds an action with Enter.
 * Every cell writes through the plan's intents as the user types (selects, dates and cost on change).
 *
 * A long action plan (more than VIRTUAL_FROM actions) scrolls inside the table and only the rows in view
 * are in the DOM (@tanstack/solid-virtual, as the relations table): opening a 500-action plan stays quick.
 * Keyboard moves and "focus this field" from the validation panel scroll the row into view first.
 */
import { DateField } from '../DateField.tsx';
import { LiveText } from '../LiveText.tsx';
import { createVirtualizer } from '@tanstack/solid-virtual';
import { createMemo, createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import {
  ACTION_STATUSES,
  PYRAMID_LAYERS,
  QUADRANTS,
  type AccountPlanDoc,
  type Action,
  type ActionStatus,
  type Professional,
  type PyramidLayer,
  type Quadrant,
} from '../../../../core/model/index.ts';
import type { DocHandle } from '../../app/docs.ts';
import { parseNumber } from '../../io/numbers.ts';
import { formatAmount, locale, t } from '../../i18n/index.ts';
import { createRefusal, RefusalMessage } from './sections.tsx';
import { createDoneOffers, DoneOffers } from '../fire/ContactOffer.tsx';

type Intents = DocHandle<'plan'>['store']['intents'];

/** Event the validation panel sends before it focuses a field: `detail` is the finding's path. */
export const REVEAL_EVENT = 'haard:plan-reveal';

/** From this many actions on, the table renders only the rows in view. */
const VIRTUAL_FROM = 40;
/** Height of an action (its two lines of 38 px, fixed in plans.css, so the virtualiser's sums are exact). */
const ROW_HEIGHT = 76;

/**
 * The table shows each action on two lines so that the whole plan reads at 1366 × 768 without scrolling
 * sideways (it was 1651 px wide in a 764 px card): who / what / when / why / KPI on the first, and under them
 * the less-used result, P, cost, status and trust layer, each column headed twice (header rows 1 and 2).
 */
const LINE_1 = ['what', 'ownerId', 'due', 'goalId', 'kpiName', 'kpiTarget'] as const;
const LINE_2 = ['result', 'quadrant', 'cost', 'status', 'pyramidLayer'] as const;
type Column = (typeof LINE_1)[number] | (typeof LINE_2)[number];

export function ActionTable(props: {
  plan: AccountPlanDoc;
  intents: Intents;
  readOnly: boolean;
  professionals: Professional[];
}) {
  const refusal = createRefusal();
  const doneOffers = createDoneOffers(); // Done → "Log as contact moment" (ContactOffer.tsx)
  const [draft, setDraft] = createSignal('');
  let table: HTMLTableElement | undefined;
  let scroller: HTMLDivElement | undefined;
  const actions = createMemo(() =>
    Object.values(props.plan.actions).sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1)),
  );
  const virtual = () => actions().length > VIRTUAL_FROM;
  const virtualizer = createVirtualizer({
    get count() {
      return actions().length;
    },
    getScrollElement: () => scroller ?? null,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    initialRect: { width: 1200, height: 640 },
    getItemKey: (i) => actions()[i]?.id ?? i,
  });
  /**
   * The rows to render — every action of a short plan, the ones in view of a long one — as the store's own
   * action objects (stable references: a row stays mounted, with its focus, while it stays in view).
   */
  const firstIndex = () => (virtual() ? (virtualizer.getVirtualItems()[0]?.index ?? 0) : 0);
  const rows = createMemo(() => {
    const all = actions();
    if (!virtual()) return all;
    const items = virtualizer.getVirtualItems();
    if (items.length === 0) return [];
    return all.slice(items[0]!.index, items.at(-1)!.index + 1);
  });
  const padTop = () => (virtual() ? (virtualizer.getVirtualItems()[0]?.start ?? 0) : 0);
  const padBottom = () =>
    virtual() ? virtualizer.getTotalSize() - (virtualizer.getVirtualItems().at(-1)?.end ?? 0) : 0;

  /** Bring action `id` into view (the validation panel asks before it focuses a field of it). */
  const reveal = (e: Event) => {
    const path = (e as CustomEvent<string>).detail;
    const id = /^actions\.([^.]+)/.exec(path)?.[1];
    const index = id ? actions().findIndex((a) => a.id === id) : -1;
    if (index >= 0 && virtual()) virtualizer.scrollToIndex(index, { align: 'center' });
  };
  onMount(() => document.addEventListener(REVEAL_EVENT, reveal));
  onCleanup(() => document.removeEventListener(REVEAL_EVENT, reveal));
  const goals = createMemo(() =>
    Object.values(props.plan.goals).sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1)),
  );
  const update = (id: string, patch: Partial<Action>) => refusal.check(props.intents.updateAction(id, patch));

  const cell = (row: number, col: Column) =>
    table?.querySelector<HTMLElement>(`tbody tr[data-index="${row}"] [data-col="${col}"]`) ?? null;
  const focusCell = (row: number, col: Column) => {
    if (virtual()) virtualizer.scrollToIndex(row, { align: 'auto' });
    const tryFocus = (attempts: number) => {
      const el = cell(row, col);
      if (el) el.focus();
      else if (attempts > 0) requestAnimationFrame(() => tryFocus(attempts - 1));
    };
    queueMicrotask(() => tryFocus(5));
  };

  const addAction = (what: string) => {
    const result = props.intents.addAction({ what });
    if (!refusal.check(result)) return;
    const index = actions().findIndex((a) => a.id === result.value);
    focusCell(index, 'what');
  };

  const onKeyDown = (e: KeyboardEvent, row: number, col: Column, id: string) => {
    const target = e.currentTarget as HTMLElement;
    const isSelect = target.tagName === 'SELECT';
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      if (row === actions().length - 1) {
        if (!props.readOnly) addAction('');
      } else focusCell(row + 1, col);
      return;
    }
    if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown') && !props.readOnly) {
      e.preventDefault();
      const to = e.key === 'ArrowUp' ? row - 1 : row + 1;
      if (to < 0 || to >= actions().length) return;
      if (refusal.check(props.intents.moveAction(id, to))) focusCell(to, col);
      return;
    }
    if (!isSelect && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      const to = e.key === 'ArrowUp' ? row - 1 : row + 1;
      if (to >= 0 && to < actions().length) {
        e.preventDefault();
        focusCell(to, col);
      }
    }
  };

  const costText = (cost: number) => (cost === 0 ? '' : formatAmount(locale(), cost).replace(/\s/g, ''));

  return (
    <div class="action-plan">
      <div class="table-scroll" classList={{ virtual: virtual() }} ref={(el) => (scroller = el)}>
        <table
          class="edit-table action-table"
          ref={(el) => (table = el)}
          data-testid="actions"
          aria-rowcount={2 * actions().length + 2}
        >
          <caption class="visually-hidden">{t('plans.actions.caption')}</caption>
          <thead>
            <tr>
              <th scope="col" class="num" rowSpan={2}>
                #
              </th>
              <For each={LINE_1}>{(c) => <th scope="col">{t(`plans.action.${c}`)}</th>}</For>
            </tr>
            <tr class="line-2">
              <For each={LINE_2}>{(c) => <th scope="col">{t(`plans.action.${c}`)}</th>}</For>
              <th scope="col">
                <span class="visually-hidden">{t('plans.remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            <Show when={padTop() > 0}>
              <tr class="spacer" aria-hidden="true" style={{ height: `${padTop()}px` }} />
            </Show>
            <For each={rows()}>
              {(action, at) => {
                const i = () => firstIndex() + at();
                const n = () => i() + 1;
                const kd = (col: Column) => (e: KeyboardEvent) => onKeyDown(e, i(), col, action.id);
                const label = (col: Column) =>
                  t('plans.action.cellLabel', { column: t(`plans.action.${col}`), n: n() });
                return (
                  <>
                    {/* Line 1: who does what, when, why, and the KPI — the five the plan is about, always in view. */}
                    <tr
                      data-status={action.status}
                      data-index={i()}
                      data-line="1"
                      aria-rowindex={2 * i() + 3}
                    >
                      <td class="num" rowSpan={2}>
                        {n()}
                      </td>
                      <td>
                        <LiveText
                          class="what"
                          data-col="what"
                          data-path={`actions.${action.id}.what`}
                          aria-label={label('what')}
                          value={action.what}
                          readOnly={props.readOnly}
                          onSave={(what) => update(action.id, { what })}
                          onKeyDown={kd('what')}
                        />
                      </td>
                      <td>
                        <select
                          data-col="ownerId"
                          data-path={`actions.${action.id}.ownerId`}
                          aria-label={label('ownerId')}
                          value={action.ownerId ?? ''}
                          disabled={props.readOnly}
                          onChange={(e) => update(action.id, { ownerId: e.currentTarget.value || null })}
                          onKeyDown={kd('ownerId')}
                        >
                          <option value="">—</option>
                          <Show
                            when={action.ownerId && !props.professionals.some((p) => p.id === action.ownerId)}
                          >
                            <option value={action.ownerId!} selected>
                              {t('plans.action.unknownOwner')}
                            </option>
                          </Show>
                          <For each={props.professionals}>
                            {(p) => (
                              <option value={p.id} selected={p.id === action.ownerId}>
                                {p.name}
                              </option>
                            )}
                          </For>
                        </select>
                      </td>
                      <td>
                        <DateField
                          compact
                          data-col="due"
                          data-path={`actions.${action.id}.due`}
                          label={label('due')}
                          value={action.due}
                          readOnly={props.readOnly}
                          onCommit={(d) => (update(action.id, { due: d }) ? undefined : refusal.message())}
                          onKeyDown={kd('due')}
                        />
                      </td>
                      <td>
                        <select
                          data-col="goalId"
                          data-path={`actions.${action.id}.goalId`}
                          aria-label={label('goalId')}
                          value={action.goalId ?? ''}
                          disabled={props.readOnly}
                          onChange={(e) => update(action.id, { goalId: e.currentTarget.value || null })}
                          onKeyDown={kd('goalId')}
                        >
                          <option value="">—</option>
                          <For each={goals()}>
                            {(g, gi) => (
                              <option value={g.id} selected={g.id === action.goalId}>
                                {g.title || t('plans.goal.untitled', { n: gi() + 1 })}
                              </option>
                            )}
                          </For>
                        </select>
                      </td>
                      <td>
                        <LiveText
                          data-col="kpiName"
                          data-path={`actions.${action.id}.kpi`}
                          aria-label={label('kpiName')}
                          value={action.kpi?.name ?? ''}
                          readOnly={props.readOnly}
                          onSave={(name) => {
                            const target = action.kpi?.target ?? '';
                            update(action.id, { kpi: name || target ? { name, target } : null });
                          }}
                          onKeyDown={kd('kpiName')}
                        />
                      </td>
                      <td>
                        <LiveText
                          class="short"
                          data-col="kpiTarget"
                          data-path={`actions.${action.id}.kpi.target`}
                          aria-label={label('kpiTarget')}
                          value={action.kpi?.target ?? ''}
                          readOnly={props.readOnly}
                          onSave={(target) => {
                            const name = action.kpi?.name ?? '';
                            update(action.id, { kpi: name || target ? { name, target } : null });
                          }}
                          onKeyDown={kd('kpiTarget')}
                        />
                      </td>
                    </tr>
                    {/* Line 2, under them: the result, the P, cost, status and trust layer (headed by the second header row). */}
                    <tr
                      data-status={action.status}
                      data-index={i()}
                      data-line="2"
                      aria-rowindex={2 * i() + 4}
                    >
                      <td>
                        <LiveText
                          data-col="result"
                          data-path={`actions.${action.id}.result`}
                          aria-label={label('result')}
                          value={action.result}
                          readOnly={props.readOnly}
                          onSave={(result) => update(action.id, { result })}
                          onKeyDown={kd('result')}
                        />
                      </td>
                      <td>
                        <select
                          data-col="quadrant"
                          data-path={`actions.${action.id}.quadrant`}
                          aria-label={label('quadrant')}
                          value={action.quadrant}
                          disabled={props.readOnly}
                          onChange={(e) => update(action.id, { quadrant: e.currentTarget.value as Quadrant })}
                          onKeyDown={kd('quadrant')}
                        >
                          <For each={QUADRANTS}>
                            {(q) => <option value={q}>{t(`plans.quadrant.${q}`)}</option>}
                          </For>
                        </select>
                      </td>
                      <td>
                        <input
                          class="money"
                          inputmode="decimal"
                          data-col="cost"
                          data-path={`actions.${action.id}.cost`}
                          aria-label={label('cost')}
                          value={costText(action.cost)}
                          placeholder="0"
                          readOnly={props.readOnly}
                          onChange={(e) => {
                            const text = e.currentTarget.value.trim();
                            const parsed =
                              text === '' ? { ok: true as const, value: 0 } : parseNumber(text, locale());
                            const value = parsed.ok ? parsed.value : Number.NaN;
                            if (!update(action.id, { cost: value }))
                              e.currentTarget.value = costText(action.cost);
                          }}
                          onKeyDown={kd('cost')}
                        />
                      </td>
                      <td>
                        <select
                          data-col="status"
                          data-path={`actions.${action.id}.status`}
                          aria-label={label('status')}
                          value={action.status}
                          disabled={props.readOnly}
                          onChange={(e) => {
                            const status = e.currentTarget.value as ActionStatus;
                            if (update(action.id, { status }) && status === 'done')
                              doneOffers.offer(action.id);
                          }}
                          onKeyDown={kd('status')}
                        >
                          <For each={ACTION_STATUSES}>
                            {(s) => <option value={s}>{t(`plans.status.${s}`)}</option>}
                          </For>
                        </select>
                      </td>
                      <td>
                        <select
                          data-col="pyramidLayer"
                          data-path={`actions.${action.id}.pyramidLayer`}
                          aria-label={label('pyramidLayer')}
                          value={action.pyramidLayer ?? ''}
                          disabled={props.readOnly}
                          onChange={(e) =>
                            update(action.id, {
                              pyramidLayer: (e.currentTarget.value || null) as PyramidLayer | null,
                            })
                          }
                          onKeyDown={kd('pyramidLayer')}
                        >
                          <option value="">—</option>
                          <For each={PYRAMID_LAYERS}>
                            {(l) => <option value={l}>{t(`plans.layer.${l}`)}</option>}
                          </For>
                        </select>
                      </td>
                      <td>
                        <Show when={!props.readOnly}>
                          <button
                            type="button"
                            class="icon"
                            aria-label={t('plans.action.remove', { n: n() })}
                            onClick={() => refusal.check(props.intents.removeAction(action.id))}
                          >
                            ×
                          </button>
                        </Show>
                      </td>
                    </tr>
                  </>
                );
              }}
            </For>
            <Show when={padBottom() > 0}>
              <tr class="spacer" aria-hidden="true" style={{ height: `${padBottom()}px` }} />
            </Show>
          </tbody>
        </table>
      </div>
      <DoneOffers
        offers={doneOffers}
        planId={props.plan.id}
        relationIds={props.plan.relationIds}
        actions={props.plan.actions}
      />
      <Show when={!props.readOnly}>
        <form
          class="row new-action"
          onSubmit={(e) => {
            e.preventDefault();
            const what = draft().trim();
            if (!what) return;
            setDraft('');
            // Focus its "what": who, when and why are the next Tabs (not ~13 Shift+Tabs back from here).
            addAction(what);
          }}
        >
          <label class="field grow">
            <span>{t('plans.action.new')}</span>
            <input
              value={draft()}
              placeholder={t('plans.action.newHint')}
              onInput={(e) => setDraft(e.currentTarget.value)}
            />
          </label>
          <button type="submit">{t('plans.action.add')}</button>
        </form>
        <p class="muted small">{t('plans.actions.keys')}</p>
      </Show>
      <RefusalMessage message={refusal.message()} />
    </div>
  );
}
