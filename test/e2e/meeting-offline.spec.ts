/**
 * A participant loses the network during the meeting (DOMAIN.md §7, issue 8): the question card and the
 * commitment made offline are kept on the device and, after reconnecting, are on the facilitator's board
 * exactly once, and the commitment's action is in the plan exactly once — also after the participant's next
 * load, which completes any half-made commitment again. Offline, the live bar says so (not "Following"); back
 * online the participant is where the facilitator went meanwhile. Through `haard serve`, separate contexts.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './helpers/fixtures.ts';
import { day, newBoard, person, seedTwoPlans, stage } from './helpers/meeting.ts';
import { readPlan } from './helpers/seed.ts';

const CARD = 'Wat is het budget voor 2027?';
const WHAT = 'Voorstel duurzaamheidsscan naar Acme';

/** How many rows of the plan page's action table hold an input with `what`. */
const rowsWith = (page: Page, what: string) =>
  page
    .getByTestId('actions')
    .locator('tbody tr')
    .evaluateAll(
      (rows, text) =>
        rows.filter((r) => [...r.querySelectorAll('input')].some((i) => i.value === text)).length,
      what,
    );

test('a card and a commitment made offline arrive exactly once, and the action is in the plan once', async ({
  browser,
  haard,
}) => {
  test.setTimeout(120_000);
  const { acme } = await seedTwoPlans(haard);
  const anna = await person(browser, haard.inviteUrl);
  const board = await newBoard(anna, ['Acme Bouwgroep 2026–2027']);
  const bram = await person(browser, `${board}#invite=${haard.token('editor')}`);
  await anna.getByRole('button', { name: 'Start meeting' }).click();
  await expect(stage(bram)).toHaveAttribute('data-step', 'opening');
  await expect(bram.getByRole('button', { name: 'Add commitment' })).toBeVisible();

  await bram.context().setOffline(true);
  await expect(bram.getByRole('status').first()).toContainText('Offline');
  // The live bar (always in view) says following waits for the connection — not "Following Anna".
  await expect(bram.getByTestId('follow-state')).toHaveAttribute('data-offline', 'true');
  await expect(bram.getByTestId('follow-state')).toContainText('Offline: you follow');
  // Meanwhile the facilitator moves on.
  await anna.getByRole('button', { name: 'Next' }).click();
  await expect(stage(anna)).toHaveAttribute('data-step', 'situation');
  await bram.getByRole('textbox', { name: 'Your question or feedback' }).fill(CARD);
  await bram.getByRole('button', { name: 'Add card' }).click();
  await bram.getByRole('textbox', { name: 'What' }).fill(WHAT);
  await bram.getByRole('combobox', { name: 'Who' }).fill('anna');
  await bram.getByRole('textbox', { name: 'When' }).fill(day(10));
  await bram.getByRole('button', { name: 'Add commitment' }).click();
  // On Bram's screen at once (the plan is on his device: it lands there too); not yet on Anna's.
  await expect(bram.getByTestId('cards')).toContainText(CARD);
  await expect(bram.getByTestId('commitments').locator('li', { hasText: WHAT })).toContainText('in the plan');
  await expect(bram.getByRole('status').first()).toContainText('Offline');
  await expect(anna.getByTestId('cards')).toHaveCount(0);
  await expect(anna.getByTestId('commitments')).toHaveCount(0);

  await bram.context().setOffline(false);
  await expect(bram.getByRole('status').first()).toContainText('Synced', { timeout: 45_000 });
  // Back online, Bram follows again and is where the facilitator is.
  await expect(bram.getByTestId('follow-state')).toContainText('Following');
  await expect(bram.getByTestId('follow-state')).not.toHaveAttribute('data-offline', 'true');
  await expect(stage(bram)).toHaveAttribute('data-step', 'situation');
  await expect(anna.getByTestId('cards').getByText(CARD)).toHaveCount(1);
  await expect(anna.getByTestId('commitments').locator('li', { hasText: WHAT })).toHaveCount(1);
  await expect(anna.getByTestId('commitments').locator('li', { hasText: WHAT })).toContainText('in the plan');

  // Bram's next load runs the completion of half-made commitments again: still one of each.
  await bram.reload();
  await expect(stage(bram)).toHaveAttribute('data-step', 'situation');
  await expect(bram.getByTestId('cards').getByText(CARD)).toHaveCount(1);
  await expect(bram.getByTestId('commitments').locator('li', { hasText: WHAT })).toHaveCount(1);

  // The plan, in Anna's context and as the relay holds it: the action once, with Anna as its owner.
  const planPage = await anna.context().newPage();
  await planPage.goto(`${haard.base}/plans/${acme}`);
  await expect.poll(() => rowsWith(planPage, WHAT)).toBe(1);
  const plan = await readPlan(haard, acme);
  const made = Object.values(plan.actions).filter((a) => a.what === WHAT);
  expect(made).toHaveLength(1);
  expect(made[0]).toMatchObject({ due: day(10), ownerId: 'p-anna', status: 'planned' });
  await expect(anna.getByTestId('cards').getByText(CARD)).toHaveCount(1);
});
