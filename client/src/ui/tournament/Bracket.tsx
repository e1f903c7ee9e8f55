/**
 * The tournament as a bracket: seven round columns (64 → 32 → 16 → 8 → 4 → 2 → 1), each with its dates, its
 * phase, its places and its GO / NO GO tally; the entries playing it in cards, spread so the field visibly
 * narrows to the one client won; a GO card is joined to the next round. The current round is marked, a round
 * with a warning shows it on its head. Every control is a real button or input (keyboard and screen reader);
 * for a viewer decisions are shown, not offered.
 */
import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { Decision } from '../../../../core/model/index.ts';
import { ROUND_MAX_DAYS, ROUND_MIN_DAYS } from '../../../../core/tournament.ts';
import type { BracketEntry, BracketRound, TournamentBracket } from '../../../../core/tournamentBoard.ts';
import type { Result, TournamentIntents } from '../../../../doc/index.ts';
import { formatDate, locale, t, tn, type MessageKey } from '../../i18n/index.ts';
import { roundLabel, roundName, weeksOf } from './messages.ts';
import { DateField } from '../DateField.tsx';

interface BracketProps {
  bracket: TournamentBracket;
  intents: TournamentIntents;
  readOnly: boolean;
  relationName: (id: string | null) => string | null;
  onResult: (result: Result<unknown>) => void;
}

export function Bracket(props: BracketProps) {
  return (
    <section class="panel xxl-bracket-panel" aria-labelledby="xxl-bracket-title">
      <h2 id="xxl-bracket-title" class="visually-hidden">
        {t('xxl.bracket')}
      </h2>
      <div class="xxl-bracket" data-testid="bracket">
        <For each={props.bracket.rounds}>
          {(round) => (
            <RoundColumn
              round={round}
              current={props.bracket.current === round.index}
              last={round.index === props.bracket.rounds.length - 1}
              {...props}
            />
          )}
        </For>
      </div>
    </section>
  );
}

function RoundColumn(props: BracketProps & { round: BracketRound; current: boolean; last: boolean }) {
  const r = () => props.round;
  const headId = () => `xxl-round-${r().index}`;
  const warned = () => r().findings.some((f) => f.severity === 'warning');
  const durationOff = () => {
    const days = r().days;
    return days !== null && (days < ROUND_MIN_DAYS || days > ROUND_MAX_DAYS);
  };
  /**
   * Save the round's dates after `input` changed. An end before the start is refused here, in words about
   * the round (the intent's path-shaped refusal is for other callers); whatever is refused, the field shows
   * the stored date again, so what is on screen is what is saved.
   */
  // A typed date is read by DateField (an impossible one is said there); here the round's own rule.
  const setDates = (start: string | null, end: string | null): string | undefined => {
    // Said at the field that was typed in (DateField), the typing kept.
    if (start && end && end < start) return t('xxl.round.endBeforeStart', { n: r().index + 1 });
    const result = props.intents.setRoundDates(r().index, start, end);
    props.onResult(result);
    return undefined;
  };

  return (
    <section
      class="xxl-round"
      classList={{ 'xxl-round-last': props.last, 'xxl-round-wide': r().index === 0 }}
      data-phase={r().phase}
      data-current={props.current ? 'true' : undefined}
      data-warned={warned() ? 'true' : undefined}
      aria-labelledby={headId()}
      data-testid={`round-${r().index}`}
    >
      <header class="xxl-round-head">
        <div class="xxl-round-top">
          <span class="xxl-round-no" aria-hidden="true">
            {r().index + 1}
          </span>
          <h3 id={headId()}>
            <span class="visually-hidden">{roundLabel(r().index)}</span>
            <span aria-hidden="true">{roundName(r().index)}</span>
          </h3>
        </div>
        <p class="xxl-round-meta">
          <span class="xxl-places">
            {t('xxl.round.places', { players: r().players.length, size: r().size })}
          </span>
          <Show when={!props.last}>
            <span class="xxl-phase" data-phase={r().phase}>
              {props.current ? t('xxl.current') : t(`xxl.phase.${r().phase}` as MessageKey)}
            </span>
          </Show>
        </p>
        <Show when={!props.last}>
          <div class="xxl-dates">
            <label>
              <span>{t('xxl.round.from')}</span>
              <DateField
                label={t('xxl.round.start', { name: roundLabel(r().index) })}
                value={r().start}
                readOnly={props.readOnly}
                onCommit={(d) => setDates(d, r().end)}
              />
            </label>
            <label>
              <span>{t('xxl.round.to')}</span>
              <DateField
                label={t('xxl.round.end', { name: roundLabel(r().index) })}
                value={r().end}
                readOnly={props.readOnly}
                onCommit={(d) => setDates(r().start, d)}
              />
            </label>
          </div>
          <p class="xxl-weeks" data-off={durationOff() ? 'true' : undefined}>
            <Show when={r().days !== null} fallback={<span class="muted">{t('xxl.round.noDates')}</span>}>
              <Show when={durationOff()}>
                <span class="xxl-warn-mark" aria-hidden="true">
                  !
                </span>
              </Show>
              {t('xxl.round.weeks', { weeks: weeksOf(r().days ?? 0) })}
              <Show when={r().start && r().end}>
                <span class="visually-hidden">
                  {' '}
                  ({formatDate(locale(), r().start ?? '')} – {formatDate(locale(), r().end ?? '')})
                </span>
              </Show>
            </Show>
          </p>
          <Show when={r().players.length > 0}>
            <p class="xxl-tally">{t('xxl.round.tally', { go: r().go, noGo: r().noGo, open: r().open })}</p>
          </Show>
          <p class="xxl-advance muted">{tn('xxl.round.advance', r().advances)}</p>
        </Show>
      </header>

      <Show when={props.last}>
        <div class="xxl-champion" data-won={r().players.length > 0 ? 'true' : undefined}>
          <span class="xxl-trophy" aria-hidden="true">
            ★
          </span>
          <span class="xxl-champion-label">{t('xxl.champion')}</span>
          <Show when={r().players.length > 0} fallback={<span class="muted">{t('xxl.champion.none')}</span>}>
            <For each={r().players}>{(p) => <strong class="xxl-champion-name">{p.name}</strong>}</For>
          </Show>
        </div>
      </Show>
      <Show when={!props.last}>
        <ol class="xxl-slots" aria-label={roundLabel(r().index)}>
          <For each={r().players}>{(entry) => <EntryCard entry={entry} {...props} />}</For>
          <Show when={r().free > 0 && r().players.length > 0}>
            <li class="xxl-free">{tn('xxl.round.free', r().free)}</li>
          </Show>
          <Show when={r().players.length === 0}>
            <li class="xxl-free xxl-free-empty">{tn('xxl.round.free', r().free)}</li>
          </Show>
        </ol>
      </Show>
    </section>
  );
}

