/**
 * The CSV import's check: relations that already exist and would change (skip or update), every row that
 * cannot be imported with its line and what is wrong (leave it out, one or all), and a preview.
 */
import { For, Show } from 'solid-js';
import type { DuplicateMode, ImportPlan } from '../../io/csvImport.ts';
import { previewRows } from '../../io/csvImport.ts';
import type { Field } from '../../io/fields.ts';
import { t, tn } from '../../i18n/index.ts';
import { ImportPreview } from './ImportPreview.tsx';
import { rowIssueText } from './issueText.ts';

const PREVIEW_ROWS = 8;

export function ImportCheck(props: {
  plan: ImportPlan;
  step: number;
  duplicates: DuplicateMode | null;
  excluded: ReadonlySet<number>;
  headerOf: (f: Field) => string | undefined;
  ownerName: (id: string) => string;
  onDuplicates: (mode: DuplicateMode) => void;
  onExclude: (lines: number[]) => void;
  onRestore: () => void;
}) {
  const preview = () => previewRows(props.plan, PREVIEW_ROWS);
  return (
    <section class="io-step" aria-labelledby="io-check-title">
      <h3 id="io-check-title">
        {props.step}. {t('data.import.step.check')}
      </h3>
      <Show when={props.plan.duplicates > 0}>
        <fieldset class="io-choice" data-testid="duplicates">
          <legend>
            <strong>{tn('data.import.duplicates.title', props.plan.duplicates)}.</strong>{' '}
            {t('data.import.duplicates.legend')}
          </legend>
          <For each={['skip', 'update'] as const}>
            {(mode) => (
              <label>
                <input
                  type="radio"
                  name="io-duplicates"
                  value={mode}
                  checked={props.duplicates === mode}
                  onChange={() => props.onDuplicates(mode)}
                />
                <span>{t(`data.import.duplicates.${mode}`)}</span>
              </label>
            )}
          </For>
        </fieldset>
      </Show>
      <Show when={props.plan.issues.length > 0}>
        <div class="io-issues" role="alert" data-testid="import-issues">
          <p>
            <strong>{tn('data.import.issues.title', props.plan.badLines.length)}</strong>{' '}
            {t('data.import.issues.intro')}
          </p>
          <ul>
            <For each={props.plan.issues}>
              {(issue) => (
                <li>
                  <span>{rowIssueText(issue, props.headerOf)}</span>
                  <button type="button" class="link" onClick={() => props.onExclude([issue.line])}>
                    {t('data.import.issues.exclude', { line: issue.line })}
                  </button>
                </li>
              )}
            </For>
          </ul>
          <button type="button" onClick={() => props.onExclude(props.plan.badLines)}>
            {t('data.import.issues.excludeAll')}
          </button>
        </div>
      </Show>
      <Show when={props.excluded.size > 0}>
        <p class="muted io-note">
          {tn('data.import.excluded', props.excluded.size)} (
          {[...props.excluded].sort((a, b) => a - b).join(', ')}){' '}
          <button type="button" class="link" onClick={() => props.onRestore()}>
            {t('data.import.excluded.restore')}
          </button>
        </p>
      </Show>
      <Show when={preview().length > 0}>
        <h4 class="io-subtitle">{t('data.import.preview.title')}</h4>
        <ImportPreview rows={preview()} ownerName={props.ownerName} />
      </Show>
    </section>
  );
}
