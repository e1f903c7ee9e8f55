/**
 * The audience link (issue 8): the facilitator makes a viewer invite to the board from "Meeting details"; a
 * viewer in a browser of their own sees the board read-only, follows the facilitator step by step, and cannot
 * write — neither from the screen (no controls; keys do nothing) nor by a tampered client (the relay drops a
 * viewer's changes, so nothing changes on the facilitator's board). Through `haard serve`.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './helpers/fixtures.ts';
import { meetingIntents } from '../../doc/index.ts';
import { newBoard, person, seedTwoPlans, stage } from './helpers/meeting.ts';
import { viewerPeerWrite } from './helpers/seed.ts';

/** Every control on the board a person could type into or choose with that is not disabled or read-only. */
const editableControls = (page: Page) =>
  page
    .getByTestId('meeting-board')
    .locator('input, select, textarea, [contenteditable="true"]')
    .evaluateAll((els) =>
      els
        .filter((el) => !(el as HTMLInputElement).disabled && !(el as HTMLInputElement).readOnly)
        .map((el) => el.outerHTML.slice(0, 120)),
    );

const WRITE_BUTTONS = [
  'Start meeting',
  'Next',
  'Previous',
  'End meeting',
  'End for everyone',
  'Reopen meeting',
  'Add commitment',
  'Add to agenda',
  'Add card',
  'Audience link',
];

test('a viewer link shows the board read-only, follows the facilitator, and cannot write', async ({
  browser,
  haard,
}) => {
  test.setTimeout(120_000);
  await seedTwoPlans(haard);
  const anna = await person(browser, haard.inviteUrl);
  const board = await newBoard(anna, ['Acme Bouwgroep 2026–2027', 'Gemeente Zwolle 2027']);
  const boardId = new URL(board).pathname.split('/').pop()!;

  const details = anna.locator('details.mt-details');
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open)))
    await details.getByText('Meeting details').click();
  await anna.getByRole('button', { name: 'Audience link' }).click();
  const link = await anna.getByRole('textbox', { name: /Viewers with this link/ }).inputValue();
  expect(link).toMatch(new RegExp(`/meetings/${boardId}#invite=`));

  const viewer = await (await browser.newContext({ locale: 'en-GB' })).newPage();
  await viewer.goto(link);
  await expect(viewer.getByTestId('meeting-board')).toBeVisible();
  await expect(viewer.getByText('You are watching')).toBeVisible();
  await expect(viewer.getByTestId('agenda').getByRole('listitem')).toHaveCount(2);
  for (const name of WRITE_BUTTONS)
    await expect(viewer.getByRole('button', { name, exact: true }), name).toHaveCount(0);
  await expect(viewer.locator('details.mt-details')).toHaveCount(0);
  expect(await editableControls(viewer)).toEqual([]);

  // The facilitator runs the meeting; the viewer's screen follows every step, into the second presentation.
  await anna.getByRole('button', { name: 'Start meeting' }).click();
  await expect(stage(viewer)).toHaveAttribute('data-step', 'opening');
  await expect(viewer.getByTestId('follow-state')).toContainText('Following');
  for (const step of ['situation', 'goals', 'strategy']) {
    await anna.keyboard.press('ArrowRight');
    await expect(stage(anna)).toHaveAttribute('data-step', step);
    await expect(stage(viewer)).toHaveAttribute('data-step', step);
  }
  // Still nothing to write with, now that the meeting runs (commitments, cards).
  for (const name of WRITE_BUTTONS)
    await expect(viewer.getByRole('button', { name, exact: true }), name).toHaveCount(0);
  expect(await editableControls(viewer)).toEqual([]);

  // The viewer's keys move nothing: the facilitator's next step is the one after "strategy".
  await viewer.locator('body').click();
  await viewer.keyboard.press('ArrowRight');
  await viewer.keyboard.press('ArrowRight');
  await anna.getByRole('button', { name: 'Next' }).click();
  await expect(stage(anna)).toHaveAttribute('data-step', 'timeline');
  await expect(stage(viewer)).toHaveAttribute('data-step', 'timeline');

  // A tampered client with the viewer's token writes a card and moves the meeting: the relay drops both.
  const agendaItem = await stage(anna).getAttribute('data-agenda-item');
  await viewerPeerWrite(haard, `${haard.workspaceId}/meeting/${boardId}`, (doc) => {
    const m = meetingIntents(doc, { origin: 'tampered', now: () => new Date().toISOString() });
    const card = m.addCard({
      agendaItemId: agendaItem!,
      authorId: 'x',
      kind: 'question',
      text: 'Ingebroken',
    });
    expect(card.ok).toBe(true); // written locally; only the relay stops it
    expect(m.end().ok).toBe(true);
  });
  // The facilitator goes on: both screens move together, the meeting is not ended, no card arrived.
  await anna.keyboard.press('ArrowRight');
  for (const page of [anna, viewer]) {
    await expect(stage(page)).toHaveAttribute('data-step', 'summary');
    await expect(page.getByTestId('meeting-board')).toHaveAttribute('data-status', 'running');
  }
  await anna.getByRole('textbox', { name: 'Your question or feedback' }).fill('Wie belt de wethouder?');
  await anna.getByRole('button', { name: 'Add card' }).click();
  await expect(viewer.getByTestId('cards')).toContainText('Wie belt de wethouder?');
  for (const page of [anna, viewer])
    await expect(page.getByTestId('cards').getByRole('listitem')).toHaveCount(1);

  // On to the second presentation and the end: the viewer sees the summary too.
  for (let i = 0; i < 2; i++) await anna.keyboard.press('ArrowRight');
  await expect(viewer.getByTestId('live-where')).toContainText('Presentation 2 of 2: Gemeente Zwolle 2027');
  await expect(stage(viewer)).toHaveAttribute('data-step', 'opening');
  await anna.getByRole('button', { name: 'End meeting' }).click();
  await anna.getByRole('button', { name: 'End for everyone' }).click();
  await expect(viewer.getByTestId('meeting-board')).toHaveAttribute('data-status', 'ended');
  await expect(anna.getByRole('button', { name: 'Reopen meeting' })).toBeVisible();
  for (const name of WRITE_BUTTONS)
    await expect(viewer.getByRole('button', { name, exact: true }), name).toHaveCount(0);
});
