/**
 * What each ruitmodel step shows, from the live plan (plain data, recomputed on every change). Texts keep
 * their line breaks; empty parts say so in words, so a half-written plan still presents honestly.
 */
import { For, Match, Show, Switch, type JSX } from 'solid-js';
import type { AccountPlanDoc, WorkspaceDoc } from '../../../../../core/model/index.ts';
import { formatDate, locale, t } from '../../../i18n/index.ts';
import { BenefitLevels } from '../views/BenefitLevels.tsx';
import { TimelineStrip } from '../views/TimelineStrip.tsx';
import type { PresentStep } from './steps.ts';

/** A plan text, or a muted "not written yet" line. */
function Prose(props: { text: string; class?: string; testid?: string }) {
  return (
    <Show
      when={props.text.trim() !== ''}
      fallback={<p class="muted slide-empty">{t('pv.present.notWritten')}</p>}
    >
      <p class={`slide-prose ${props.class ?? ''}`} data-testid={props.testid}>
        {props.text}
      </p>
    </Show>
  );
}

function Block(props: { title: string; children: JSX.Element; plain?: boolean }) {
  return (
    <section class="slide-block" data-plain={props.plain ? 'true' : undefined}>
      <h2>{props.title}</h2>
      {props.children}
    </section>
  );
}

export function Slide(props: {
  step: PresentStep;
  plan: AccountPlanDoc;
  workspace: WorkspaceDoc | null;
  today: string;
}) {
  const goals = () => Object.values(props.plan.goals).sort((a, b) => a.order - b.order);
  const keyPoints = () => props.plan.keyPoints.filter((k) => k.trim() !== '');
  return (
    <Switch>
      <Match when={props.step === 'opening'}>
        <Show
          when={keyPoints().length > 0}
          fallback={<p class="muted slide-empty">{t('pv.present.noKeyPoints')}</p>}
        >
          <ol class="slide-keypoints" data-testid="present-keypoints">
            <For each={keyPoints()}>{(point) => <li>{point}</li>}</For>
          </ol>
        </Show>
      </Match>

      <Match when={props.step === 'situation'}>
        <div class="slide-columns">
          <div class="slide-main">
            <Prose text={props.plan.situation.text} testid="present-situation" />
          </div>
          <div class="slide-side">
            <Show when={props.plan.situation.currentServices.trim()}>
              <Block title={t('pv.present.currentServices')}>
                <Prose text={props.plan.situation.currentServices} class="small" />
              </Block>
            </Show>
            <Show when={props.plan.situation.relationshipForm.trim()}>
              <Block title={t('pv.present.relationshipForm')}>
                <Prose text={props.plan.situation.relationshipForm} class="small" />
              </Block>
            </Show>
            <Show when={props.plan.developments.trim()}>
              <Block title={t('pv.present.developments')}>
                <Prose text={props.plan.developments} class="small" />
              </Block>
            </Show>
          </div>
        </div>
      </Match>

      <Match when={props.step === 'goals'}>
        <Show when={goals().length > 0} fallback={<p class="muted slide-empty">{t('pv.present.noGoals')}</p>}>
          <ol class="slide-goals" data-testid="present-goals">
            <For each={goals()}>
              {(goal) => (
                <li class="slide-goal">
                  <span class="slide-goal-cat">{t(`pv.goal.${goal.category}`)}</span>
                  <span class="slide-goal-title">{goal.title || t('pv.untitled')}</span>
                  <Show when={goal.metric || goal.target}>
                    <span class="slide-goal-measure">
                      {goal.metric}
                      <Show when={goal.baseline || goal.target}>
                        {goal.metric ? ': ' : ''}
                        <Show when={goal.baseline}>
                          <span>{goal.baseline}</span> →{' '}
                        </Show>
                        <strong>{goal.target}</strong>
                      </Show>
                    </span>
                  </Show>
                  <Show when={goal.deadline}>
                    {(d) => (
                      <span class="slide-goal-when">
                        {t('pv.present.by', { date: formatDate(locale(), d()) })}
                      </span>
                    )}
                  </Show>
                </li>
              )}
            </For>
          </ol>
        </Show>
      </Match>

      <Match when={props.step === 'strategy'}>
        <div class="slide-columns">
          <div class="slide-main">
            <Prose text={props.plan.strategy.text} testid="present-strategy" />
            <Show when={props.plan.strategy.quadrants.length > 0}>
              <p class="slide-chips">
                <span class="visually-hidden">{t('pv.present.ps')}</span>
                <For each={props.plan.strategy.quadrants}>
                  {(q) => <span class="slide-chip">{t(`pv.quadrant.${q}`)}</span>}
                </For>
              </p>
            </Show>
          </div>
          <Show when={Object.keys(props.plan.strategy.benefits).length > 0}>
            <div class="slide-side">
              <Block title={t('pv.benefit.title')} plain>
                <BenefitLevels plan={props.plan} compact />
              </Block>
            </div>
          </Show>
        </div>
      </Match>

      <Match when={props.step === 'timeline'}>
        <TimelineStrip
          plan={props.plan}
          today={props.today}
          professionals={props.workspace?.professionals}
          size="large"
        />
      </Match>

      <Match when={props.step === 'summary'}>
        <Prose text={props.plan.summary} class="large" testid="present-summary" />
        <Show when={goals().length > 0}>
          <section class="slide-block" data-plain="true">
            <h2>{t('pv.step.goals')}</h2>
            <ul class="slide-goal-recap">
              <For each={goals()}>
                {(goal) => (
                  <li>
                    {goal.title || t('pv.untitled')}
                    <Show when={goal.target}>
                      {/* The target with what it measures ("→ Relatiesterkte CFO: 3"), never a bare "→ 3". */}
                      {' → '}
                      {goal.metric ? `${goal.metric}: ` : ''}
                      <strong>{goal.target}</strong>
                    </Show>
                  </li>
                )}
              </For>
            </ul>
          </section>
        </Show>
      </Match>

      <Match when={props.step === 'closing'}>
        <div class="slide-closing">
          <Show when={props.plan.summary.trim()}>
            <section class="slide-recap">
              <h2>{t('pv.present.recap')}</h2>
              <p class="slide-prose small" data-testid="present-recap">
                {props.plan.summary}
              </p>
            </section>
          </Show>
          <Prose text={props.plan.closing} class="large slide-ask" testid="present-closing" />
          <p class="slide-question" data-testid="present-question">
            {t('pv.present.question')}
          </p>
        </div>
      </Match>
    </Switch>
  );
}
