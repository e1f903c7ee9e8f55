/**
 * /plans/:id/present/:step — presenting a plan by the ruitmodel (seed 004). A view of the LIVE plan: it
 * holds the plan's document through `usePlan` (the registry's shared Y.Doc, never a copy), so a colleague's
 * edit shows at once. Each step has its own URL; ← → / PageUp PageDown (what clickers send) / Home End walk
 * the steps and the URL follows; Escape goes back to the plan (leaving full screen first); F or the button
 * toggles full screen — and the layout fills the window anyway. Where the presenter is goes into the plan's
 * awareness (`section` = the step), so presence shows who is where.
 */
import { A, Navigate, useLocation, useNavigate, useParams } from '@solidjs/router';
import { createEffect, createSignal, For, Match, on, onCleanup, onMount, Show, Switch } from 'solid-js';
import { useWorkspace } from '../../../app/context.tsx';
import { localToday, usePlan } from '../../../app/plans.ts';
import { locale, t } from '../../../i18n/index.ts';
import { DocBanner } from '../../DocBanner.tsx';
import { Presence } from '../../Presence.tsx';
import { SyncStatus } from '../../SyncStatus.tsx';
import { Slide } from './PresentSlides.tsx';
import {
  isPresentStep,
  keyMove,
  phaseOf,
  planPath,
  presentPath,
  PRESENT_STEPS,
  stepIndex,
  type PresentStep,
} from './steps.ts';
import { fitToBox } from './fit.ts';
import { relationNamesOf } from '../../relations/relationNames.ts';
import './present.css';

export default function PresentRoute() {
  const params = useParams<{ id: string; step: string }>();
  // A new plan id (the meeting board moving on to the next plan) is a new presentation.
  return (
    <Show when={params.id} keyed>
      {(id) => (
        <Show when={isPresentStep(params.step)} fallback={<Navigate href={presentPath(id)} />}>
          <Presentation planId={id} step={params.step as PresentStep} />
        </Show>
      )}
    </Show>
  );
}

const PLAN_STEPS = PRESENT_STEPS.filter((s) => phaseOf(s).phase === 'plan');

