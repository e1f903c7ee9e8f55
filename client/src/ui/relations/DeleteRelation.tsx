/**
 * Deleting a relation, the same way from the table and from the relation's page. A relation without account
 * plans goes at once (with undo, as before). A relation that account plans name asks first, in a modal
 * dialog that names the plans (they stay, showing "(deleted relation)") and what goes with the relation
 * (contacts, contact moments, scores — undo brings them back).
 */
import { createSignal, For, onMount, Show } from 'solid-js';
import { useWorkspace } from '../../app/context.tsx';
import { t, tn } from '../../i18n/index.ts';
import { issuesText } from './common.tsx';
import { needsConfirmation, relationImpact, type RelationImpact } from './deleteImpact.ts';

interface Asking {
  id: string;
  name: string;
  impact: RelationImpact;
}

/**
 * `request(id, name)` deletes relation `id`, first asking when plans name it; `onDeleted(name)` runs after
 * a delete, `onRefused(text)` when the intent refused it. Render `<Dialog />` once in the screen.
 */
export function createRelationDelete(opts: {
  onDeleted: (name: string) => void;
  onRefused: (text: string) => void;
}) {
  const ws = useWorkspace();
  const [asking, setAsking] = createSignal<Asking | null>(null);
  const remove = (id: string, name: string) => {
    const result = ws.session.store.intents.removeRelation(id);
    if (result.ok) opts.onDeleted(name);
    else opts.onRefused(issuesText(result.issues));
  };
  const request = (id: string, name: string) => {
    const data = ws.data();
    const impact = data ? relationImpact(data, id) : null;
    if (impact && needsConfirmation(impact)) setAsking({ id, name, impact });
    else remove(id, name);
  };
  const Dialog = () => (
    <Show when={asking()}>
      {(a) => (
        <ConfirmDelete
          asking={a()}
          onConfirm={() => {
            const { id, name } = a(); // read before closing: the accessor is stale once it is gone
            setAsking(null);
            remove(id, name);
          }}
          onCancel={() => setAsking(null)}
        />
      )}
    </Show>
  );
  return { request, Dialog };
}

function ConfirmDelete(props: { asking: Asking; onConfirm: () => void; onCancel: () => void }) {
  let dialog: HTMLDialogElement | undefined;
  let cancel: HTMLButtonElement | undefined;
  onMount(() => {
    dialog?.showModal();
    cancel?.focus(); // the safe choice first: Enter keeps the relation
  });
  const impact = () => props.asking.impact;
  return (
    <dialog
      ref={(el) => (dialog = el)}
      class="confirm-dialog"
      aria-labelledby="rel-delete-title"
      aria-describedby="rel-delete-plans"
      data-testid="delete-relation-dialog"
      onClose={() => props.onCancel()}
    >
      <h2 id="rel-delete-title">{t('rel.delete.title', { name: props.asking.name })}</h2>
      <p id="rel-delete-plans">
        {tn('rel.delete.plans', impact().plans.length, { name: props.asking.name })}
      </p>
      <ul class="confirm-list">
        <For each={impact().plans}>{(p) => <li>{p.title || t('plans.untitled')}</li>}</For>
      </ul>
      <p>{t('rel.delete.plansStay')}</p>
      <p class="muted">
        {t('rel.delete.alsoGone', {
          contacts:
            impact().contacts === 0
              ? t('rel.delete.contacts.none')
              : tn('rel.delete.contacts', impact().contacts),
          moments:
            impact().contactMoments === 0
              ? t('rel.delete.moments.none')
              : tn('rel.delete.moments', impact().contactMoments),
        })}
      </p>
      <div class="form-actions">
        <button type="button" class="danger" onClick={() => props.onConfirm()}>
          {t('rel.delete.confirm')}
        </button>
        <button type="button" ref={(el) => (cancel = el)} onClick={() => dialog?.close()}>
          {t('rel.delete.cancel')}
        </button>
      </div>
    </dialog>
  );
}
