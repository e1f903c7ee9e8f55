/**
 * The ABC screens as people use them, in real Chromium against the real relay: define criteria with live
 * validation, score by keyboard only (a second browser sees it live), override with a reason, read the
 * Pareto figures, switch to thresholds, and look without editing as a viewer.
 */
import type { Browser, Page } from '@playwright/test';
import { expect, test, type Haard } from './helpers/fixtures.ts';
import { openPage } from './helpers/browser.ts';
import { addClients, readWorkspace, seedDemo, seedWorkspace } from './helpers/seed.ts';

async function open(
  browser: Browser,
  haard: Haard,
  path: string,
  opts: { lang?: 'en' | 'nl'; role?: 'editor' | 'viewer' } = {},
): Promise<Page> {
  const page = await openPage(browser, `${haard.base}${path}#invite=${haard.token(opts.role ?? 'editor')}`, {
    locale: opts.lang === 'nl' ? 'nl-NL' : 'en-GB',
  });
  await expect(page.locator('.abc')).toBeVisible({ timeout: 20_000 });
  return page;
}

const row = (page: Page, name: string) => page.locator(`[role="row"][data-relation="${name}"]`);
const scores = (page: Page, name: string) => row(page, name).locator('.cell-score');

test('criteria: validation appears and disappears live, weight 0 is refused at the field, reorder by keyboard, delete with undo', async ({
  browser,
  haard,
}) => {
  const page = await open(browser, haard, '/abc/criteria');
  const validation = page.getByTestId('criteria-validation');
  const names = page.getByTestId('criterion').getByLabel('Name');
  await expect(validation).toContainText('The criteria set is complete: 4 criteria');

  // Deleting the only relational criterion breaks the set; undo from the toast restores it.
  await page.getByRole('button', { name: 'Delete “Sterkte van de relatie”' }).click();
  await expect(validation).toContainText('Add a criterion in the category “Relational”.');
  const toast = page.locator('.toast');
  await expect(toast).toContainText('Criterion “Sterkte van de relatie” deleted');
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(validation).toContainText('The criteria set is complete: 4 criteria');
  await expect(validation).not.toContainText('Relational');

  // Add one.
  await page.getByLabel('Name').last().fill('Trust');
  await page.locator('.criterion-add').getByLabel('Category').selectOption({ label: 'Relational' });
  await page.locator('.criterion-add').getByLabel('Weight').fill('2');
  await page.getByRole('button', { name: 'Add criterion' }).click();
  await expect(names).toHaveCount(5);
  await expect(names.nth(4)).toHaveValue('Trust');
  await expect(page.getByTestId('criterion').nth(4)).toContainText('33% of the total');

  // A duplicate name: the core rule shows at once, and goes away when fixed.
  await names.nth(4).fill('omzet');
  await names.nth(4).press('Tab');
  await expect(validation).toContainText('The name “Omzet” is used more than once');
  await names.nth(4).fill('Trust');
  await names.nth(4).press('Tab');
  await expect(validation).toContainText('The criteria set is complete: 5 criteria');

  // Weight 0: the intent refuses, the message sits next to the field.
  const first = page.getByTestId('criterion').first();
  await first.getByLabel('Weight').fill('0');
  await first.getByLabel('Weight').press('Tab');
  await expect(first.locator('.field-error')).toContainText('greater than 0');
  await expect(first.getByLabel('Weight')).toHaveAttribute('aria-invalid', 'true');
  await first.getByLabel('Weight').fill('3');
  await first.getByLabel('Weight').press('Tab');
  await expect(first.locator('.field-error')).toHaveCount(0);

  // Reorder with the keyboard; focus stays on the moved criterion's buttons.
  await page.getByRole('button', { name: 'Move “Groeipotentie” up' }).focus();
  await page.keyboard.press('Enter');
  await expect(names.first()).toHaveValue('Groeipotentie');
  await expect(page.getByRole('button', { name: 'Move “Groeipotentie” down' })).toBeFocused();

  // A score-level description.
  const trust = page.getByTestId('criterion').nth(4);
  await trust.locator('summary').click();
  await trust.getByLabel('Score 4').fill('Trusted adviser');
  await trust.getByLabel('Score 4').press('Tab');
  await expect(trust.locator('summary')).toContainText('1 of 4 levels described');
});

