/** Set a class by hand, with the required reason (DOMAIN.md §2 "Override"). */
import { For, Show, createSignal, onMount } from 'solid-js';
import { CLASSES, type AbcClass } from '../../../../core/model/index.ts';
import { useWorkspace } from '../../app/context.tsx';
import { t } from '../../i18n/index.ts';
import { issuesText } from './messages.ts';

export function OverrideEditor(props: {
  relationId: string;
  name: string;
  initial: AbcClass;
  reason: string;
  onDone: () => void;
}) {
  const ws = useWorkspace();
  const [cls, setCls] = createSignal<AbcClass>(props.initial);
  const [reason, setReason] = createSignal(props.reason);
  const [error, setError] = createSignal<string | null>(null);
  let reasonEl: HTMLInputElement | undefined;
  onMount(() => reasonEl?.focus());
  const base = `ovr-${props.relationId}`;

  const save = (e: SubmitEvent) => {
    e.preventDefault();
    if (!reason().trim()) {
      setError(t('abc.classes.reasonRequired'));
      reasonEl?.focus();
      return;
    }
    const result = ws.session.store.intents.setOverride(props.relationId, {
      class: cls(),
      reason: reason().trim(),
    });
    if (!result.ok) return setError(issuesText(result.issues));
    props.onDone();
  };

  return (
    <form
      class="override-editor"
      onSubmit={save}
      onKeyDown={(e) => e.key === 'Escape' && props.onDone()}
      aria-label={t('abc.classes.setOverrideFor', { name: props.name })}
      novalidate
    >
      <fieldset class="class-pick">
        <legend>{t('abc.classes.overrideClass')}</legend>
        <For each={CLASSES}>
          {(c) => (
            <label class="class-option" data-class={c}>
              <input
                type="radio"
                name={`${base}-class`}
                value={c}
                checked={cls() === c}
                onChange={() => setCls(c)}
              />
              <span>{t(`abc.class.${c}`)}</span>
            </label>
          )}
        </For>
      </fieldset>
      <label class="field grow">
        <span>{t('abc.classes.overrideReason')}</span>
        <input
          ref={(el) => (reasonEl = el)}
          value={reason()}
          placeholder={t('abc.classes.overrideReasonPlaceholder')}
          onInput={(e) => setReason(e.currentTarget.value)}
          aria-invalid={error() ? true : undefined}
          aria-describedby={error() ? `${base}-error` : undefined}
        />
        <Show when={error()}>
          <span class="field-error" id={`${base}-error`} role="alert">
            {error()}
          </span>
        </Show>
      </label>
      <div class="override-buttons">
        <button type="submit" class="primary">
          {t('abc.classes.overrideSave')}
        </button>
        <button type="button" onClick={() => props.onDone()}>
          {t('abc.classes.cancel')}
        </button>
      </div>
    </form>
  );
}