function EntryCard(props: BracketProps & { entry: BracketEntry; round: BracketRound }) {
  const e = () => props.entry;
  const round = () => roundLabel(props.round.index);
  const decide = (decision: Decision) =>
    props.onResult(
      props.intents.decide(props.round.index, e().id, e().decision === decision ? null : decision),
    );
  const relation = () => props.relationName(e().relationId);

  return (
    <li class="xxl-entry" data-decision={e().decision ?? 'open'}>
      <div class="xxl-entry-name">
        <Show when={e().relationId && relation()} fallback={<span title={e().name}>{e().name}</span>}>
          <A href={`/relations/${e().relationId}`} title={t('xxl.relation', { name: relation() ?? '' })}>
            {e().name}
          </A>
        </Show>
        <Show when={e().entersHere && !props.readOnly}>
          <button
            type="button"
            class="icon xxl-remove"
            aria-label={t('xxl.remove', { name: e().name })}
            onClick={() => props.onResult(props.intents.removeEntry(e().id))}
          >
            ×
          </button>
        </Show>
      </div>
      <Show
        when={!props.readOnly}
        fallback={
          <span class="xxl-verdict" data-decision={e().decision ?? 'open'}>
            {t(`xxl.decision.${e().decision ?? 'open'}` as MessageKey)}
          </span>
        }
      >
        <div class="xxl-decide">
          <button
            type="button"
            class="xxl-go"
            aria-pressed={e().decision === 'go'}
            aria-label={t('xxl.go.label', { name: e().name, round: round() })}
            onClick={() => decide('go')}
          >
            {t('xxl.go')}
          </button>
          <button
            type="button"
            class="xxl-nogo"
            aria-pressed={e().decision === 'noGo'}
            aria-label={t('xxl.noGo.label', { name: e().name, round: round() })}
            onClick={() => decide('noGo')}
          >
            {t('xxl.noGo')}
          </button>
        </div>
      </Show>
    </li>
  );
}
