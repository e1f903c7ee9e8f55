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

test('an impossible or half-typed date says so at its field, in the person’s language, keeps the typing and saves nothing', async ({
  browser,
  haard,
}) => {
  const id = await seedDemoPlan(haard);
  const anna = await openSynced(browser, haard.inviteUrl, { locale: 'nl-NL', width: 1366 });
  const bram = await openSynced(browser, haard.inviteUrl);
  await openPlan(anna, haard, id);
  await openPlan(bram, haard, id);
  const deadline = anna.getByRole('textbox', { name: 'Deadline van doel 1', exact: true });
  const bramDeadline = bram.getByRole('textbox', { name: 'Deadline of goal 1', exact: true });
  const saved = await deadline.inputValue();
  expect(saved).toMatch(/^\d{2}-\d{2}-\d{4}$/); // day first, in Dutch
  await expect(bramDeadline).toHaveValue(saved.replaceAll('-', '/'));

  // 31 February: said at the field, the typing stays, nothing saved — the colleague still sees the deadline.
  await deadline.fill('31-02-2027');
  await deadline.press('Tab');
  await expect(deadline).toHaveValue('31-02-2027');
  await expect(deadline).toHaveAttribute('aria-invalid', 'true');
  const alert = anna.locator('#sec-goals').getByRole('alert');
  await expect(alert).toHaveText(`31 februari bestaat niet. De opgeslagen datum blijft ${saved}.`);
  await expect(anna.getByTestId('findings')).not.toContainText('de deadline ontbreekt');
  await anna.waitForTimeout(300); // a write on the way would have reached the colleague by now
  await expect(bramDeadline).toHaveValue(saved.replaceAll('-', '/'));
  if (process.env.HAARD_SHOTS)
    await anna.locator('#sec-goals').screenshot({ path: `${process.env.HAARD_SHOTS}/date-31feb-nl.png` });
  // Escape puts the saved date back.
  await deadline.focus();
  await deadline.press('Escape');
  await expect(deadline).toHaveValue(saved);
  await expect(alert).toHaveCount(0);

  // An action's date: half typed (no year), then impossible with Enter, then a real one.
  const due = anna.getByRole('textbox', { name: 'Wanneer, actie 1', exact: true });
  const bramDue = bram.getByRole('textbox', { name: 'When, action 1', exact: true });
  const dueBefore = await bramDue.inputValue();
  await due.fill('31-02');
  await due.press('Enter');
  await expect(due).toBeFocused(); // a refused date keeps the person in the field
  await expect(anna.locator('#sec-actions').getByRole('alert')).toContainText(
    'Het jaar ontbreekt: schrijf de datum als dd-mm-jjjj.',
  );
  await due.fill('30-02-2027');
  await due.press('Enter');
  await expect(anna.locator('#sec-actions').getByRole('alert')).toContainText('30 februari bestaat niet.');
  await expect(due).toHaveValue('30-02-2027');
  await expect(bramDue).toHaveValue(dueBefore);
  await due.fill('15-3-2027');
  await due.press('Tab');
  await expect(due).toHaveValue('15-03-2027');
  await expect(bramDue).toHaveValue('15/03/2027');
  await expect(anna.locator('#sec-actions').getByRole('alert')).toHaveCount(0);

  // In English.
  await bramDeadline.fill('31/02/2027');
  await bramDeadline.press('Enter');
  await expect(bram.locator('#sec-goals').getByRole('alert')).toHaveText(
    `31 February does not exist. The saved date stays ${saved.replaceAll('-', '/')}.`,
  );
  await expect(deadline).toHaveValue(saved);
});

test('at 1366 × 768 in Dutch the action plan and the goals read without scrolling sideways; the keyboard reaches them', async ({
  browser,
  haard,
}) => {
  const id = await seedDemoPlan(haard);
  const context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1366, height: 768 } });
  const anna = await context.newPage();
  await anna.goto(haard.inviteUrl);
  await expect(anna.getByRole('status').first()).toContainText('Gesynchroniseerd');
  await openPlan(anna, haard, id);

  // Nothing scrolls sideways, and every field of an action is inside its card, whole.
  const card = await anna.locator('#sec-actions').boundingBox();
  const widths = await anna
    .locator('#sec-actions table')
    .evaluate((t) => [t.getBoundingClientRect().width, t.parentElement!.clientWidth]);
  expect(widths[0]).toBeLessThanOrEqual(widths[1]!);
  for (const column of [
    'Wat',
    'Wie',
    'Wanneer',
    'Waarom (doel)',
    'Prestatie-indicator',
    'Streefwaarde',
    'P',
    'Kosten',
    'Status',
    'Resultaat',
    'Vertrouwenslaag',
  ]) {
    const box = await anna.getByLabel(`${column}, actie 1`, { exact: true }).boundingBox();
    expect(box!.x + box!.width, column).toBeLessThanOrEqual(card!.x + card!.width);
    expect(box!.width, column).toBeGreaterThan(40);
  }
  // Dates whole in their field (not "15-03-202").
  for (const n of [1, 2, 3]) {
    const due = anna.getByLabel(`Wanneer, actie ${n}`, { exact: true });
    expect(await due.evaluate((el: HTMLInputElement) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(
      0,
    );
  }
  // The goals too: "7,4" whole in Beginwaarde, the deadline field and its calendar inside the card.
  const baseline = anna.getByLabel('Beginwaarde van doel 1', { exact: true });
  await expect(baseline).toHaveValue('7,4');
  expect(
    await baseline.evaluate((el: HTMLInputElement) => el.scrollWidth - el.clientWidth),
  ).toBeLessThanOrEqual(0);
  const goals = await anna.locator('#sec-goals').boundingBox();
  const pick = await anna.locator('#sec-goals .date-pick').first().boundingBox();
  expect(pick!.x + pick!.width).toBeLessThanOrEqual(goals!.x + goals!.width);
  await anna
    .locator('#sec-actions')
    .screenshot({ path: `${process.env.HAARD_SHOTS ?? '/tmp'}/actions-1366-nl.png` });

  // Enter on a contents link takes the focus to the section: the next Tab is inside it.
  const toc = anna.getByRole('navigation', { name: 'Onderdelen van het plan' });
  await toc.getByRole('link', { name: '5 · Actieplan' }).focus();
  await anna.keyboard.press('Enter');
  await expect(anna.locator('#sec-actions')).toBeFocused();
  await anna.keyboard.press('Tab');
  expect(await anna.evaluate(() => !!document.activeElement?.closest('#sec-actions'))).toBe(true);

  // A new action: the focus goes to its "what", and "Wie" is one Tab away.
  await anna.getByLabel('Nieuwe actie', { exact: true }).fill('Nieuwjaarsborrel met het MT');
  await anna.keyboard.press('Enter');
  const what = anna.getByLabel(`Wat, actie ${DEMO.actions.length + 1}`, { exact: true });
  await expect(what).toBeFocused();
  await expect(what).toHaveValue('Nieuwjaarsborrel met het MT');
  await anna.keyboard.press('Tab');
  await expect(anna.getByLabel(`Wie, actie ${DEMO.actions.length + 1}`, { exact: true })).toBeFocused();
});
