/**
 * Beside the presentation: the questions and feedback participants add live, and the commitments made —
 * each a new action (what, who, when; optionally why — one of the plan's goals —, its KPI and target, labelled as
 * on the plan's action table, and its 4P quadrant) that lands in the presented plan (app/meetings.ts
 * `addCommitment`). "Who" offers the team's names as suggestions (as the plan's owner select lists them) and still
 * takes any part of a name (people.ts matchPerson); the commitment stores the professional's id either way.
 */
import { createMemo, createSignal, For, Show } from 'solid-js';
import { useWorkspace } from '../../app/context.tsx';
import { addCommitment } from '../../app/meetings.ts';
import { formatDate, locale, t } from '../../i18n/index.ts';
import { issuesText, issueTexts } from '../relations/common.tsx';
import { QUADRANTS, type Quadrant } from '../../../../core/model/plan.ts';
import { DateField } from '../DateField.tsx';
import { useBoard, useNames, useOpenPlans } from './board.tsx';
import { kpiPhrase, kpiProblem } from './kpi.ts';
import { matchPerson } from './people.ts';

export function ItemPanels(props: { agendaItemId: string }) {
  return (
    <div class="mt-side">
      <Commitments agendaItemId={props.agendaItemId} />
      <Cards agendaItemId={props.agendaItemId} />
    </div>
  );
}

