/**
 * /fire — keep the fire burning (DOMAIN.md §6, seed 004): every classified relation by fire and class, what
 * needs attention this week (most important first: class, then how far past its cadence), the open
 * after-care signals with their follow-ups, and the A relations below their yearly minimum of contact
 * moments; and what was promised — the open actions of every account plan (PromisedActions.tsx, core/promised).
 * Everything is derived by core/fire and core/promised, so a contact logged or an action done anywhere — here,
 * on a relation's page, in a plan, by a colleague — changes it at once.
 */
import { A } from '@solidjs/router';
import { createMemo, createSignal, For, onMount, Show } from 'solid-js';
import {
  attentionList,
  belowMinimumList,
  classesOf,
  fireCounts,
  fireReport,
  openSignals,
  type AttentionItem,
  type Fire,
} from '../../../../core/fire.ts';
import { CLASSES, type ContactType } from '../../../../core/model/index.ts';
import { useWorkspace } from '../../app/context.tsx';
import { formatDate, locale, t, tn } from '../../i18n/index.ts';
import { ContactTypeField, FireBadge, issuesText, sinceText, todayIso } from '../relations/common.tsx';
import { PromisedActions } from './PromisedActions.tsx';
import '../relations/relations.css';
import './fire.css';
import { DateField } from '../DateField.tsx';

const FIRES: Fire[] = ['burning', 'smouldering', 'out'];
/** Attention items shown before "show all". */
const FIRST = 25;

