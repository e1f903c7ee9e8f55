/**
 * Start an account plan: for one relation or a group of relations, with a title and an owner. The relation
 * may be given (from a relation's page or the "A relations without a plan" warning); the owner defaults to
 * the relation's owner (its relationship manager).
 */
import { useNavigate } from '@solidjs/router';
import { createMemo, createSignal, For, Show } from 'solid-js';
import { useWorkspace } from '../../app/context.tsx';
import { createPlan } from '../../app/plans.ts';
import { locale, t } from '../../i18n/index.ts';
import { issuesText } from '../relations/common.tsx';

export function NewPlanForm(props: { relationIds?: string[]; onCancel: () => void }) {
  const ws = useWorkspace();
  const navigate = useNavigate();
  const collator = createMemo(() => new Intl.Collator(locale(), { sensitivity: 'base', numeric: true }));
  const relations = createMemo(() =>
    Object.values(ws.data()?.relations ?? {}).sort((a, b) => collator().compare(a.name, b.name)),
  );
  const professionals = createMemo(() =>
    Object.values(ws.data()?.professionals ?? {}).sort((a, b) => collator().compare(a.name, b.name)),
  );
  const [selected, setSelected] = createSignal<string[]>(props.relationIds ?? []);
  const firstRelation = () => ws.data()?.relations[selected()[0] ?? ''];
  const year = new Date().getFullYear();
  const [title, setTitle] = createSignal('');
  const [owner, setOwner] = createSignal<string | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const defaultTitle = () => {
    const rel = firstRelation();
    if (!rel) return '';
    return selected().length > 1
      ? t('plans.new.groupTitle', { name: rel.name, count: selected().length - 1, year: String(year) })
      : t('plans.new.defaultTitle', { name: rel.name, year: String(year) });
  };
  const effectiveOwner = () => owner() ?? firstRelation()?.ownerId ?? null;

  const toggle = (id: string, on: boolean) =>
    setSelected((s) => (on ? [...new Set([...s, id])] : s.filter((x) => x !== id)));

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (selected().length === 0) {
      setError(t('plans.new.needRelation'));
      return;
    }
    setBusy(true);
    const result = await createPlan(ws.session, {
      relationIds: selected(),
      title: (title() || defaultTitle()).trim(),
      ownerId: effectiveOwner(),
    });
    setBusy(false);
    if (!result.ok) {
      setError(issuesText(result.issues));
      return;
    }
    navigate(`/plans/${result.value}`);
  };

  return (
    <form
      class="panel new-plan"
      aria-label={t('plans.new.title')}
      onSubmit={(e) => void submit(e)}
      novalidate
    >
      <h2>{t('plans.new.title')}</h2>
      <fieldset class="new-plan-relations">
        <legend>{t('plans.new.relations')}</legend>
        <p class="muted">{t('plans.new.relationsHint')}</p>
        <div class="relation-picks">
          <For each={relations()}>
            {(rel) => (
              <label class="check">
                <input
                  type="checkbox"
                  checked={selected().includes(rel.id)}
                  onChange={(e) => toggle(rel.id, e.currentTarget.checked)}
                />
                {rel.name || '—'}
              </label>
            )}
          </For>
        </div>
      </fieldset>
      <div class="row">
        <label class="field grow">
          <span>{t('plans.new.planTitle')}</span>
          <input
            value={title()}
            placeholder={defaultTitle()}
            onInput={(e) => setTitle(e.currentTarget.value)}
          />
        </label>
        <label class="field">
          <span>{t('plans.col.owner')}</span>
          <select
            aria-label={t('plans.col.owner')}
            value={effectiveOwner() ?? ''}
            onChange={(e) => setOwner(e.currentTarget.value || null)}
          >
            <option value="">{t('plans.noOwner')}</option>
            <For each={professionals()}>
              {(p) => (
                <option value={p.id} selected={p.id === effectiveOwner()}>
                  {p.name}
                </option>
              )}
            </For>
          </select>
        </label>
      </div>
      <Show when={error()}>
        <p class="field-error" role="alert">
          {error()}
        </p>
      </Show>
      <div class="row">
        <button type="submit" class="primary" disabled={busy() || ws.readOnly()}>
          {t('plans.new.create')}
        </button>
        <button type="button" onClick={() => props.onCancel()}>
          {t('plans.new.cancel')}
        </button>
      </div>
    </form>
  );
}
