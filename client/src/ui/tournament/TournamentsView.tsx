/**
 * /tournament — the workspace's XXL tournaments (DOMAIN.md §8), from its tournament index (no tournament
 * document is opened): name, year, entries, the round being played, the winner and warnings. A new one is
 * made here with a name and a year.
 */
import { A, useNavigate } from '@solidjs/router';
import { createMemo, createSignal, For, Show } from 'solid-js';
import { ROUND_KEYS } from '../../../../core/model/index.ts';
import { useWorkspace } from '../../app/context.tsx';
import { createTournament } from '../../app/tournaments.ts';
import { locale, t, tn } from '../../i18n/index.ts';
import { issuesText } from '../relations/common.tsx';
import { roundLabel } from './messages.ts';
import './tournament.css';

export default function TournamentsView() {
  const ws = useWorkspace();
  const [adding, setAdding] = createSignal(false);
  const collator = createMemo(() => new Intl.Collator(locale(), { sensitivity: 'base', numeric: true }));
  const cards = createMemo(() =>
    Object.values(ws.data()?.tournaments ?? {}).sort(
      (a, b) => b.year - a.year || collator().compare(a.title, b.title) || (a.id < b.id ? -1 : 1),
    ),
  );

  return (
    <div class="xxl-screen">
      <section class="panel" aria-labelledby="xxl-title">
        <div class="panel-head">
          <h1 id="xxl-title" class="screen-title">
            {t('xxl.title')}
          </h1>
          <span class="muted">{tn('xxl.count', cards().length)}</span>
          <Show when={!ws.readOnly()}>
            <button type="button" class="primary" onClick={() => setAdding(true)} disabled={adding()}>
              {t('xxl.new')}
            </button>
          </Show>
        </div>
        <p class="muted section-intro">{t('xxl.intro')}</p>
        <Show when={adding()}>
          <NewTournamentForm onCancel={() => setAdding(false)} />
        </Show>
        <Show
          when={cards().length > 0}
          fallback={<p class="empty muted">{ws.readOnly() ? t('xxl.empty.viewer') : t('xxl.empty')}</p>}
        >
          <ul class="xxl-cards" data-testid="tournaments">
            <For each={cards()}>
              {(card) => (
                <li class="xxl-card">
                  <A href={`/tournament/${card.id}`} class="xxl-card-title">
                    {card.title || t('xxl.untitled')}
                  </A>
                  <span class="xxl-card-year">{card.year}</span>
                  <span class="muted">
                    {t('xxl.col.entries')}: {card.entries}
                  </span>
                  <span class="xxl-card-round">
                    <span class="xxl-mini" aria-hidden="true">
                      <For each={ROUND_KEYS}>
                        {(_k, i) => (
                          <span
                            data-state={
                              i() < card.currentRound ? 'done' : i() === card.currentRound ? 'now' : 'later'
                            }
                          />
                        )}
                      </For>
                    </span>
                    {roundLabel(card.currentRound)}
                  </span>
                  <Show when={card.wonBy}>
                    {(name) => <span class="xxl-won">{t('xxl.wonBy', { name: name() })}</span>}
                  </Show>
                  <Show when={card.warnings > 0} fallback={<span class="muted">{t('xxl.noWarnings')}</span>}>
                    <span class="count-badge" data-severity="warning">
                      {tn('xxl.warnings', card.warnings)}
                    </span>
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>
    </div>
  );
}

function NewTournamentForm(props: { onCancel: () => void }) {
  const ws = useWorkspace();
  const navigate = useNavigate();
  const thisYear = new Date().getFullYear();
  const [name, setName] = createSignal('');
  const [year, setYear] = createSignal(thisYear);
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const defaultName = () => t('xxl.new.defaultName', { year: String(year()) });

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setBusy(true);
    const result = await createTournament(ws.session, {
      title: (name() || defaultName()).trim(),
      year: year(),
    });
    setBusy(false);
    if (!result.ok) {
      setError(issuesText(result.issues));
      return;
    }
    navigate(`/tournament/${result.value}`);
  };

  return (
    <form class="xxl-new" aria-label={t('xxl.new.title')} onSubmit={(e) => void submit(e)} novalidate>
      <label class="field grow">
        <span>{t('xxl.new.name')}</span>
        <input value={name()} placeholder={defaultName()} onInput={(e) => setName(e.currentTarget.value)} />
      </label>
      <label class="field">
        <span>{t('xxl.new.year')}</span>
        <input
          type="number"
          min="2000"
          max="2200"
          value={year()}
          onInput={(e) => setYear(Math.trunc(e.currentTarget.valueAsNumber) || thisYear)}
        />
      </label>
      <button type="submit" class="primary" disabled={busy() || ws.readOnly()}>
        {t('xxl.new.create')}
      </button>
      <button type="button" onClick={() => props.onCancel()}>
        {t('xxl.new.cancel')}
      </button>
      <Show when={error()}>
        <p class="field-error" role="alert">
          {error()}
        </p>
      </Show>
    </form>
  );
}
