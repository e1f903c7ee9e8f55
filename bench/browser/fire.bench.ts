/**
 * The fire dashboard at size (issue 8): 2,000 classified relations and 20,000 contact moments. Prints the
 * time from clicking "Keep warm" to the dashboard shown (median, p95 of several runs). A benchmark (npm run
 * bench:app): it checks behaviour so the figure means something, and asserts no timing.
 */
import { expect, test } from '@playwright/test';
import { startHaard, type Haard } from '../../test/e2e/helpers/haard.ts';
import { addClients, ok, seedWorkspace } from '../../test/e2e/helpers/seed.ts';

let haard: Haard;
test.beforeEach(async () => {
  haard = await startHaard();
});
test.afterEach(async () => {
  await haard.dispose();
});

const N = 2000;
const PER_RELATION = 10;

test(`fire dashboard with ${N} relations and ${N * PER_RELATION} contact moments`, async ({ browser }) => {
  test.setTimeout(300_000);
  const ids = await seedWorkspace(haard, (w, data) =>
    addClients(
      w,
      data,
      Array.from({ length: N }, (_, i) => ({
        name: `Relation ${String(i).padStart(4, '0')}`,
        scores: [1, 2, 3, 4].map((k) => (((i * k * 31) % 4) + 1) as 1 | 2 | 3 | 4),
      })),
    ),
  );
  const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
  // In batches: one transaction per 200 relations keeps each relay message small.
  for (let start = 0; start < N; start += 200) {
    await seedWorkspace(haard, (w) => {
      for (let i = start; i < start + 200; i++)
        for (let k = 0; k < PER_RELATION; k++)
          ok(
            w.addContactLogEntry({
              relationId: ids[i]!,
              date: day(((i * 7 + k * 37) % 400) + 1),
              type: 'call',
            }),
          );
    });
  }
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${haard.base}/relations#invite=${haard.token('editor')}`);
  await expect(page.getByText(`${N.toLocaleString('en-GB')} relations`)).toBeVisible({ timeout: 60_000 });
  const runs: number[] = [];
  for (let run = 0; run < 7; run++) {
    await page.getByRole('link', { name: 'Relations', exact: true }).click();
    await expect(page.getByTestId('relations')).toBeVisible();
    await page.evaluate(() => performance.clearMarks());
    const t0 = await page.evaluate(() => performance.now());
    await page.getByRole('link', { name: 'Keep warm' }).click();
    await expect(page.getByTestId('fire-matrix')).toBeVisible();
    const shown = await page.evaluate(
      () => performance.getEntriesByName('haard:fire:shown')[0]?.startTime ?? NaN,
    );
    runs.push(shown - t0);
  }
  await expect(page.getByTestId('attention').locator(':scope > li').first()).toBeVisible();
  const s = [...runs].sort((a, b) => a - b);
  console.log(
    `[fire-perf] ${N} relations, ${N * PER_RELATION} contact moments: click → dashboard shown median ${s[Math.floor(s.length / 2)]!.toFixed(0)} ms, p95 ${s[Math.floor(s.length * 0.95)]!.toFixed(0)} ms`,
  );
  await context.close();
});
