/**
 * What the meeting browser tests share: two seeded plans, a person's own browser (optionally with a wrong
 * clock), a new board with an agenda, the stage and the plan page's action table.
 */
import { expect, type Browser, type Page } from '@playwright/test';
import type { Haard } from './haard.ts';
import { seedDemoPlan } from './demoPlan.ts';
import { ok, seedPlan, seedWorkspace } from './seed.ts';

/** The ruitmodel steps a presentation walks, as the stage's `data-step` shows them. */
export const STEPS = ['opening', 'situation', 'goals', 'strategy', 'timeline', 'summary', 'closing'];
/** YYYY-MM-DD `offset` days from today. */
export const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** Two plans: the demo plan (Anna's, with an overdue action) and a small one of Bram's. */
export async function seedTwoPlans(haard: Haard): Promise<{ acme: string; zwolle: string }> {
  const acme = await seedDemoPlan(haard);
  await seedWorkspace(haard, (ws) =>
    ok(ws.addRelation({ id: 'r-zwolle', name: 'Gemeente Zwolle', ownerId: 'p-bram' })),
  );
  const zwolle = await seedPlan(
    haard,
    { title: 'Gemeente Zwolle 2027', relationIds: ['r-zwolle'], ownerId: 'p-bram' },
    (plan) => {
      ok(plan.setKeyPoints(['Zwolle kiest ons voor de nieuwe stadskantoren']));
      ok(plan.addAction({ id: 'z-1', what: 'Rondleiding nieuwbouw met wethouder', due: day(-3) }));
    },
  );
  return { acme, zwolle };
}

/** A person's own browser; `skewMs` sets their clock that far off (as a laptop with a wrong clock). */
export async function person(browser: Browser, url: string, skewMs = 0): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
  if (skewMs)
    await context.addInitScript((offset: number) => {
      const Real = Date;
      class Skewed extends Real {
        constructor(...args: unknown[]) {
          if (args.length === 0) super(Real.now() + offset);
          else super(...(args as [string]));
        }
        static override now() {
          return Real.now() + offset;
        }
      }
      globalThis.Date = Skewed as DateConstructor;
    }, skewMs);
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.getByRole('status').first()).toContainText('Synced');
  return page;
}

/** The action with text `what` as the plan page's action table shows it (its due date), or null. */
export const planAction = (page: Page, what: string) =>
  page
    .getByTestId('actions')
    .locator('tbody tr')
    .evaluateAll((rows, text) => {
      for (const row of rows) {
        const inputs = [...row.querySelectorAll('input')];
        if (inputs.some((i) => i.value === text))
          return { due: row.querySelector<HTMLInputElement>('[data-col="due"]')?.dataset.date ?? null };
      }
      return null;
    }, what);

/** The KPI and KPI target of the action with text `what` as the plan page's action table shows them, or null. */
export const planActionKpi = (page: Page, what: string) =>
  page
    .getByTestId('actions')
    .locator('tbody tr')
    .evaluateAll((rows, text) => {
      for (const row of rows) {
        const cell = (col: string) =>
          row.querySelector<HTMLInputElement>(`[data-col="${col}"]`)?.value ?? null;
        if (cell('what') === text) return { name: cell('kpiName'), target: cell('kpiTarget') };
      }
      return null;
    }, what);

/** The presentation on screen (`data-step`, `data-agenda-item`). */
export const stage = (page: Page) => page.getByTestId('meeting-stage');

/** From anywhere in the app: a new board with `plans` (titles) on its agenda; returns the board's URL. */
export async function newBoard(anna: Page, plans: string[]): Promise<string> {
  await anna.getByRole('link', { name: 'Meetings' }).click();
  await anna.getByRole('button', { name: 'New meeting' }).click();
  await expect(anna).toHaveURL(/\/meetings\/[^/]+$/);
  for (const title of plans) {
    await anna.getByLabel('Plan', { exact: true }).selectOption({ label: title });
    await anna.getByRole('button', { name: 'Add to agenda' }).click();
  }
  await expect(anna.getByTestId('agenda').getByRole('listitem')).toHaveCount(plans.length);
  return anna.url();
}
