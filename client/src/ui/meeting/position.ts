/**
 * Where a meeting is: an agenda item and a ruitmodel step. The board stores the facilitator's position as
 * `live` (step + plan sub-step, core/model/meeting.ts); the plan's presentation mode names the same places by
 * one step id (ui/plans/present/steps.ts). Pure conversions between the two, so follow-me shows exactly the
 * step of the plan's own presentation.
 */
import type { LiveState, PlanSubstep, RuitStep } from '../../../../core/model/index.ts';
import { PRESENT_STEPS, type PresentStep } from '../plans/present/steps.ts';

export interface Position {
  agendaItemId: string;
  step: PresentStep;
}

/** The presentation step of a live state (null when no presentation is on: before, between or after). */
export function positionOfLive(live: LiveState | undefined | null): Position | null {
  if (!live || live.status !== 'running' || !live.agendaItemId) return null;
  const step: PresentStep = live.step === 'plan' ? (live.planStep ?? 'situation') : live.step;
  return { agendaItemId: live.agendaItemId, step };
}

/** The board's (step, sub-step) of a presentation step: what `setStep` takes. */
export function liveStepOf(step: PresentStep): { step: RuitStep; planStep: PlanSubstep | null } {
  switch (step) {
    case 'opening':
    case 'summary':
    case 'closing':
      return { step, planStep: null };
    default:
      return { step: 'plan', planStep: step };
  }
}

export const ALL_STEPS = PRESENT_STEPS;

/** `m:ss` for a number of seconds (≥ 0); hours roll into minutes (a meeting is not a marathon). */
export function clockText(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
