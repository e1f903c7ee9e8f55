/**
 * One entry's details, chosen from a list of all entries: its name, the relation it is linked to (prospects
 * first) and a note — for an entry added before its relation existed, or to keep what was learned. Written
 * through the tournament's intents when a field is left (or a choice is made).
 */
import { createMemo, createSignal, For, Show } from 'solid-js';
import type { TournamentDoc } from '../../../../core/model/index.ts';
import type { Result, TournamentIntents } from '../../../../doc/index.ts';
import { locale, t } from '../../i18n/index.ts';
import { RelationSelect } from './EntryForm.tsx';

export function EntryDetails(props: {
  doc: TournamentDoc;
  intents: TournamentIntents;
  onResult: (result: Result<unknown>) => void;
}) {
  const [selected, setSelected] = createSignal('');
  const entries = createMemo(() => {
    const collator = new Intl.Collator(locale(), { sensitivity: 'base', numeric: true });
    return Object.values(props.doc.entries).sort(
      (a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1),
    );
  });
  const entry = () => props.doc.entries[selected()] ?? null;
  const linked = createMemo(() => new Set(Object.values(props.doc.entries).map((e) => e.relationId)));
  const update = (patch: { name?: string; relationId?: string | null; note?: string }) => {
    const e = entry();
    if (e) props.onResult(props.intents.updateEntry(e.id, patch));
  };

  return (
    <section class="panel xxl-details" aria-labelledby="xxl-details-title" data-testid="entry-details">
      <h2 id="xxl-details-title">{t('xxl.details.title')}</h2>
      <label class="field">
        <span>{t('xxl.details.entry')}</span>
        <select
          aria-label={t('xxl.details.entry')}
          value={selected()}
          onChange={(e) => setSelected(e.currentTarget.value)}
        >
          <option value="">{t('xxl.details.choose')}</option>
          <For each={entries()}>
            {(e) => (
              <option value={e.id} selected={e.id === selected()}>
                {e.name}
              </option>
            )}
          </For>
        </select>
      </label>
      <Show when={entry()} keyed>
        {(e) => (
          <>
            <label class="field">
              <span>{t('xxl.add.name')}</span>
              <input value={e.name} onChange={(ev) => update({ name: ev.currentTarget.value.trim() })} />
            </label>
            <label class="field">
              <span>{t('xxl.add.relation')}</span>
              <RelationSelect
                value={e.relationId ?? ''}
                exclude={linked()}
                onChange={(id) => update({ relationId: id || null })}
              />
            </label>
            <label class="field">
              <span>{t('xxl.details.note')}</span>
              <textarea rows={3} value={e.note} onChange={(ev) => update({ note: ev.currentTarget.value })} />
            </label>
          </>
        )}
      </Show>
    </section>
  );
}
