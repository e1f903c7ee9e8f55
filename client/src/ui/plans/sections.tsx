/**
 * Sections of the plan editor (DOMAIN.md §4) that are lists of small fields: the ruitmodel's key points,
 * goals, the strategy's P's and benefits, and the relation's DMU map beside the situation. Every field writes
 * through the plan's intents as the user types (selects and dates on change); a refused write says why.
 */
import { LiveText } from '../LiveText.tsx';
import { createMemo, createSignal, For, Index, Show } from 'solid-js';
import {
  BENEFIT_LEVELS,
  GOAL_CATEGORIES,
  QUADRANTS,
  type AccountPlanDoc,
  type BenefitLevel,
  type Contact,
  type Goal,
  type GoalCategory,
  type Quadrant,
} from '../../../../core/model/index.ts';
import type { Result } from '../../../../doc/index.ts';
import type { DocHandle } from '../../app/docs.ts';
import { locale, t, tn } from '../../i18n/index.ts';
import { AskFirst } from '../AskFirst.tsx';
import { DateField } from '../DateField.tsx';
import { issuesText } from '../relations/common.tsx';

type Intents = DocHandle<'plan'>['store']['intents'];

/** Shows the last refusal of a section's writes. */
export function createRefusal() {
  const [message, setMessage] = createSignal<string | null>(null);
  return {
    message,
    check<T>(result: Result<T>): result is { ok: true; value: T } {
      setMessage(result.ok ? null : issuesText(result.issues));
      return result.ok;
    },
  };
}

export function RefusalMessage(props: { message: string | null }) {
  return (
    <Show when={props.message}>
      <p class="field-error" role="alert">
        {props.message}
      </p>
    </Show>
  );
}

export function KeyPoints(props: { plan: AccountPlanDoc; intents: Intents; readOnly: boolean }) {
  const refusal = createRefusal();
  const points = () => props.plan.keyPoints;
  const set = (next: string[]) => refusal.check(props.intents.setKeyPoints(next));
  return (
    <div class="key-points">
      <ol>
        <Index each={points()}>
          {(point, i) => (
            <li>
              <LiveText
                aria-label={t('plans.keyPoint', { n: i + 1 })}
                data-path={`keyPoints.${i}`}
                value={point()}
                readOnly={props.readOnly}
                onSave={(text) => set(points().map((p, j) => (j === i ? text : p)))}
              />
              <Show when={!props.readOnly}>
                <button
                  type="button"
                  class="icon"
                  aria-label={t('plans.keyPoint.remove', { n: i + 1 })}
                  onClick={() => set(points().filter((_, j) => j !== i))}
                >
                  ×
                </button>
              </Show>
            </li>
          )}
        </Index>
      </ol>
      <Show when={!props.readOnly && points().length < 4}>
        <button
          type="button"
          onClick={() => {
            if (set([...points(), ''])) {
              queueMicrotask(() =>
                document
                  .querySelector<HTMLInputElement>(`[data-path="keyPoints.${points().length - 1}"]`)
                  ?.focus(),
              );
            }
          }}
        >
          {t('plans.keyPoint.add')}
        </button>
      </Show>
      <Show when={points().length === 0}>
        <p class="muted">{t('plans.keyPoints.empty')}</p>
      </Show>
      <RefusalMessage message={refusal.message()} />
    </div>
  );
}

const byOrder = <T extends { order: number; id: string }>(a: T, b: T) =>
  a.order - b.order || (a.id < b.id ? -1 : 1);

