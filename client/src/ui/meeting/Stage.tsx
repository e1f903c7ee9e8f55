/**
 * The presentation on the board: the current agenda item's account plan at one ruitmodel step, drawn by the
 * plan's own presentation slides (ui/plans/present), live as the plan changes. The step buttons move the
 * meeting for the one who facilitates; for anyone else they look around on their own (and stop following).
 */
import { A } from '@solidjs/router';
import { createMemo, For, Show } from 'solid-js';
import { orderedAgenda } from '../../../../core/meetingBoard.ts';
import { useWorkspace } from '../../app/context.tsx';
import { localToday, usePlan } from '../../app/plans.ts';
import { t } from '../../i18n/index.ts';
import { Slide } from '../plans/present/PresentSlides.tsx';
import { phaseOf, presentPath, PRESENT_STEPS, type PresentStep } from '../plans/present/steps.ts';
import { useBoard, useNames } from './board.tsx';
import { liveStepOf, type Position } from './position.ts';
import { relationNamesOf } from '../relations/relationNames.ts';
import '../plans/present/present.css';

export function Stage(props: {
  position: Position | null;
  amDriver: boolean;
  onLookAround: (position: Position) => void;
}) {
  const board = useBoard();
  const agenda = createMemo(() => orderedAgenda(board.doc()));
  const item = () => agenda().find((a) => a.id === props.position?.agendaItemId) ?? null;
  const go = (step: PresentStep) => {
    const current = item();
    if (!current) return;
    if (props.amDriver) {
      const s = liveStepOf(step);
      board.check(board.meeting.handle.store.intents.setStep(current.id, s.step, s.planStep));
    } else props.onLookAround({ agendaItemId: current.id, step });
  };

  return (
    <section class="mt-stage panel" aria-labelledby="mt-stage-title">
      <Show
        when={item() && props.position}
        fallback={
          <p class="mt-stage-empty muted" data-testid="meeting-stage" data-step="none">
            {t('mt.live.closing')}
          </p>
        }
      >
        <Show when={item()!.planId} keyed>
          {(planId) => <PlanSlide planId={planId} step={props.position!.step} agendaItemId={item()!.id} />}
        </Show>
        <nav class="mt-steps" aria-label={t('mt.live.steps')}>
          <For each={PRESENT_STEPS}>
            {(step) => (
              <button
                type="button"
                class="mt-step"
                aria-current={props.position?.step === step ? 'step' : undefined}
                onClick={() => go(step)}
              >
                <Show when={phaseOf(step).number}>{(n) => <span class="mt-step-n">{n()}</span>}</Show>
                {t(`pv.step.${step}`)}
              </button>
            )}
          </For>
        </nav>
      </Show>
    </section>
  );
}

function PlanSlide(props: { planId: string; step: PresentStep; agendaItemId: string }) {
  const ws = useWorkspace();
  const names = useNames();
  const plan = usePlan(ws.session, props.planId);
  const today = localToday();
  const relationNames = () =>
    relationNamesOf(ws.data()?.relations, plan.plain()?.relationIds ?? []).join(', ');
  return (
    <article
      class="slide mt-slide"
      data-testid="meeting-stage"
      data-step={props.step}
      data-agenda-item={props.agendaItemId}
    >
      <header class="slide-head">
        <p class="slide-kicker">
          {phaseOf(props.step).number
            ? t('pv.present.planPart', { n: phaseOf(props.step).number!, total: 4 })
            : names.plan(props.planId)}
        </p>
        <h2 id="mt-stage-title" class="slide-title">
          {props.step === 'opening'
            ? (plan.plain()?.title ?? names.plan(props.planId))
            : t(`pv.step.${props.step}`)}
        </h2>
        <Show when={props.step === 'opening' && relationNames()}>
          <p class="slide-sub">{relationNames()}</p>
        </Show>
        <A href={presentPath(props.planId, props.step)} class="mt-fullscreen muted">
          {t('pv.present.fullscreen')}
        </A>
      </header>
      <div class="slide-body">
        <Show when={plan.plain()} fallback={<p class="muted">{t('mt.review.loading')}</p>}>
          {(p) => <Slide step={props.step} plan={p()} workspace={ws.data()} today={today} />}
        </Show>
      </div>
    </article>
  );
}