export default function FireView() {
  performance.mark('haard:fire:start');
  const ws = useWorkspace();
  const today = todayIso();
  const data = createMemo(() => {
    ws.session.store.version();
    return ws.session.store.plain().data;
  });
  const report = createMemo(() => {
    const d = data();
    const classified = ws.derived.classification();
    if (!d || !classified) return [];
    return fireReport({
      relations: d.relations,
      classes: classesOf(classified.relations),
      log: d.contactLog,
      cadence: d.settings.cadence,
      today,
    });
  });
  const counts = createMemo(() => fireCounts(report()));
  const attention = createMemo(() => attentionList(report(), today));
  const signals = createMemo(() => {
    const d = data();
    return d ? openSignals(d.contactLog, today) : [];
  });
  const belowMinimum = createMemo(() => belowMinimumList(report()));
  const [showAll, setShowAll] = createSignal(false);
  const shown = createMemo(() => (showAll() ? attention() : attention().slice(0, FIRST)));
  const name = (relationId: string) => data()?.relations[relationId]?.name ?? '?';
  const professional = (id: string | null | undefined) => (id ? (data()?.professionals[id]?.name ?? '') : '');
  const [error, setError] = createSignal<string | null>(null);
  onMount(() => performance.mark('haard:fire:shown')); // for bench:app

  const handled = (entryId: string, signalId: string) => {
    const r = ws.session.store.intents.markSignalHandled(entryId, signalId, true);
    setError(r.ok ? null : issuesText(r.issues));
  };

  return (
    <div class="fire-screen">
      <section class="panel" aria-labelledby="fire-title">
        <div class="panel-head">
          <h1 id="fire-title" class="screen-title">
            {t('fire.title')}
          </h1>
        </div>
        <p class="muted section-intro">
          {t('fire.intro', {
            a: data()?.settings.cadence.A ?? 30,
            b: data()?.settings.cadence.B ?? 90,
            c: data()?.settings.cadence.C ?? 180,
          })}
        </p>
        <table class="fire-matrix" data-testid="fire-matrix">
          <caption class="visually-hidden">{t('fire.matrix')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('plans.col.class')}</th>
              <For each={FIRES}>
                {(f) => (
                  <th scope="col">
                    <FireBadge fire={f} />
                  </th>
                )}
              </For>
            </tr>
          </thead>
          <tbody>
            <For each={CLASSES}>
              {(cls) => (
                <tr>
                  <th scope="row">
                    <span class="cls" data-class={cls}>
                      {cls}
                    </span>
                  </th>
                  <For each={FIRES}>
                    {(f) => (
                      <td data-fire={f} data-zero={counts()[cls][f] === 0 ? '' : undefined}>
                        {counts()[cls][f]}
                      </td>
                    )}
                  </For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </section>

      <PromisedActions today={today} />

      <div class="fire-columns">
        <section class="panel" aria-labelledby="attention-title">
          <div class="panel-head">
            <h2 id="attention-title">{t('fire.attention')}</h2>
            <span class="muted">{tn('fire.attention.count', attention().length)}</span>
          </div>
          <Show when={attention().length > 0} fallback={<p class="muted">{t('fire.attention.none')}</p>}>
            <ol class="attention-list" data-testid="attention">
              <For each={shown()}>
                {(item) => (
                  <AttentionRow
                    item={item}
                    owner={professional(data()?.relations[item.relationId]?.ownerId)}
                    today={today}
                  />
                )}
              </For>
            </ol>
            <Show when={attention().length > FIRST && !showAll()}>
              <button type="button" class="link" onClick={() => setShowAll(true)}>
                {t('fire.showAll', { count: attention().length })}
              </button>
            </Show>
          </Show>
        </section>

        <div class="fire-side">
          <section class="panel" aria-labelledby="signals-title">
            <div class="panel-head">
              <h2 id="signals-title">{t('fire.signals')}</h2>
              <span class="muted">{signals().length}</span>
            </div>
            <Show when={signals().length > 0} fallback={<p class="muted">{t('fire.signals.none')}</p>}>
              <ul class="signal-list" data-testid="open-signals">
                <For each={signals()}>
                  {(s) => (
                    <li data-kind={s.kind}>
                      <div class="signal-head">
                        <span class="tag" data-kind={s.kind}>
                          {t(`rel.signal.${s.kind}`)}
                        </span>
                        <A href={`/relations/${s.relationId}`}>{name(s.relationId)}</A>
                        <span class="muted">{formatDate(locale(), s.date)}</span>
                      </div>
                      <Show when={s.note}>
                        <p class="signal-note">{s.note}</p>
                      </Show>
                      <Show when={s.followUp}>
                        {(f) => (
                          <p class="follow-up">
                            → {f().what}
                            <Show when={professional(f().ownerId)}> · {professional(f().ownerId)}</Show>
                            <Show when={f().due}>
                              {' '}
                              · {t('rel.signal.dueOn', { date: formatDate(locale(), f().due!) })}
                            </Show>
                          </p>
                        )}
                      </Show>
                      <Show when={!ws.readOnly()}>
                        <button type="button" class="small" onClick={() => handled(s.entryId, s.signalId)}>
                          {t('fire.markHandled')}
                        </button>
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </section>

          <section class="panel" aria-labelledby="minimum-title">
            <h2 id="minimum-title">
              {t('fire.minimum', { min: data()?.settings.cadence.minContactsPerYearA ?? 6 })}
            </h2>
            <Show when={belowMinimum().length > 0} fallback={<p class="muted">{t('fire.minimum.none')}</p>}>
              <ul class="minimum-list" data-testid="below-minimum">
                <For each={belowMinimum()}>
                  {(r) => (
                    <li>
                      <A href={`/relations/${r.relationId}`}>{r.name}</A>
                      <span class="muted">{tn('rel.fire.year', r.contactsLastYear)}</span>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </section>
        </div>
      </div>
      <Show when={error()}>
        <p class="field-error" role="alert">
          {error()}
        </p>
      </Show>
    </div>
  );
}

/** One relation that needs attention, with one step to log the contact that warms it again. */
function AttentionRow(props: { item: AttentionItem; owner: string; today: string }) {
  const ws = useWorkspace();
  const [logging, setLogging] = createSignal(false);
  // Said in the form that was sent, not at the foot of a long page (where nobody saw it).
  const [error, setError] = createSignal<string | null>(null);
  const [type, setType] = createSignal<ContactType>('call');
  const [date, setDate] = createSignal(props.today);
  const log = (e: SubmitEvent) => {
    e.preventDefault();
    // This form warms the fire now: a contact after today would be a planned one, which does not (core/fire).
    if (date() > props.today) {
      setError(t('fire.log.future', { date: formatDate(locale(), props.today) }));
      return;
    }
    const relation = ws.data()?.relations[props.item.relationId];
    const r = ws.session.store.intents.addContactLogEntry({
      relationId: props.item.relationId,
      date: date(),
      type: type(),
      professionalIds: relation?.ownerId ? [relation.ownerId] : [],
    });
    setError(r.ok ? null : issuesText(r.issues));
    if (r.ok) setLogging(false);
  };
  const status = () =>
    props.item.daysSince === null
      ? t('fire.never')
      : props.item.reason === 'dueSoon'
        ? t('fire.dueBy', { date: formatDate(locale(), props.item.dueBy!) })
        : tn('rel.fire.overdue', Math.max(0, props.item.overdueBy ?? 0));
  return (
    <li data-relation={props.item.name} data-reason={props.item.reason}>
      <div class="attention-main">
        <span class="cls" data-class={props.item.class!}>
          {props.item.class}
        </span>
        <A href={`/relations/${props.item.relationId}`} class="attention-name">
          {props.item.name}
        </A>
        <FireBadge fire={props.item.fire!} />
        <span class="attention-status">{status()}</span>
      </div>
      <div class="attention-meta muted">
        {/* Never contacted: the status already says so; the meta line names only what there is. */}
        <Show when={props.item.daysSince !== null}>
          <span>
            {t('rel.fire.lastContact')}: {sinceText(props.item.daysSince)}
          </span>
        </Show>
        <Show when={props.owner}>
          <span class="attention-owner">{t('fire.owner', { name: props.owner })}</span>
        </Show>
        <Show when={!ws.readOnly() && !logging()}>
          <button
            type="button"
            class="small"
            onClick={() => setLogging(true)}
            aria-label={t('fire.log.for', { name: props.item.name })}
          >
            {t('rel.log.add')}
          </button>
        </Show>
      </div>
      <Show when={logging()}>
        <form
          class="quick-log"
          onSubmit={log}
          aria-label={t('fire.log.for', { name: props.item.name })}
          novalidate
        >
          <ContactTypeField value={type()} onChange={setType} />
          <label class="field">
            <span>{t('rel.log.date')}</span>
            <DateField
              label={t('rel.log.date')}
              value={date()}
              max={props.today}
              onCommit={(d) => void setDate(d ?? '')}
            />
          </label>
          <button type="submit" class="primary">
            {t('rel.log.save')}
          </button>
          <button
            type="button"
            onClick={() => {
              setError(null);
              setLogging(false);
            }}
          >
            {t('plans.new.cancel')}
          </button>
          <Show when={error()}>
            <p class="field-error quick-log-error" role="alert">
              {error()}
            </p>
          </Show>
        </form>
      </Show>
    </li>
  );
}
