/**
 * When a meeting's date field (`<input type="date">`) is saved: once the person is done with it, not on the way.
 * Chromium fires `change` at every keystroke that makes a whole date — typing 02 into the month of 1 Dec 2026
 * gives 2026-02-01, then 3 in the day 2026-02-03 — so a board saved on `change` took (and showed everyone)
 * dates nobody chose. Typed by key (digits, arrows), the value is saved when the field is left (blur) or on
 * Enter; set at once (the date picker, a paste, a test's `fill`) it is saved on `change` as before.
 *
 * `save(input)` gets the field; it reads `input.value` ('' when the field holds no whole, real date — then
 * `input.validity.badInput` tells an impossible or half-typed one, which Chromium does not expose, from an
 * empty field) and says why it refused, if it did.
 */
export function dateEntry(save: (input: HTMLInputElement) => void) {
  let typing = false;
  const done = (input: HTMLInputElement) => {
    if (!typing) return;
    typing = false;
    save(input);
  };
  return {
    onKeyDown(e: KeyboardEvent & { currentTarget: HTMLInputElement }) {
      if (e.key === 'Enter') {
        e.preventDefault(); // not the form's submit: Enter here means "this date"
        done(e.currentTarget);
      } else if (e.key !== 'Tab' && e.key !== 'Shift' && e.key !== 'Escape') typing = true;
    },
    onChange(e: Event & { currentTarget: HTMLInputElement }) {
      if (!typing) save(e.currentTarget);
    },
    onBlur(e: FocusEvent & { currentTarget: HTMLInputElement }) {
      done(e.currentTarget);
    },
  };
}
