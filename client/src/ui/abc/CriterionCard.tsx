/** One criterion in the editor: inline fields that save on change, errors next to the field. */
import { parseDecimal } from '../../io/numbers.ts';
import { For, Show, createSignal } from 'solid-js';
import {
  CRITERION_CATEGORIES,
  type Criterion,
  type CriterionCategory,
} from '../../../../core/model/index.ts';
import type { SchemaIssue } from '../../../../core/model/issues.ts';
import { useWorkspace } from '../../app/context.tsx';
import { formatNumber, formatNumberInput, locale, t } from '../../i18n/index.ts';
import { issuesText } from './messages.ts';

const LEVELS = ['1', '2', '3', '4'] as const;
type Level = (typeof LEVELS)[number];
type Field = 'name' | 'category' | 'weight' | 'description' | Level;

export function CriterionCard(props: {
  criterion: Criterion;
  index: number;
  count: number;
  /** The weight's share of the total weight, formatted; null when it has none. */
  share: string | null;
  duplicate: boolean;
  readOnly: boolean;
  onMove: (delta: -1 | 1) => void;
  onDelete: () => void;
}) {
  const ws = useWorkspace();
  const intents = ws.session.store.intents;
  const [errors, setErrors] = createSignal<Partial<Record<Field, string>>>({});
  const id = () => props.criterion.id;
  const setError = (field: Field, text: string | undefined) => setErrors((e) => ({ ...e, [field]: text }));

  const save = (field: Field, patch: Partial<Criterion>) => {
    const result = intents.updateCriterion(id(), patch);
    setError(field, result.ok ? undefined : issuesText(result.issues as SchemaIssue[]));
    return result.ok;
  };
  const saveName = (value: string) => {
    const name = value.trim();
    if (!name) return setError('name', t('abc.criteria.nameRequired'));
    save('name', { name });
  };
  const saveWeight = (value: string) => {
    const weight = parseDecimal(value);
    save('weight', { weight });
  };
  const saveLevel = (level: Level, value: string) => {
    const levels: Partial<Record<Level, string>> = { ...props.criterion.levels };
    if (value.trim()) levels[level] = value.trim();
    else delete levels[level];
    save(level, { levels });
  };
  const levelsFilled = () => LEVELS.filter((l) => props.criterion.levels?.[l]).length;
  const fieldId = (field: Field) => `crit-${id()}-${field}`;
  const errorId = (field: Field) => `crit-${id()}-${field}-error`;
  const nameError = () => errors().name ?? (props.duplicate ? t('abc.criteria.nameTaken') : undefined);

  const FieldError = (p: { field: Field; text: string | undefined }) => (
    <Show when={p.text}>
      <span class="field-error" id={errorId(p.field)}>
        {p.text}
      </span>
    </Show>
  );

  return (
    <li class="criterion" data-testid="criterion" data-category={props.criterion.category}>
      <div class="criterion-row">
        <span class="criterion-pos" aria-hidden="true">
          {props.index + 1}
        </span>
        <Show
          when={!props.readOnly}
          fallback={
            <div class="criterion-static">
              <strong>{props.criterion.name}</strong>
              <span class="tag">{t(`abc.category.${props.criterion.category}`)}</span>
              <span class="muted">
                {t('abc.criteria.weight')} {formatNumber(locale(), props.criterion.weight, 2)}
                <Show when={props.share}> · {t('abc.criteria.weightShare', { share: props.share! })}</Show>
              </span>
            </div>
          }
        >
          <div class="criterion-fields">
            <label class="field grow">
              <span>{t('abc.criteria.name')}</span>
              <input
                id={fieldId('name')}
                value={props.criterion.name}
                onChange={(e) => saveName(e.currentTarget.value)}
                aria-invalid={nameError() ? true : undefined}
                aria-describedby={nameError() ? errorId('name') : undefined}
              />
              <FieldError field="name" text={nameError()} />
            </label>
            <label class="field">
              <span>{t('abc.criteria.category')}</span>
              <select
                aria-label={t('abc.criteria.category')}
                value={props.criterion.category}
                onChange={(e) => save('category', { category: e.currentTarget.value as CriterionCategory })}
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
                value={formatNumberInput(locale(), props.criterion.weight, 4)}
                onChange={(e) => saveWeight(e.currentTarget.value)}
                aria-invalid={errors().weight ? true : undefined}
                aria-describedby={errors().weight ? errorId('weight') : `crit-${id()}-share`}
              />
              <Show when={!errors().weight && props.share}>
                <span class="field-note" id={`crit-${id()}-share`}>
                  {t('abc.criteria.weightShare', { share: props.share! })}
                </span>
              </Show>
              <FieldError field="weight" text={errors().weight} />
            </label>
          </div>
          <div class="criterion-actions">
            <button
              type="button"
              class="icon"
              data-move="up"
              data-criterion={id()}
              disabled={props.index === 0}
              aria-label={t('abc.criteria.moveUp', { name: props.criterion.name })}
              onClick={() => props.onMove(-1)}
            >
              ↑
            </button>
            <button
              type="button"
              class="icon"
              data-move="down"
              data-criterion={id()}
              disabled={props.index === props.count - 1}
              aria-label={t('abc.criteria.moveDown', { name: props.criterion.name })}
              onClick={() => props.onMove(1)}
            >
              ↓
            </button>
            <button
              type="button"
              class="icon danger"
              aria-label={t('abc.criteria.delete', { name: props.criterion.name })}
              onClick={() => props.onDelete()}
            >
              ×
            </button>
          </div>
        </Show>
      </div>
      <details class="criterion-levels">
        <summary>
          {t('abc.criteria.levels')}{' '}
          <span class="muted">· {t('abc.criteria.levelsFilled', { count: levelsFilled() })}</span>
        </summary>
        <div class="levels-grid">
          <label class="field wide">
            <span>{t('abc.criteria.description')}</span>
            <Show when={!props.readOnly} fallback={<span>{props.criterion.description || '—'}</span>}>
              <input
                value={props.criterion.description ?? ''}
                onChange={(e) =>
                  save('description', { description: e.currentTarget.value.trim() || undefined })
                }
              />
            </Show>
            <FieldError field="description" text={errors().description} />
          </label>
          <For each={LEVELS}>
            {(level) => (
              <label class="field level">
                <span>
                  <span class="score-chip" data-score={level}>
                    {level}
                  </span>{' '}
                  {t('abc.criteria.level', { level })}
                </span>
                <Show when={!props.readOnly} fallback={<span>{props.criterion.levels?.[level] || '—'}</span>}>
                  <input
                    value={props.criterion.levels?.[level] ?? ''}
                    placeholder={t(`abc.criteria.levelPlaceholder.${level}`)}
                    onChange={(e) => saveLevel(level, e.currentTarget.value)}
                  />
                </Show>
                <FieldError field={level} text={errors()[level]} />
              </label>
            )}
          </For>
        </div>
      </details>
    </li>
  );
}
