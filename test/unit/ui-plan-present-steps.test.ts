/** The ruitmodel steps of presentation mode: order, phases, moving, keys and URLs — pure, in Node. */
import { describe, expect, it } from 'vitest';
import {
  PRESENT_STEPS,
  isPresentStep,
  keyMove,
  phaseOf,
  planPath,
  presentPath,
  stepAfter,
  type PresentStep,
} from '../../client/src/ui/plans/present/steps.ts';

describe('presentation steps (ruitmodel, seed 004)', () => {
  it('run Opening → Plan (situation, goals, strategy, timeline) → Summary → Closing', () => {
    expect(PRESENT_STEPS).toEqual([
      'opening',
      'situation',
      'goals',
      'strategy',
      'timeline',
      'summary',
      'closing',
    ]);
    expect(PRESENT_STEPS.map((s) => phaseOf(s))).toEqual([
      { phase: 'opening', number: null },
      { phase: 'plan', number: 1 },
      { phase: 'plan', number: 2 },
      { phase: 'plan', number: 3 },
      { phase: 'plan', number: 4 },
      { phase: 'summary', number: null },
      { phase: 'closing', number: null },
    ]);
  });

  it.each([
    ['opening', true],
    ['closing', true],
    ['Opening', false],
    ['plan', false],
    ['', false],
    [undefined, false],
    [3, false],
  ])('isPresentStep(%j) is %s', (s, ok) => expect(isPresentStep(s)).toBe(ok));

  it.each<[PresentStep, number, PresentStep]>([
    ['opening', 1, 'situation'],
    ['timeline', 1, 'summary'],
    ['closing', 1, 'closing'],
    ['opening', -1, 'opening'],
    ['summary', -2, 'strategy'],
    ['goals', 99, 'closing'],
    ['goals', -99, 'opening'],
    ['goals', 1.7, 'strategy'],
  ])('stepAfter(%s, %d) is %s (clamped, never wraps)', (from, delta, to) =>
    expect(stepAfter(from, delta)).toBe(to),
  );

  it.each<[PresentStep, string, ReturnType<typeof keyMove>]>([
    ['opening', 'ArrowRight', { to: 'situation' }],
    ['opening', 'PageDown', { to: 'situation' }],
    ['opening', ' ', { to: 'situation' }],
    ['goals', 'ArrowLeft', { to: 'situation' }],
    ['goals', 'PageUp', { to: 'situation' }],
    ['goals', 'Home', { to: 'opening' }],
    ['goals', 'End', { to: 'closing' }],
    ['closing', 'ArrowRight', null],
    ['closing', 'End', null],
    ['opening', 'PageUp', null],
    ['opening', 'Home', null],
    ['summary', 'Escape', { exit: true }],
    ['summary', 'f', { fullscreen: true }],
    ['summary', 'F', { fullscreen: true }],
    ['summary', 'Enter', null],
    ['summary', 'a', null],
  ])('on %s, key %j → %j', (step, key, move) => expect(keyMove(step, key)).toEqual(move));

  it('walking forward with PageDown visits every step once, in order', () => {
    const seen: PresentStep[] = ['opening'];
    for (let move = keyMove('opening', 'PageDown'); move && 'to' in move;) {
      seen.push(move.to);
      move = keyMove(move.to, 'PageDown');
    }
    expect(seen).toEqual([...PRESENT_STEPS]);
  });

  it('gives each step its own URL under the plan, ids escaped', () => {
    expect(presentPath('p1', 'goals')).toBe('/plans/p1/present/goals');
    expect(presentPath('p1')).toBe('/plans/p1/present/opening');
    expect(planPath('a b/c')).toBe('/plans/a%20b%2Fc');
  });
});
