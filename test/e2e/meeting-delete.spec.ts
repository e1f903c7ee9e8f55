/**
 * Deleting a meeting board and bringing it back, as account plans are (ui/Deletion.tsx), in two browser contexts
 * through `haard serve`: "Delete meeting" asks first; the board leaves the colleague's meeting list at once and a
 * new board no longer follows it; "Deleted meetings (1)" lists it, it opens with its content and a banner, takes
 * no edit, and "Restore meeting" brings it back for everyone. Dutch labels too.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './helpers/fixtures.ts';
import { newBoard, person, seedTwoPlans } from './helpers/meeting.ts';

test('a meeting is deleted and restored as a plan is; it leaves every list of meetings meanwhile', async ({
  browser,
  haard,
}) => {
  test.setTimeout(120_000);
  await seedTwoPlans(haard);
  const anna = await person(browser, haard.inviteUrl);
  const board = await newBoard(anna, ['Acme Bouwgroep 2026–2027']);
  const bram = await person(browser, `${haard.base}/meetings#invite=${haard.token('editor')}`);
  const upcoming = bram.getByTestId('meetings-upcoming').getByRole('listitem');
  await expect(upcoming).toHaveCount(1);
  await expect(bram.getByLabel(/Deleted meetings/)).toHaveCount(0); // nothing deleted: no filter

  // It asks first; Cancel keeps it.
  await anna.getByRole('button', { name: 'Delete meeting' }).click();
  const ask = anna.getByRole('group', { name: 'Delete meeting' });
  await expect(ask).toContainText('It leaves the meeting list for everyone');
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(anna.getByTestId('meeting-deleted')).toHaveCount(0);
  await anna.getByRole('button', { name: 'Delete meeting' }).click();
  await anna
    .getByRole('group', { name: 'Delete meeting' })
    .getByRole('button', { name: 'Delete', exact: true })
    .click();
  await expect(anna.getByTestId('meeting-deleted')).toContainText('This meeting was deleted on');
  await expect(anna.getByRole('button', { name: 'Delete meeting' })).toHaveCount(0);

  // Gone from the colleague's list; a new board does not follow it.
  await expect(upcoming).toHaveCount(0);
  await expect(bram.getByTestId('meetings-past')).toHaveCount(0);
  await bram.getByRole('button', { name: 'New meeting' }).click();
  await expect(bram).toHaveURL(/\/meetings\/[^/]+$/);
  await expect(bram.getByText('The first meeting on record')).toBeVisible();
  await bram.getByRole('link', { name: 'Meetings', exact: true }).click();
  await expect(upcoming).toHaveCount(1); // Bram's new one

  // "Deleted meetings (1)" lists it; it opens with its content, the banner and "Restore meeting".
  await bram.getByLabel('Deleted meetings (1)').check();
  const deleted = bram.getByTestId('meetings-deleted').getByRole('listitem');
  await expect(deleted).toHaveCount(1);
  await expect(bram.getByTestId('meetings-upcoming')).toHaveCount(0);
  await deleted.getByRole('link').click();
  await expect(bram).toHaveURL(board.split('#')[0]!);
  await expect(bram.getByTestId('meeting-deleted')).toContainText('This meeting was deleted on');
  await expect(bram.getByTestId('agenda').getByRole('listitem')).toHaveCount(1);
  // As a deleted plan, it takes no edit until it is restored: no agenda, details or start, for anyone.
  await expect(bram.getByTestId('meeting-deleted')).toContainText('nothing in it can be changed');
  for (const page of [anna, bram]) {
    await expect(page.getByRole('button', { name: 'Start meeting' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Add to agenda' })).toHaveCount(0);
  }
  const violations = (await new AxeBuilder({ page: bram }).include('.mt-page').analyze()).violations;
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  await bram.getByRole('button', { name: 'Restore meeting' }).click();
  await expect(bram.getByTestId('meeting-deleted')).toHaveCount(0);
  await expect(anna.getByTestId('meeting-deleted')).toHaveCount(0);
  await expect(anna.getByRole('button', { name: 'Start meeting' })).toBeVisible();

  // Back in the list, for both.
  await bram.getByRole('link', { name: 'Meetings', exact: true }).click();
  await expect(bram.getByLabel(/Deleted meetings/)).toHaveCount(0);
  await expect(upcoming).toHaveCount(2);

  // In Dutch.
  await anna.getByRole('combobox', { name: 'Language' }).selectOption('Nederlands');
  await anna.getByRole('button', { name: 'Overleg verwijderen' }).click();
  await anna
    .getByRole('group', { name: 'Overleg verwijderen' })
    .getByRole('button', { name: 'Verwijderen', exact: true })
    .click();
  await expect(anna.getByTestId('meeting-deleted')).toContainText('Dit overleg is verwijderd op');
  await expect(anna.getByRole('button', { name: 'Overleg terugzetten' })).toBeVisible();
  await anna.getByRole('combobox', { name: 'Taal' }).selectOption('English');
  await expect(bram.getByLabel('Deleted meetings (1)')).toBeVisible();
});

test('deleting a running meeting says it is running and ends it; restored, its facilitator reopens it', async ({
  browser,
  haard,
}) => {
  test.setTimeout(90_000);
  await seedTwoPlans(haard);
  const anna = await person(browser, haard.inviteUrl);
  const board = await newBoard(anna, ['Acme Bouwgroep 2026–2027']);
  const bram = await person(browser, `${board.split('#')[0]}#invite=${haard.token('editor')}`);
  await anna.getByRole('button', { name: 'Start meeting' }).click();
  await expect(bram.getByTestId('meeting-board')).toHaveAttribute('data-status', 'running');
  await expect(bram.locator('.mt-livebar')).toBeVisible();
  // The facilitator's hand-over select reads on the dark bar: its '—' and arrow are not white on white.
  const handTo = anna.getByRole('combobox', { name: 'Hand facilitation to' });
  await expect(handTo).toBeVisible();
  const look = await handTo.evaluate((el) => {
    const style = getComputedStyle(el);
    return { color: style.color, background: style.backgroundColor };
  });
  expect(look.color).not.toBe(look.background);

  await anna.getByRole('button', { name: 'Delete meeting' }).click();
  const ask = anna.getByRole('group', { name: 'Delete meeting' });
  await expect(ask).toContainText('It is running now: it stops for everyone');
  await ask.getByRole('button', { name: 'Delete', exact: true }).click();
  for (const page of [anna, bram]) {
    await expect(page.getByTestId('meeting-deleted')).toBeVisible();
    await expect(page.locator('.mt-status')).toHaveText('Deleted');
    await expect(page.locator('.mt-livebar')).toHaveCount(0); // no "In progress" timer, no "Following …"
  }
  await anna.getByRole('combobox', { name: 'Language' }).selectOption('Nederlands');
  await expect(anna.locator('.mt-status')).toHaveText('Verwijderd');

  // Deleting it ended it: restored, it is an ended meeting, and its facilitator goes on where it stood.
  await bram.getByRole('button', { name: 'Restore meeting' }).click();
  await expect(anna.locator('.mt-status')).toHaveText('Afgesloten');
  await expect(bram.locator('.mt-status')).toHaveText('Ended');
  await anna.getByRole('button', { name: 'Overleg heropenen' }).click();
  await expect(anna.locator('.mt-status')).toHaveText('Bezig');
  await expect(bram.locator('.mt-livebar')).toBeVisible();
  await anna.getByRole('button', { name: 'Overleg verwijderen' }).click();
  await expect(anna.getByRole('group', { name: 'Overleg verwijderen' })).toContainText(
    'Het overleg is nu bezig: het stopt voor iedereen',
  );
});
