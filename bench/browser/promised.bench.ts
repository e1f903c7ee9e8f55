/**
 * Keep warm's "What was promised" at size: a workspace with 200 account plans of 10 open actions each (2,000).
 * Prints, in real Chromium against the real server, the time from clicking "Keep warm" to the promised list
 * complete (every plan read: no "Reading the plans…" left, 2,000 counted) — once with every plan on the device
 * but closed (read from IndexedDB), then coming back while they are still open (the registry keeps a document
 * 20 s after its last screen). A benchmark (npm run bench:app): it checks behaviour so the figures mean
 * something, and asserts no timing.
 */
import { expect, test, type Page } from '@playwright/test';
import { startHaard, type Haard } from '../../test/e2e/helpers/haard.ts';
import { ok, seedPlan, seedWorkspace } from '../../test/e2e/helpers/seed.ts';

let haard: Haard;
test.beforeEach(async () => {
  haard = await startHaard();
});
test.afterEach(async () => {
  await haard.dispose();
});

const PLANS = 200;
const ACTIONS = 10;

/** ms from clicking "Keep warm" to the complete promised list. */
async function openKeepWarm(page: Page): Promise<number> {
  await page.getByRole('link', { name: 'Relations', exact: true }).click();
  await expect(page.getByTestId('relations')).toBeVisible();
  const t0 = await page.evaluate(() => performance.now());
  await page.getByRole('link', { name: 'Keep warm' }).click();
  await expect(page.getByTestId('promised-count')).toHaveText(/^2,000 open actions/, { timeout: 120_000 });
  await expect(page.getByTestId('promised-loading')).toHaveCount(0);
  return (await page.evaluate(() => performance.now())) - t0;
}

test(`promised actions of ${PLANS} plans × ${ACTIONS} actions`, async ({ browser }) => {
  test.setTimeout(600_000);
  const { relationIds, proId } = await seedWorkspace(haard, (w) => {
    const proId = ok(
      w.addProfessional({ name: 'Anna de Vries', profile: 'relationshipManager', seniority: 'senior' }),
    );
    const relationIds = Array.from({ length: PLANS }, (_, i) =>
      ok(w.addRelation({ name: `Relation ${String(i).padStart(3, '0')}`, ownerId: proId })),
    );
    return { relationIds, proId };
  });
  const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
  for (let i = 0; i < PLANS; i++)
    await seedPlan(
      haard,
      { relationIds: [relationIds[i]!], title: `Plan ${String(i).padStart(3, '0')}`, ownerId: proId },
      (p) => {
        for (let k = 0; k < ACTIONS; k++)
          ok(p.addAction({ what: `Action ${k}`, ownerId: proId, due: day(((i * 7 + k * 13) % 120) - 60) }));
      },
    );
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${haard.base}/relations#invite=${haard.token('editor')}`);
  await expect(page.getByText(`${PLANS} relations`)).toBeVisible({ timeout: 60_000 });
  // Every plan on the device first (the app fetches them after the workspace syncs), and closed again.
  await expect
    .poll(
      () =>
        page.evaluate(
          async () => (await indexedDB.databases()).filter((d) => d.name?.includes('/plan/')).length,
        ),
      { timeout: 300_000, intervals: [500] },
    )
    .toBe(PLANS);
  await page.waitForTimeout(25_000); // the registry's keep-alive (20 s) closes the prefetched plans
  const cold = await openKeepWarm(page);
  const warm: number[] = [];
  for (let run = 0; run < 5; run++) warm.push(await openKeepWarm(page));
  warm.sort((a, b) => a - b);
  await expect(page.getByTestId('promised').locator('tbody tr')).toHaveCount(25); // the first 25, then "show all"
  console.log(
    `[promised-perf] ${PLANS} plans × ${ACTIONS} actions: click → complete list ${cold.toFixed(0)} ms with every plan read from IndexedDB; coming back while open: median ${warm[Math.floor(warm.length / 2)]!.toFixed(0)} ms, max ${warm.at(-1)!.toFixed(0)} ms`,
  );
  await context.close();
});
