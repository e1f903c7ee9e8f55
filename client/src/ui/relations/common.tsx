/** Small pieces the relations and team screens share: today, intent errors per field, badges (the undo toast lives in ui/Toast.tsx). */
import { For, Show } from 'solid-js';
import type { Fire } from '../../../../core/fire.ts';
import {
  CONTACT_TYPES,
  type AbcClass,
  type ContactType,
  type SchemaIssue,
} from '../../../../core/model/index.ts';
import { issueSentence } from '../issueText.ts';
import { locale, t, tn } from '../../i18n/index.ts';

export { todayIso } from '../../app/today.ts';

/**
 * Intent issues per field of a record (`relations.<id>.<field>…` → `<field>`), in the user's language.
 * Issues about the record as a whole land under ''.
 */
export function issuesByField(issues: readonly SchemaIssue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) {
    const field = i.path.split('.')[2] ?? '';
    const text = i.text[locale()];
    out[field] = out[field] ? `${out[field]}; ${text}` : text;
  }
  return out;
}

/** The issues as sentences naming their field ("Potential must be at least 0"), for a message under it. */
export const issueTexts = (issues: readonly SchemaIssue[]): string =>
  issues.map((i) => issueSentence(i, locale())).join('; ');

/** All issues as one sentence, for a form-level message. */
export const issuesText = (issues: readonly SchemaIssue[]): string =>
  t('error.invalid', { detail: issues.map((i) => issueSentence(i, locale())).join('; ') });

/** The effective class, with a marker (and the computed class in its title) when it was set by hand. */
export function ClassBadge(props: {
  cls: AbcClass | null;
  computed: AbcClass | null;
  overridden: boolean;
  incomplete?: boolean;
}) {
  return (
    <Show
      when={props.cls}
      fallback={
        <span class="cls-none">
          {props.incomplete ? t('rel.incomplete') : <span aria-label={t('rel.none')}>—</span>}
        </span>
      }
    >
      {(cls) => (
        <span
          class="cls"
          data-class={cls()}
          title={
            props.overridden ? t('rel.overridden', { computed: props.computed ?? t('rel.none') }) : undefined
          }
        >
          {cls()}
          <Show when={props.overridden}>
            <svg class="cls-hand" viewBox="0 0 12 12" aria-hidden="true">
              <path
                d="M2 10 L2.6 7.6 L8 2.2 L9.8 4 L4.4 9.4 Z"
                fill="none"
                stroke="currentColor"
                stroke-width="1.4"
              />
            </svg>
            <span class="visually-hidden">
              {' '}
              {t('rel.overridden', { computed: props.computed ?? t('rel.none') })}
            </span>
          </Show>
        </span>
      )}
    </Show>
  );
}

export function FireBadge(props: { fire: Fire }) {
  return (
    <span class="fire" data-fire={props.fire}>
      <span class="fire-dot" aria-hidden="true" />
      {t(`rel.fire.${props.fire}`)}
    </span>
  );
}

/** "Today" / "3 days ago" / "Never". */
export const sinceText = (daysSince: number | null): string =>
  daysSince === null ? t('rel.never') : daysSince === 0 ? t('rel.today') : tn('rel.daysAgo', daysSince);

/**
 * The contact log's "Type" field (visit, call, e-mail, …; DOMAIN.md §6), as the log form, Keep warm's quick log
 * and the done-action offer show it: `value` in, the chosen type out through `onChange`.
 */
export function ContactTypeField(props: { value: ContactType; onChange: (type: ContactType) => void }) {
  return (
    <label class="field">
      <span>{t('rel.log.type')}</span>
      <select
        aria-label={t('rel.log.type')}
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value as ContactType)}
      >
        <For each={CONTACT_TYPES}>{(c) => <option value={c}>{t(`rel.type.${c}`)}</option>}</For>
      </select>
    </label>
  );
}
