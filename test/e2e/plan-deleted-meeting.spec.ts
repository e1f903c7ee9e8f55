/**
 * A commitment made in a meeting for a plan a colleague has just deleted (doc/intents/plan.ts: a deleted plan
 * takes no edit): the board says why it is not in the plan, and once the plan is restored the commitment lands
 * there without anyone reloading. Two people in their own browsers, through `haard serve`.
 */
import { expect, test } from './helpers/fixtures.ts';
import { day, newBoard, person, seedTwoPlans, stage } from './helpers/meeting.ts';
import { readPlan } from './helpers/seed.ts';

const WHAT = 'Rondleiding voor de nieuwe CFO';

test('a commitment for a deleted plan says why it is not in the plan, and lands once the plan is restored', async ({
  browser,
  haard,
}) => {
  test.setTimeout(120_000);
  const { acme } = await seedTwoPlans(haard);
  const anna = await person(browser, haard.inviteUrl);
  await newBoard(anna, ['Acme Bouwgroep 2026–2027']);
  await anna.getByRole('button', { name: 'Start meeting' }).click();
  await expect(stage(anna)).toHaveAttribute('data-step', 'opening');

  // Bram deletes the plan in his own browser while the meeting runs.
  const bram = await person(browser, haard.inviteUrl);
  await bram.goto(`${haard.base}/plans/${acme}`);
  await bram.getByRole('button', { name: 'Delete plan' }).click();
  await bram
    .getByRole('group', { name: 'Delete plan' })
    .getByRole('button', { name: 'Delete', exact: true })
    .click();
  await expect(bram.getByTestId('plan-deleted')).toBeVisible();

  await anna.getByRole('textbox', { name: 'What' }).fill(WHAT);
  await anna.getByRole('combobox', { name: 'Who' }).fill('bram');
  await anna.getByRole('textbox', { name: 'When' }).fill(day(14));
  await anna.getByRole('button', { name: 'Add commitment' }).click();
  const made = anna.getByTestId('commitments').locator('li', { hasText: WHAT });
  await expect(made).toContainText(
    'Not yet in the plan: This plan is deleted, so nothing in it can change until someone restores it',
  );
  await expect(made).toHaveAttribute('data-landed', 'false');
  expect(Object.values((await readPlan(haard, acme)).actions).map((a) => a.what)).not.toContain(WHAT);

  // Bram restores it: the commitment lands, on Anna's open board, without a reload.
  await bram.getByRole('button', { name: 'Restore plan' }).click();
  // (The board tries refused commitments again every 5 s.)
  await expect(made).toHaveAttribute('data-landed', 'true', { timeout: 20_000 });
  await expect(made).toContainText('in the plan');
  await expect
    .poll(
      async () => Object.values((await readPlan(haard, acme)).actions).filter((a) => a.what === WHAT).length,
    )
    .toBe(1);
});

test("the review's actions of a deleted plan say why they cannot be marked, until the plan is restored", async ({
  browser,
  haard,
}) => {
  test.setTimeout(90_000);
  const { acme } = await seedTwoPlans(haard);
  const anna = await person(browser, haard.inviteUrl);
  await newBoard(anna, ['Acme Bouwgroep 2026–2027']);
  const rows = anna.getByTestId('review-item').filter({ hasText: 'Acme Bouwgroep 2026–2027' });
  await expect(rows.first()).toBeVisible();
  const row = rows.first();
  await expect(row.getByRole('button', { name: 'Done', exact: true })).toBeEnabled();

  const bram = await person(browser, haard.inviteUrl);
  await bram.goto(`${haard.base}/plans/${acme}`);
  await bram.getByRole('button', { name: 'Delete plan' }).click();
  await bram
    .getByRole('group', { name: 'Delete plan' })
    .getByRole('button', { name: 'Delete', exact: true })
    .click();

  await expect(row).toContainText('(deleted plan)');
  await expect(row.getByTestId('review-plan-deleted')).toHaveText(
    'Its plan is deleted: restore the plan to mark this action.',
  );
  for (const name of ['Done', 'Not done', 'Moved'])
    await expect(row.getByRole('button', { name, exact: true })).toBeDisabled();
  await anna.getByRole('combobox', { name: 'Language' }).selectOption('Nederlands');
  await expect(row.getByTestId('review-plan-deleted')).toHaveText(
    'Het plan is verwijderd: zet het plan terug om deze actie af te handelen.',
  );
  await expect(anna.getByTestId('review-plan-state').first()).toHaveText('staat nog open in het plan');
  await anna.getByRole('combobox', { name: 'Taal' }).selectOption('English');

  await bram.getByRole('button', { name: 'Restore plan' }).click();
  await expect(row.getByTestId('review-plan-deleted')).toHaveCount(0);
  await expect(row.getByRole('button', { name: 'Done', exact: true })).toBeEnabled();
});
