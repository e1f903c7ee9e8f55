/** Criteria editor: name, category, weight, score-level descriptions, order; live validation from core. */
import { parseDecimal } from '../../io/numbers.ts';
import { createToast } from '../Toast.tsx';
import { For, Show, createMemo, createSignal } from 'solid-js';
import { isValidWeight, nameKey } from '../../../../core/abc/index.ts';
import {
  CRITERION_CATEGORIES,
  type Criterion,
  type CriterionCategory,
} from '../../../../core/model/index.ts';
import { useWorkspace } from '../../app/context.tsx';
import { formatPercent, locale, t, tn } from '../../i18n/index.ts';
import { CriterionCard } from './CriterionCard.tsx';
import { criteriaIssueText, issuesText } from './messages.ts';

const TOAST_MS = 10_000;

export function CriteriaTab() {
  const ws = useWorkspace();
  const intents = ws.session.store.intents;
  const criteria = ws.derived.criteria;
  const issues = () => ws.derived.classification()?.criteriaIssues ?? [];
  const weightSum = createMemo(() =>
    criteria().reduce((sum, c) => sum + (isValidWeight(c.weight) ? c.weight : 0), 0),
  );
  const duplicates = createMemo(
    () => new Set(issues().flatMap((i) => (i.id === 'criteria.duplicateName' ? i.params.criterionIds : []))),
  );

  // Undo toast after a delete.
  const toast = createToast(TOAST_MS);

  const remove = (c: Criterion) => {
    const result = intents.removeCriterion(c.id);
    toast.show(
      result.ok
        ? { text: t('abc.criteria.deleted', { name: c.name }), undo: ws.session.store.undo }
        : { text: issuesText(result.issues), undo: null },
    );
  };

  const move = (c: Criterion, index: number, delta: -1 | 1) => {
    const result = intents.moveCriterion(c.id, index + delta);
    if (!result.ok) return toast.show({ text: issuesText(result.issues), undo: null });
    // The row moved in the DOM, which drops focus: put it back on the button pressed (or its twin).
    requestAnimationFrame(() => {
      const first = delta < 0 ? 'up' : 'down';
      const other = delta < 0 ? 'down' : 'up';
      const btn =
        document.querySelector<HTMLButtonElement>(
          `[data-move="${first}"][data-criterion="${c.id}"]:enabled`,
        ) ?? document.querySelector<HTMLButtonElement>(`[data-move="${other}"][data-criterion="${c.id}"]`);
      btn?.focus();
    });
  };

  return (
    <div class="abc-tabpanel">
      <section class="panel abc-section" aria-labelledby="criteria-title">
        <div class="panel-head">
          <h2 id="criteria-title">{t('abc.criteria.title')}</h2>
        </div>
        <p class="muted abc-lead">{t('abc.criteria.lead')}</p>

        <div aria-live="polite" data-testid="criteria-validation">
          <Show
            when={issues().length > 0}
            fallback={
              <p class="abc-callout ok">
                <span aria-hidden="true">✓</span> {tn('abc.criteria.valid', criteria().length)}
              </p>
            }
          >
            <div class="abc-callout warn">
              <strong>{t('abc.criteria.invalidTitle')}</strong>
              <ul>
                <For each={issues()}>{(i) => <li>{criteriaIssueText(i, ws.data())}</li>}</For>
              </ul>
            </div>
          </Show>
        </div>

        <Show when={criteria().length > 0} fallback={<p class="empty muted">{t('abc.criteria.empty')}</p>}>
          <ol class="criteria-list" data-testid="criteria">
            {/* Keyed by id, not by record: saving a field gives a new record, and re-creating the card would
                close its level descriptions and drop the focus of the next field while tabbing (issue 11 §6). */}
            <For each={criteria().map((c) => c.id)}>
              {(cid, i) => {
                const c = () => criteria().find((x) => x.id === cid)!;
                return (
                  <Show when={criteria().some((x) => x.id === cid)}>
                    <CriterionCard
                      criterion={c()}
                      index={i()}
                      count={criteria().length}
                      share={
                        isValidWeight(c().weight) && weightSum() > 0
                          ? formatPercent(locale(), c().weight / weightSum())
                          : null
                      }
                      duplicate={duplicates().has(cid)}
                      readOnly={ws.readOnly()}
                      onMove={(delta) => move(c(), i(), delta)}
                      onDelete={() => remove(c())}
                    />
                  </Show>
                );
              }}
            </For>
          </ol>
        </Show>

        <Show when={!ws.readOnly()}>
          <AddCriterion names={new Set(criteria().map((c) => nameKey(c.name)))} />
        </Show>
      </section>

      <toast.View />
    </div>
  );
}

function AddCriterion(props: { names: Set<string> }) {
  const ws = useWorkspace();
  const [name, setName] = createSignal('');
  const [category, setCategory] = createSignal<CriterionCategory>('financial');
  const [weight, setWeight] = createSignal('1');
  const [error, setError] = createSignal<{ field: 'name' | 'weight' | 'form'; text: string } | null>(null);

  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    const trimmed = name().trim();
    if (!trimmed) return setError({ field: 'name', text: t('abc.criteria.nameRequired') });
    if (props.names.has(nameKey(trimmed)))
      return setError({ field: 'name', text: t('abc.criteria.nameTaken') });
    const w = parseDecimal(weight());
    const result = ws.session.store.intents.addCriterion({ name: trimmed, category: category(), weight: w });
    if (!result.ok) {
      const onWeight = result.issues.some((i) => i.path.endsWith('.weight'));
      return setError({ field: onWeight ? 'weight' : 'form', text: issuesText(result.issues) });
    }
    setError(null);
    setName('');
    setWeight('1');
    document.getElementById('new-criterion-name')?.focus();
  };

  return (
    <form class="criterion-add" onSubmit={submit} aria-labelledby="new-criterion-title" novalidate>
      <h3 id="new-criterion-title">{t('abc.criteria.addTitle')}</h3>
      <div class="criterion-fields">
        <label class="field grow">
          <span>{t('abc.criteria.name')}</span>
          <input
            id="new-criterion-name"
            value={name()}
            onInput={(e) => setName(e.currentTarget.value)}
            aria-invalid={error()?.field === 'name' || undefined}
            aria-describedby={error()?.field === 'name' ? 'new-criterion-error' : undefined}
          />
        </label>
        <label class="field">
          <span>{t('abc.criteria.category')}</span>
          <select
            aria-label={t('abc.criteria.category')}
            value={category()}
            onChange={(e) => setCategory(e.currentTarget.value as CriterionCategory)}
          >
            <For each={CRITERION_CATEGORIES}>
              {(c) => <option value={c}>{t(`abc.category.${c}`)}</option>}
            </For>
          </select>
        </label>
        <label class="field weight">
          <span>{t('abc.criteria.weight')}</span>
          <input
            inputmode="decimal"
            value={weight()}
            onInput={(e) => setWeight(e.currentTarget.value)}
            aria-invalid={error()?.field === 'weight' || undefined}
            aria-describedby={error()?.field === 'weight' ? 'new-criterion-error' : undefined}
          />
        </label>
        <button type="submit" class="primary">
          {t('abc.criteria.add')}
        </button>
      </div>
      <Show when={error()}>
        {(e) => (
          <p class="field-error" id="new-criterion-error" role="alert">
            {e().text}
          </p>
        )}
      </Show>
    </form>
  );
}