function Presentation(props: { planId: string; step: PresentStep }) {
  const ws = useWorkspace();
  const navigate = useNavigate();
  const location = useLocation();
  const plan = usePlan(ws.session, props.planId);
  const handle = plan.handle;
  const today = localToday();
  let root!: HTMLDivElement;
  let stage!: HTMLDivElement;

  const go = (step: PresentStep) => navigate(presentPath(props.planId, step));
  const index = () => stepIndex(props.step);

  // Presence: where in the plan we are.
  createEffect(() => handle.setLocation({ view: location.pathname, section: props.step }));
  onCleanup(() => handle.setLocation(null));

  // Full screen.
  const [full, setFull] = createSignal(document.fullscreenElement !== null);
  const [fullProblem, setFullProblem] = createSignal(false);
  const onFullChange = () => setFull(document.fullscreenElement !== null);
  document.addEventListener('fullscreenchange', onFullChange);
  const toggleFull = async () => {
    try {
      if (document.fullscreenElement) await document.exitFullscreen();
      else await root.requestFullscreen();
      setFullProblem(false);
    } catch {
      setFullProblem(true); // refused (no user gesture, an iframe): the layout still fills the window
    }
  };
  onCleanup(() => {
    document.removeEventListener('fullscreenchange', onFullChange);
    if (document.fullscreenElement && root.contains(document.fullscreenElement))
      void document.exitFullscreen();
  });

  // Keys.
  const onKey = (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
    const target = e.target instanceof Element ? e.target : null;
    if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
    if (e.key === ' ' && target?.closest('button, a')) return; // Space activates the focused control
    const move = keyMove(props.step, e.key);
    if (!move) return;
    e.preventDefault();
    if ('to' in move) go(move.to);
    else if ('fullscreen' in move) void toggleFull();
    else if (document.fullscreenElement) void document.exitFullscreen();
    else navigate(planPath(props.planId));
  };
  window.addEventListener('keydown', onKey);
  onCleanup(() => window.removeEventListener('keydown', onKey));

  // Large type that still fits: shrink the step's content until it fits the stage (down to a floor).
  onMount(() => {
    const fitter = fitToBox(stage);
    onCleanup(() => fitter.dispose());
    createEffect(on([() => props.step, () => plan.handle.store.version(), locale], () => fitter.schedule()));
  });

  const title = () => plan.plain()?.title || t('pv.untitled');
  const relationNames = () => {
    const p = plan.plain();
    const rels = ws.data()?.relations;
    if (!p || !rels) return '';
    return relationNamesOf(rels, p.relationIds).join(', ');
  };
  const status = () => handle.store.state.status;
  const stepName = (s: PresentStep) => t(`pv.step.${s}`);

  const StepLink = (p: { step: PresentStep; number?: number }) => (
    // A plain link (the router still handles the click): <A> would overwrite aria-current with "page".
    <a
      href={presentPath(props.planId, p.step)}
      class="present-step"
      aria-current={p.step === props.step ? 'step' : undefined}
      data-done={stepIndex(p.step) < index() ? 'true' : undefined}
    >
      <Show when={p.number}>
        <span class="present-step-no" aria-hidden="true">
          {p.number}
        </span>
      </Show>
      {stepName(p.step)}
    </a>
  );

  return (
    <div class="present" ref={(el) => (root = el)} data-step={props.step} data-testid="presentation">
      <header class="present-top">
        <div class="present-id">
          <span class="present-plan">{title()}</span>
          <Show when={relationNames()}>
            <span class="present-rel">{relationNames()}</span>
          </Show>
        </div>
        <nav class="present-steps" aria-label={t('pv.present.steps')}>
          <ol class="present-phases">
            <li class="present-phase">
              <StepLink step="opening" />
            </li>
            <li class="present-phase present-phase-plan">
              <span class="present-phase-name" aria-hidden="true">
                {t('pv.phase.plan')}
              </span>
              <ol class="present-plan-steps" aria-label={t('pv.phase.plan')}>
                <For each={PLAN_STEPS}>
                  {(s) => (
                    <li>
                      <StepLink step={s} number={phaseOf(s).number ?? undefined} />
                    </li>
                  )}
                </For>
              </ol>
            </li>
            <li class="present-phase">
              <StepLink step="summary" />
            </li>
            <li class="present-phase">
              <StepLink step="closing" />
            </li>
          </ol>
        </nav>
      </header>

      <div class="present-stage" ref={(el) => (stage = el)} tabindex="0" aria-labelledby="present-heading">
        <Switch
          fallback={
            <Show
              when={status() === 'uninitialised' && handle.connection().phase === 'synced'}
              fallback={<p class="muted present-loading">{t('pv.present.loading')}</p>}
            >
              <div class="present-missing">
                <h1 id="present-heading">{t('pv.present.notFound')}</h1>
                <A href="/plans" class="button primary">
                  {t('pv.present.toPlans')}
                </A>
              </div>
            </Show>
          }
        >
          <Match when={status() === 'unreadable' || status() === 'newerVersion'}>
            <h1 id="present-heading" class="visually-hidden">
              {t('pv.present.problem')}
            </h1>
            <DocBanner
              status={status()}
              reason={handle.store.state.reason?.[locale()] ?? null}
              quarantine={handle.store.state.quarantine}
            />
          </Match>
          <Match when={plan.plain()}>
            {(p) => (
              <article class="slide" data-step={props.step}>
                <header class="slide-head">
                  <p class="slide-kicker">
                    <Switch fallback={title()}>
                      <Match when={props.step === 'opening'}>{t('pv.phase.opening')}</Match>
                      {/* Not <Match>'s callback form: its value stayed at the first plan step's number. */}
                      <Match when={phaseOf(props.step).number !== null}>
                        {t('pv.present.planPart', {
                          n: phaseOf(props.step).number ?? 0,
                          total: PLAN_STEPS.length,
                        })}
                      </Match>
                    </Switch>
                  </p>
                  <h1 id="present-heading" class="slide-title">
                    {props.step === 'opening' ? title() : stepName(props.step)}
                  </h1>
                  <Show when={props.step === 'opening' && relationNames()}>
                    <p class="slide-sub">{relationNames()}</p>
                  </Show>
                </header>
                <div class="slide-body">
                  <Slide step={props.step} plan={p()} workspace={ws.data()} today={today} />
                </div>
              </article>
            )}
          </Match>
        </Switch>
      </div>

      <footer class="present-foot">
        <div class="present-tools">
          <A href={planPath(props.planId)} class="present-tool present-close">
            {t('pv.present.close')}
          </A>
          <button type="button" class="present-tool" aria-pressed={full()} onClick={() => void toggleFull()}>
            {t(full() ? 'pv.present.exitFullscreen' : 'pv.present.fullscreen')}
          </button>
        </div>
        <button
          type="button"
          class="present-nav"
          disabled={index() === 0}
          onClick={() => go(PRESENT_STEPS[index() - 1]!)}
        >
          <span aria-hidden="true">← </span>
          {t('pv.present.previous')}
        </button>
        <p class="present-count" aria-live="polite" title={t('pv.present.keys')} data-testid="present-count">
          {t('pv.present.stepOf', {
            n: index() + 1,
            total: PRESENT_STEPS.length,
            name: stepName(props.step),
          })}
        </p>
        <button
          type="button"
          class="present-nav"
          disabled={index() === PRESENT_STEPS.length - 1}
          onClick={() => go(PRESENT_STEPS[index() + 1]!)}
        >
          {t('pv.present.next')}
          <span aria-hidden="true"> →</span>
        </button>
        <span class="present-spacer" />
        <span class="present-keys muted" aria-hidden="true">
          {t('pv.present.keys')}
        </span>
        <Show when={fullProblem()}>
          <span class="present-keys" role="alert">
            {t('pv.present.fullscreenRefused')}
          </span>
        </Show>
        <Presence entries={handle.presence()} />
        <SyncStatus state={handle.connection()} onRetry={handle.reconnect} />
      </footer>
    </div>
  );
}
