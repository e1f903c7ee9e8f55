/**
 * A button whose action is asked about first, in place: a click shows the question with "yes" (focused) and
 * "no"; Escape or "no" goes back to the button. Used where an action is hard to take back for everyone (end a
 * meeting, delete a plan, revoke every invite, remove a goal that actions serve). "No" and Escape put the focus
 * back on the button.
 */
import { createSignal, Show, type JSX } from 'solid-js';

let questions = 0;

export function AskFirst(props: {
  /** The button's text; also the name of the question's group unless `nameByQuestion`. */
  label: string;
  question: string;
  yes: string;
  no: string;
  /** Runs on "yes"; returning `false` keeps the question open (the action was refused and says why). */
  onYes: () => unknown;
  /** Class of the button and of "yes" (e.g. `danger`, `link`). */
  buttonClass?: string;
  /** Class of the question's group (layout of the place it stands in). */
  class?: string;
  /** Name the group by its question rather than by `label`. */
  nameByQuestion?: boolean;
  /** Shown inside the group, under the buttons (a refusal's reason). */
  children?: JSX.Element;
  /** The button's visible text when it is a sign (×); `label` is then its accessible name. */
  text?: JSX.Element;
  /** Ask only when this is true (default): when false a click runs `onYes` at once (nothing to lose). */
  ask?: boolean;
  /** Class of "yes" when it differs from the button's (a sign-only button's class does not suit a word). */
  yesClass?: string;
}) {
  const [asking, setAsking] = createSignal(false);
  const questionId = `ask-first-${++questions}`;
  let button: HTMLButtonElement | undefined;
  const back = () => {
    setAsking(false);
    queueMicrotask(() => button?.focus());
  };
  return (
    <Show
      when={asking()}
      fallback={
        <button
          type="button"
          class={props.buttonClass}
          ref={(el) => (button = el)}
          aria-label={props.text === undefined ? undefined : props.label}
          onClick={() => (props.ask === false ? props.onYes() : setAsking(true))}
        >
          {props.text ?? props.label}
        </button>
      }
    >
      <div
        class={`ask-first ${props.class ?? ''}`}
        role="group"
        aria-label={props.nameByQuestion ? undefined : props.label}
        aria-labelledby={props.nameByQuestion ? questionId : undefined}
        onKeyDown={(e) => e.key === 'Escape' && back()}
      >
        <p id={questionId}>{props.question}</p>
        <button
          type="button"
          class={props.yesClass ?? props.buttonClass}
          ref={(el) => queueMicrotask(() => el.focus())}
          onClick={() => {
            if (props.onYes() !== false) setAsking(false);
          }}
        >
          {props.yes}
        </button>
        <button type="button" onClick={back}>
          {props.no}
        </button>
        {props.children}
      </div>
    </Show>
  );
}
