/**
 * The live presentation, the plan's derived views, KPIs, budget and print — through `haard serve` in real
 * Chromium, colleagues in separate browser contexts, every edit made through the UI.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test, type Haard } from './helpers/fixtures.ts';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSynced } from './helpers/browser.ts';
import { DEMO, seedDemoPlan } from './helpers/demoPlan.ts';

const text = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });

async function openPlanPage(page: Page, haard: Haard, id: string) {
  await page.goto(`${haard.base}/plans/${id}`);
  await expect(page.locator('.cm-content').first()).toBeVisible();
  await expect(page.getByTestId('plan-views')).toBeVisible();
}

test('a presenter on the closing step sees a colleague’s edit to the summary appear without touching anything', async ({
  browser,
  haard,
}) => {
  const id = await seedDemoPlan(haard);
  const presenter = await openSynced(browser, haard.inviteUrl);
  await presenter.goto(`${haard.base}/plans/${id}/present/closing`);
  await expect(presenter.getByTestId('present-recap')).toHaveText(DEMO.summary);

  const colleague = await openSynced(browser, haard.inviteUrl);
  await openPlanPage(colleague, haard, id);
  const summary = text(colleague, 'Summary');
  await summary.click();
  await colleague.keyboard.press('ControlOrMeta+End');
  await colleague.keyboard.type(' Besluit vandaag nog.');
  await expect(summary).toContainText('Besluit vandaag nog.');

  await expect(presenter.getByTestId('present-recap')).toHaveText(`${DEMO.summary} Besluit vandaag nog.`);
  await expect(presenter).toHaveURL(/\/present\/closing$/);
  await expect(presenter.getByTestId('present-question')).toHaveText('Who has a question?');

  // The closing message itself is live too.
  const closing = text(colleague, 'Closing');
  await closing.click();
  await colleague.keyboard.press('ControlOrMeta+End');
  await colleague.keyboard.type(' Graag een datum.');
  await expect(presenter.getByTestId('present-closing')).toHaveText(`${DEMO.closing} Graag een datum.`);
});

test('derived views, KPIs and budget follow the plan live; a viewer sees them read-only', async ({
  browser,
  haard,
}) => {
  const id = await seedDemoPlan(haard);
  const anna = await openSynced(browser, haard.inviteUrl);
  await openPlanPage(anna, haard, id);
  const bram = await openSynced(browser, haard.inviteUrl);
  await openPlanPage(bram, haard, id);

  // 4P matrix: partnership has three activities (a cancelled one does not count), project none.
  await expect(anna.getByTestId('p4-partnership')).toContainText('3 activities');
  await expect(anna.getByTestId('p4-project')).toContainText('0 activities');
  // An action Bram adds in the table (project by default) shows in Anna's matrix and timeline.
  await bram.getByLabel('New action').fill('Nieuwjaarsborrel met het MT');
  await bram.getByLabel('New action').press('Enter');
  await expect(anna.getByTestId('p4-project')).toContainText('1 activity');
  await expect(anna.getByTestId('timeline-strip')).toContainText('Nieuwjaarsborrel met het MT'); // undated
  await expect(anna.getByTestId('timeline-item').filter({ hasText: 'Overdue' })).toHaveCount(1);
  await expect(anna.getByTestId('trust-pyramid')).toContainText('Ambassadors: Fatima El Amrani');
  await expect(anna.getByTestId('benefit-levels')).toContainText('Betaaltermijn van 60 dagen');

  // KPIs: computed from the workspace, entered by hand, charted with uPlot.
  const card = (page: Page, name: string) => page.getByTestId('kpi-card').filter({ hasText: name });
  await expect(card(anna, 'Contact moments').getByTestId('kpi-value')).toHaveText('4'); // 4 of 5 in 365 days
  await expect(card(anna, 'DMU knowledge').getByTestId('kpi-value')).toHaveText('3.5'); // (4 + 3) / 2
  await expect(card(anna, 'Satisfaction score').getByTestId('kpi-value')).toHaveText('8.1');
  await expect(card(anna, 'Satisfaction score').locator('canvas').first()).toBeVisible();
  const sat = card(bram, 'Satisfaction score');
  await sat.getByLabel('Value').fill('11');
  await sat.getByRole('button', { name: 'Add measurement' }).click();
  await expect(sat.getByRole('alert')).toHaveText('Must be between 1 and 10.');
  await sat.getByLabel('Value').fill('8.7');
  await sat.getByRole('button', { name: 'Add measurement' }).click();
  await expect(card(anna, 'Satisfaction score').getByTestId('kpi-value')).toHaveText('8.7');
  await expect(card(anna, 'Satisfaction score')).toContainText('97% of the target');
  await expect(card(anna, 'Satisfaction score')).toContainText('3 measurements');
  // Record today's computed DMU knowledge, then pick a new KPI from the library.
  await card(bram, 'DMU knowledge').getByRole('button', { name: 'Record today’s value (3.5)' }).click();
  await expect(card(anna, 'DMU knowledge')).toContainText('1 measurement');
  await bram.getByLabel('KPI from the library').selectOption({ label: 'Ambassadors — computed by Haard' });
  await bram.getByRole('button', { name: 'Add KPI' }).click();
  await expect(card(anna, 'Ambassadors').getByTestId('kpi-value')).toHaveText('1');

  // Budget against the action costs (cancelled costs nothing) and the cost of winning a client.
  const budget = anna.getByTestId('budget-section');
  await expect(budget.getByTestId('budget-costs')).toHaveText('€5,700');
  await expect(budget.getByTestId('budget-verdict')).toContainText('€4,300 of the budget is left.');
  await expect(budget.getByTestId('budget-verdict')).toContainText('40% of what winning a new client costs');
  await bram.getByLabel('Budget reserved for this plan').fill('5000');
  await bram.getByLabel('Budget reserved for this plan').press('Enter');
  await expect(budget.getByTestId('budget-verdict')).toContainText(
    'The actions cost €700 more than the budget.',
  );
  await bram.getByLabel('Budget reserved for this plan').fill('-3');
  await bram.getByLabel('Budget reserved for this plan').press('Enter');
  await expect(bram.getByTestId('budget-section')).toContainText('Type an amount of 0 or more');
  await expect(budget.getByTestId('budget-verdict')).toContainText('€700 more'); // nothing written
  // Cents stay cents: in the field and in the verdict (QA item 12).
  await bram.getByLabel('Budget reserved for this plan').fill('5000.5');
  await bram.getByLabel('Budget reserved for this plan').press('Enter');
  await expect(bram.getByLabel('Budget reserved for this plan')).toHaveValue('5,000.50');
  await expect(budget.getByTestId('budget-verdict')).toContainText(
    'The actions cost €699.50 more than the budget.',
  );

  // A viewer sees the same, with nothing to change.
  const vera = await openSynced(browser, `${haard.base}/#invite=${haard.token('viewer')}`);
  await openPlanPage(vera, haard, id);
  await expect(vera.getByTestId('kpi-card')).toHaveCount(4);
  await expect(vera.getByRole('button', { name: 'Add measurement' })).toHaveCount(0);
  await expect(vera.getByRole('button', { name: 'Add KPI' })).toHaveCount(0);
  await expect(vera.getByLabel('Budget reserved for this plan')).toHaveAttribute('readonly', '');
});

test('print to PDF: the summary page holds the key points, every goal and every action’s what', async ({
  browser,
  haard,
}) => {
  const id = await seedDemoPlan(haard);
  const page = await openSynced(browser, haard.inviteUrl);
  await openPlanPage(page, haard, id);
  await expect(page.getByRole('button', { name: 'Print / PDF' })).toBeVisible();
  await expect(page.getByTestId('print-summary')).toBeHidden(); // print only
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('print-summary')).toBeVisible();
  await page.screenshot({ path: '/tmp/shots/plan-print-media.png', fullPage: true });
  const pdf = await page.pdf({ format: 'A4', printBackground: true });

  const dir = mkdtempSync(join(tmpdir(), 'haard-pdf-'));
  try {
    writeFileSync(join(dir, 'plan.pdf'), pdf);
    writeFileSync('/tmp/shots/plan.pdf', pdf);
    // Content-stream order (-raw): a table cell's wrapped lines stay together, whatever the column widths.
    const firstPage = execFileSync('pdftotext', ['-raw', '-f', '1', '-l', '1', join(dir, 'plan.pdf'), '-'], {
      encoding: 'utf8',
    });
    const flat = firstPage.replace(/\s+/g, ' ');
    expect(flat).toMatch(/account plan — summary/i); // the kicker is set in capitals
    for (const point of DEMO.keyPoints) expect(flat).toContain(point);
    for (const goal of DEMO.goals) expect(flat).toContain(goal.title);
    for (const goal of DEMO.goals) expect(flat).toContain(goal.target);
    for (const action of DEMO.actions) expect(flat).toContain(action.what);
    expect(flat).toContain('€10,000'); // the budget
    // The plan follows after the summary page, without app chrome.
    const all = execFileSync('pdftotext', [join(dir, 'plan.pdf'), '-'], { encoding: 'utf8' });
    expect(all).toContain('Acme Bouwgroep bouwt en beheert 40 scholen');
    expect(all).not.toContain('Print / PDF');
    expect(all).not.toContain('Undo');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

for (const lang of ['en', 'nl'] as const) {
  test(`the plan page's views, KPIs and budget in ${lang}: accessible, no missing text`, async ({
    browser,
    haard,
  }) => {
    const id = await seedDemoPlan(haard);
    const page = await openSynced(browser, haard.inviteUrl);
    if (lang === 'nl') await page.getByLabel('Language').selectOption('nl');
    for (const width of [1280, 1920]) {
      await page.setViewportSize({ width, height: 1000 });
      await openPlanPage(page, haard, id);
      await expect(page.locator('canvas').first()).toBeVisible();
      await expect(page.locator('body')).not.toContainText('⟦');
      if (width === 1280) {
        const axe = await new AxeBuilder({ page })
          .include('#sec-views')
          .include('#sec-kpis')
          .include('#sec-budget')
          .analyze();
        const bad = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      }
      for (const section of ['views', 'kpis', 'budget'])
        await page
          .locator(`#sec-${section}`)
          .screenshot({ path: `/tmp/shots/plan-${section}-${width}-${lang}.png` });
    }
  });
}
