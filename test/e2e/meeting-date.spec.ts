/**
 * A meeting board's date (DOMAIN.md §7) through `haard serve`: a date no meeting can have (year 0002, as a date
 * field produces while the year is typed; an emptied field) is refused beside the field, naming it, and nothing
 * is written; a past date is taken — a firm records a meeting after it was held — with a remark, and the board
 * moves to the past meetings. In English and in Dutch.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './helpers/fixtures.ts';
import { day, newBoard, person, seedTwoPlans } from './helpers/meeting.ts';
import { readMeeting } from './helpers/seed.ts';

test('an impossible meeting date is refused at its field; a past one is taken with a remark', async ({
  browser,
  haard,
}) => {
  await seedTwoPlans(haard);
  const anna = await person(browser, haard.inviteUrl);
  const url = await newBoard(anna, ['Acme Bouwgroep 2026–2027']);
  const boardId = url.split('/').pop()!.split('#')[0]!;
  const title = anna.locator('#mt-board-title');
  const titleBefore = await title.innerText();
  const date = anna.getByLabel('Date', { exact: true });

  await date.fill('0002-11-30');
  await date.press('Enter');
  const error = anna.locator('.mt-date').getByRole('alert');
  await expect(error).toContainText('Date must be a day from 2000 to 2099; 30 November 0002 is not');
  await expect(error).toContainText('The date stays');
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  const violations = (await new AxeBuilder({ page: anna }).include('.mt-details').analyze()).violations;
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  await date.blur();
  await expect(date).toHaveValue('0002-11-30'); // what was typed stays, with the reason beside it
  await expect(title).toHaveText(titleBefore);
  expect((await readMeeting(haard, boardId)).date).toBe(day(0));
  await date.press('Escape'); // puts the board's date back
  await expect(date).toHaveValue(day(0).split('-').reverse().join('/'));

  await date.fill('');
  await date.press('Enter');
  await expect(error).toContainText('Date');
  expect((await readMeeting(haard, boardId)).date).toBe(day(0));

  // Held three weeks ago, recorded now: taken, with a remark; the list shows it under Past.
  await date.fill(day(-21));
  await date.press('Enter');
  await expect(error).toHaveCount(0);
  await expect(anna.getByTestId('date-notes')).toContainText('This date is in the past');
  await expect.poll(async () => (await readMeeting(haard, boardId)).date).toBe(day(-21));

  await anna.getByRole('combobox', { name: 'Language' }).selectOption('Nederlands');
  await expect(anna.getByTestId('date-notes')).toContainText('Deze datum ligt in het verleden');
  await anna.getByLabel('Datum', { exact: true }).fill('2100-01-01');
  await anna.getByLabel('Datum', { exact: true }).press('Enter');
  await expect(anna.locator('.mt-date').getByRole('alert')).toContainText(
    'Datum moet een dag van 2000 tot en met 2099 zijn; 1 januari 2100 is dat niet',
  );
  await anna.getByRole('combobox', { name: 'Taal' }).selectOption('English');

  await anna.getByRole('link', { name: 'Meetings', exact: true }).click();
  await expect(anna.getByTestId('meetings-past').getByRole('listitem')).toHaveCount(1);
});

test('a typed date is saved once, when the field is left; an impossible day is said as such, the typing kept, the date stays', async ({
  browser,
  haard,
}) => {
  test.setTimeout(60_000);
  await seedTwoPlans(haard);
  const anna = await person(browser, haard.inviteUrl);
  const url = await newBoard(anna, ['Acme Bouwgroep 2026–2027']);
  const boardId = url.split('/').pop()!.split('#')[0]!;
  const before = (await readMeeting(haard, boardId)).date;
  const bram = await person(browser, `${url.split('#')[0]}#invite=${haard.token('editor')}`);
  const bramTitle = bram.locator('#mt-board-title');
  const titleBefore = await bramTitle.innerText();
  // Bram counts every title he is shown while Anna types.
  await bram.evaluate(() => {
    const el = document.getElementById('mt-board-title')!;
    (window as unknown as { titles: string[] }).titles = [];
    new MutationObserver(() =>
      (window as unknown as { titles: string[] }).titles.push(el.textContent ?? ''),
    ).observe(el, { subtree: true, characterData: true, childList: true });
  });

  // Typed day first, as QA did: "01/02/2026" is a whole date on the way to 31 February; nothing is saved while
  // typing, and 31 February is said as such — the typing kept, the board's date unchanged.
  const date = anna.getByLabel('Date', { exact: true });
  const shownBefore = before.split('-').reverse().join('/');
  await expect(date).toHaveValue(shownBefore);
  await date.selectText();
  await anna.keyboard.type('01/02/2026', { delay: 50 });
  await anna.waitForTimeout(300); // what a save on the way would have written has time to reach the relay
  expect((await readMeeting(haard, boardId)).date).toBe(before);
  await date.selectText();
  await anna.keyboard.type('31/02/2026', { delay: 50 });
  await date.blur();
  const error = anna.locator('.mt-date').getByRole('alert');
  await expect(error).toHaveText(`31 February does not exist. The saved date stays ${shownBefore}.`);
  await expect(date).toHaveValue('31/02/2026');
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  expect((await readMeeting(haard, boardId)).date).toBe(before);
  await expect(bramTitle).toHaveText(titleBefore);
  expect(await bram.evaluate(() => (window as unknown as { titles: string[] }).titles)).toEqual([]);

  // A whole, real date typed and confirmed with Enter is saved once; Bram sees the title change once.
  await date.selectText();
  await anna.keyboard.type('24-12-2026', { delay: 50 });
  await anna.keyboard.press('Enter');
  await expect(error).toHaveCount(0);
  await expect.poll(async () => (await readMeeting(haard, boardId)).date).toBe('2026-12-24');
  await expect(bramTitle).toContainText('24 dec 2026'); // the default title, in the (Dutch) workspace's language
  const seen = await bram.evaluate(() => (window as unknown as { titles: string[] }).titles);
  expect(new Set(seen.filter((s) => s.trim() !== '')).size).toBe(1);

  // In Dutch.
  await anna.getByRole('combobox', { name: 'Language' }).selectOption('Nederlands');
  await anna.getByLabel('Datum', { exact: true }).selectText();
  await anna.keyboard.type('31-02-2026', { delay: 50 });
  await anna.getByLabel('Datum', { exact: true }).blur();
  await expect(anna.locator('.mt-date').getByRole('alert')).toHaveText(
    '31 februari bestaat niet. De opgeslagen datum blijft 24-12-2026.',
  );
});
