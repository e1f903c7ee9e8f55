/**
 * The relationship-management meeting (DOMAIN.md §7) through `haard serve`, a facilitator and two participants
 * in three separate browser contexts: everyone follows every ruitmodel step of two presentations; the timer
 * shows the same minute on every screen even when one clock is minutes off; a participant looks around and
 * follows again; a commitment (with its KPI) lands in the plan's action table elsewhere, with no KPI finding; a review item marked "moved" moves
 * the action's due date in the plan; the summary lists the commitment. Also: offline cards and commitments
 * arrive exactly once; an audience (viewer) link follows read-only.
 */
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './helpers/fixtures.ts';
import { DEMO } from './helpers/demoPlan.ts';
import {
  day,
  newBoard,
  person,
  planAction,
  planActionKpi,
  seedTwoPlans,
  stage,
  STEPS,
} from './helpers/meeting.ts';
import { readPlan } from './helpers/seed.ts';

/** Day `offset` from today as the English UI writes it ("14 Dec 2026"). */
const dayText = (offset: number) =>
  new Date(`${day(offset)}T12:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
/** A new board's default title for day `offset`: in the workspace's language (these workspaces are Dutch). */
const defaultTitle = (offset: number) =>
  `Relatiemanagementoverleg ${new Date(`${day(offset)}T12:00:00Z`).toLocaleDateString('nl-NL', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  })}`;
const minutesOf = async (page: Page) => (await page.getByTestId('timer').innerText()).split(':')[0];

test('a facilitator runs the meeting; two participants follow, commit, and the plans change', async ({
  browser,
  haard,
}) => {
  test.setTimeout(240_000); // three browsers through two whole presentations
  const { acme } = await seedTwoPlans(haard);
  const anna = await person(browser, haard.inviteUrl);
  const board = await newBoard(anna, ['Acme Bouwgroep 2026–2027', 'Gemeente Zwolle 2027']);
  await expect(anna.getByTestId('agenda-time')).toHaveText('20 of 90 minutes planned');
  // The review collected what came due (no earlier board: everything due so far), presenter by presenter.
  await expect(anna.getByTestId('review-item').filter({ hasText: 'Kwartaalgesprek met CFO' })).toHaveCount(1);
  await expect(anna.getByTestId('review-item').filter({ hasText: 'Rondleiding nieuwbouw' })).toHaveCount(1);

  const bram = await person(browser, `${board}#invite=${haard.token('editor')}`);
  const carla = await person(browser, `${board}#invite=${haard.token('editor')}`, 4 * 60_000); // 4 min fast
  await expect(bram.getByTestId('meeting-board')).toBeVisible();
  await expect(carla.getByTestId('meeting-board')).toBeVisible();

  await anna.getByRole('button', { name: 'Start meeting' }).click();
  for (const page of [anna, bram, carla]) {
    await expect(stage(page)).toHaveAttribute('data-step', 'opening');
    await expect(page.getByTestId('present-keypoints').getByRole('listitem')).toHaveText(DEMO.keyPoints);
  }
  await expect(bram.getByTestId('follow-state')).toContainText('Following');

  // Every step of both presentations, on every screen.
  for (let presentation = 0; presentation < 2; presentation++) {
    for (let i = 1; i < STEPS.length; i++) {
      if (i % 2) await anna.getByRole('button', { name: 'Next' }).click();
      else await anna.keyboard.press('ArrowRight');
      for (const page of [anna, bram, carla])
        await expect(stage(page)).toHaveAttribute('data-step', STEPS[i]!);
    }
    if (presentation === 0) {
      await anna.keyboard.press('ArrowRight'); // on to the second presentation's opening
      for (const page of [anna, bram, carla]) {
        await expect(stage(page)).toHaveAttribute('data-step', 'opening');
        await expect(page.getByTestId('live-where')).toContainText(
          'Presentation 2 of 2: Gemeente Zwolle 2027',
        );
      }
      await anna.keyboard.press('ArrowLeft');
      await anna.keyboard.press('ArrowRight');
    }
  }
  // The same minute on all three screens, Carla's clock four minutes fast notwithstanding.
  const minutes = await Promise.all([anna, bram, carla].map(minutesOf));
  expect(new Set(minutes).size, `timers: ${minutes.join(', ')}`).toBe(1);
  expect(Number(minutes[0])).toBeLessThan(2);

  // Bram looks around on his own: he stops following; one click follows again.
  await anna.getByRole('button', { name: 'Previous' }).click(); // Zwolle, summary
  await expect(bram.getByTestId('meeting-stage')).toHaveAttribute('data-step', 'summary');
  await bram
    .getByRole('navigation', { name: 'Ruitmodel steps' })
    .getByRole('button', { name: 'Goals' })
    .click();
  await expect(bram.getByTestId('follow-state')).toContainText('Not following');
  await anna.getByRole('button', { name: 'Previous' }).click(); // timeline
  await expect(stage(carla)).toHaveAttribute('data-step', 'timeline');
  await expect(stage(bram)).toHaveAttribute('data-step', 'goals');
  await bram.getByRole('button', { name: 'Follow' }).click();
  await expect(stage(bram)).toHaveAttribute('data-step', 'timeline');
  await expect(bram.getByTestId('follow-state')).toContainText('Following');

  // Back to Acme: Carla makes a commitment; it lands in the plan, seen from Bram's context.
  for (let i = 0; i < 11; i++) await anna.keyboard.press('ArrowLeft');
  await expect(stage(carla)).toHaveAttribute('data-agenda-item', /.+/);
  await expect(carla.getByTestId('live-where')).toContainText('Presentation 1 of 2');
  await carla.getByRole('textbox', { name: 'What' }).fill('Offerte energieadvies naar de CFO');
  // Nobody named, then a date before the meeting: each refused with its reason, nothing added.
  await carla.getByRole('textbox', { name: 'When' }).fill(day(-30));
  await carla.getByRole('button', { name: 'Add commitment' }).click();
  await expect(carla.locator('.mt-commit-form').getByRole('alert')).toHaveText('Say who will do it.');
  // Who: the team is offered as suggestions (as the plan's owner select lists it); part of a name will do.
  const team = (el: HTMLInputElement) => [...(el.list?.querySelectorAll('option') ?? [])].map((o) => o.value);
  expect(await carla.getByRole('combobox', { name: 'Who' }).evaluate(team)).toEqual([
    'Anna de Wit',
    'Bram Jansen',
  ]);
  await carla.getByRole('combobox', { name: 'Who' }).fill('bram');
  await carla.getByRole('button', { name: 'Add commitment' }).click();
  await expect(carla.locator('.mt-commit-form').getByRole('alert')).toContainText(
    'A commitment is due on the meeting’s day',
  );
  await carla.getByRole('textbox', { name: 'When' }).fill(day(14));
  // Why: one of the plan's goals, and its P — so the new action counts in the plan like the others.
  await carla.getByRole('combobox', { name: 'Why (goal)' }).selectOption({ label: DEMO.goals[1]!.title });
  await carla.getByRole('combobox', { name: 'Quadrant (P)' }).selectOption({ label: 'Partnership' });
  // Its KPI, as the plan's action table asks for it: half a KPI is refused, the whole one files with the action.
  await carla.getByRole('textbox', { name: 'KPI', exact: true }).fill('Opdrachten energieadvies');
  await carla.getByRole('button', { name: 'Add commitment' }).click();
  await expect(carla.locator('.mt-commit-form').getByRole('alert')).toContainText('Give the KPI its target');
  await carla.getByRole('textbox', { name: 'KPI target' }).fill('1 getekend');
  await carla.getByRole('button', { name: 'Add commitment' }).click();
  await expect(carla.getByTestId('commitments')).toContainText('in the plan');
  await expect(carla.getByTestId('commitments')).toContainText(`Partnership · for “${DEMO.goals[1]!.title}”`);
  await expect(carla.getByTestId('commitment-kpi')).toHaveText(
    'KPI: Opdrachten energieadvies, target 1 getekend',
  );
  const planPage = await bram.context().newPage();
  await planPage.goto(`${haard.base}/plans/${acme}`);
  await expect
    .poll(() => planAction(planPage, 'Offerte energieadvies naar de CFO'))
    .toEqual({ due: day(14) });
  // In Bram's plan the action has its KPI, and the plan has no finding about its KPI (nor about anything of it).
  expect(await planActionKpi(planPage, 'Offerte energieadvies naar de CFO')).toEqual({
    name: 'Opdrachten energieadvies',
    target: '1 getekend',
  });
  await expect(planPage.getByTestId('findings').locator('[data-rule="action.noKpi"]')).toHaveCount(0);
  await expect(planPage.getByTestId('findings')).not.toContainText('Offerte energieadvies naar de CFO');
  const filed = Object.values((await readPlan(haard, acme)).actions).find(
    (a) => a.what === 'Offerte energieadvies naar de CFO',
  );
  expect(filed).toMatchObject({
    goalId: DEMO.goals[1]!.id,
    quadrant: 'partnership',
    ownerId: 'p-bram',
    kpi: { name: 'Opdrachten energieadvies', target: '1 getekend' },
  });

  // A review item marked "moved" moves the action's due date in the plan.
  const overdue = anna.getByTestId('review-item').filter({ hasText: 'Kwartaalgesprek met CFO' });
  await overdue.getByRole('button', { name: 'Moved' }).click();
  // A date on or before the meeting is refused beside the field, and neither the board nor the plan changes.
  await overdue.getByRole('textbox', { name: /New due date/ }).fill('2020-01-01');
  await overdue.getByRole('textbox', { name: /New due date/ }).blur();
  await expect(overdue.getByRole('alert')).toContainText('a new date after this meeting');
  await expect(overdue).toHaveAttribute('data-outcome', 'none');
  expect(await planAction(planPage, DEMO.actions[0]!.what)).toEqual({ due: day(-10) }); // as seeded
  await overdue.getByRole('textbox', { name: /New due date/ }).fill(day(21));
  await overdue.getByRole('textbox', { name: /New due date/ }).blur();
  await expect(overdue).toHaveAttribute('data-outcome', 'moved');
  const moved = dayText(21);
  await expect(bram.getByTestId('review-item').filter({ hasText: 'Kwartaalgesprek met CFO' })).toContainText(
    moved,
  );
  await expect.poll(() => planAction(planPage, DEMO.actions[0]!.what)).toEqual({ due: day(21) });

  // End: it asks first (it ends the meeting for everyone); Cancel keeps it running.
  await anna.getByRole('button', { name: 'End meeting' }).click();
  await anna.getByRole('button', { name: 'Cancel' }).click();
  await expect(bram.getByTestId('meeting-board')).toHaveAttribute('data-status', 'running');
  await anna.getByRole('button', { name: 'End meeting' }).click();
  await expect(anna.getByRole('group', { name: /End the meeting for everyone/ })).toBeVisible();
  await anna.getByRole('button', { name: 'End for everyone' }).click();
  // The summary lists the commitment, on every screen.
  for (const page of [anna, bram, carla]) {
    const summary = page.getByTestId('summary-commitments');
    await expect(summary).toContainText('Offerte energieadvies naar de CFO');
    await expect(summary).toContainText('Bram Jansen');
    await expect(summary).toContainText('Acme Bouwgroep 2026–2027');
    // Why: the goal it serves, as the board carried it when the commitment was made.
    await expect(summary.getByRole('columnheader', { name: 'Why (goal)' })).toBeVisible();
    await expect(summary.getByRole('row', { name: /Offerte energieadvies/ })).toContainText(
      DEMO.goals[1]!.title,
    );
    await expect(summary.getByRole('row', { name: /Offerte energieadvies/ })).toContainText(
      'Opdrachten energieadvies, target 1 getekend',
    );
  }
  // Printed, the summary says which meeting: title, date, facilitator, participants (the header is not printed).
  await anna.emulateMedia({ media: 'print' });
  await expect(anna.locator('#mt-board-title')).toBeHidden();
  const summary = anna.getByTestId('meeting-summary');
  await expect(summary.getByText(defaultTitle(0), { exact: true })).toBeVisible();
  await expect(anna.getByTestId('summary-meta')).toContainText(`Date${dayText(0)}`);
  await expect(anna.getByTestId('summary-meta')).toContainText(/Participants.*Anna de Wit, Bram Jansen/);
  await anna.emulateMedia({ media: 'screen' });
  // The commitments' CSV is named after the meeting, with its date once.
  const [csv] = await Promise.all([
    anna.waitForEvent('download'),
    anna.getByRole('button', { name: 'Download commitments (CSV)' }).click(),
  ]);
  expect(csv.suggestedFilename()).toBe(`${defaultTitle(0)}.csv`);
  const lines = readFileSync((await csv.path())!, 'utf8')
    .replace(/^\uFEFF/, '')
    .split('\r\n');
  expect(lines[0]).toBe('What,Who,When,Why (goal),KPI,KPI target,P,Plan,Presenter');
  expect(lines.find((l) => l.startsWith('Offerte energieadvies'))).toContain(
    `,${DEMO.goals[1]!.title},Opdrachten energieadvies,1 getekend,Partnership,`,
  );
  const violations = (await new AxeBuilder({ page: anna }).include('.mt-page').analyze()).violations;
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
});