export function GoalsSection(props: { plan: AccountPlanDoc; intents: Intents; readOnly: boolean }) {
  const refusal = createRefusal();
  const goals = createMemo(() => Object.values(props.plan.goals).sort(byOrder));
  /** How many actions serve goal `id` (they lose their goal when it is removed). */
  const serving = (id: string) => Object.values(props.plan.actions).filter((a) => a.goalId === id).length;
  const update = (id: string, patch: Partial<Goal>) => refusal.check(props.intents.updateGoal(id, patch));
  const add = () => {
    const result = props.intents.addGoal({ title: '' });
    if (refusal.check(result))
      queueMicrotask(() =>
        document.querySelector<HTMLInputElement>(`[data-path="goals.${result.value}.title"]`)?.focus(),
      );
  };
  return (
    <div class="goals">
      <Show when={goals().length > 0} fallback={<p class="muted">{t('plans.goals.empty')}</p>}>
        <table class="edit-table goals-table">
          <thead>
            <tr>
              <th scope="col">{t('plans.goal.title')}</th>
              <th scope="col">{t('plans.goal.category')}</th>
              <th scope="col">{t('plans.goal.metric')}</th>
              <th scope="col">{t('plans.goal.baseline')}</th>
              <th scope="col">{t('plans.goal.target')}</th>
              <th scope="col">{t('plans.goal.deadline')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('plans.remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            <For each={goals()}>
              {(goal, i) => (
                <tr>
                  <td>
                    <LiveText
                      aria-label={t('plans.goal.titleOf', { n: i() + 1 })}
                      data-path={`goals.${goal.id}.title`}
                      value={goal.title}
                      readOnly={props.readOnly}
                      onSave={(title) => update(goal.id, { title })}
                    />
                  </td>
                  <td>
                    <select
                      aria-label={t('plans.goal.categoryOf', { n: i() + 1 })}
                      data-path={`goals.${goal.id}.category`}
                      value={goal.category}
                      disabled={props.readOnly}
                      onChange={(e) => update(goal.id, { category: e.currentTarget.value as GoalCategory })}
                    >
                      <For each={GOAL_CATEGORIES}>
                        {(c) => <option value={c}>{t(`plans.goalCategory.${c}`)}</option>}
                      </For>
                    </select>
                  </td>
                  <td>
                    <LiveText
                      aria-label={t('plans.goal.metricOf', { n: i() + 1 })}
                      data-path={`goals.${goal.id}.metric`}
                      value={goal.metric}
                      readOnly={props.readOnly}
                      onSave={(metric) => update(goal.id, { metric })}
                    />
                  </td>
                  <td>
                    <LiveText
                      aria-label={t('plans.goal.baselineOf', { n: i() + 1 })}
                      data-path={`goals.${goal.id}.baseline`}
                      class="short"
                      value={goal.baseline}
                      readOnly={props.readOnly}
                      onSave={(baseline) => update(goal.id, { baseline })}
                    />
                  </td>
                  <td>
                    <LiveText
                      aria-label={t('plans.goal.targetOf', { n: i() + 1 })}
                      data-path={`goals.${goal.id}.target`}
                      class="short"
                      value={goal.target}
                      readOnly={props.readOnly}
                      onSave={(target) => update(goal.id, { target })}
                    />
                  </td>
                  <td>
                    <DateField
                      compact
                      label={t('plans.goal.deadlineOf', { n: i() + 1 })}
                      data-path={`goals.${goal.id}.deadline`}
                      value={goal.deadline}
                      readOnly={props.readOnly}
                      onCommit={(d) => (update(goal.id, { deadline: d }) ? undefined : refusal.message())}
                    />
                  </td>
                  <td>
                    <Show when={!props.readOnly}>
                      {/* Removing a goal unlinks every action that serves it: asked first when any does. */}
                      <AskFirst
                        label={t('plans.goal.remove', { title: goal.title || String(i() + 1) })}
                        text="×"
                        buttonClass="icon"
                        yesClass="danger"
                        class="goal-remove-ask"
                        nameByQuestion
                        ask={serving(goal.id) > 0}
                        question={tn('plans.goal.removeAsk', serving(goal.id), {
                          title: goal.title || t('plans.goal.untitled', { n: i() + 1 }),
                        })}
                        yes={t('plans.goal.removeYes')}
                        no={t('plans.goal.removeNo')}
                        onYes={() => refusal.check(props.intents.removeGoal(goal.id))}
                      />
                    </Show>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
      <Show when={!props.readOnly}>
        <button type="button" onClick={add}>
          {t('plans.goal.add')}
        </button>
      </Show>
      <RefusalMessage message={refusal.message()} />
    </div>
  );
}

export function StrategyChoices(props: { plan: AccountPlanDoc; intents: Intents; readOnly: boolean }) {
  const refusal = createRefusal();
  const [level, setLevel] = createSignal<BenefitLevel>('organisation');
  const [description, setDescription] = createSignal('');
  const benefits = createMemo(() => Object.values(props.plan.strategy.benefits));
  const toggle = (q: Quadrant, on: boolean) => {
    const current = props.plan.strategy.quadrants;
    refusal.check(props.intents.setStrategyQuadrants(on ? [...current, q] : current.filter((x) => x !== q)));
  };
  const addBenefit = (e: SubmitEvent) => {
    e.preventDefault();
    const text = description().trim();
    if (!text) return;
    if (refusal.check(props.intents.addBenefit({ level: level(), description: text }))) setDescription('');
  };
  return (
    <div class="strategy-choices">
      <fieldset>
        <legend>{t('plans.strategy.quadrants')}</legend>
        <div class="row wrap">
          <For each={QUADRANTS}>
            {(q) => (
              <label class="check">
                <input
                  type="checkbox"
                  data-path={`strategy.quadrants.${q}`}
                  checked={props.plan.strategy.quadrants.includes(q)}
                  disabled={props.readOnly}
                  onChange={(e) => toggle(q, e.currentTarget.checked)}
                />
                {t(`plans.quadrant.${q}`)}
              </label>
            )}
          </For>
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('plans.benefits')}</legend>
        <p class="muted">{t('plans.benefits.hint')}</p>
        <Show when={benefits().length > 0}>
          <ul class="benefits">
            <For each={benefits()}>
              {(b) => (
                <li>
                  <span class="tag">{t(`plans.benefitLevel.${b.level}`)}</span> {b.description}
                  <Show when={!props.readOnly}>
                    <button
                      type="button"
                      class="icon"
                      aria-label={t('plans.benefit.remove', { description: b.description })}
                      onClick={() => refusal.check(props.intents.removeBenefit(b.id))}
                    >
                      ×
                    </button>
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </Show>
        <Show when={!props.readOnly}>
          <form class="row" onSubmit={addBenefit}>
            <label class="field">
              <span>{t('plans.benefit.level')}</span>
              <select
                aria-label={t('plans.benefit.level')}
                value={level()}
                onChange={(e) => setLevel(e.currentTarget.value as BenefitLevel)}
              >
                <For each={BENEFIT_LEVELS}>
                  {(l) => <option value={l}>{t(`plans.benefitLevel.${l}`)}</option>}
                </For>
              </select>
            </label>
            <label class="field grow">
              <span>{t('plans.benefit.description')}</span>
              <input value={description()} onInput={(e) => setDescription(e.currentTarget.value)} />
            </label>
            <button type="submit">{t('plans.benefit.add')}</button>
          </form>
        </Show>
      </fieldset>
      <RefusalMessage message={refusal.message()} />
    </div>
  );
}

/** The DMU of the plan's relations (DOMAIN.md §1): who decides, who influences, how well we know them. */
export function DmuMap(props: {
  contacts: Contact[];
  relationNames: Record<string, string>;
  multi: boolean;
}) {
  const collator = createMemo(() => new Intl.Collator(locale(), { sensitivity: 'base' }));
  const sorted = createMemo(() =>
    [...props.contacts].sort(
      (a, b) => (b.strength ?? 0) - (a.strength ?? 0) || collator().compare(a.name, b.name),
    ),
  );
  return (
    <aside class="dmu-map" aria-labelledby="dmu-title" data-path="relationIds" tabindex="-1">
      <h3 id="dmu-title">{t('plans.dmu.title')}</h3>
      <Show when={sorted().length > 0} fallback={<p class="muted">{t('plans.dmu.empty')}</p>}>
        <ul>
          <For each={sorted()}>
            {(c) => (
              <li data-role={c.dmuRole ?? 'none'}>
                <span class="dmu-name">{c.name}</span>
                <Show when={c.title}>
                  <span class="muted"> · {c.title}</span>
                </Show>
                <Show when={props.multi}>
                  <span class="muted"> · {props.relationNames[c.relationId] ?? ''}</span>
                </Show>
                <div class="dmu-facts">
                  <span class="tag" data-role={c.dmuRole ?? 'none'}>
                    {c.dmuRole ? t(`rel.dmu.${c.dmuRole}`) : t('plans.dmu.noRole')}
                  </span>
                  <Show when={c.attitude}>{(a) => <span class="tag">{t(`rel.attitude.${a()}`)}</span>}</Show>
                  <span class="strength" aria-label={t('plans.dmu.strength', { n: c.strength })}>
                    {'●'.repeat(c.strength)}
                    <span class="dim">{'○'.repeat(Math.max(0, 5 - c.strength))}</span>
                  </span>
                </div>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </aside>
  );
}
