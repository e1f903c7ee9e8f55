/**
 * Undo on a deleted meeting board (doc/undo.ts), in two browser contexts through `haard serve`: Anna edits the
 * board's title; Bram deletes the board; Anna's Undo turns disabled (it would take her title back for everyone
 * on a board nobody may change); Bram's Undo takes back his own deletion, which restores the board for both.
 */
import { expect, test } from './helpers/fixtures.ts';
import { newBoard, person, seedTwoPlans } from './helpers/meeting.ts';

test("a deleted board takes no undo; the deleter's undo restores it", async ({ browser, haard }) => {
  test.setTimeout(40_000);
  await seedTwoPlans(haard);
  const anna = await person(browser, haard.inviteUrl);
  const board = await newBoard(anna, ['Acme Bouwgroep 2026–2027']);
  const title = anna.getByLabel('Title', { exact: true }); // the details are open on a new board
  await title.fill('Overleg met Acme');
  await title.press('Tab');
  const annaUndo = anna.getByRole('button', { name: 'Undo', exact: true });
  await expect(annaUndo).toBeEnabled();

  const bram = await person(browser, board.replace(/#.*$/, '') + `#invite=${haard.token('editor')}`);
  await expect(bram.getByRole('heading', { name: 'Overleg met Acme' })).toBeVisible();
  await bram.getByRole('button', { name: 'Delete meeting' }).click();
  await bram
    .getByRole('group', { name: 'Delete meeting' })
    .getByRole('button', { name: 'Delete', exact: true })
    .click();
  await expect(anna.getByTestId('meeting-deleted')).toBeVisible();
  await expect(annaUndo).toBeDisabled();
  await expect(anna.getByRole('button', { name: 'Redo', exact: true })).toBeDisabled();
  await expect(anna.getByRole('heading', { name: 'Overleg met Acme' })).toBeVisible();

  // Bram's undo takes back his deletion: restored for both, Anna's undo is back.
  const bramUndo = bram.getByRole('button', { name: 'Undo', exact: true });
  await expect(bramUndo).toBeEnabled();
  await bramUndo.click();
  await expect(bram.getByTestId('meeting-deleted')).toHaveCount(0);
  await expect(anna.getByTestId('meeting-deleted')).toHaveCount(0);
  await expect(annaUndo).toBeEnabled();
  await expect(anna.getByRole('heading', { name: 'Overleg met Acme' })).toBeVisible();
});
