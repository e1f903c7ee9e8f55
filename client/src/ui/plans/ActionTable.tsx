/**
 * The action plan (DOMAIN.md §4.5) as a keyboard-first table: who / what / when / why / KPI and target /
 * quadrant / cost / status / result / trust-pyramid layer. No mouse needed:
 * - Enter moves to the same column one row down; on the last row it adds a new action and focuses its "what";
 * - ArrowUp / ArrowDown in a text cell move between rows; Alt+ArrowUp / Alt+ArrowDown move the action itself;
 * - the "New action" field under the table adds an action with Enter.
 * Every cell writes through the plan's intents as the user types (selects, dates and cost on change).
 */
import { createMemo, createSignal, For, Show } from 'solid-js';
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
import { formatNumber, locale, t } from '../../i18n/index.ts';
import { createRefusal, RefusalMessage } from './sections.tsx';

type Intents = DocHandle<'plan'>['store']['intents'];

const COLUMNS = [
  'what',
  'ownerId',
  'due',
  'goalId',
  'kpiName',
  'kpiTarget',
  'quadrant',
  'cost',
  'status',
  'result',
  'pyramidLayer',
] as const;
type Column = (typeof COLUMNS)[number];

export function ActionTable(props: {
  plan: AccountPlanDoc;
  intents: Intents;
  readOnly: boolean;
  professionals: Professional[];
}) {
  const refusal = createRefusal();
  const [draft, setDraft] = createSignal('');
  let table: HTMLTableElement | undefined;
  const actions = createMemo(() =>
    Object.values(props.plan.actions).sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1)),
  );
  const goals = createMemo(() =>
    Object.values(props.plan.goals).sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1)),
  );
  const update = (id: string, patch: Partial<Action>) => refusal.check(props.intents.updateAction(id, patch));

  const cell = (row: number, col: Column) =>
    table?.querySelector<HTMLElement>(`tbody tr:nth-child(${row + 1}) [data-col="${col}"]`) ?? null;
  const focusCell = (row: number, col: Column) => queueMicrotask(() => cell(row, col)?.focus());

  const addAction = (what: string, focusRow = true) => {
    const result = props.intents.addAction({ what });
    if (!refusal.check(result) || !focusRow) return;
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

  const costText = (cost: number) => (cost === 0 ? '' : formatNumber(locale(), cost, 2).replace(/\s/g, ''));

  return (
    <div class="action-plan">
      <div class="table-scroll">
        <table class="edit-table action-table" ref={(el) => (table = el)} data-testid="actions">
          <caption class="visually-hidden">{t('plans.actions.caption')}</caption>
          <thead>
            <tr>
              <th scope="col" class="num">
                #
              </th>
              <For each={COLUMNS}>{(c) => <th scope="col">{t(`plans.action.${c}`)}</th>}</For>
              <th scope="col">
                <span class="visually-hidden">{t('plans.remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            <For each={actions()}>
              {(action, i) => {
                const n = () => i() + 1;
                const kd = (col: Column) => (e: KeyboardEvent) => onKeyDown(e, i(), col, action.id);
                const label = (col: Column) =>
                  t('plans.action.cellLabel', { column: t(`plans.action.${col}`), n: n() });
                return (
                  <tr data-status={action.status}>
                    <td class="num">{n()}</td>
                    <td>
                      <input
                        class="what"
                        data-col="what"
                        data-path={`actions.${action.id}.what`}
                        aria-label={label('what')}
                        value={action.what}
                        readOnly={props.readOnly}
                        onInput={(e) => update(action.id, { what: e.currentTarget.value })}
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
                          <option value={action.ownerId!}>{t('plans.action.unknownOwner')}</option>
                        </Show>
                        <For each={props.professionals}>{(p) => <option value={p.id}>{p.name}</option>}</For>
                      </select>
                    </td>
                    <td>
                      <input
                        type="date"
                        data-col="due"
                        data-path={`actions.${action.id}.due`}
                        aria-label={label('due')}
                        value={action.due ?? ''}
                        readOnly={props.readOnly}
                        onChange={(e) => update(action.id, { due: e.currentTarget.value || null })}
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
                            <option value={g.id}>
                              {g.title || t('plans.goal.untitled', { n: gi() + 1 })}
                            </option>
                          )}
                        </For>
                      </select>
                    </td>
                    <td>
                      <input
                        data-col="kpiName"
                        data-path={`actions.${action.id}.kpi`}
                        aria-label={label('kpiName')}
                        value={action.kpi?.name ?? ''}
                        readOnly={props.readOnly}
                        onInput={(e) => {
                          const name = e.currentTarget.value;
                          const target = action.kpi?.target ?? '';
                          update(action.id, { kpi: name || target ? { name, target } : null });
                        }}
                        onKeyDown={kd('kpiName')}
                      />
                    </td>
                    <td>
                      <input
                        class="short"
                        data-col="kpiTarget"
                        data-path={`actions.${action.id}.kpi.target`}
                        aria-label={label('kpiTarget')}
                        value={action.kpi?.target ?? ''}
                        readOnly={props.readOnly}
                        onInput={(e) => {
                          const target = e.currentTarget.value;
                          const name = action.kpi?.name ?? '';
                          update(action.id, { kpi: name || target ? { name, target } : null });
                        }}
                        onKeyDown={kd('kpiTarget')}
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
                        onChange={(e) => update(action.id, { status: e.currentTarget.value as ActionStatus })}
                        onKeyDown={kd('status')}
                      >
                        <For each={ACTION_STATUSES}>
                          {(s) => <option value={s}>{t(`plans.status.${s}`)}</option>}
                        </For>
                      </select>
                    </td>
                    <td>
                      <input
                        data-col="result"
                        data-path={`actions.${action.id}.result`}
                        aria-label={label('result')}
                        value={action.result}
                        readOnly={props.readOnly}
                        onInput={(e) => update(action.id, { result: e.currentTarget.value })}
                        onKeyDown={kd('result')}
                      />
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
                );
              }}
            </For>
          </tbody>
        </table>
      </div>
      <Show when={!props.readOnly}>
        <form
          class="row new-action"
          onSubmit={(e) => {
            e.preventDefault();
            const what = draft().trim();
            if (!what) return;
            setDraft('');
            addAction(what, false);
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
