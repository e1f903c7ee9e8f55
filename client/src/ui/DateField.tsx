/**
 * The one date field of the app: a text field read as day-month-year in the person's language (dateText.ts),
 * with a calendar button beside it (the browser's own picker), used wherever a date is typed.
 *
 * Why not `<input type="date">`: Chromium gives '' for a date that does not exist (31 February) or is half
 * typed, so the app could neither say which date was wrong nor tell it from an emptied field — a goal's
 * deadline was then saved as none while the field went on showing "02/31/2027" (QA session 7), and its order
 * followed the browser's language (month first in an English Chromium, for a Dutch user).
 *
 * Behaviour: what is typed is saved when the person is done — on Enter, on leaving the field, or on a date
 * chosen in the calendar — never at each keystroke. A text that is no real, whole date is not saved and not
 * lost: it stays in the field, marked invalid, with the reason beside it in the person's language ("31
 * februari bestaat niet. De opgeslagen datum blijft 15-01-2027."); Escape puts the saved date back. `onCommit`
 * may refuse a real date for a reason of its own (a meeting's date range) by returning the message, shown the
 * same way. While the field holds the person's own typing, a colleague's change does not overwrite it.
 */
import { createEffect, createSignal, on, Show } from 'solid-js';
import { locale, t } from '../i18n/index.ts';
import { dateFieldText, datePattern, readTypedDate, type TypedDateProblem } from './dateText.ts';

let fields = 0;

export function DateField(props: {
  /** The saved date, `YYYY-MM-DD`, or null / '' for none. */
  value: string | null | undefined;
  /**
   * A whole, real date (or null: the field was emptied) to save, when it differs from `value`. Return a
   * message to refuse it (shown at the field, the typed text kept), or nothing when it was taken.
   */
  onCommit: (date: string | null) => string | null | undefined | void;
  /** The field's accessible name (also when it stands in a <label>: the calendar button must not join it). */
  label: string;
  /** The field's problem changed (null: none): forms that check on submit read it. */
  onProblem?: (message: string | null) => void;
  readOnly?: boolean;
  id?: string;
  class?: string;
  /** Earliest and latest day the calendar offers (`YYYY-MM-DD`). */
  min?: string;
  max?: string;
  /** Another element that describes the field (a hint, a remark). */
  describedBy?: string;
  /** In a table cell: the reason floats under the field instead of taking a line of the row. */
  compact?: boolean;
  onKeyDown?: (e: KeyboardEvent) => void;
  /** Passed to the text field as they are: `data-col`, `data-path` (the table's keyboard and the findings). */
  'data-col'?: string;
  'data-path'?: string;
}) {
  const n = ++fields;
  const errorId = `date-field-error-${n}`;
  const [draft, setDraft] = createSignal<string | null>(null); // the person's own text, until saved
  const [error, setError] = createSignal<string | null>(null);
  let input: HTMLInputElement | undefined;
  let picker: HTMLInputElement | undefined;

  const shown = () => draft() ?? dateFieldText(props.value, locale());
  const report = (message: string | null) => {
    setError(message);
    props.onProblem?.(message);
  };
  const kept = () =>
    props.value ? t('date.kept', { date: dateFieldText(props.value, locale()) }) : t('date.notSaved');
  const problemText = (p: TypedDateProblem) => {
    const pattern = datePattern(locale());
    const example = dateFieldText('2027-03-15', locale());
    if (p.code === 'impossible') {
      const s = p.text[locale()];
      return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
    }
    if (p.code === 'noYear') return t('date.noYear', { pattern });
    if (p.code === 'twoDigitYear') return t('date.twoDigitYear', { example });
    return t('date.format', { pattern, example });
  };

  /** Read what is typed and save it; true when the field now holds a saved (or unchanged) date. */
  const commit = (): boolean => {
    const text = draft();
    if (text === null) return true;
    const read = readTypedDate(text);
    if (!read.ok) {
      report(`${problemText(read.problem)} ${kept()}`);
      return false;
    }
    if (read.date === (props.value || null)) {
      setDraft(null);
      report(null);
      return true;
    }
    const refused = props.onCommit(read.date);
    if (typeof refused === 'string' && refused) {
      report(refused);
      return false;
    }
    setDraft(null);
    report(null);
    return true;
  };
  const revert = () => {
    setDraft(null);
    report(null);
  };
  // The saved date changed under an unchanged field (a colleague, undo): nothing of the person's to keep.
  createEffect(
    on(
      () => props.value,
      () => {
        if (draft() === null && error()) report(null);
      },
      { defer: true },
    ),
  );

  const openPicker = () => {
    if (!picker || props.readOnly) return;
    picker.value = props.value ?? '';
    try {
      picker.showPicker();
    } catch {
      input?.focus(); // no picker in this browser: typing works everywhere
    }
  };

  const describedBy = () =>
    [error() ? errorId : null, props.describedBy].filter(Boolean).join(' ') || undefined;

  return (
    <span class={`date-field ${props.compact ? 'compact' : ''} ${props.class ?? ''}`}>
      <input
        ref={(el) => (input = el)}
        id={props.id}
        type="text"
        inputmode="numeric"
        autocomplete="off"
        class="date-text"
        data-col={props['data-col']}
        data-path={props['data-path']}
        data-date={props.value ?? ''}
        aria-label={props.label}
        placeholder={datePattern(locale())}
        value={shown()}
        readOnly={props.readOnly}
        aria-invalid={error() ? 'true' : undefined}
        aria-describedby={describedBy()}
        onInput={(e) => setDraft(e.currentTarget.value)}
        onBlur={() => commit()}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.isComposing) {
            // Enter means "this date"; a refused one keeps the person here (not the form's submit, not the next row).
            if (!commit()) {
              e.preventDefault();
              return;
            }
          } else if (e.key === 'Escape' && (draft() !== null || error())) {
            e.preventDefault();
            revert();
            return;
          }
          props.onKeyDown?.(e);
        }}
      />
      <Show when={!props.readOnly}>
        {/* For the mouse: the keyboard and assistive tech type the date (the field says how), so the button is
            left out of the tab order and the accessibility tree rather than doubling every date field. */}
        <button
          type="button"
          class="date-pick"
          tabIndex={-1}
          aria-hidden="true"
          title={t('date.pick')}
          onClick={openPicker}
        >
          <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
            <rect x="1.5" y="3" width="13" height="11.5" rx="1.5" fill="none" stroke="currentColor" />
            <path d="M1.5 6.5h13M5 1.5v3M11 1.5v3" stroke="currentColor" />
          </svg>
        </button>
        <input
          ref={(el) => (picker = el)}
          type="date"
          class="date-picker-input"
          tabIndex={-1}
          aria-hidden="true"
          min={props.min}
          max={props.max}
          onChange={(e) => {
            const iso = e.currentTarget.value;
            if (!iso) return;
            setDraft(dateFieldText(iso, locale()));
            commit();
          }}
        />
      </Show>
      <Show when={error()}>
        <span id={errorId} class="field-error date-error" role="alert">
          {error()}
        </span>
      </Show>
    </span>
  );
}
