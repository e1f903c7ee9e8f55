/**
 * `/plans/:id?action=<actionId>` opens the plan at that action: its "what" field gets focus, its row scrolled
 * into view first (a long action table renders only the rows in view: REVEAL_EVENT). Links from elsewhere —
 * Keep warm's promised actions — point at one action this way.
 */
import { useSearchParams } from '@solidjs/router';
import { onMount } from 'solid-js';
import { REVEAL_EVENT } from './ActionTable.tsx';
import { focusPath } from './focusPath.ts';

/** The query parameter naming the action to open at. */
export const ACTION_PARAM = 'action';

/** The link to action `actionId` in plan `planId`. */
export const actionHref = (planId: string, actionId: string): string =>
  `/plans/${encodeURIComponent(planId)}?${ACTION_PARAM}=${encodeURIComponent(actionId)}`;

/** Call in the plan page's body: once mounted, focus the action the address names (if any). */
export function useRevealActionFromUrl(): void {
  const [params] = useSearchParams();
  onMount(() => {
    const id = params[ACTION_PARAM];
    if (typeof id !== 'string' || !id) return;
    const path = `actions.${id}.what`;
    // After the sections have mounted (their own onMount registers the reveal listener).
    requestAnimationFrame(() => {
      document.dispatchEvent(new CustomEvent(REVEAL_EVENT, { detail: path }));
      requestAnimationFrame(() => requestAnimationFrame(() => focusPath(document, path)));
    });
  });
}