test('score five relations with the keyboard only and see their classes; a second browser sees it live', async ({
  browser,
  haard,
}) => {
  await seedWorkspace(haard, (w, data) =>
    addClients(
      w,
      data,
      ['Alfa', 'Bravo', 'Charlie', 'Delta', 'Echo'].map((name) => ({ name })),
    ),
  );
  const anna = await open(browser, haard, '/abc/scoring');
  const bram = await open(browser, haard, '/abc/scoring');
  await expect(row(anna, 'Alfa').locator('.cell-class')).toHaveText('Incomplete');

  // Into the grid with Tab (find → after-score → show all → grid), then only digits.
  await anna.getByLabel('Find a relation').focus();
  await anna.keyboard.press('Tab');
  await anna.keyboard.press('Tab');
  await anna.keyboard.press('Tab');
  const grid = anna.getByRole('grid');
  await expect(grid).toBeFocused();
  await expect(anna.getByTestId('level-hint')).toContainText('Alfa · Omzet');
  await anna.keyboard.type('4444' + '3333' + '2222' + '2221' + '1111');

  const expected: [string, string[], string, string][] = [
    ['Alfa', ['4', '4', '4', '4'], '100', 'A'],
    ['Bravo', ['3', '3', '3', '3'], '67', 'B'],
    ['Charlie', ['2', '2', '2', '2'], '33', 'B'],
    ['Delta', ['2', '2', '2', '1'], '25', 'B'],
    ['Echo', ['1', '1', '1', '1'], '0', 'C'],
  ];
  for (const page of [anna, bram]) {
    for (const [name, s, total, cls] of expected) {
      await expect(scores(page, name)).toHaveText(s);
      await expect(row(page, name).locator('.cell-total')).toHaveText(total);
      await expect(row(page, name).locator('.cell-class')).toHaveText(cls);
    }
    await expect(page.getByTestId('abc-summary')).toHaveText('1 A · 3 B · 1 C');
  }

  // Backspace clears the cell under the cursor (the last one): Echo becomes incomplete, everywhere.
  await anna.keyboard.press('Backspace');
  await expect(row(bram, 'Echo')).toContainText('Missing: Sterkte van de relatie');
  await expect(row(bram, 'Echo').locator('.cell-class')).toHaveText('Incomplete');
  await expect(bram.getByTestId('abc-summary')).toContainText('1 incomplete');

  // Navigation keys: Ctrl+Home to the first cell, End to the row's last, PageDown to the last row.
  await anna.keyboard.press('Control+Home');
  await expect(anna.getByTestId('level-hint')).toContainText('Alfa · Omzet');
  await anna.keyboard.press('End');
  await expect(anna.getByTestId('level-hint')).toContainText('Alfa · Sterkte van de relatie');
  await anna.keyboard.press('PageDown');
  await expect(anna.getByTestId('level-hint')).toContainText('Echo · Sterkte van de relatie');
  await anna.keyboard.press('3');
  await expect(scores(bram, 'Echo')).toHaveText(['1', '1', '1', '3']);

  // Clicking a cell moves the cursor there.
  await scores(anna, 'Charlie').nth(1).click();
  await expect(anna.getByTestId('level-hint')).toContainText('Charlie · Groeipotentie');
  await expect(grid).toBeFocused();
});

