/**
 * A snackbar at the bottom of the screen: "Deleted Acme — Undo". Its Undo reverts exactly the step it
 * is about: the toast closes as soon as this user's undo history changes (another edit, or the topbar
 * Undo), so it can never undo something else. It also closes after a while or when dismissed.
 */
import { A } from '@solidjs/router';
import { createSignal, onCleanup, Show, type JSX } from 'solid-js';
import { t } from '../i18n/index.ts';

/** The part of a store's undo a toast needs. */
export interface UndoHandle {
  undo(): boolean;
  onChange(listener: () => void): () => void;
}

export interface ToastMessage {
  text: string;
  /** The undo history the step was just recorded in (null: no Undo button). */
  undo: UndoHandle | null;
  /** A way to what the step made, e.g. "Open" a relation just added (it may land out of view in a long list). */
  open?: { href: string; label: string };
}

export function createToast(timeoutMs = 8000) {
  const [message, setMessage] = createSignal<ToastMessage | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let unsubscribe: (() => void) | undefined;
  const clear = () => {
    clearTimeout(timer);
    unsubscribe?.();
    unsubscribe = undefined;
    setMessage(null);
  };
  const show = (m: ToastMessage) => {
    clear();
    setMessage(m);
    // The step is on top of the history now; any later change to the history makes the Undo stale.
    unsubscribe = m.undo?.onChange(clear);
    timer = setTimeout(clear, timeoutMs);
  };
  onCleanup(clear);
  const View = (): JSX.Element => (
    <div class="toast-region" aria-live="polite">
      <Show when={message()}>
        {(m) => (
          <div class="toast">
            <span>{m().text}</span>
            <Show when={m().open}>
              {(open) => (
                <A href={open().href} class="toast-open" onClick={clear}>
                  {open().label}
                </A>
              )}
            </Show>
            <Show when={m().undo}>
              {(undo) => (
                <button
                  type="button"
                  class="toast-undo"
                  onClick={() => {
                    const handle = undo();
                    unsubscribe?.();
                    unsubscribe = undefined;
                    handle.undo();
                    clear();
                  }}
                >
                  {t('undo')}
                </button>
              )}
            </Show>
            <button type="button" class="icon toast-close" aria-label={t('toast.dismiss')} onClick={clear}>
              ×
            </button>
          </div>
        )}
      </Show>
    </div>
  );
  return { show, clear, View };
}
