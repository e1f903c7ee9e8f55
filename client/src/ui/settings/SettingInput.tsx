/**
 * One setting, saved on change. `save` returns an error text (shown at the field, the typed text kept so the
 * user can fix it) or null when it was saved. While there is no error the field shows the live value, so a
 * colleague's change (or undo) appears at once.
 */
import { Show, createSignal, onCleanup, type JSX } from 'solid-js';
import { t } from '../../i18n/index.ts';

export function SettingInput(props: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  readOnly: boolean;
  inputMode?: 'text' | 'numeric' | 'decimal';
  class?: string;
  save: (raw: string) => string | null;
  children?: JSX.Element;
}) {
  const [draft, setDraft] = createSignal<string | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [saved, setSaved] = createSignal(false);
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));
  const describedBy = () =>
    [error() ? `${props.id}-err` : '', props.hint ? `${props.id}-hint` : ''].filter(Boolean).join(' ') ||
    undefined;
  return (
    <div class={`settings-field ${props.class ?? ''}`}>
      <label for={props.id}>{props.label}</label>
      <div class="settings-control">
        <input
          id={props.id}
          value={draft() ?? props.value}
          readOnly={props.readOnly}
          inputMode={props.inputMode}
          aria-invalid={error() ? true : undefined}
          aria-describedby={describedBy()}
          onChange={(e) => {
            const input = e.currentTarget;
            const problem = props.save(input.value);
            clearTimeout(timer);
            if (problem) {
              setDraft(input.value);
              setError(problem);
              setSaved(false);
              return;
            }
            setDraft(null);
            setError(null);
            input.value = props.value; // show the stored form ("30", "25.000")
            setSaved(true);
            timer = setTimeout(() => setSaved(false), 2500);
          }}
        />
        {props.children}
        <span class="settings-saved" aria-live="polite">
          <Show when={saved()}>{t('settings.saved')}</Show>
        </span>
      </div>
      <Show when={props.hint}>
        <span class="settings-hint" id={`${props.id}-hint`}>
          {props.hint}
        </span>
      </Show>
      <Show when={error()}>
        <span class="settings-error" id={`${props.id}-err`}>
          {error()}
        </span>
      </Show>
    </div>
  );
}
