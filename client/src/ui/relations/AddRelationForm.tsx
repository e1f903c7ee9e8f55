/** The compact "new relation" row above the table: name, kind, owner. Focus stays on the name for the next one. */
import { createSignal, For, Show } from 'solid-js';
import { RELATION_KINDS, type Professional, type RelationKind } from '../../../../core/model/index.ts';
import { useWorkspace } from '../../app/context.tsx';
import { t } from '../../i18n/index.ts';
import { issuesText } from './common.tsx';

export function AddRelationForm(props: {
  professionals: Professional[];
  /** The relation was added: its name and id. */
  onAdded: (name: string, id: string) => void;
}) {
  const ws = useWorkspace();
  const [name, setName] = createSignal('');
  const [kind, setKind] = createSignal<RelationKind>('client');
  const [owner, setOwner] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  let nameInput: HTMLInputElement | undefined;

  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    const trimmed = name().trim();
    if (!trimmed) {
      setError(t('rel.nameRequired'));
      nameInput?.focus();
      return;
    }
    const result = ws.session.store.intents.addRelation({
      name: trimmed,
      kind: kind(),
      ownerId: owner() || null,
    });
    if (!result.ok) {
      setError(issuesText(result.issues));
      return;
    }
    setError(null);
    setName('');
    props.onAdded(trimmed, result.value);
    nameInput?.focus();
  };

  return (
    <form class="add-row rel-add" onSubmit={submit} aria-label={t('rel.addTitle')} novalidate>
      <label class="field rel-add-name">
        <span>{t('relations.name')}</span>
        <input
          ref={(el) => (nameInput = el)}
          name="relation-name"
          autocomplete="off"
          value={name()}
          aria-invalid={error() ? true : undefined}
          aria-describedby={error() ? 'rel-add-error' : undefined}
          onInput={(e) => setName(e.currentTarget.value)}
        />
      </label>
      <label class="field">
        <span>{t('relations.kind')}</span>
        <select
          aria-label={t('relations.kind')}
          value={kind()}
          onChange={(e) => setKind(e.currentTarget.value as RelationKind)}
        >
          <For each={RELATION_KINDS}>{(k) => <option value={k}>{t(`kind.${k}`)}</option>}</For>
        </select>
      </label>
      <label class="field">
        <span>{t('rel.field.owner')}</span>
        <select
          aria-label={t('rel.field.owner')}
          value={owner()}
          onChange={(e) => setOwner(e.currentTarget.value)}
        >
          <option value="">{t('rel.noOwner')}</option>
          <For each={props.professionals}>
            {(p) => (
              <option value={p.id} selected={p.id === owner()}>
                {p.name}
              </option>
            )}
          </For>
        </select>
      </label>
      <button type="submit" class="primary">
        {t('relations.add')}
      </button>
      <Show when={error()}>
        <p class="error rel-add-error" id="rel-add-error" role="alert">
          {error()}
        </p>
      </Show>
    </form>
  );
}
