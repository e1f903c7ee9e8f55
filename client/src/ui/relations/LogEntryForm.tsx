/** Log a contact moment: date (today), type, who of us, which contacts, a note, and after-care signals. */
import { createMemo, createSignal, For, Index, Show } from 'solid-js';
import { isIsoDate } from '../../../../core/dates.ts';
import { SIGNAL_KINDS, type ContactType, type SignalKind } from '../../../../core/model/index.ts';
import { useWorkspace } from '../../app/context.tsx';
import { formatDate, locale, t } from '../../i18n/index.ts';
import { ContactTypeField, issuesText } from './common.tsx';
import { DateField } from '../DateField.tsx';

interface SignalDraft {
  kind: SignalKind;
  note: string;
  withFollowUp: boolean;
  what: string;
  ownerId: string;
  due: string;
}

export function LogEntryForm(props: {
  relationId: string;
  ownerId: string | null;
  today: string;
  onDone: () => void;
}) {
  const ws = useWorkspace();
  const intents = ws.session.store.intents;
  const professionals = createMemo(() =>
    Object.values(ws.data()?.professionals ?? {}).sort((a, b) => a.name.localeCompare(b.name, locale())),
  );
  const contacts = createMemo(() =>
    Object.values(ws.data()?.contacts ?? {})
      .filter((c) => c.relationId === props.relationId)
      .sort((a, b) => a.name.localeCompare(b.name, locale())),
  );
  const [date, setDate] = createSignal(props.today);
  const [type, setType] = createSignal<ContactType>('call');
  const [who, setWho] = createSignal<string[]>(props.ownerId ? [props.ownerId] : []);
  const [withIds, setWithIds] = createSignal<string[]>([]);
  const [note, setNote] = createSignal('');
  const [signals, setSignals] = createSignal<SignalDraft[]>([]);
  const [error, setError] = createSignal<string | null>(null);

  /**
   * A date after today logs a planned contact (core/fire.ts): kept, shown as planned, and counted — its
   * signals open — only from that day. Said while the person picks the date, not after saving.
   */
  const planned = () => isIsoDate(date()) && date() > props.today;
  const plannedId = `log-planned-${props.relationId}`;

  const toggle = (list: string[], id: string, on: boolean) =>
    on ? [...list.filter((x) => x !== id), id] : list.filter((x) => x !== id);
  const patchSignal = (i: number, patch: Partial<SignalDraft>) =>
    setSignals((all) => all.map((s, j) => (j === i ? { ...s, ...patch } : s)));

  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    if (signals().some((s) => s.withFollowUp && !s.what.trim())) {
      setError(t('rel.signal.whatRequired'));
      return;
    }
    const added = intents.addContactLogEntry({
      relationId: props.relationId,
      date: date(),
      type: type(),
      professionalIds: who(),
      contactIds: withIds(),
      note: note().trim(),
      signals: signals().map((s) => ({
        kind: s.kind,
        note: s.note.trim(),
        followUp: s.withFollowUp
          ? { what: s.what.trim(), ownerId: s.ownerId || null, due: s.due || null }
          : null,
      })),
    });
    if (!added.ok) {
      setError(issuesText(added.issues));
      return;
    }
    props.onDone();
  };

  return (
    <form class="log-form" onSubmit={submit} aria-label={t('rel.log.add')} novalidate>
      <div class="row">
        <label class="field">
          <span>{t('rel.log.date')}</span>
          <DateField
            value={date()}
            // Named by the label's own text: the planned-contact note inside the label only describes it.
            label={t('rel.log.date')}
            describedBy={planned() ? plannedId : undefined}
            onCommit={(d) => void setDate(d ?? '')}
          />
          <Show when={planned()}>
            <span class="field-note" id={plannedId} data-testid="log-planned-note">
              {t('rel.log.plannedNote', { date: formatDate(locale(), date()) })}
            </span>
          </Show>
        </label>
        <ContactTypeField value={type()} onChange={setType} />
      </div>
      <fieldset class="checks">
        <legend>{t('rel.log.who')}</legend>
        <For each={professionals()} fallback={<span class="muted">{t('rel.log.nobody')}</span>}>
          {(p) => (
            <label>
              <input
                type="checkbox"
                checked={who().includes(p.id)}
                onChange={(e) => setWho((w) => toggle(w, p.id, e.currentTarget.checked))}
              />
              {p.name}
            </label>
          )}
        </For>
      </fieldset>
      <fieldset class="checks">
        <legend>{t('rel.log.with')}</legend>
        <For each={contacts()} fallback={<span class="muted">{t('rel.log.noContacts')}</span>}>
          {(c) => (
            <label>
              <input
                type="checkbox"
                checked={withIds().includes(c.id)}
                onChange={(e) => setWithIds((w) => toggle(w, c.id, e.currentTarget.checked))}
              />
              {c.name}
            </label>
          )}
        </For>
      </fieldset>
      <label class="field">
        <span>{t('rel.log.note')}</span>
        <textarea rows={3} value={note()} onInput={(e) => setNote(e.currentTarget.value)} />
      </label>

      <Index each={signals()}>
        {(s, i) => (
          <div class="signal-editor">
            <div class="row">
              <label class="field">
                <span>{t('rel.signal.kind')}</span>
                <select
                  aria-label={t('rel.signal.kind')}
                  value={s().kind}
                  onChange={(e) => patchSignal(i, { kind: e.currentTarget.value as SignalKind })}
                >
                  <For each={SIGNAL_KINDS}>{(k) => <option value={k}>{t(`rel.signal.${k}`)}</option>}</For>
                </select>
              </label>
              <label class="field grow">
                <span>{t('rel.signal.note')}</span>
                <input value={s().note} onInput={(e) => patchSignal(i, { note: e.currentTarget.value })} />
              </label>
              <button
                type="button"
                class="icon"
                aria-label={t('rel.signal.remove')}
                title={t('rel.signal.remove')}
                onClick={() => setSignals((all) => all.filter((_, j) => j !== i))}
              >
                ×
              </button>
            </div>
            <label class="inline-check">
              <input
                type="checkbox"
                checked={s().withFollowUp}
                onChange={(e) => patchSignal(i, { withFollowUp: e.currentTarget.checked })}
              />
              {t('rel.signal.withFollowUp')}
            </label>
            <Show when={s().withFollowUp}>
              <div class="row">
                <label class="field grow">
                  <span>{t('rel.signal.what')}</span>
                  <input value={s().what} onInput={(e) => patchSignal(i, { what: e.currentTarget.value })} />
                </label>
                <label class="field">
                  <span>{t('rel.signal.owner')}</span>
                  <select
                    aria-label={t('rel.signal.owner')}
                    value={s().ownerId}
                    onChange={(e) => patchSignal(i, { ownerId: e.currentTarget.value })}
                  >
                    <option value="">—</option>
                    <For each={professionals()}>
                      {(p) => (
                        <option value={p.id} selected={p.id === s().ownerId}>
                          {p.name}
                        </option>
                      )}
                    </For>
                  </select>
                </label>
                <label class="field">
                  <span>{t('rel.signal.due')}</span>
                  <DateField
                    label={t('rel.signal.due')}
                    value={s().due}
                    onCommit={(d) => void patchSignal(i, { due: d ?? '' })}
                  />
                </label>
              </div>
            </Show>
          </div>
        )}
      </Index>
      <div>
        <button
          type="button"
          onClick={() =>
            setSignals((all) => [
              ...all,
              {
                kind: 'buyingSignal',
                note: '',
                withFollowUp: false,
                what: '',
                ownerId: props.ownerId ?? '',
                due: '',
              },
            ])
          }
        >
          + {t('rel.signal.add')}
        </button>
      </div>

      <Show when={error()}>
        <p class="error" role="alert">
          {error()}
        </p>
      </Show>
      <div class="form-actions">
        <button type="submit" class="primary">
          {t('rel.log.save')}
        </button>
        <button type="button" onClick={() => props.onDone()}>
          {t('rel.contact.cancel')}
        </button>
      </div>
    </form>
  );
}