test('the next meeting links to the last one and shows per plan what changed since it was presented', async ({
  browser,
  haard,
}) => {
  const { acme } = await seedTwoPlans(haard);
  const anna = await person(browser, haard.inviteUrl);
  const first = await newBoard(anna, ['Acme Bouwgroep 2026–2027']);
  await anna.getByRole('button', { name: 'Start meeting' }).click(); // keeps a version of the presented plan
  await expect(stage(anna)).toHaveAttribute('data-step', 'opening');
  // A colleague who opens Haard mid-meeting, anywhere else, is told it runs and joins it in one click.
  const bram = await person(browser, haard.inviteUrl);
  await expect(bram.getByRole('status').filter({ hasText: 'is running now' })).toContainText(
    /^The meeting ‘.+’ is running now\. Join it$/,
  );
  await bram.getByRole('link', { name: 'Join it' }).click();
  await expect(bram.getByTestId('meeting-board')).toHaveAttribute('data-status', 'running');
  await expect(bram.getByText('is running now')).toHaveCount(0);
  await anna.getByRole('button', { name: 'End meeting' }).click();
  await anna.getByRole('button', { name: 'End for everyone' }).click();
  await expect(anna.getByTestId('meeting-summary')).toBeVisible();
  await bram.goto(`${haard.base}/relations`);
  await expect(bram.getByText('is running now')).toHaveCount(0);
  // Ended too early: reopened, it runs again where it was ended (the opening); ended again, for good.
  await anna.getByRole('button', { name: 'Reopen meeting' }).click();
  await expect(anna.getByTestId('meeting-board')).toHaveAttribute('data-status', 'running');
  await expect(stage(anna)).toHaveAttribute('data-step', 'opening');
  await anna.getByRole('button', { name: 'End meeting' }).click();
  await anna.getByRole('button', { name: 'End for everyone' }).click();
  await expect(anna.getByTestId('meeting-summary')).toBeVisible();

  // After the meeting, the plan changes twice.
  await anna.goto(`${haard.base}/plans/${acme}`);
  const what = anna.getByRole('textbox', { name: 'What, action 1' });
  await what.fill('Kwartaalgesprek met CFO en CEO');
  await what.blur();
  const second = anna.getByRole('textbox', { name: 'What, action 2' });
  await second.fill('Kennissessie energietransitie voor het hele MT');
  await second.blur();

  await anna.getByRole('link', { name: 'Meetings' }).click();
  await anna.getByRole('button', { name: 'New meeting' }).click();
  await expect(anna.getByText(/^Follows the meeting of/)).toBeVisible();
  // Today has a board already: the new one is titled apart; dated on, its default title follows the date.
  const title = anna.locator('#mt-board-title');
  await expect(title).toHaveText(`${defaultTitle(0)} (2)`);
  await anna.getByLabel('Date', { exact: true }).fill(day(14));
  await anna.getByLabel('Date', { exact: true }).blur();
  await expect(title).toHaveText(defaultTitle(14));
  await anna.getByLabel('Plan', { exact: true }).selectOption({ label: 'Acme Bouwgroep 2026–2027' });
  await anna.getByRole('button', { name: 'Add to agenda' }).click();
  await expect(anna.getByTestId('since-last-meeting')).toHaveText('2 changes since the last meeting');
  await anna.getByTestId('since-last-meeting').click();
  await expect(anna).toHaveURL(new RegExp(`/plans/${acme}#sec-history$`));
  // The version made when the first meeting presented the plan: named by that board's title, in the
  // reader's language (it stores the title, not "Meeting …" in the facilitator's language).
  const presented = defaultTitle(0);
  await expect(
    anna.getByRole('button', { name: `Open version Meeting: ${presented}`, exact: true }),
  ).toBeVisible();
  await anna.getByRole('combobox', { name: 'Language' }).selectOption('Nederlands');
  await expect(
    anna.getByRole('button', { name: `Versie Overleg: ${presented} openen`, exact: true }),
  ).toBeVisible();
  await anna.getByRole('combobox', { name: 'Taal' }).selectOption('English');

  // In the list, the whole card opens its board (here: a click on the past meeting's date). Its status says
  // Ended though the plan page was opened right after ending it (the card is written as the page unloads).
  await anna.getByRole('link', { name: 'Meetings' }).click();
  const card = anna.getByTestId('meetings-past').getByRole('listitem').filter({ hasText: 'Ended' });
  await card.click({ position: { x: 24, y: 18 } }); // the date, at the card's left edge

  await expect(anna).toHaveURL(first);
});