test('override a class with a reason: computed and override side by side, then clear it', async ({
  browser,
  haard,
}) => {
  await seedWorkspace(haard, seedDemo);
  const page = await open(browser, haard, '/abc/classes');
  const classC = page.getByTestId('class-C');
  const classB = page.getByTestId('class-B');
  await expect(classC.locator('tr[data-relation="IJssel Bank"]')).toBeVisible();

  await page.getByRole('button', { name: 'Override the class of IJssel Bank' }).click();
  const editor = page.getByRole('form', { name: 'Override the class of IJssel Bank' });
  await editor.getByRole('radio', { name: 'B' }).check();
  await editor.getByRole('button', { name: 'Save override' }).click();
  await expect(editor).toContainText('Give a reason for the override.');
  await editor.getByLabel('Reason').fill('New board, big tender coming');
  await editor.getByRole('button', { name: 'Save override' }).click();

  const moved = classB.locator('tr[data-relation="IJssel Bank"]');
  await expect(moved.getByTestId('computed')).toHaveText('C');
  await expect(moved.getByTestId('override')).toContainText('B');
  await expect(moved.getByTestId('override')).toContainText('New board, big tender coming');
  // The seeded override shows the same way.
  const gouda = page.getByTestId('class-A').locator('tr[data-relation="Gouda Kaas"]');
  await expect(gouda.getByTestId('computed')).toHaveText('B');
  await expect(gouda.getByTestId('override')).toContainText('Launch partner');

  await page.getByRole('button', { name: 'Clear the override of IJssel Bank' }).click();
  await expect(classC.locator('tr[data-relation="IJssel Bank"]').getByTestId('override')).toHaveText('—');

  // Incomplete relations are listed with what is missing and a way to score them.
  const incomplete = page.getByTestId('incomplete');
  await expect(incomplete).toContainText('Jade Media');
  await expect(incomplete).toContainText('Missing: Groeipotentie, Sterkte van de relatie');
  await incomplete.getByRole('link', { name: 'Score Jade Media now' }).click();
  await expect(page.getByRole('grid')).toBeFocused();
  await expect(page.getByTestId('level-hint')).toContainText('Jade Media · Groeipotentie');
  await page.keyboard.press('2');
  await page.keyboard.press('End');
  await page.keyboard.press('2');
  await expect(row(page, 'Jade Media').locator('.cell-class')).not.toHaveText('Incomplete');
});

test('Pareto figures and team fit, in English and Dutch', async ({ browser, haard }) => {
  await seedWorkspace(haard, seedDemo);
  const en = await open(browser, haard, '/abc/classes');
  await expect(en.getByTestId('pareto-top20')).toHaveText('The top 20% of relations bring 70% of revenue.');
  await expect(en.getByTestId('pareto-for80')).toHaveText('80% of revenue comes from 30% of relations.');
  const chart = en.getByRole('img', { name: /Pareto chart/ });
  await expect(chart).toHaveAttribute(
    'aria-label',
    /top 20% bring 70% of revenue; 80% of revenue comes from 30%/,
  );
  await expect(chart.locator('.bars rect')).toHaveCount(10);
  // Each bar names its relation (hover, assistive technology); the total says which relations it counts.
  await expect(chart.locator('.bars rect title').first()).toHaveText(/^Acme BV · €/);
  await expect(en.getByTestId('pareto')).toContainText('the classified kinds (Client) with a revenue');
  await expect(chart.locator('.axis.left')).toContainText('€500k');
  // The same findings, in the same words and linked to the relation, as on the team screen.
  await expect(en.getByTestId('teamfit')).toContainText('Acme BV — class A — owned by Bram Jansen, a junior');
  await expect(en.getByTestId('teamfit')).toContainText('Citadel Advocaten — class B — no owner');
  await expect(en.getByTestId('teamfit').getByRole('link', { name: 'Citadel Advocaten' })).toBeVisible();
  await expect(en.getByTestId('teamfit')).toContainText('Workload per professional');

  const nl = await open(browser, haard, '/abc/classes', { lang: 'nl' });
  await expect(nl.getByTestId('pareto-top20')).toHaveText(
    'De beste 20% van de relaties brengt 70% van de omzet.',
  );
  await expect(nl.getByTestId('pareto-for80')).toHaveText('80% van de omzet komt van 30% van de relaties.');
  await expect(nl.getByRole('img', { name: /Paretodiagram/ }).locator('.axis.left')).toContainText('€ 500K');
  await expect(nl.getByTestId('teamfit')).toContainText('Citadel Advocaten — klasse B — geen relatiemanager');
  await expect(nl.getByTestId('teamfit')).toContainText('Werklast per professional');
  await expect(nl.getByRole('button', { name: /handmatig aanpassen/ }).first()).toBeVisible();

  // Numbers in fields follow the UI language: a weight typed as 1,5 is shown back as 1,5 (not 1.5).
  const criteria = await open(browser, haard, '/abc/criteria', { lang: 'nl' });
  const weight = criteria.getByTestId('criterion').first().getByLabel('Weging');
  await weight.fill('1,5');
  await weight.press('Tab');
  await expect(weight).toHaveValue('1,5');
  await criteria.reload();
  await expect(criteria.getByTestId('criterion').first().getByLabel('Weging')).toHaveValue('1,5');
});

