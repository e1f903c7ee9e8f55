import { createMemo, createSignal, For, Show } from 'solid-js';
import { RELATION_KINDS, type RelationKind, type WorkspaceDoc } from '../../../../core/model/index.ts';
import type { WorkspaceStore } from '../../stores/workspaceStore.ts';
import { formatIssue } from '../../../../core/model/issues.ts';
import { locale, t } from '../../i18n/index.ts';

export function QuickRelations(props: { data: WorkspaceDoc; store: WorkspaceStore; readOnly: boolean }) {
  const [name, setName] = createSignal('');
  const [kind, setKind] = createSignal<RelationKind>('client');
  const [error, setError] = createSignal<string | null>(null);
  const relations = createMemo(() =>
    Object.values(props.data.relations).sort((a, b) => a.name.localeCompare(b.name, locale())),
  );

  const add = (e: SubmitEvent) => {
    e.preventDefault();
    const result = props.store.intents.addRelation({ name: name().trim(), kind: kind() });
    if (!result.ok) {
      setError(t('error.invalid', { detail: result.issues.map((i) => formatIssue(i, locale())).join('; ') }));
      return;
    }
    setError(null);
    setName('');
  };

  return (
    <section class="panel" aria-labelledby="relations-title">
      <div class="panel-head">
        <h2 id="relations-title">{t('relations.title')}</h2>
        <span class="muted">{t('relations.count', { count: relations().length })}</span>
      </div>
      <Show when={!props.readOnly}>
        <form class="add-row" onSubmit={add}>
          <label>
            <span>{t('relations.name')}</span>
            <input
              name="relation-name"
              value={name()}
              onInput={(e) => setName(e.currentTarget.value)}
              required
            />
          </label>
          <label>
            <span>{t('relations.kind')}</span>
            <select value={kind()} onChange={(e) => setKind(e.currentTarget.value as RelationKind)}>
              <For each={RELATION_KINDS}>{(k) => <option value={k}>{t(`kind.${k}`)}</option>}</For>
            </select>
          </label>
          <button type="submit" class="primary">
            {t('relations.add')}
          </button>
        </form>
      </Show>
      <Show when={error()}>
        <p class="error" role="alert">
          {error()}
        </p>
      </Show>
      <Show when={relations().length > 0} fallback={<p class="empty muted">{t('relations.empty')}</p>}>
        <ul class="relations" data-testid="relations">
          <For each={relations()}>
            {(r) => (
              <li>
                <span class="rel-name">{r.name}</span>
                <span class="tag">{t(`kind.${r.kind}`)}</span>
                <Show when={!props.readOnly}>
                  <button
                    type="button"
                    class="icon"
                    aria-label={t('relations.delete', { name: r.name })}
                    onClick={() => props.store.intents.removeRelation(r.id)}
                  >
                    ×
                  </button>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
