/**
 * The scoring grid with 2,000 relations: virtualised (only a few dozen rows in the DOM), and a keypress
 * updates the cell, the row's total and class and the summary. Prints keypress → DOM-updated and
 * keypress → next frame figures (median / p95). A benchmark (npm run bench:app), not a test: it
 * checks behaviour so that the figures mean something, and asserts no timing.
 */
import { expect, test } from '@playwright/test';
import { startHaard, type Haard } from '../../test/e2e/helpers/haard.ts';
import { addClients, seedWorkspace } from '../../test/e2e/helpers/seed.ts';

let haard: Haard;
test.beforeEach(async () => {
  haard = await startHaard();
});
test.afterEach(async () => {
  await haard.dispose();
});

const N = 2000;

test(`scoring stays fast with ${N} relations`, async ({ browser }) => {
  test.setTimeout(180_000);
  await seedWorkspace(haard, (w, data) =>
    addClients(
      w,
      data,
      Array.from({ length: N }, (_, i) => ({
        name: `Relation ${String(i).padStart(4, '0')}`,
        revenue: ((i * 7919) % 1000) * 1000,
        // Every tenth relation is incomplete; the others get a deterministic spread of scores.
        scores: [1, 2, 3, 4].map((k) =>
          i % 10 === 0 && k === 4 ? null : ((((i * k * 31) % 4) + 1) as 1 | 2 | 3 | 4),
        ),
      })),
    ),
  );
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${haard.base}/abc/scoring#invite=${haard.token('editor')}`);
  await expect(page.getByText(`${N.toLocaleString('en-GB')} relations`)).toBeVisible({ timeout: 60_000 });
  const rendered = await page.locator('.score-body [role="row"]').count();
  expect(rendered).toBeLessThan(60);

  await page.getByLabel('After a score, go').selectOption('down');
  const grid = page.getByRole('grid');
  await grid.focus();

  // Measure in the page: from the keydown event's timestamp to (1) the first DOM mutation the keypress
  // caused (the synchronous update has run) and (2) the next animation frame after it (painted).
  await page.evaluate(() => {
    const w = window as unknown as { __lat: { dom: number; frame: number }[]; __t0: number | null };
    w.__lat = [];
    w.__t0 = null;
    const el = document.querySelector('[role="grid"]')!;
    el.addEventListener('keydown', (e) => (w.__t0 = e.timeStamp), { capture: true });
    new MutationObserver(() => {
      const t0 = w.__t0;
      if (t0 === null) return;
      w.__t0 = null;
      const dom = performance.now() - t0;
      requestAnimationFrame(() => setTimeout(() => w.__lat.push({ dom, frame: performance.now() - t0 }), 0));
    }).observe(el, { subtree: true, childList: true, characterData: true, attributes: true });
  });

  const presses = 40;
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press(String((i % 4) + 1));
    await page.waitForFunction((n) => (window as unknown as { __lat: unknown[] }).__lat.length >= n, i + 1);
  }
  const lat = await page.evaluate(
    () => (window as unknown as { __lat: { dom: number; frame: number }[] }).__lat,
  );
  const stat = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return {
      median: s[Math.floor(s.length / 2)]!,
      p95: s[Math.floor(s.length * 0.95)]!,
      max: s[s.length - 1]!,
    };
  };
  const dom = stat(lat.map((l) => l.dom));
  const frame = stat(lat.map((l) => l.frame));
  console.log(
    `[abc-perf] ${N} relations, ${presses} keypresses: keypress → DOM updated median ${dom.median.toFixed(1)} ms, p95 ${dom.p95.toFixed(1)} ms, max ${dom.max.toFixed(1)} ms; keypress → next frame median ${frame.median.toFixed(1)} ms, p95 ${frame.p95.toFixed(1)} ms`,
  );

  // The scores landed: the first 40 rows hold 1,2,3,4,… in the first column.
  await page.keyboard.press('Control+Home');
  await expect(page.locator('[role="row"][data-relation="Relation 0000"] .cell-score').first()).toHaveText(
    '1',
  );
  await expect(page.locator('[role="row"][data-relation="Relation 0001"] .cell-score').first()).toHaveText(
    '2',
  );
  // Far below: PageDown reaches rows that were not rendered at first.
  for (let i = 0; i < 5; i++) await page.keyboard.press('PageDown');
  await expect(page.getByTestId('level-hint')).not.toContainText('Relation 0000');
});
