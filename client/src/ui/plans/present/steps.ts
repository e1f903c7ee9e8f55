/**
 * The steps of presenting an account plan by the ruitmodel (seed 004, DOMAIN.md §4): Opening (the plan in
 * 1–4 key points) → Plan (1 situation, 2 goals, 3 strategy, 4 timeline) → Summary → Closing. Pure: step
 * order, moving between steps, which key does what, and each step's URL — so the meeting board can point
 * participants at a step with `presentPath(planId, step)`.
 */

/** Step ids, in presenting order. They are part of the URL: renaming one breaks shared links. */
export const PRESENT_STEPS = [
  'opening',
  'situation',
  'goals',
  'strategy',
  'timeline',
  'summary',
  'closing',
] as const;
export type PresentStep = (typeof PRESENT_STEPS)[number];

/** The four phases of the ruitmodel; the four middle steps are all "plan". */
export type RuitPhase = 'opening' | 'plan' | 'summary' | 'closing';

export const isPresentStep = (s: unknown): s is PresentStep =>
  typeof s === 'string' && (PRESENT_STEPS as readonly string[]).includes(s);

/** 0-based position of a step. */
export const stepIndex = (step: PresentStep): number => PRESENT_STEPS.indexOf(step);

/** The phase of a step and, for the plan's four parts, their number 1–4 (null for the others). */
export function phaseOf(step: PresentStep): { phase: RuitPhase; number: number | null } {
  switch (step) {
    case 'opening':
    case 'summary':
    case 'closing':
      return { phase: step, number: null };
    default:
      return { phase: 'plan', number: stepIndex(step) };
  }
}

/** The step `delta` steps away, clamped to the first and last (no wrap-around: a projector never jumps). */
export function stepAfter(step: PresentStep, delta: number): PresentStep {
  const i = Math.min(PRESENT_STEPS.length - 1, Math.max(0, stepIndex(step) + Math.trunc(delta)));
  return PRESENT_STEPS[i]!;
}

/** What a key does while presenting: go to a step, leave the presentation, toggle full screen, or nothing. */
export type KeyMove = { to: PresentStep } | { exit: true } | { fullscreen: true } | null;

/**
 * The key bindings: ArrowRight / PageDown (what presentation clickers send) / Space go forward;
 * ArrowLeft / PageUp go back; Home and End to the first and last step; Escape leaves; F toggles full
 * screen. `key` is
 * `KeyboardEvent.key`. Moving past either end is no move (null), so the caller does nothing.
 */
export function keyMove(step: PresentStep, key: string): KeyMove {
  let to: PresentStep;
  switch (key) {
    case 'ArrowRight':
    case 'PageDown':
    case ' ':
      to = stepAfter(step, 1);
      break;
    case 'ArrowLeft':
    case 'PageUp':
      to = stepAfter(step, -1);
      break;
    case 'Home':
      to = PRESENT_STEPS[0];
      break;
    case 'End':
      to = PRESENT_STEPS[PRESENT_STEPS.length - 1]!;
      break;
    case 'Escape':
      return { exit: true };
    case 'f':
    case 'F':
      return { fullscreen: true };
    default:
      return null;
  }
  return to === step ? null : { to };
}

/** The app route of the plan itself. */
export const planPath = (planId: string): string => `/plans/${encodeURIComponent(planId)}`;

/** The app route of one step of a plan's presentation, e.g. `/plans/p1/present/goals`. */
export const presentPath = (planId: string, step: PresentStep = 'opening'): string =>
  `${planPath(planId)}/present/${step}`;
