/**
 * Follow-me latency of the meeting board (issue 8): from the facilitator's key press (ArrowRight / ArrowLeft on
 * the board) to the participant's screen showing the new step, over 100 steps through the real relay
 * (`haard serve`), facilitator and participant in separate browser contexts. Prints p50, p95 and max.
 *
 * Clocks: both pages run on this machine, so `performance.timeOrigin + t` (a wall-clock instant in ms, with
 * sub-millisecond resolution) is comparable between them. The press is the keydown event's own timestamp in
 * the facilitator's page; "shown" is measured twice in the participant's page: when the stage's
 * `data-step` / `data-agenda-item` change in the DOM (a MutationObserver), and at the start of the next
 * animation frame after it (the frame that paints it). A benchmark (npm run bench:meeting): it checks that
 * the participant really reaches each step, and asserts no timing.
 */
import { expect, test, type Page } from '@playwright/test';
import { closeContexts, startHaard, type Haard } from '../../test/e2e/helpers/haard.ts';
import { newBoard, person, seedTwoPlans, stage } from '../../test/e2e/helpers/meeting.ts';

let haard: Haard;
test.beforeEach(async () => {
  haard = await startHaard();
});
test.afterEach(async ({ browser }) => {
  await closeContexts(browser);
  await haard.dispose();
});

const STEPS = 100;
/** Positions per presentation (opening, situation, goals, strategy, timeline, summary, closing). */
const PER_ITEM = 7;
const ITEMS = 2;

interface Seen {
  step: string | null;
  item: string | null;
  dom: number;
  frame: number;
}
declare global {
  interface Window {
    __keyAt?: number;
    __seen?: Seen | null;
  }
}

/** In the participant's page: resolve `__seen` at the first change of the stage away from its position now. */
async function watchStage(page: Page): Promise<void> {
  await page.evaluate(() => {
    window.__seen = null;
    const where = () => {
      const el = document.querySelector('[data-testid="meeting-stage"]');
      return {
        step: el?.getAttribute('data-step') ?? null,
        item: el?.getAttribute('data-agenda-item') ?? null,
      };
    };
    const from = where();
    const observer = new MutationObserver(() => {
      const now = where();
      if (now.step === from.step && now.item === from.item) return;
      const dom = performance.timeOrigin + performance.now();
      observer.disconnect();
      requestAnimationFrame(() => {
        window.__seen = { ...now, dom, frame: performance.timeOrigin + performance.now() };
      });
    });
    // The whole page: the stage element may be replaced when the presentation changes.
    observer.observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-step', 'data-agenda-item'],
    });
  });
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
const figures = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / s.length;
  return `p50 ${quantile(s, 0.5).toFixed(1)} ms, p95 ${quantile(s, 0.95).toFixed(1)} ms, max ${s.at(-1)!.toFixed(1)} ms, mean ${mean.toFixed(1)} ms`;
};

test(`follow-me latency over ${STEPS} steps through the relay`, async ({ browser }) => {
  test.setTimeout(300_000);
  await seedTwoPlans(haard);
  const anna = await person(browser, haard.inviteUrl);
  const board = await newBoard(anna, ['Acme Bouwgroep 2026–2027', 'Gemeente Zwolle 2027']);
  const bram = await person(browser, `${board}#invite=${haard.token('editor')}`);
  await anna.getByRole('button', { name: 'Start meeting' }).click();
  await expect(stage(bram)).toHaveAttribute('data-step', 'opening');
  await expect(bram.getByTestId('follow-state')).toContainText('Following');

  await anna.evaluate(() =>
    window.addEventListener('keydown', (e) => (window.__keyAt = performance.timeOrigin + e.timeStamp), true),
  );
  // The two pages' clocks, compared through Date.now() (same machine): how far apart their instants may be.
  const [a, b] = await Promise.all(
    [anna, bram].map((p) => p.evaluate(() => performance.timeOrigin + performance.now() - Date.now())),
  );
  await anna.locator('body').click({ position: { x: 5, y: 5 } }); // focus the page, not a field
  const dom: number[] = [];
  const frame: number[] = [];
  let index = 0; // position over both presentations: 0 … ITEMS * PER_ITEM - 1
  let direction = 1;
  for (let i = 0; i < STEPS; i++) {
    if (index + direction < 0 || index + direction >= ITEMS * PER_ITEM) direction = -direction;
    const before = await stage(anna).getAttribute('data-step');
    await watchStage(bram);
    await anna.keyboard.press(direction > 0 ? 'ArrowRight' : 'ArrowLeft');
    index += direction;
    await bram.waitForFunction(() => window.__seen != null, null, { timeout: 10_000 });
    const seen = (await bram.evaluate(() => window.__seen))!;
    const keyAt = (await anna.evaluate(() => window.__keyAt))!;
    // The participant is where the facilitator is.
    await expect(stage(anna)).not.toHaveAttribute('data-step', before!);
    expect(seen.step).toBe(await stage(anna).getAttribute('data-step'));
    expect(seen.item).toBe(await stage(anna).getAttribute('data-agenda-item'));
    dom.push(seen.dom - keyAt);
    frame.push(seen.frame - keyAt);
  }
  console.log(`[meeting-perf] follow-me, ${STEPS} steps, facilitator key press → participant's screen:`);
  console.log(`[meeting-perf]   stage changed in the DOM:   ${figures(dom)}`);
  console.log(`[meeting-perf]   next frame (painted):       ${figures(frame)}`);
  console.log(`[meeting-perf]   (page clocks agree within ${Math.abs(a! - b!).toFixed(1)} ms)`);
});
