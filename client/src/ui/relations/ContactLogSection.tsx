/**
 * The relation's contact log: log a contact moment (with after-care signals), newest first; signals can
 * be marked handled. An entry and its signals are written by one intent each (entry first).
 */
import { createMemo, createSignal, For, Show } from 'solid-js';
import type { ContactLogEntry } from '../../../../core/model/index.ts';
import { useWorkspace } from '../../app/context.tsx';
import { formatDate, locale, t } from '../../i18n/index.ts';
import { createToast } from '../Toast.tsx';
import { LogEntryForm } from './LogEntryForm.tsx';
import { issuesText } from './common.tsx';

export function ContactLogSection(props: { relationId: string; ownerId: string | null; today: string }) {
  const ws = useWorkspace();
  const toast = createToast();
  const [adding, setAdding] = createSignal(false);
  const entries = createMemo(() =>
    Object.values(ws.data()?.contactLog ?? {})
      .filter((e) => e.relationId === props.relationId)
      .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.id < b.id ? -1 : 1)),
  );
  const profName = (id: string) => ws.data()?.professionals[id]?.name;
  const contactName = (id: string) => ws.data()?.contacts[id]?.name;
  const names = (ids: readonly string[], of: (id: string) => string | undefined) =>
    ids.map(of).filter(Boolean).join(', ');

  const remove = (e: ContactLogEntry) => {
    const r = ws.session.store.intents.removeContactLogEntry(e.id);
    const date = formatDate(locale(), e.date);
    toast.show(
      r.ok
        ? { text: t('rel.log.removed', { date }), undo: ws.session.store.undo }
        : { text: issuesText(r.issues), undo: null },
    );
  };
  const setHandled = (input: HTMLInputElement, entryId: string, signalId: string) => {
    const r = ws.session.store.intents.markSignalHandled(entryId, signalId, input.checked);
    if (r.ok) return;
    input.checked = !input.checked; // not saved: show the stored state again, and say why
    toast.show({ text: issuesText(r.issues), undo: null });
  };

  return (
    <section class="panel" aria-labelledby="rel-log-title">
      <h2 id="rel-log-title">{t('rel.log.title')}</h2>
      <Show when={!ws.readOnly()}>
        <Show
          when={adding()}
          fallback={
            <p>
              <button type="button" class="primary" onClick={() => setAdding(true)}>
                + {t('rel.log.add')}
              </button>
            </p>
          }
        >
          <LogEntryForm
            relationId={props.relationId}
            ownerId={props.ownerId}
            today={props.today}
            onDone={() => setAdding(false)}
          />
        </Show>
      </Show>
      <ol class="log-list" data-testid="contact-log">
        <For each={entries()} fallback={<li class="muted">{t('rel.log.empty')}</li>}>
          {(e) => (
            <li class="log-entry">
              <div>
                <div class="date">{formatDate(locale(), e.date)}</div>
                <div class="type">{t(`rel.type.${e.type}`)}</div>
                <Show when={e.date > props.today}>
                  <span class="pill">{t('rel.log.planned')}</span>
                </Show>
              </div>
              <div>
                <div class="people">
                  {[names(e.professionalIds, profName), names(e.contactIds, contactName)]
                    .filter(Boolean)
                    .join(' ↔ ')}
                </div>
                <Show when={e.note}>
                  <p class="note">{e.note}</p>
                </Show>
                <Show when={Object.keys(e.signals).length > 0}>
                  <ul class="signal-list" aria-label={t('rel.signals')}>
                    <For each={Object.values(e.signals)}>
                      {(s) => (
                        <li class="signal" data-kind={s.kind} data-handled={s.handled ? '' : undefined}>
                          <span class="kind">{t(`rel.signal.${s.kind}`)}</span>
                          <Show when={s.note}>
                            <span>{s.note}</span>
                          </Show>
                          <Show when={s.followUp}>
                            {(f) => (
                              <span class="muted">
                                → {f().what}
                                {f().ownerId ? ` · ${profName(f().ownerId!) ?? ''}` : ''}
                                {f().due
                                  ? ` · ${t('rel.signal.dueOn', { date: formatDate(locale(), f().due!) })}`
                                  : ''}
                              </span>
                            )}
                          </Show>
                          <label class="handled">
                            <input
                              type="checkbox"
                              checked={s.handled}
                              disabled={ws.readOnly()}
                              onChange={(ev) => setHandled(ev.currentTarget, e.id, s.id)}
                            />
                            {t('rel.signal.handled')}
                          </label>
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
              </div>
              <Show when={!ws.readOnly()}>
                <button
                  type="button"
                  class="icon"
                  aria-label={t('rel.log.remove', { date: formatDate(locale(), e.date) })}
                  title={t('rel.log.remove', { date: formatDate(locale(), e.date) })}
                  onClick={() => remove(e)}
                >
                  ×
                </button>
              </Show>
            </li>
          )}
        </For>
      </ol>
      <toast.View />
    </section>
  );
}
