/**
 * /plans/:id — the account plan editor (DOMAIN.md §4): one page with a section per part of the plan, a table
 * of contents with who is where, the live validation panel and the plan's completeness. Everything is
 * written live through the plan's intents; texts through their live editors. A viewer sees it read-only.
 */
import { A, useLocation, useParams } from '@solidjs/router';
import { createMemo, For, onCleanup, onMount, Show, type JSX } from 'solid-js';
import type { AccountPlanDoc } from '../../../../core/model/index.ts';
import { useWorkspace } from '../../app/context.tsx';
import { planContacts, usePlan, type PlanSession } from '../../app/plans.ts';
import type { PresenceEntry } from '../../app/docs.ts';
import { fieldOf, markFieldPresence } from '../fieldPresence.ts';
import { LiveText } from '../LiveText.tsx';
import { locale, t, tn, type MessageKey } from '../../i18n/index.ts';
import { ActionTable } from './ActionTable.tsx';
import { Completeness } from './Completeness.tsx';
import { FindingsPanel } from './FindingsPanel.tsx';
import { PlanText } from './PlanText.tsx';
import {
  createRefusal,
  DmuMap,
  GoalsSection,
  KeyPoints,
  RefusalMessage,
  StrategyChoices,
} from './sections.tsx';
import { BudgetSection } from './kpi/BudgetSection.tsx';
import { KpiSection } from './kpi/KpiSection.tsx';
import { PrintButton, PrintSummary } from './print/PrintSummary.tsx';
import { DeletedBanner, DeletePlanButton } from './PlanDeletion.tsx';
import { PlanViews } from './views/PlanViews.tsx';
import { DocPending, useDocScreen } from '../DocScreen.tsx';
import { PlanHistory } from '../history/PlanHistory.tsx';
import { relationNameOf } from '../relations/relationNames.ts';
import { useRevealActionFromUrl } from './revealAction.ts';
import './plans.css';

/** The sections in page order: element id `sec-<id>`, title key. */
export const PLAN_SECTIONS: { id: string; title: MessageKey }[] = [
  { id: 'keyPoints', title: 'plans.sec.keyPoints' },
  { id: 'situation', title: 'plans.sec.situation' },
  { id: 'developments', title: 'plans.sec.developments' },
  { id: 'goals', title: 'plans.sec.goals' },
  { id: 'strategy', title: 'plans.sec.strategy' },
  { id: 'actions', title: 'plans.sec.actions' },
  { id: 'views', title: 'pv.views.title' },
  { id: 'kpis', title: 'pv.kpi.title' },
  { id: 'budget', title: 'pv.budget.title' },
  { id: 'summary', title: 'plans.sec.summary' },
  { id: 'closing', title: 'plans.sec.closing' },
  { id: 'history', title: 'hist.title' },
];

export default function PlanPage() {
  const params = useParams<{ id: string }>();
  return (
    <Show when={params.id} keyed>
      {(id) => <PlanEditor id={id} />}
    </Show>
  );
}

function PlanEditor(props: { id: string }) {
  const ws = useWorkspace();
  const session = usePlan(ws.session, props.id);
  const handle = session.handle;
  const card = () => ws.data()?.plans?.[props.id] ?? null;
  useDocScreen(handle, 'wide-page');

  return (
    <Show
      when={session.plan()}
      fallback={
        <DocPending
          handle={handle}
          class="plan-status"
          loading={t('plans.loading', { title: card()?.title ?? '' })}
          notFound={t('plans.notFound.title')}
          unreadable={t('plans.unreadable.title')}
          backHref="/plans"
          backLabel={t('plans.back')}
        />
      }
    >
      {(plan) => <PlanBody session={session} plan={plan()} />}
    </Show>
  );
}

