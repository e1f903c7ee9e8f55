/**
 * Account plans at size (issue 7 §5). Prints, measured in real Chromium against the real server:
 * - opening a plan of 500 actions and 20 goals from IndexedDB (relay cut off) to an editable page;
 * - a keystroke in the action table (from its save, 300 ms after typing pauses) and in a plan text → findings
 *   and completeness recomputed, and → the next frame (median, p95);
 * - a workspace with 200 plans: the plan list shown on a warm load, and how long the first visit takes to
 *   bring all 200 plans onto the device.
 * A benchmark (npm run bench:app): it checks behaviour so the figures mean something, and asserts no timing.
 */
import { expect, test, type Page } from '@playwright/test';
import { startHaard, type Haard } from '../../test/e2e/helpers/haard.ts';
import { seedPlan, seedWorkspace, ok } from '../../test/e2e/helpers/seed.ts';

let haard: Haard;
test.beforeEach(async () => {
  haard = await startHaard();
});
test.afterEach(async () => {
  await haard.dispose();
});

const stat = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return {
    median: s[Math.floor(s.length / 2)]!,
    p95: s[Math.floor(s.length * 0.95)]!,
    max: s[s.length - 1]!,
  };
};
const fmt = (s: { median: number; p95: number }) =>
  `median ${s.median.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms`;

async function seedBigPlan(): Promise<{ planId: string; relationId: string }> {
  const { relationId, proId } = await seedWorkspace(haard, (w) => {
    const proId = ok(
      w.addProfessional({ name: 'Anna de Vries', profile: 'relationshipManager', seniority: 'senior' }),
    );
    const relationId = ok(w.addRelation({ name: 'Acme BV', ownerId: proId }));
    ok(w.addContact({ relationId, name: 'Piet', dmuRole: 'decider', strength: 3 }));
    return { relationId, proId };
  });
  const planId = await seedPlan(
    haard,
    { relationIds: [relationId], title: 'Acme 2026', ownerId: proId },
    (p) => {
      const goals = Array.from({ length: 20 }, (_, i) =>
        ok(
          p.addGoal({
            title: `Goal ${i}`,
            metric: 'NPS',
            target: '9',
            baseline: '7',
            deadline: '2027-06-30',
          }),
        ),
      );
      for (let i = 0; i < 500; i++) {
        ok(
          p.addAction({
            what: `Action ${i}`,
            // Every fifth action misses its owner: the findings name actions, so typing changes them.
            ownerId: i % 5 === 0 ? null : proId,
            due: `2027-0${1 + (i % 9)}-15`,
            goalId: goals[i % 20]!,
            kpi: { name: 'meetings', target: '4' },
            quadrant: (['project', 'person', 'process', 'partnership'] as const)[i % 4],
            cost: 100 + i,
          }),
        );
      }
      ok(p.setText('situation.text', 'Acme is merging.'));
    },
  );
  return { planId, relationId };
}

/** Cut this page's sockets (the relay stays up): the app then works from IndexedDB only. */
async function cutSockets(page: Page) {
  await page
    .context()
    .routeWebSocket(/\/sync/, (ws) => void ws.close({ code: 1012, reason: 'bench: offline' }));
}

