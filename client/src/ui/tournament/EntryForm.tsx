/**
 * Add an entry to the tournament: a name, optionally linked to a relation (prospects first, relations already
 * in the tournament left out), and the round it enters in (normally the first). Enter adds it and leaves the
 * cursor in the name field for the next one. A full round is refused with a message; nothing is written.
 */
import { createMemo, createSignal, For, Show } from 'solid-js';
import { ROUND_KEYS } from '../../../../core/model/index.ts';
import type { TournamentBracket } from '../../../../core/tournamentBoard.ts';
import type { TournamentIntents } from '../../../../doc/index.ts';
import { useWorkspace } from '../../app/context.tsx';
import { locale, t } from '../../i18n/index.ts';
import { issuesText } from '../relations/common.tsx';
import { roundLabel, roundName } from './messages.ts';

export function EntryForm(props: { bracket: TournamentBracket; intents: TournamentIntents }) {
  const ws = useWorkspace();
  const [name, setName] = createSignal('');
  const [relationId, setRelationId] = createSignal('');
  const [round, setRound] = createSignal(0);
  const [error, setError] = createSignal<string | null>(null);
  let nameInput: HTMLInputElement | undefined;

  const linked = createMemo(
    () =>
      new Set(
        props.bracket.rounds
          .flatMap((r) => r.players.map((p) => p.relationId))
          .concat(props.bracket.pool.map((p) => p.relationId)),
      ),
  );
  const relationNameOf = (id: string) => ws.data()?.relations[id]?.name ?? '';

  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    const entryName = (name().trim() || relationNameOf(relationId())).trim();
    if (!entryName) {
      setError(t('xxl.add.needName'));
      return;
    }
    const target = props.bracket.rounds[round()];
    if (target && target.players.length >= target.size) {
      setError(t('xxl.add.full', { name: roundName(round()), size: target.size }));
      return;
    }
    const result = props.intents.addEntry({
      name: entryName,
      relationId: relationId() || null,
      enteredRound: round(),
    });
    if (!result.ok) {
      setError(issuesText(result.issues));
      return;
    }
    setError(null);
    setName('');
    setRelationId('');
    nameInput?.focus();
  };

  return (
    <form
      class="panel xxl-add"
      aria-labelledby="xxl-add-title"
      onSubmit={submit}
      novalidate
      data-testid="add-entry"
    >
      <h2 id="xxl-add-title">{t('xxl.add.title')}</h2>
      <label class="field">
        <span>{t('xxl.add.relation')}</span>
        <RelationSelect value={relationId()} exclude={linked()} onChange={(id) => setRelationId(id)} />
      </label>
      <label class="field">
        <span>{t('xxl.add.name')}</span>
        <input
          ref={(el) => (nameInput = el)}
          value={name()}
          placeholder={relationNameOf(relationId())}
          onInput={(e) => setName(e.currentTarget.value)}
        />
      </label>
      <label class="field">
        <span>{t('xxl.add.round')}</span>
        <select
          aria-label={t('xxl.add.round')}
          value={String(round())}
          onChange={(e) => setRound(Number(e.currentTarget.value))}
        >
          <For each={ROUND_KEYS.slice(0, -1)}>
            {(_key, i) => <option value={String(i())}>{roundLabel(i())}</option>}
          </For>
        </select>
      </label>
      <Show when={error()}>
        <p class="field-error" role="alert">
          {error()}
        </p>
      </Show>
      <button type="submit" class="primary">
        {t('xxl.add.submit')}
      </button>
    </form>
  );
}

/**
 * A relation to link an entry to: prospects first, then the other relations, by name; relations in `exclude`
 * (already in the tournament) are left out unless it is the current value. '' means none.
 */
export function RelationSelect(props: {
  value: string;
  exclude: ReadonlySet<string | null>;
  onChange: (relationId: string) => void;
  disabled?: boolean;
}) {
  const ws = useWorkspace();
  const relations = createMemo(() => {
    const collator = new Intl.Collator(locale(), { sensitivity: 'base', numeric: true });
    const all = Object.values(ws.data()?.relations ?? {})
      .filter((r) => r.id === props.value || !props.exclude.has(r.id))
      .sort((a, b) => collator.compare(a.name, b.name));
    return {
      prospects: all.filter((r) => r.kind === 'prospect'),
      others: all.filter((r) => r.kind !== 'prospect'),
    };
  });
  return (
    <select
      value={props.value}
      disabled={props.disabled}
      onChange={(e) => props.onChange(e.currentTarget.value)}
    >
      <option value="">{t('xxl.add.noRelation')}</option>
      <Show when={relations().prospects.length > 0}>
        <optgroup label={t('xxl.add.prospects')}>
          <For each={relations().prospects}>
            {(r) => (
              <option value={r.id} selected={r.id === props.value}>
                {r.name}
              </option>
            )}
          </For>
        </optgroup>
      </Show>
      <Show when={relations().others.length > 0}>
        <optgroup label={t('xxl.add.others')}>
          <For each={relations().others}>
            {(r) => (
              <option value={r.id} selected={r.id === props.value}>
                {r.name}
              </option>
            )}
          </For>
        </optgroup>
      </Show>
    </select>
  );
}
