/** Successes to celebrate (seed 000: "vier de successen"): shown at the start of the meeting and in the summary. */
import { createMemo, createSignal, For, Show } from 'solid-js';
import { useWorkspace } from '../../app/context.tsx';
import { t } from '../../i18n/index.ts';
import { useBoard } from './board.tsx';

export function Successes() {
  const ws = useWorkspace();
  const board = useBoard();
  const intents = board.meeting.handle.store.intents;
  const list = createMemo(() =>
    Object.values(board.doc().successes).sort(
      (a, b) => (a.createdAt ?? '').localeCompare(b.createdAt ?? '') || a.id.localeCompare(b.id),
    ),
  );
  const [text, setText] = createSignal('');
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    if (!text().trim()) return;
    if (board.check(intents.addSuccess({ text: text().trim(), authorId: ws.me.id }))) setText('');
  };
  return (
    <section class="panel mt-successes" aria-labelledby="mt-successes-title">
      <h2 id="mt-successes-title">{t('mt.successes')}</h2>
      <p class="muted section-intro">{t('mt.successes.intro')}</p>
      <Show when={list().length > 0} fallback={<p class="muted empty">{t('mt.successes.empty')}</p>}>
        <ul class="mt-success-list" data-testid="successes">
          <For each={list()}>
            {(s) => (
              <li>
                <span>{s.text}</span>
                <Show when={!board.readOnly()}>
                  <button
                    type="button"
                    class="icon"
                    aria-label={t('mt.success.remove')}
                    onClick={() => board.check(intents.removeSuccess(s.id))}
                  >
                    ×
                  </button>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={!board.readOnly() && board.doc().live.status !== 'ended'}>
        <form class="mt-add" onSubmit={submit}>
          <label class="field grow">
            <span>{t('mt.success.text')}</span>
            <input value={text()} onInput={(e) => setText(e.currentTarget.value)} maxLength={2000} />
          </label>
          <button type="submit" disabled={!text().trim()}>
            {t('mt.success.add')}
          </button>
        </form>
      </Show>
    </section>
  );
}
