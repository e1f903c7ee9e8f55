/**
 * The account plan's fields as a team writing live meets them (QA session 7), in separate browser contexts
 * through the real relay: removing a goal that actions serve asks first, saying how many lose their goal;
 * after undo, redo or a restored version the actions' "Why (goal)" shows the goal again without a reload.
 */
import type { Page } from '@playwright/test';
import { expect, test, type Haard } from './helpers/fixtures.ts';
import { openSynced } from './helpers/browser.ts';
import { DEMO, seedDemoPlan } from './helpers/demoPlan.ts';

const shot = async (page: Page, name: string) => {
  if (process.env.HAARD_SHOTS) await page.screenshot({ path: `${process.env.HAARD_SHOTS}/${name}.png` });
};

async function openPlan(page: Page, haard: Haard, id: string) {
  await page.goto(`${haard.base}/plans/${id}`);
  await expect(page.locator('.cm-content').first()).toBeVisible();
}

/** What the "Why (goal)" select of action `n` shows: the text of its chosen option. */
const why = (page: Page, label: string) =>
  page
    .getByLabel(label, { exact: true })
    .evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.text ?? '');

test('removing a goal that actions serve asks first; undo, redo and a restored version show the goal in the actions’ Why at once', async ({
  browser,
  haard,
}) => {
  const id = await seedDemoPlan(haard);
  const anna = await openSynced(browser, haard.inviteUrl);
  const bram = await openSynced(browser, haard.inviteUrl, { locale: 'nl-NL' });
  await openPlan(anna, haard, id);
  await openPlan(bram, haard, id);
  const goal = DEMO.goals[0]!.title; // served by actions 1, 3 and 6
  await expect.poll(() => why(anna, 'Why (goal), action 1')).toBe(goal);
  await expect.poll(() => why(bram, 'Waarom (doel), actie 1')).toBe(goal);

  // Wording: one name for the category, "Baseline" / "Beginwaarde" as the column.
  await expect(anna.locator('.goals-table th').nth(3)).toHaveText('Baseline');
  await expect(bram.locator('.goals-table th').nth(3)).toHaveText('Beginwaarde');
  await expect(anna.getByLabel('Category of goal 2')).toHaveValue('crossSell');
  expect(
    await anna
      .getByLabel('Category of goal 2')
      .evaluate((el: HTMLSelectElement) => el.selectedOptions[0]!.text),
  ).toBe('Cross-selling');

  // One click asks; "No" keeps the goal and puts the focus back on the button, which keeps its name.
  const remove = anna.getByRole('button', { name: `Remove goal ${goal}` });
  await remove.click();
  const question = anna.getByRole('group', { name: /^Remove goal “Tevredenheid naar een 9”\?/ });
  await expect(question).toContainText(`Remove goal “${goal}”? 3 actions serve it and will have no goal.`);
  await expect(question.getByRole('button', { name: 'Yes, remove' })).toBeFocused();
  await shot(anna, 'goal-remove-ask');
  await question.getByRole('button', { name: 'No, keep it' }).click();
  await expect(remove).toBeFocused();
  await expect(anna.getByLabel('Goal 1', { exact: true })).toHaveValue(goal);

  // Save a version with the goal, then remove it for real.
  const history = anna.locator('#sec-history');
  await history.getByLabel('Name of the new version').fill('With the goal');
  await history.getByRole('button', { name: 'Save version' }).click();
  await expect(history.getByRole('status')).toContainText('saved');
  await remove.click();
  await anna.getByRole('button', { name: 'Yes, remove' }).click();
  await expect(anna.getByLabel('Goal 1', { exact: true })).toHaveValue(DEMO.goals[1]!.title);
  await expect.poll(() => why(anna, 'Why (goal), action 1')).toBe('—');
  await expect.poll(() => why(bram, 'Waarom (doel), actie 1')).toBe('—');

  // Undo brings the goal back — and the select shows it, for both, without a reload.
  await anna.getByRole('button', { name: 'Undo' }).click();
  await expect(anna.getByLabel('Goal 1', { exact: true })).toHaveValue(goal);
  for (const [page, label] of [
    [anna, 'Why (goal), action 1'],
    [anna, 'Why (goal), action 3'],
    [bram, 'Waarom (doel), actie 1'],
    [bram, 'Waarom (doel), actie 6'],
  ] as const)
    await expect.poll(() => why(page, label)).toBe(goal);
  await anna.getByRole('button', { name: 'Redo' }).click();
  await expect.poll(() => why(bram, 'Waarom (doel), actie 1')).toBe('—');

  // Restoring the version brings it back as well.
  await history
    .getByRole('row', { name: /With the goal/ })
    .getByRole('button', { name: 'Open version With the goal' })
    .click();
  await history.getByRole('button', { name: 'Restore this version' }).click();
  await history.getByRole('button', { name: 'Yes, restore' }).click();
  await expect(anna.getByLabel('Goal 1', { exact: true })).toHaveValue(goal);
  await expect.poll(() => why(anna, 'Why (goal), action 1')).toBe(goal);
  await expect.poll(() => why(bram, 'Waarom (doel), actie 1')).toBe(goal);
  await shot(bram, 'why-after-restore-bram');

  // A goal no action serves goes at once.
  await anna.getByRole('button', { name: 'Add goal' }).click();
  await anna.getByLabel('Goal 3', { exact: true }).fill('Nobody serves this');
  await anna.getByRole('button', { name: 'Remove goal Nobody serves this' }).click();
  await expect(anna.getByLabel('Goal 3', { exact: true })).toHaveCount(0);
  await expect(anna.getByRole('button', { name: 'Yes, remove' })).toHaveCount(0);
});
