/**
 * Reopening an ended meeting (DOMAIN.md §7), in two browser contexts through `haard serve`: the facilitator
 * ended it after the last presentation ("All presentations done"); a forgotten commitment must be made without
 * walking back. Reopened, everyone is at the last presentation's closing step with its commitments form at
 * hand; only the facilitator reopens (as only the facilitator ends) — a colleague takes over facilitation first.
 */
import { expect, test } from './helpers/fixtures.ts';
import { day, newBoard, person, seedTwoPlans, stage } from './helpers/meeting.ts';

test('a reopened meeting goes on at the last presentation for everyone; only its facilitator reopens it', async ({
  browser,
  haard,
}) => {
  test.setTimeout(120_000);
  await seedTwoPlans(haard);
  const anna = await person(browser, haard.inviteUrl);
  const board = await newBoard(anna, ['Acme Bouwgroep 2026–2027', 'Gemeente Zwolle 2027']);
  const bram = await person(browser, `${board}#invite=${haard.token('editor')}`);
  await expect(bram.getByTestId('meeting-board')).toBeVisible();

  await anna.getByRole('button', { name: 'Start meeting' }).click();
  // Through both presentations, past the last one: "All presentations done".
  for (let i = 0; i < 14; i++) await anna.keyboard.press('ArrowRight');
  await expect(stage(bram)).toHaveAttribute('data-step', 'none');
  await anna.getByRole('button', { name: 'End meeting' }).click();
  await anna.getByRole('button', { name: 'End for everyone' }).click();
  await expect(bram.getByTestId('meeting-summary')).toBeVisible();

  // Bram did not facilitate: no "Reopen meeting" for him, but who can, and how to take over.
  await expect(bram.getByRole('button', { name: 'Reopen meeting' })).toHaveCount(0);
  await expect(bram.getByTestId('reopen-other')).toContainText('facilitated this meeting can reopen it');

  await anna.getByRole('button', { name: 'Reopen meeting' }).click();
  for (const page of [anna, bram]) {
    await expect(page.getByTestId('meeting-board')).toHaveAttribute('data-status', 'running');
    await expect(stage(page)).toHaveAttribute('data-step', 'closing');
    await expect(page.getByTestId('live-where')).toContainText('Presentation 2 of 2: Gemeente Zwolle 2027');
  }
  // The forgotten commitment, at once (no "← Previous" first).
  await bram.getByRole('textbox', { name: 'What' }).fill('Verslag rondleiding naar de wethouder');
  await bram.getByRole('combobox', { name: 'Who' }).fill('Bram');
  await bram.getByRole('textbox', { name: 'When' }).fill(day(7));
  await bram.getByRole('button', { name: 'Add commitment' }).click();
  await expect(anna.getByTestId('commitments')).toContainText('Verslag rondleiding naar de wethouder');

  // Ended again; Bram takes over facilitation, then he may reopen it (at the same place).
  await anna.getByRole('button', { name: 'End meeting' }).click();
  await anna.getByRole('button', { name: 'End for everyone' }).click();
  await expect(bram.getByTestId('meeting-summary')).toBeVisible();
  await bram.getByRole('button', { name: 'Take over facilitation' }).click();
  await expect(anna.getByRole('button', { name: 'Reopen meeting' })).toHaveCount(0);
  await bram.getByRole('button', { name: 'Reopen meeting' }).click();
  await expect(stage(anna)).toHaveAttribute('data-step', 'closing');
  await expect(bram.getByRole('button', { name: 'End meeting' })).toBeVisible();
});

test('after a takeover the summary names who facilitates now, beside the chair', async ({
  browser,
  haard,
}) => {
  test.setTimeout(90_000);
  await seedTwoPlans(haard);
  const anna = await person(browser, haard.inviteUrl);
  const name = async (page: typeof anna, value: string) => {
    await page.getByRole('textbox', { name: 'Your name' }).fill(value);
    await page.getByRole('textbox', { name: 'Your name' }).blur();
  };
  await name(anna, 'Anna de Wit'); // the chair: the new board's facilitator is the team member of her name
  const board = await newBoard(anna, ['Acme Bouwgroep 2026–2027']);
  const bram = await person(browser, `${board}#invite=${haard.token('editor')}`);
  await name(bram, 'Bram Jansen');
  await anna.getByRole('button', { name: 'Start meeting' }).click();
  await expect(bram.getByTestId('meeting-board')).toHaveAttribute('data-status', 'running');
  await anna.getByRole('button', { name: 'End meeting' }).click();
  await anna.getByRole('button', { name: 'End for everyone' }).click();
  await expect(bram.getByTestId('reopen-other')).toContainText(
    'Anna de Wit facilitated this meeting and can reopen it.',
  );
  await expect(bram.getByTestId('summary-meta')).toContainText('Anna de Wit');

  await bram.getByRole('button', { name: 'Take over facilitation' }).click();
  await expect(anna.getByTestId('reopen-other')).toContainText(
    'Bram Jansen is facilitating now and can reopen it.',
  );
  await expect(anna.getByTestId('summary-meta')).toContainText('Anna de Wit (now Bram Jansen)');
  await anna.getByRole('combobox', { name: 'Language' }).selectOption('Nederlands');
  await expect(anna.getByTestId('reopen-other')).toContainText(
    'Bram Jansen is nu voorzitter en kan het heropenen.',
  );
  await expect(anna.getByTestId('summary-meta')).toContainText('Anna de Wit (nu Bram Jansen)');
});
