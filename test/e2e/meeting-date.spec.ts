/**
 * A meeting board's date (DOMAIN.md §7) through `haard serve`: a date no meeting can have (year 0002, as a date
 * field produces while the year is typed; an emptied field) is refused beside the field, naming it, and nothing
 * is written; a past date is taken — a firm records a meeting after it was held — with a remark, and the board
 * moves to the past meetings. In English and in Dutch.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { closeContexts, startHaard, type Haard } from './helpers/haard.ts';
import { day, newBoard, person, seedTwoPlans } from './helpers/meeting.ts';
import { readMeeting } from './helpers/seed.ts';

let haard: Haard;
test.beforeEach(async () => {
  haard = await startHaard();
});
test.afterEach(async ({ browser }) => {
  await closeContexts(browser);
  await haard.dispose();
});

test('an impossible meeting date is refused at its field; a past one is taken with a remark', async ({
  browser,
}) => {
  await seedTwoPlans(haard);
  const anna = await person(browser, haard.inviteUrl);
  const url = await newBoard(anna, ['Acme Bouwgroep 2026–2027']);
  const boardId = url.split('/').pop()!.split('#')[0]!;
  const title = anna.locator('#mt-board-title');
  const titleBefore = await title.innerText();
  const date = anna.getByLabel('Date', { exact: true });

  await date.fill('0002-11-30');
  const error = anna.locator('.mt-date').getByRole('alert');
  await expect(error).toContainText('Date must be a day from 2000 to 2099; 0002-11-30 is not');
  await expect(error).toContainText('The date stays');
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  const violations = (await new AxeBuilder({ page: anna }).include('.mt-details').analyze()).violations;
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  await date.blur();
  await expect(date).toHaveValue(day(0)); // the board's date again
  await expect(title).toHaveText(titleBefore);
  expect((await readMeeting(haard, boardId)).date).toBe(day(0));

  await date.fill('');
  await expect(error).toContainText('Date');
  expect((await readMeeting(haard, boardId)).date).toBe(day(0));

  // Held three weeks ago, recorded now: taken, with a remark; the list shows it under Past.
  await date.fill(day(-21));
  await expect(error).toHaveCount(0);
  await expect(anna.getByTestId('date-notes')).toContainText('This date is in the past');
  await expect.poll(async () => (await readMeeting(haard, boardId)).date).toBe(day(-21));

  await anna.getByRole('combobox', { name: 'Language' }).selectOption('Nederlands');
  await expect(anna.getByTestId('date-notes')).toContainText('Deze datum ligt in het verleden');
  await anna.getByLabel('Datum', { exact: true }).fill('2100-01-01');
  await expect(anna.locator('.mt-date').getByRole('alert')).toContainText(
    'Datum moet een dag van 2000 tot en met 2099 zijn',
  );
  await anna.getByRole('combobox', { name: 'Taal' }).selectOption('English');

  await anna.getByRole('link', { name: 'Meetings', exact: true }).click();
  await expect(anna.getByTestId('meetings-past').getByRole('listitem')).toHaveCount(1);
});