function PlanBody(props: { session: PlanSession; plan: AccountPlanDoc }) {
  const ws = useWorkspace();
  const location = useLocation();
  const handle = props.session.handle;
  const intents = handle.store.intents;
  // Read-only for a viewer, and for everyone while the plan is deleted (the banner says why and restores it).
  const readOnly = () => props.session.readOnly();
  const refusal = createRefusal();
  const collator = createMemo(() => new Intl.Collator(locale(), { sensitivity: 'base', numeric: true }));
  const professionals = createMemo(() =>
    Object.values(ws.data()?.professionals ?? {}).sort((a, b) => collator().compare(a.name, b.name)),
  );
  const relationNames = createMemo(() =>
    Object.fromEntries(props.plan.relationIds.map((id) => [id, relationNameOf(ws.data()?.relations, id)])),
  );
  const contacts = createMemo(() => {
    const d = ws.data();
    return d ? planContacts(d, props.plan.relationIds) : [];
  });

  // Presence: which section and field each colleague is in (awareness, ephemeral).
  const here = (section: string) =>
    handle.presence().filter((p) => !p.self && p.location?.section === section);
  const enter = (section: string, target: EventTarget | null) =>
    handle.setLocation({ view: location.pathname, section, field: fieldOf(target) });
  let page: HTMLElement | undefined;
  markFieldPresence(
    () => page,
    () => handle.presence().filter((p) => !p.self && p.location?.view === location.pathname),
  );
  onMount(() => {
    performance.mark('haard:plan:shown'); // for bench:app (open a plan → editable page)
    handle.setLocation({ view: location.pathname, section: null });
  });
  onCleanup(() => handle.setLocation(null));
  useRevealActionFromUrl(); // ?action=<id>: a link to one action (Keep warm)

  /**
   * A contents link takes the focus to its section, not only the view: Tab then goes on inside it ("5 · Action
   * plan" → its first field), where it stayed in the contents list before (~80 Tabs to "New action").
   */
  const goToSection = (e: MouseEvent, id: string) => {
    const section = document.getElementById(`sec-${id}`);
    if (!section) return;
    e.preventDefault();
    section.scrollIntoView({ block: 'start' });
    section.focus({ preventScroll: true });
  };

  const Section = (p: { id: string; title: MessageKey; children: JSX.Element; intro?: MessageKey }) => (
    <section
      class="panel plan-section"
      id={`sec-${p.id}`}
      tabIndex={-1}
      aria-labelledby={`sec-${p.id}-title`}
      onFocusIn={(e) => enter(p.id, e.target)}
    >
      <div class="section-head">
        <h2 id={`sec-${p.id}-title`}>{t(p.title)}</h2>
        <Avatars entries={here(p.id)} />
      </div>
      <Show when={p.intro}>{(intro) => <p class="muted section-intro">{t(intro())}</p>}</Show>
      {p.children}
    </section>
  );

  return (
    <article
      class="plan-page"
      aria-labelledby="plan-title"
      ref={(el) => (page = el)}
      onFocusOut={(e) => {
        // Focus left for nothing (another window, the page's background): no field is being edited here.
        if (e.relatedTarget === null) handle.setLocation({ view: location.pathname, section: null });
      }}
    >
      <PrintSummary session={props.session} workspace={ws.data()} />
      <div>
        <A href="/plans" class="back">
          ← {t('plans.back')}
        </A>
      </div>
      <DeletedBanner plan={props.plan} intents={intents} readOnly={handle.readOnly()} />
      <header class="plan-header">
        <div class="plan-heading">
          <label class="visually-hidden" for="plan-title">
            {t('plans.planTitle')}
          </label>
          <LiveText
            id="plan-title"
            data-path="title"
            class="plan-title"
            value={props.plan.title}
            placeholder={t('plans.untitled')}
            readOnly={readOnly()}
            onSave={(title) => refusal.check(intents.setTitle(title))}
          />
          <p class="plan-relations">
            <For each={props.plan.relationIds}>
              {(id, i) => (
                <>
                  {i() > 0 ? ', ' : ''}
                  <Show when={ws.data()?.relations[id]} fallback={<span>{relationNames()[id]}</span>}>
                    <A href={`/relations/${id}`}>{relationNames()[id]}</A>
                  </Show>
                </>
              )}
            </For>
          </p>
        </div>
        <label class="field">
          <span>{t('plans.col.owner')}</span>
          <select
            aria-label={t('plans.col.owner')}
            data-path="ownerId"
            value={props.plan.ownerId ?? ''}
            disabled={readOnly()}
            onChange={(e) => refusal.check(intents.setOwner(e.currentTarget.value || null))}
          >
            <option value="">{t('plans.noOwner')}</option>
            <For each={professionals()}>
              {(p) => (
                <option value={p.id} selected={p.id === props.plan.ownerId}>
                  {p.name}
                </option>
              )}
            </For>
          </select>
        </label>
        <div class="plan-score">
          <Completeness value={props.session.completeness()} large />
          <span class="muted">
            {tn('plans.errors', props.session.counts().errors)} ·{' '}
            {tn('plans.warnings', props.session.counts().warnings)}
          </span>
        </div>
        <div class="plan-actions">
          <A href={`/plans/${props.plan.id}/present/opening`} class="button primary">
            {t('plans.present')}
          </A>
          <PrintButton />
          <DeletePlanButton plan={props.plan} intents={intents} readOnly={handle.readOnly()} />
        </div>
        <RefusalMessage message={refusal.message()} />
      </header>

      <div class="plan-layout">
        <nav class="plan-toc" aria-label={t('plans.toc')}>
          <ol>
            <For each={PLAN_SECTIONS}>
              {(s) => (
                <li>
                  <a href={`#sec-${s.id}`} onClick={(e) => goToSection(e, s.id)}>
                    {t(s.title)}
                  </a>
                  <Avatars entries={here(s.id)} />
                </li>
              )}
            </For>
          </ol>
        </nav>

        <div class="plan-sections">
          <Section id="keyPoints" title="plans.sec.keyPoints" intro="plans.intro.keyPoints">
            <KeyPoints plan={props.plan} intents={intents} readOnly={readOnly()} />
          </Section>
          <Section id="situation" title="plans.sec.situation" intro="plans.intro.situation">
            <div class="situation-grid">
              <div class="texts">
                <PlanText
                  handle={handle}
                  readOnly={readOnly()}
                  path="situation.text"
                  label={t('plans.text.situation')}
                  placeholder={t('plans.ph.situation')}
                  rows={5}
                />
                <h3 class="sub">{t('plans.text.currentServices')}</h3>
                <PlanText
                  handle={handle}
                  readOnly={readOnly()}
                  path="situation.currentServices"
                  label={t('plans.text.currentServices')}
                  placeholder={t('plans.ph.currentServices')}
                  rows={3}
                />
                <h3 class="sub">{t('plans.text.relationshipForm')}</h3>
                <PlanText
                  handle={handle}
                  readOnly={readOnly()}
                  path="situation.relationshipForm"
                  label={t('plans.text.relationshipForm')}
                  placeholder={t('plans.ph.relationshipForm')}
                  rows={2}
                />
              </div>
              <DmuMap
                contacts={contacts()}
                relationNames={relationNames()}
                multi={props.plan.relationIds.length > 1}
              />
            </div>
          </Section>
          <Section id="developments" title="plans.sec.developments" intro="plans.intro.developments">
            <PlanText
              handle={handle}
              readOnly={readOnly()}
              path="developments"
              label={t('plans.text.developments')}
              placeholder={t('plans.ph.developments')}
              rows={4}
            />
          </Section>
          <Section id="goals" title="plans.sec.goals" intro="plans.intro.goals">
            <GoalsSection plan={props.plan} intents={intents} readOnly={readOnly()} />
          </Section>
          <Section id="strategy" title="plans.sec.strategy" intro="plans.intro.strategy">
            <PlanText
              handle={handle}
              readOnly={readOnly()}
              path="strategy.text"
              label={t('plans.text.strategy')}
              placeholder={t('plans.ph.strategy')}
              rows={4}
            />
            <StrategyChoices plan={props.plan} intents={intents} readOnly={readOnly()} />
          </Section>
          <Section id="actions" title="plans.sec.actions" intro="plans.intro.actions">
            <ActionTable
              plan={props.plan}
              intents={intents}
              readOnly={readOnly()}
              professionals={professionals()}
            />
          </Section>
          <PlanViews session={props.session} workspace={ws.data()} />
          <KpiSection session={props.session} />
          <BudgetSection session={props.session} />
          <Section id="summary" title="plans.sec.summary" intro="plans.intro.summary">
            <PlanText
              handle={handle}
              readOnly={readOnly()}
              path="summary"
              label={t('plans.text.summary')}
              placeholder={t('plans.ph.summary')}
              rows={3}
            />
          </Section>
          <Section id="closing" title="plans.sec.closing" intro="plans.intro.closing">
            <PlanText
              handle={handle}
              readOnly={readOnly()}
              path="closing"
              label={t('plans.text.closing')}
              placeholder={t('plans.ph.closing')}
              rows={3}
            />
          </Section>
          <Section id="history" title="hist.title" intro="hist.intro">
            <PlanHistory session={props.session} plan={props.plan} readOnly={readOnly()} />
          </Section>
        </div>

        <FindingsPanel findings={props.session.findings()} />
      </div>
    </article>
  );
}

function Avatars(props: { entries: PresenceEntry[] }) {
  return (
    <Show when={props.entries.length > 0}>
      <span
        class="toc-avatars"
        aria-label={t('plans.here', { names: props.entries.map((e) => e.user.name || '?').join(', ') })}
      >
        <For each={props.entries}>
          {(e) => (
            <span class="avatar small" style={{ background: e.user.color }} title={e.user.name}>
              {(e.user.name || '?').slice(0, 1).toUpperCase()}
            </span>
          )}
        </For>
      </span>
    </Show>
  );
}
