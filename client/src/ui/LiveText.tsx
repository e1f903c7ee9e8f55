/**
 * A text field of a shared record that saves while the person types (debounced), so colleagues see the
 * words arrive, not only when the field loses focus (issue 11 §6). What the person is typing is never
 * overwritten: a change from elsewhere shows at once while the field is idle or merely focused, and once
 * the person has typed in it, when they leave it (last writer wins, as everywhere in a record's plain
 * fields; the saved text may be tidied — trimmed — and is shown tidied when the field is left).
 */
import { createEffect, onCleanup, splitProps, type JSX } from 'solid-js';

/** How long typing may pause before the text is saved. */
export const LIVE_SAVE_MS = 300;
/** Performance mark set when a field saves (bench/browser/plans.bench.ts measures the check from it). */
export const LIVE_SAVE_MARK = 'haard:live:save';

type Attrs = Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'value' | 'onInput' | 'onChange'>;

export function LiveText(
  props: Attrs & {
    value: string;
    /** Save the field's text (trimming, parsing and refusals are the caller's). */
    onSave: (text: string) => void;
    multiline?: boolean;
    rows?: number;
  },
) {
  const [own, attrs] = splitProps(props, ['value', 'onSave', 'multiline', 'rows']);
  let el!: HTMLInputElement | HTMLTextAreaElement;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** The person typed in the field since it got focus. */
  let edited = false;
  const typing = () => edited && document.activeElement === el;

  createEffect(() => {
    const v = own.value;
    if (el.value !== v && !typing()) el.value = v;
  });
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    performance.mark(LIVE_SAVE_MARK); // for bench:app: a short field's keystroke is checked from its save

    own.onSave(el.value);
  };
  const onInput = () => {
    edited = true;
    clearTimeout(timer);
    timer = setTimeout(flush, LIVE_SAVE_MS);
  };
  const onBlur = () => {
    if (timer) flush();
    edited = false;
    if (el.value !== own.value) el.value = own.value;
  };
  onCleanup(() => {
    if (timer) flush();
  });

  return own.multiline ? (
    <textarea
      {...(attrs as JSX.TextareaHTMLAttributes<HTMLTextAreaElement>)}
      ref={(e) => (el = e)}
      rows={own.rows}
      onInput={onInput}
      onBlur={onBlur}
    />
  ) : (
    <input {...attrs} ref={(e) => (el = e)} onInput={onInput} onBlur={onBlur} />
  );
}
