/**
 * The end of the meeting: its title, date, facilitator and participants (printed too), the successes celebrated, the review's outcomes, every commitment (what, who, when,
 * why — the goal it serves —, its KPI and which plan) and the questions and feedback per presentation — to print (or save as PDF from the print
 * dialog) and the commitments as CSV. Ended too early, its facilitator reopens it where it ended (anyone else
 * takes over facilitation first, as for ending it).
 */
import { createMemo, For, Show } from 'solid-js';
import { commitmentWhy, orderedAgenda } from '../../../../core/meetingBoard.ts';
import type { Commitment, ReviewItem } from '../../../../core/model/index.ts';
import { useWorkspace } from '../../app/context.tsx';
import { formatDate, locale, t } from '../../i18n/index.ts';
import { downloadText } from '../data/download.ts';
import { liveAction, useBoard, useNames, useOpenPlans } from './board.tsx';
import { kpiPhrase } from './kpi.ts';
import { commitmentsCsv, commitmentsCsvName } from './summaryCsv.ts';

export function Summary() {
  const ws = useWorkspace();
  const board = useBoard();
  const me = () => ({ id: ws.me.id, name: ws.me.name });
  const names = useNames();
  const doc = board.doc;
  // Reopening is the facilitator's, as ending is (doc/intents/meeting.ts reopen): anyone else takes over first.
  const mayReopen = () => !doc().live.driverId || doc().live.driverId === ws.me.id;
  const agenda = createMemo(() => orderedAgenda(doc()));
  const review = createMemo(() =>
    Object.values(doc().review).sort(
      (a, b) =>
        names.person(a.presenterId).localeCompare(names.person(b.presenterId)) || a.id.localeCompare(b.id),
    ),
  );
  const commitments = createMemo(() =>
    Object.values(doc().commitments).sort((a, b) => a.due.localeCompare(b.due) || a.id.localeCompare(b.id)),
  );
  const successes = createMemo(() => Object.values(doc().successes));
  // Who and when, for the printed summary too (the board's header is not printed).
  const chair = () => (doc().facilitatorId && ws.data()?.professionals[doc().facilitatorId!]?.name) || '';
  const driver = () => doc().live.driverName ?? '';
  // The chair named on the board; when someone else holds facilitation now (a takeover), that person too, so the
  // summary agrees with the live bar's "Following …".
  const facilitator = () =>
    chair() && driver() && driver() !== chair()
      ? t('mt.facilitatorNow', { name: chair(), now: driver() })
      : chair() || driver() || '—';
  // Who may reopen it: the one who facilitates now, by the name they gave — after a takeover not the chair, so
  // "… is facilitating now". Without a name nobody is named: the board's chair may not be who holds it now.
  const reopenNote = () =>
    !driver()
      ? t('mt.live.reopenByOther.noName')
      : chair() && driver() !== chair()
        ? t('mt.live.reopenByNow', { name: driver() })
        : t('mt.live.reopenByOther', { name: driver() });
  const participants = () =>
    doc()
      .participantIds.map((id) => ws.data()?.professionals[id]?.name)
      .filter((n): n is string => !!n)
      .sort((a, b) => a.localeCompare(b))
      .join(', ') || '—';
  // The plans the summary reads: the reviewed actions', and those of commitments made before the board
  // carried their goal's title (commitmentWhy falls back to the plan's goal).
  const planOf = useOpenPlans(() => [
    ...review().map((r) => r.planId),
    ...commitments()
      .filter((c) => c.goalId && !c.goalTitle)
      .map((c) => c.planId),
  ]);
  const why = (c: Commitment) => {
    if (!c.goalId || c.goalTitle) return commitmentWhy(c, null);
    const handle = planOf(c.planId);
    handle?.store.version();
    return commitmentWhy(c, handle?.store.plain().data);
  };
  const outcome = (r: ReviewItem) =>
    r.outcome === 'moved' && r.movedTo
      ? t('mt.outcome.moved', { date: formatDate(locale(), r.movedTo) })
      : r.outcome === 'done'
        ? t('mt.review.done')
        : r.outcome === 'notDone'
          ? t('mt.review.notDone')
          : t('mt.outcome.none');
  const download = () =>
    downloadText(
      commitmentsCsvName(doc()),
      `\uFEFF${commitmentsCsv(doc(), { ...names, why }, locale())}`,
      'text/csv;charset=utf-8',
    );

  return (
    <section class="panel mt-summary" aria-labelledby="mt-summary-title" data-testid="meeting-summary">
      <p class="mt-print-only mt-print-title">{doc().title || t('mt.untitled')}</p>
      <div class="panel-head">
        <h2 id="mt-summary-title">{t('mt.summary')}</h2>
        <span class="mt-summary-tools">
          <Show when={!board.readOnly() && mayReopen()}>
            <button
              type="button"
              title={t('mt.live.reopenHint')}
              aria-describedby="mt-reopen-hint"
              onClick={() => board.check(board.meeting.handle.store.intents.reopen(me()))}
            >
              {t('mt.live.reopen')}
            </button>
            <span id="mt-reopen-hint" class="visually-hidden">
              {t('mt.live.reopenHint')}
            </span>
          </Show>
          <button type="button" onClick={() => window.print()}>
            {t('mt.summary.print')}
          </button>
          <button type="button" onClick={download}>
            {t('mt.summary.csv')}
          </button>
        </span>
      </div>
      <Show when={!board.readOnly() && !mayReopen()}>
        <p class="muted mt-reopen-other" data-testid="reopen-other">
          {reopenNote()}{' '}
          <button
            type="button"
            class="link"
            onClick={() => board.check(board.meeting.handle.store.intents.handOver(me()))}
          >
            {t('mt.live.takeOver')}
          </button>
        </p>
      </Show>
      <dl class="mt-summary-meta" data-testid="summary-meta">
        <div>
          <dt>{t('mt.field.date')}</dt>
          <dd>{formatDate(locale(), doc().date)}</dd>
        </div>
        <div>
          <dt>{t('mt.field.facilitator')}</dt>
          <dd>{facilitator()}</dd>
        </div>
        <div>
          <dt>{t('mt.field.participants')}</dt>
          <dd>{participants()}</dd>
        </div>
      </dl>
      <p class="muted">{t('mt.summary.intro', { date: formatDate(locale(), doc().date) })}</p>

      <h3>{t('mt.successes')}</h3>
      <Show when={successes().length > 0} fallback={<p class="muted">{t('mt.summary.none')}</p>}>
        <ul>
          <For each={successes()}>{(s) => <li>{s.text}</li>}</For>
        </ul>
      </Show>

      <h3>{t('mt.summary.commitments')}</h3>
      <Show when={commitments().length > 0} fallback={<p class="muted">{t('mt.summary.none')}</p>}>
        <table class="mt-table" data-testid="summary-commitments">
          <thead>
            <tr>
              <th scope="col">{t('mt.col.what')}</th>
              <th scope="col">{t('mt.col.who')}</th>
              <th scope="col">{t('mt.col.when')}</th>
              <th scope="col">{t('mt.col.why')}</th>
              <th scope="col">{t('plans.action.kpiName')}</th>
              <th scope="col">{t('mt.col.plan')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={commitments()}>
              {(c) => (
                <tr>
                  <td>{c.what}</td>
                  <td>{names.person(c.ownerId)}</td>
                  <td>{formatDate(locale(), c.due)}</td>
                  <td>{why(c)}</td>
                  <td>{kpiPhrase(c.kpi, locale())}</td>
                  <td>{names.plan(c.planId)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>

      <h3>{t('mt.summary.review')}</h3>
      <Show when={review().length > 0} fallback={<p class="muted">{t('mt.summary.none')}</p>}>
        <table class="mt-table" data-testid="summary-review">
          <thead>
            <tr>
              <th scope="col">{t('mt.col.presenter')}</th>
              <th scope="col">{t('mt.col.what')}</th>
              <th scope="col">{t('mt.col.plan')}</th>
              <th scope="col">{t('mt.col.outcome')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={review()}>
              {(r) => (
                <tr>
                  <td>{names.person(r.presenterId)}</td>
                  <td>{liveAction(planOf(r.planId), r.actionId)?.what ?? '…'}</td>
                  <td>{names.plan(r.planId)}</td>
                  <td>{outcome(r)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>

      <h3>{t('mt.summary.cards')}</h3>
      <Show when={Object.keys(doc().cards).length > 0} fallback={<p class="muted">{t('mt.summary.none')}</p>}>
        <For each={agenda()}>
          {(item) => {
            const cards = () => Object.values(doc().cards).filter((c) => c.agendaItemId === item.id);
            return (
              <Show when={cards().length > 0}>
                <h4>{names.plan(item.planId)}</h4>
                <ul>
                  <For each={cards()}>
                    {(c) => (
                      <li>
                        <strong>{t(c.kind === 'question' ? 'mt.card.question' : 'mt.card.feedback')}:</strong>{' '}
                        {c.text}
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            );
          }}
        </For>
      </Show>
    </section>
  );
}