test('settings: shares are validated, and switching to thresholds mode reclassifies', async ({
  browser,
  haard,
}) => {
  await seedWorkspace(haard, seedDemo);
  const page = await open(browser, haard, '/abc/settings');
  const settings = page.getByTestId('abc-settings');
  await expect(page.getByTestId('abc-summary')).toHaveText('3 A · 4 B · 2 C1 incomplete');

  await settings.getByLabel('Share of A relations').fill('90');
  await settings.getByLabel('Share of A relations').press('Tab');
  await expect(settings).toContainText('A and C together may be at most 100%.');
  await settings.getByLabel('Share of A relations').fill('20');
  await settings.getByLabel('Share of A relations').press('Tab');
  await expect(settings).not.toContainText('A and C together may be at most 100%.');

  await settings.getByRole('radio', { name: /By thresholds/ }).check();
  await settings.getByLabel('A from total').fill('3');
  await settings.getByLabel('A from total').press('Tab');
  await settings.getByLabel('C below total').fill('3.5');
  await settings.getByLabel('C below total').press('Tab');
  await expect(settings).toContainText('“C below” may not be higher than “A from”.');
  await settings.getByLabel('C below total').fill('2');
  await settings.getByLabel('C below total').press('Tab');
  await expect(page.getByTestId('abc-summary')).toHaveText('4 A · 3 B · 2 C1 incomplete');

  // At least one kind.
  await settings.getByRole('checkbox', { name: 'Client' }).uncheck();
  await expect(settings).toContainText('Choose at least one kind of relation.');

  const saved = await readWorkspace(haard);
  expect(saved.settings.classification).toMatchObject({
    mode: 'thresholds',
    tA: 3,
    tC: 2,
    kinds: ['client'],
  });
});

test('a viewer sees scores and classes but cannot change them', async ({ browser, haard }) => {
  await seedWorkspace(haard, seedDemo);
  const viewer = await open(browser, haard, '/abc/scoring', { role: 'viewer' });
  await expect(viewer.getByText('Read-only: scores are shown, but you cannot change them.')).toBeVisible();
  await viewer.getByRole('grid').focus();
  await viewer.keyboard.press('1');
  await expect(viewer.locator('.scoring-hint.refused')).toBeVisible();
  await expect(scores(viewer, 'Acme BV')).toHaveText(['4', '4', '4', '4']);
  await expect(viewer.getByLabel('After a score, go')).toHaveCount(0);

  await viewer.locator('.abc-tabs').getByRole('link', { name: 'Classes' }).click();
  await expect(viewer.getByTestId('class-A')).toContainText('Acme BV');
  await expect(viewer.getByRole('button', { name: /Override/ })).toHaveCount(0);
  await viewer.locator('.abc-tabs').getByRole('link', { name: 'Criteria' }).click();
  await expect(viewer.getByTestId('criterion')).toHaveCount(4);
  await expect(viewer.getByRole('button', { name: 'Add criterion' })).toHaveCount(0);
  await expect(viewer.getByRole('button', { name: /Delete/ })).toHaveCount(0);
});

test('an undo toast only ever undoes its own step: a later edit closes it', async ({ browser, haard }) => {
  const page = await open(browser, haard, '/abc/criteria');
  const names = page.getByTestId('criterion').getByLabel('Name');
  await expect(names).toHaveCount(4);
  await page.getByRole('button', { name: 'Delete “Sterkte van de relatie”' }).click();
  const toast = page.locator('.toast');
  await expect(toast).toContainText('Criterion “Sterkte van de relatie” deleted');

  // Another edit after the delete: the toast's Undo would now revert that edit instead, so it goes.
  await names.first().fill('Omzet (12 maanden)');
  await names.first().press('Tab');
  await expect(toast).toHaveCount(0);
  await expect(names).toHaveCount(3);
  await expect(names.first()).toHaveValue('Omzet (12 maanden)');
});
