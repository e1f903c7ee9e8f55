/**
 * 2,000 relations in real Chromium: the table renders, searches and sorts quickly. The figures are
 * printed. A benchmark (npm run bench:app), not a test: it checks behaviour (the table is virtualised,
 * the right rows show) so the figures mean something, and asserts no timing.
 */
import { expect, test } from '@playwright/test';
import { startHaard, type Haard } from '../../test/e2e/helpers/haard.ts';
import { ok, seedWorkspace as withWorkspace } from '../../test/e2e/helpers/seed.ts';

let haard: Haard;
test.beforeEach(async () => {
  haard = await startHaard();
});
test.afterEach(async () => {
  await haard.dispose();
});

const N = 2000;
const SECTORS = ['Bouw', 'Zorg', 'Overheid', 'Onderwijs', 'Logistiek', 'Horeca', 'ICT', 'Juridisch'];

test(`${N} relations: first render, search and sort stay fast`, async ({ browser }) => {
  test.setTimeout(120_000);
  await withWorkspace(haard, (ws) => {
    for (let p = 0; p < 20; p++) ok(ws.addProfessional({ id: `p${p}`, name: `Professional ${p}` }));
    for (let i = 0; i < N; i++) {
      const id = `r${i}`;
      ok(
        ws.addRelation({
          id,
          name: `Relatie ${String(i).padStart(4, '0')} ${SECTORS[i % 8]} BV`,
          sector: SECTORS[i % 8]!,
          revenue: (i * 7919) % 1_000_000,
          ownerId: `p${i % 20}`,
          tags: [`tag${i % 12}`, i % 5 === 0 ? 'key account' : 'regio oost'],
          notes: i % 3 === 0 ? 'Jaarlijks evaluatiegesprek in het voorjaar.' : '',
        }),
      );
      if (i % 2 === 0)
        ok(
          ws.addContactLogEntry({
            relationId: id,
            date: new Date(Date.now() - (i % 400) * 86_400_000).toISOString().slice(0, 10),
            type: 'call',
          }),
        );
    }
  });

  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1360, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${haard.base}/team#invite=${haard.token('editor')}`);
  await expect(page.getByRole('status').first()).toContainText('Synced');
  await expect(page.getByTestId('team')).toBeVisible();
  await page.waitForTimeout(500);

  // First render: from the click on "Relations" to the first row on screen.
  const figures: Record<string, number> = {};
  figures.navigateToFirstRowMs = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const link = [...document.querySelectorAll('nav a')].find(
          (a) => a.getAttribute('href') === '/relations',
        );
        const t0 = performance.now();
        const done = () => {
          if (document.querySelector('[data-testid="relations"] .rel-name')) {
            requestAnimationFrame(() => resolve(performance.now() - t0));
          } else requestAnimationFrame(done);
        };
        (link as HTMLElement).click();
        requestAnimationFrame(done);
      }),
  );
  figures.componentRenderMs = await page.evaluate(
    () => performance.getEntriesByName('haard:relations:render').at(-1)?.duration ?? -1,
  );
  await expect(page.getByTestId('relations-count')).toHaveText('2,000 relations');
  figures.rowsInDom = await page.getByTestId('relations').locator('tr:not(.spacer)').count();

  // Typing a search: from the input event to the filtered table painted.
  const measure = (action: string) =>
    page.evaluate(
      (a) =>
        new Promise<number>((resolve) => {
          const count = document.querySelector('[data-testid="relations-count"]')!;
          const before = count.textContent;
          const t0 = performance.now();
          if (a.startsWith('search:')) {
            const input = document.querySelector('input[type="search"]') as HTMLInputElement;
            input.value = a.slice(7);
            input.dispatchEvent(new Event('input', { bubbles: true }));
          } else {
            const th = [...document.querySelectorAll('th button.sort')].find((b) =>
              b.textContent?.startsWith(a),
            );
            (th as HTMLElement).click();
          }
          const done = () =>
            count.textContent !== before || a.startsWith('Revenue')
              ? requestAnimationFrame(() => resolve(performance.now() - t0))
              : requestAnimationFrame(done);
          requestAnimationFrame(done);
        }),
      action,
    );
  figures.searchMs = await measure('search:zorg key');
  await expect(page.getByTestId('relations-count')).toHaveText('50 of 2,000');
  figures.clearSearchMs = await measure('search:');
  figures.sortByRevenueMs = await measure('Revenue');
  await expect(page.getByTestId('relations').locator('.rel-name').first()).toBeVisible();

  // Scrolling to the end renders the last rows.
  await page.locator('.rel-scroller').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(page.getByTestId('relations').locator('tr[aria-rowindex="2001"]')).toBeVisible();

  console.log(`relations table, ${N} rows:`, JSON.stringify(figures));
  test.info().annotations.push({ type: 'performance', description: JSON.stringify(figures) });
  expect(figures.rowsInDom).toBeLessThan(80); // virtualised
});