test('a plan with 500 actions and 20 goals: open from IndexedDB, keystrokes → findings', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const { planId } = await seedBigPlan();
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${haard.base}/plans/${planId}#invite=${haard.token('editor')}`);
  await expect(page.getByTestId('actions')).toHaveAttribute('aria-rowcount', '501', { timeout: 60_000 });
  await expect(page.getByRole('textbox', { name: 'Situation', exact: true })).toContainText(
    'Acme is merging.',
    {
      timeout: 30_000,
    },
  );

  // Open from IndexedDB: a fresh load with the relay cut off, on the plan list; then open the plan.
  const opens: number[] = [];
  await cutSockets(page);
  for (let run = 0; run < 7; run++) {
    await page.goto(`${haard.base}/plans`);
    const link = page.getByRole('link', { name: 'Acme 2026' });
    await expect(link).toBeVisible({ timeout: 30_000 });
    await page.evaluate(() => performance.clearMarks());
    const t0 = await page.evaluate(() => performance.now());
    await link.click();
    await expect(page.getByTestId('actions')).toHaveAttribute('aria-rowcount', '501');
    await expect(page.locator('[data-path="situation.text"]')).toBeVisible();
    const shown = await page.evaluate(
      () => performance.getEntriesByName('haard:plan:shown')[0]?.startTime ?? NaN,
    );
    opens.push(shown - t0);
  }
  console.log(
    `[plans-perf] open a 500-action, 20-goal plan from IndexedDB → editable page: ${fmt(stat(opens))} (${opens.length} runs)`,
  );

  // Keystrokes: keydown → findings recomputed (perf mark) and → next frame, in the table and in a text. The
  // first few after loading warm the JIT and are reported apart.
  const WARM_UP = 4;
  const measure = async (label: string, focus: () => Promise<void>, presses: number) => {
    await focus();
    await page.evaluate(() => {
      const w = window as unknown as { __lat: { checked: number; frame: number }[] };
      w.__lat = [];
      document.addEventListener(
        'keydown',
        (e) => {
          const t0 = e.timeStamp;
          const marks = performance.getEntriesByName('haard:plan:checked').length;
          const poll = () => {
            const all = performance.getEntriesByName('haard:plan:checked');
            if (all.length > marks) {
              // A short field (LiveText) saves 300 ms after typing pauses: its keystroke is timed from the save
              // ('haard:live:save'), the cost being measured; a text editor writes at the keystroke.
              const save = performance.getEntriesByName('haard:live:save').at(-1);
              const start = save && save.startTime >= t0 ? save.startTime : t0;
              const checked = all[all.length - 1]!.startTime - start;
              requestAnimationFrame(() => w.__lat.push({ checked, frame: performance.now() - start }));
            } else setTimeout(poll, 0);
          };
          setTimeout(poll, 0);
        },
        { capture: true },
      );
    });
    for (let i = 0; i < WARM_UP + presses; i++) {
      await page.keyboard.press(i % 2 === 0 ? 'x' : 'Backspace');
      await page.waitForFunction((n) => (window as unknown as { __lat: unknown[] }).__lat.length >= n, i + 1);
    }
    const all = await page.evaluate(
      () => (window as unknown as { __lat: { checked: number; frame: number }[] }).__lat,
    );
    const lat = all.slice(WARM_UP);
    const first = all[0]!;
    console.log(
      `[plans-perf] keystroke in ${label} (500 actions): → findings + completeness ${fmt(stat(lat.map((l) => l.checked)))}; → next frame ${fmt(stat(lat.map((l) => l.frame)))} (${lat.length} keystrokes after ${WARM_UP} not counted; the first after loading: ${first.checked.toFixed(1)} / ${first.frame.toFixed(1)} ms)`,
    );
    await page.reload();
    await expect(page.getByTestId('actions')).toHaveAttribute('aria-rowcount', '501', { timeout: 30_000 });
  };
  await measure(
    'the action table',
    async () => page.getByLabel('What, action 1', { exact: true }).click(),
    100,
  );
  await measure(
    'the situation text',
    async () => page.getByRole('textbox', { name: 'Situation', exact: true }).click(),
    100,
  );
  await context.close();
});

test('a workspace with 200 plans: the plan list, and every plan on the device after one visit', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const { relationIds, proId } = await seedWorkspace(haard, (w) => {
    const proId = ok(
      w.addProfessional({ name: 'Anna de Vries', profile: 'relationshipManager', seniority: 'senior' }),
    );
    const relationIds = Array.from({ length: 200 }, (_, i) =>
      ok(w.addRelation({ name: `Relation ${String(i).padStart(3, '0')}`, ownerId: proId })),
    );
    return { relationIds, proId };
  });
  for (let i = 0; i < 200; i++) {
    await seedPlan(
      haard,
      { relationIds: [relationIds[i]!], title: `Plan ${String(i).padStart(3, '0')}`, ownerId: proId },
      (p) => {
        const g = ok(p.addGoal({ title: 'Keep', metric: 'NPS', target: '9', deadline: '2027-01-01' }));
        for (let k = 0; k < 10; k++)
          ok(p.addAction({ what: `Action ${k}`, goalId: g, ownerId: proId, due: '2027-01-01' }));
      },
    );
  }
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const t0 = Date.now();
  await page.goto(`${haard.base}/plans#invite=${haard.token('editor')}`);
  await expect(page.getByTestId('plans').locator('tbody tr')).toHaveCount(200, { timeout: 60_000 });
  // Every plan in IndexedDB: y-indexeddb's layout, one database per document.
  await expect
    .poll(
      async () =>
        page.evaluate(
          async () => (await indexedDB.databases()).filter((d) => d.name?.includes('/plan/')).length,
        ),
      { timeout: 240_000, intervals: [250] },
    )
    .toBe(200);
  // …and up to date: the last plan's content is there, read with the relay cut off on the next load.
  const firstVisit = Date.now() - t0;
  console.log(
    `[plans-perf] first visit: 200 plans on the device (IndexedDB) after ${(firstVisit / 1000).toFixed(1)} s`,
  );

  const lists: number[] = [];
  for (let run = 0; run < 5; run++) {
    const start = Date.now();
    await page.goto(`${haard.base}/plans`);
    await expect(page.getByTestId('plans').locator('tbody tr')).toHaveCount(200, { timeout: 30_000 });
    lists.push(Date.now() - start);
  }
  console.log(
    `[plans-perf] 200 plans: plan list shown on a warm load (navigation → 200 rows) ${fmt(stat(lists))}`,
  );

  // Offline, every plan opens: the last one, never opened in this browser.
  await cutSockets(page);
  await page.goto(`${haard.base}/plans`);
  await page.getByRole('link', { name: 'Plan 199' }).click();
  await expect(page.getByLabel('What, action 10', { exact: true })).toHaveValue('Action 9');
  await context.close();
});
