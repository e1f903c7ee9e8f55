/**
 * "Bram changed ‘Due date’ of ‘Lunch with the CFO’ at the same time as you": a value of this person's that a
 * colleague's concurrent write replaced (offline, or in the same moment; doc/overwrites.ts), with what was
 * kept, what theirs was, and "Put mine back" (a new edit, undoable). Shown above every screen, for any
 * document of the workspace, until dismissed.
 */
import { createSignal, For, Show } from 'solid-js';
import type { OverwriteNotice } from '../app/docs.ts';
import type { DocRegistry } from '../app/docs.ts';
import { catalogs, formatDate, formatNumber, locale, t } from '../i18n/index.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A field's value as a person reads it: dates and numbers in the UI's language, "(empty)" for nothing. */
export function valueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return t('overwrite.empty');
  if (typeof value === 'string') return ISO_DATE.test(value) ? formatDate(locale(), value) : value;
  if (typeof value === 'number') return formatNumber(locale(), value, Number.isInteger(value) ? 0 : 2);
  if (typeof value === 'boolean') return t(value ? 'overwrite.yes' : 'overwrite.no');
  if (Array.isArray(value)) return value.map(valueText).join(', ');
  if (typeof value === 'object')
    return Object.values(value as Record<string, unknown>)
      .filter((v) => v !== null && v !== '')
      .map(valueText)
      .join(' – ');
  return String(value);
}

/** The field's name (catalogs' `field.*`) for the last segment of `path` that has one, else the last segment. */
export function fieldText(path: readonly string[]): string {
  const catalog = catalogs[locale()] as Record<string, string>;
  for (let i = path.length - 1; i >= 0; i--) {
    const name = catalog[`field.${path[i]}`];
    if (name) return name;
  }
  return path[path.length - 1] ?? '';
}

/** One notice as a sentence. */
export function overwriteSentence(notice: OverwriteNotice): string {
  const o = notice.overwrite;
  const params = {
    who: o.by ?? t('overwrite.someone'),
    field: fieldText(o.path),
    record: o.record ?? '',
    theirs: valueText(o.theirs),
    mine: valueText(o.mine),
  };
  return t(o.record ? 'overwrite.sentence.record' : 'overwrite.sentence', params);
}

export function OverwriteNotices(props: { docs: DocRegistry; readOnly: boolean }) {
  /** Notices whose "Put mine back" found the field gone (its record deleted since): said, not silently ignored. */
  const [gone, setGone] = createSignal<ReadonlySet<number>>(new Set());
  const putBack = async (n: number) => {
    if (!(await props.docs.putBackOverwrite(n))) setGone((s) => new Set([...s, n]));
  };
  return (
    <Show when={props.docs.overwrites().length > 0}>
      <div class="banner warn overwrites" role="alert">
        <strong>{t('overwrite.title')}</strong>
        <ul>
          <For each={props.docs.overwrites()}>
            {(notice) => (
              <li data-testid="overwrite">
                <span>{overwriteSentence(notice)}</span>{' '}
                <Show when={gone().has(notice.n)}>
                  <span class="field-error">{t('overwrite.gone')}</span>{' '}
                </Show>
                <Show when={!props.readOnly && !gone().has(notice.n)}>
                  <button type="button" class="link" onClick={() => void putBack(notice.n)}>
                    {t('overwrite.putBack')}
                  </button>{' '}
                </Show>
                <button type="button" class="link" onClick={() => props.docs.dismissOverwrite(notice.n)}>
                  {t('overwrite.dismiss')}
                </button>
              </li>
            )}
          </For>
        </ul>
      </div>
    </Show>
  );
}