function Cards(props: { agendaItemId: string }) {
  const ws = useWorkspace();
  const board = useBoard();
  const intents = board.meeting.handle.store.intents;
  const cards = createMemo(() =>
    Object.values(board.doc().cards)
      .filter((c) => c.agendaItemId === props.agendaItemId)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)),
  );
  const [kind, setKind] = createSignal<'question' | 'feedback'>('question');
  const [text, setText] = createSignal('');
  const author = (id: string) =>
    board.meeting.handle.presence().find((p) => p.user.id === id)?.user.name ||
    (id === ws.me.id ? ws.me.name : '') ||
    ws.data()?.professionals[id]?.name ||
    '';
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    if (!text().trim()) return;
    const r = intents.addCard({
      agendaItemId: props.agendaItemId,
      authorId: ws.me.id,
      kind: kind(),
      text: text().trim(),
    });
    if (board.check(r)) setText('');
  };
  return (
    <section class="panel mt-qcards" aria-labelledby="mt-cards-title">
      <h2 id="mt-cards-title">{t('mt.cards')}</h2>
      <Show when={cards().length > 0} fallback={<p class="muted empty">{t('mt.cards.empty')}</p>}>
        <ul class="mt-card-list" data-testid="cards">
          <For each={cards()}>
            {(card) => (
              <li class="mt-qcard" data-kind={card.kind}>
                <span class="mt-qcard-kind">
                  {t(card.kind === 'question' ? 'mt.card.question' : 'mt.card.feedback')}
                </span>
                <span class="mt-qcard-text">{card.text}</span>
                <span class="muted mt-qcard-by">{author(card.authorId)}</span>
                <Show when={!board.readOnly() && card.authorId === ws.me.id}>
                  <button
                    type="button"
                    class="icon"
                    aria-label={t('mt.card.remove')}
                    onClick={() => board.check(intents.removeCard(card.id))}
                  >
                    ×
                  </button>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={!board.readOnly()}>
        <form class="mt-add" onSubmit={submit}>
          <label class="field">
            <span>{t('mt.card.kind')}</span>
            <select
              aria-label={t('mt.card.kind')}
              value={kind()}
              onChange={(e) => setKind(e.currentTarget.value as 'question' | 'feedback')}
            >
              <option value="question">{t('mt.card.question')}</option>
              <option value="feedback">{t('mt.card.feedback')}</option>
            </select>
          </label>
          <label class="field grow">
            <span>{t('mt.card.text')}</span>
            <input value={text()} onInput={(e) => setText(e.currentTarget.value)} maxLength={2000} />
          </label>
          <button type="submit" disabled={!text().trim()}>
            {t('mt.card.add')}
          </button>
        </form>
      </Show>
    </section>
  );
}

function Commitments(props: { agendaItemId: string }) {
  const ws = useWorkspace();
  const board = useBoard();
  const names = useNames();
  const list = createMemo(() =>
    Object.values(board.doc().commitments).filter((c) => c.agendaItemId === props.agendaItemId),
  );
  // The presented plan's goals, for "Why (goal)": a commitment that serves a goal counts in the plan like
  // any other action (no `action.noGoal`).
  const planId = () => board.doc().agenda[props.agendaItemId]?.planId ?? '';
  const planOf = useOpenPlans(() => (planId() ? [planId()] : []));
  const goals = createMemo(() => {
    const handle = planOf(planId());
    handle?.store.version();
    const plan = handle?.store.plain().data;
    return plan
      ? Object.values(plan.goals).sort((a, b) => a.order - b.order || a.id.localeCompare(b.id))
      : [];
  });
  const goalTitle = (id: string | null | undefined) =>
    id ? goals().find((g) => g.id === id)?.title : undefined;
  const [what, setWhat] = createSignal('');
  const [who, setWho] = createSignal('');
  const [when, setWhen] = createSignal('');
  // What is wrong with the typed date ("31 februari bestaat niet"), said at the field (DateField); null when nothing.
  const [whenBad, setWhenBad] = createSignal<string | null>(null);
  const [goalId, setGoalId] = createSignal('');
  const [quadrant, setQuadrant] = createSignal<Quadrant>('project');
  const [kpiName, setKpiName] = createSignal('');
  const [kpiTarget, setKpiTarget] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const team = () => names.professionals();
  const teamNames = () =>
    team()
      .map((p) => p.name)
      .join(', ');

  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    if (!what().trim()) return setError(t('mt.commit.whatMissing'));
    if (!who().trim()) return setError(t('mt.commit.whoMissing'));
    const person = matchPerson(who(), team());
    if (!person.ok)
      return setError(
        person.candidates.length > 1
          ? t('mt.commit.whoMany', { name: who(), names: person.candidates.map((p) => p.name).join(', ') })
          : t('mt.commit.whoUnknown', { name: who(), names: teamNames() }),
      );
    // An impossible or half-typed date is not "missing": its reason stands at the field.
    if (whenBad()) return setError(t('mt.commit.whenInvalid'));
    if (!when()) return setError(t('mt.commit.whenMissing'));
    // Promised at this meeting: done on its day at the earliest, never already overdue when it lands.
    const meetingDay = board.doc().date;
    if (when() < meetingDay)
      return setError(t('mt.commit.whenPast', { date: formatDate(locale(), meetingDay) }));
    const kpiHalf = kpiProblem(kpiName(), kpiTarget());
    if (kpiHalf) return setError(t(kpiHalf.key, { target: kpiHalf.target ?? '' }));
    const r = addCommitment(ws.session, board.meeting.handle, {
      agendaItemId: props.agendaItemId,
      what: what().trim(),
      ownerId: person.id,
      due: when(),
      authorId: ws.me.id,
      authorName: ws.me.name || null,
      goalId: goalId() || null,
      goalTitle: goalTitle(goalId()) ?? null,
      quadrant: quadrant(),
      kpi: { name: kpiName(), target: kpiTarget() },
    });
    if (!r.ok) return setError(issuesText(r.issues));
    setError(null);
    setWhat('');
    setWho('');
    setWhen('');
    setGoalId('');
    setQuadrant('project');
    setKpiName('');
    setKpiTarget('');
  };

  return (
    <section class="panel mt-commitments" aria-labelledby="mt-commit-title">
      <h2 id="mt-commit-title">{t('mt.commitments')}</h2>
      <p class="muted section-intro">{t('mt.commitments.intro')}</p>
      <Show when={list().length > 0} fallback={<p class="muted empty">{t('mt.commitments.empty')}</p>}>
        <ul class="mt-commit-list" data-testid="commitments">
          <For each={list()}>
            {(c) => (
              <li class="mt-commit" data-landed={c.landed ? 'true' : 'false'}>
                <strong>{c.what}</strong>
                <span>
                  {names.person(c.ownerId)} · {formatDate(locale(), c.due)}
                </span>
                <span class="muted">
                  {t(`plans.quadrant.${c.quadrant ?? 'project'}`)}
                  <Show when={goalTitle(c.goalId) || c.goalTitle}>
                    {(g) => <> · {t('mt.commit.serves', { goal: g() })}</>}
                  </Show>
                </span>
                <Show when={kpiPhrase(c.kpi, locale())}>
                  {(kpi) => (
                    <span class="muted" data-testid="commitment-kpi">
                      {t('plans.action.kpiName')}: {kpi()}
                    </span>
                  )}
                </Show>
                <span class="muted mt-commit-state">
                  <Show
                    when={c.landed}
                    fallback={
                      <Show when={board.meeting.landingErrors()[c.id]} fallback={t('mt.commit.landing')}>
                        {(issues) => <>{t('mt.commit.notLanded', { reason: issueTexts(issues()) })}</>}
                      </Show>
                    }
                  >
                    ✓ {t('mt.commit.inPlan')}
                  </Show>
                </span>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={!board.readOnly()}>
        <form class="mt-commit-form" onSubmit={submit} novalidate>
          <label class="field grow">
            <span>{t('mt.commit.what')}</span>
            <input value={what()} onInput={(e) => setWhat(e.currentTarget.value)} maxLength={2000} />
          </label>
          <label class="field">
            <span>{t('mt.commit.who')}</span>
            <input
              value={who()}
              onInput={(e) => setWho(e.currentTarget.value)}
              aria-describedby="mt-who-hint"
              autocomplete="off"
              list="mt-who-team"
            />
            <datalist id="mt-who-team">
              <For each={team()}>{(p) => <option value={p.name} />}</For>
            </datalist>
          </label>
          <label class="field">
            <span>{t('mt.commit.when')}</span>
            <DateField
              label={t('mt.commit.when')}
              value={when()}
              onCommit={(d) => void setWhen(d ?? '')}
              onProblem={setWhenBad}
            />
          </label>
          <label class="field grow">
            <span>{t('mt.commit.why')}</span>
            <select
              aria-label={t('mt.commit.why')}
              value={goalId()}
              onChange={(e) => setGoalId(e.currentTarget.value)}
            >
              <option value="">{goals().length ? t('mt.commit.noGoal') : t('mt.commit.planNoGoals')}</option>
              <For each={goals()}>
                {(g) => (
                  <option value={g.id} selected={g.id === goalId()}>
                    {g.title || g.id}
                  </option>
                )}
              </For>
            </select>
          </label>
          <label class="field mt-kpi-name">
            <span>{t('plans.action.kpiName')}</span>
            <input
              value={kpiName()}
              onInput={(e) => setKpiName(e.currentTarget.value)}
              placeholder={t('mt.commit.kpiNameHint')}
              aria-describedby="mt-kpi-hint"
              maxLength={500}
            />
          </label>
          <label class="field mt-kpi-target">
            <span>{t('plans.action.kpiTarget')}</span>
            <input
              value={kpiTarget()}
              onInput={(e) => setKpiTarget(e.currentTarget.value)}
              placeholder={t('mt.commit.kpiTargetHint')}
              aria-describedby="mt-kpi-hint"
              maxLength={500}
            />
          </label>
          <label class="field">
            <span>{t('mt.commit.quadrant')}</span>
            <select
              aria-label={t('mt.commit.quadrant')}
              value={quadrant()}
              onChange={(e) => setQuadrant(e.currentTarget.value as Quadrant)}
            >
              <For each={QUADRANTS}>{(q) => <option value={q}>{t(`plans.quadrant.${q}`)}</option>}</For>
            </select>
          </label>
          <button type="submit" class="primary">
            {t('mt.commit.add')}
          </button>
          <p id="mt-who-hint" class="muted mt-hint">
            {t('mt.commit.whoHint', { names: teamNames() })}
          </p>
          <p id="mt-kpi-hint" class="muted mt-hint">
            {t('mt.commit.kpiHint')}
          </p>
          <Show when={error()}>
            <p class="field-error" role="alert">
              {error()}
            </p>
          </Show>
        </form>
      </Show>
    </section>
  );
}
