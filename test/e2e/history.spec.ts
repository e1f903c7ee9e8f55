/**
 * History of a plan (issue 9), in two separate browser contexts through the real relay: a named version,
 * what changed since it with who changed it, opening it read-only, restoring it (the other context receives
 * the restore), undoing the restore, and versions surviving a reload. Axe-clean in English and Dutch.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './helpers/fixtures.ts';
import { readPlan, readWorkspace, seedDemo, seedMeeting, seedWorkspace } from './helpers/seed.ts';

test.beforeEach(async ({ haard }) => {
  await seedWorkspace(haard, seedDemo);
});

/** A person with a name of their own (identity.ts keeps it in localStorage), in a context of their own. */
async function openAs(browser: Browser, name: string, url: string, locale: 'en-GB' | 'nl-NL' = 'en-GB') {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
  const me = { id: `person-${name}`, name, color: '#1c6bb4' };
  await context.addInitScript((m) => localStorage.setItem('haard.me', JSON.stringify(m)), me);
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.getByRole('status').first()).toContainText(
    locale === 'nl-NL' ? 'Gesynchroniseerd' : 'Synced',
  );
  return page;
}

const goalTitle = (page: Page) => page.locator('#sec-goals input').first();
const history = (page: Page) => page.locator('#sec-history');

async function axeClean(page: Page, within = '#sec-history') {
  const axe = await new AxeBuilder({ page }).include(within).analyze();
  const bad = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function chooseVersion(page: Page, select: string, name: string) {
  const sel = history(page).getByLabel(select);
  const value = await sel.locator('option', { hasText: name }).first().getAttribute('value');
  await sel.selectOption(value!);
}

/** Start a plan for Acme BV from the "A relations without a plan" list; the plan page is open after it. */
async function startAcmePlan(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Account plans' }).click();
  await page.getByRole('button', { name: 'Start a plan for Acme BV' }).click();
  await expect(page.getByLabel('Plan title')).toHaveValue(/Acme BV/);
}

test('a named version: what changed since it and who did it; restore reaches a colleague; undo takes it back; versions survive a reload', async ({
  browser,
  haard,
}) => {
  const anna = await openAs(browser, 'Anna', haard.inviteUrl);
  await startAcmePlan(anna);
  const url = anna.url();
  await anna.getByRole('button', { name: 'Add goal' }).click();
  await goalTitle(anna).fill('Keep Acme');

  // Save a named version.
  await history(anna).getByLabel('Name of the new version').fill('Before the merger');
  await history(anna).getByRole('button', { name: 'Save version' }).click();
  await expect(history(anna).getByRole('status')).toContainText('Version “Before the merger” saved.');
  const annaRow = history(anna).getByRole('row', { name: /Before the merger/ });
  await expect(annaRow).toContainText('Anna');

  // Bram, in a context of his own, receives the version and changes the goal.
  const bram = await openAs(browser, 'Bram', haard.inviteUrl);
  await bram.goto(url);
  await expect(history(bram).getByRole('row', { name: /Before the merger/ })).toBeVisible();
  await expect(goalTitle(bram)).toHaveValue('Keep Acme');
  await goalTitle(bram).fill('Keep Acme after the merger');
  await bram.getByRole('textbox', { name: 'Situation', exact: true }).click();
  await bram.keyboard.type('Acme merges in Q3.');

  // Anna sees what changed since the version, and that Bram did it.
  await expect(goalTitle(anna)).toHaveValue('Keep Acme after the merger');
  await history(anna).getByLabel('Compare').selectOption('version');
  // The version Anna just saved is the one "since a version" starts from.
  await expect(history(anna).getByLabel('From version').locator('option:checked')).toContainText(
    'Before the merger',
  );
  await chooseVersion(anna, 'From version', 'Before the merger');
  const changes = history(anna).locator('.hist-groups');
  const goalChange = changes.locator('.hist-change', { hasText: 'Goal “Keep Acme after the merger”' });
  await expect(goalChange).toContainText('Title: Keep Acme → Keep Acme after the merger');
  await expect(goalChange).toContainText('by Bram');
  const textChange = changes.locator('.hist-change[data-type="text"]');
  await expect(textChange.locator('ins')).toContainText('Acme merges in Q3.');
  await expect(textChange).toContainText('by Bram');
  // Grouped by the day the changes were made (not "Since …", which read as the version compared with).
  await expect(changes.locator('h4').first()).toHaveText(/^Changed on \d{1,2} \w{3} \d{4}$/);
  await axeClean(anna);
  await history(anna).screenshot({ path: '/tmp/shots/history-changes-en.png' });

  // Open the version read-only and restore it.
  await annaRow.getByRole('button', { name: 'Open version Before the merger' }).click();
  const view = history(anna).locator('.hist-view');
  await expect(view).toContainText('Keep Acme');
  await expect(view).not.toContainText('after the merger');
  await view.getByRole('button', { name: 'Restore this version' }).click();
  await expect(view.getByRole('alertdialog')).toContainText(
    'Make the plan as it was in “Before the merger”?',
  );
  await axeClean(anna);
  await history(anna).screenshot({ path: '/tmp/shots/history-restore-en.png' });
  await view.getByRole('button', { name: 'Yes, restore' }).click();
  await expect(history(anna).getByRole('status')).toContainText('Version “Before the merger” restored.');
  for (const page of [anna, bram]) {
    await expect(goalTitle(page)).toHaveValue('Keep Acme');
    await expect(page.getByRole('textbox', { name: 'Situation', exact: true })).not.toContainText(
      'Acme merges',
    );
  }

  // Undo (Anna's, the restorer's) brings the pre-restore state back — for both.
  await anna.getByRole('button', { name: 'Undo' }).click();
  for (const page of [anna, bram]) {
    await expect(goalTitle(page)).toHaveValue('Keep Acme after the merger');
    await expect(page.getByRole('textbox', { name: 'Situation', exact: true })).toContainText(
      'Acme merges in Q3.',
    );
  }

  // Versions survive a reload (IndexedDB and the relay): the named one and the automatic daily one.
  await anna.reload();
  await expect(history(anna).getByRole('row', { name: /Before the merger/ })).toBeVisible();
  await expect(history(anna).getByRole('row', { name: /automatic, daily/ })).toHaveCount(1);
  await expect(anna.locator('body')).not.toContainText('⟦');
});

test('the history panel in Dutch: since a date, versions, axe-clean', async ({ browser, haard }) => {
  const anna = await openAs(browser, 'Anna', haard.inviteUrl, 'nl-NL');
  await anna.getByRole('link', { name: 'Accountplannen' }).click();
  await anna
    .getByRole('button', { name: /Acme BV/ })
    .first()
    .click();
  await anna.getByRole('button', { name: 'Doel toevoegen' }).click();
  await goalTitle(anna).fill('Acme behouden');
  await history(anna).getByLabel('Naam van de nieuwe versie').fill('Vóór de fusie');
  await history(anna).getByRole('button', { name: 'Versie opslaan' }).click();
  await goalTitle(anna).fill('Acme behouden na de fusie');
  // Since a date (default: a week ago): counted from the first version since, the daily one of today.
  await expect(history(anna).locator('.hist-note')).toContainText('Geteld vanaf de versie van');
  await expect(history(anna).locator('.hist-groups')).toContainText(
    'Doel toegevoegd: Acme behouden na de fusie',
  );
  await expect(history(anna).locator('.hist-groups')).toContainText('door Anna');
  await expect(history(anna).locator('.hist-groups h4').first()).toHaveText(
    /^Gewijzigd op \d{1,2} \w{3} \d{4}$/,
  );
  await expect(anna.locator('body')).not.toContainText('⟦');
  await axeClean(anna);
  await history(anna).screenshot({ path: '/tmp/shots/history-changes-nl.png' });
});

test('the workspace: what changed in relations since a version, by whom (Import & export screen)', async ({
  browser,
  haard,
}) => {
  const anna = await openAs(browser, 'Anna', haard.inviteUrl);
  const bram = await openAs(browser, 'Bram', haard.inviteUrl);
  const panel = (page: Page) => page.locator('.hist-ws');
  await anna.getByRole('link', { name: 'Import & export' }).click();
  await panel(anna).getByLabel('Name of the new version').fill('Start of the quarter');
  await panel(anna).getByRole('button', { name: 'Save version' }).click();
  await expect(panel(anna).getByRole('row', { name: /Start of the quarter/ })).toBeVisible();

  await bram.getByLabel('Name', { exact: true }).fill('Bakkerij Smit');
  await bram.getByRole('button', { name: 'Add relation' }).click();

  await panel(anna).getByLabel('Compare').selectOption('version');
  const sel = panel(anna).getByLabel('From version');
  await sel.selectOption(
    (await sel.locator('option', { hasText: 'Start of the quarter' }).getAttribute('value'))!,
  );
  const change = panel(anna).locator('.hist-change', { hasText: 'Relation added: Bakkerij Smit' });
  await expect(change).toContainText('by Bram');
  await expect(anna.locator('body')).not.toContainText('⟦');
  await axeClean(anna, '.hist-ws');
  await panel(anna).screenshot({ path: '/tmp/shots/history-workspace-en.png' });
});

test('while someone keeps typing, what changed follows at least every 2 s (the derived views’ timer, not a debounce that waits for a pause)', async ({
  browser,
  haard,
}) => {
  const anna = await openAs(browser, 'Anna', haard.inviteUrl);
  await startAcmePlan(anna);
  await anna.getByRole('button', { name: 'Add goal' }).click();
  await goalTitle(anna).fill('Keep Acme');
  await history(anna).getByLabel('Name of the new version').fill('Before typing');
  await history(anna).getByRole('button', { name: 'Save version' }).click();
  await history(anna).getByLabel('Compare').selectOption('version');
  await chooseVersion(anna, 'From version', 'Before typing');
  await expect(history(anna).locator('.hist-nothing')).toBeVisible();

  // One key every 150 ms for ~10 s: never 400 ms of quiet until the end.
  await anna.getByRole('textbox', { name: 'Situation', exact: true }).click();
  let typingDone = false;
  const typing = anna.keyboard
    .type('Acme merges with Bolt in the third quarter of next year, their CFO told us.', { delay: 150 })
    .then(() => (typingDone = true));
  await expect(history(anna).locator('.hist-change[data-type="text"] ins')).toContainText('merges with');
  expect(typingDone).toBe(false);
  await typing;
  await expect(history(anna).locator('.hist-change[data-type="text"] ins')).toContainText('CFO told us.');
});

test('an action filed from a meeting commitment is credited to the participant who made it, not to the browser that filed it', async ({
  browser,
  haard,
}) => {
  const anna = await openAs(browser, 'Anna', haard.inviteUrl);
  await startAcmePlan(anna);
  const planUrl = anna.url();
  const planId = planUrl.split('/plans/')[1]!;
  await history(anna).getByLabel('Name of the new version').fill('Before the meeting');
  await history(anna).getByRole('button', { name: 'Save version' }).click();
  await expect(history(anna).getByRole('row', { name: /Before the meeting/ })).toBeVisible();

  // Bram made a commitment in the meeting; his tab closed before it reached the plan (on the board only).
  const ownerId = Object.keys((await readWorkspace(haard)).professionals)[0]!;
  const today = new Date().toISOString().slice(0, 10);
  const boardId = await seedMeeting(haard, { title: 'RM meeting December', date: today }, (m) => {
    const item = m.addAgendaItem({ planId, presenterId: ownerId, timeboxMinutes: 15 });
    if (!item.ok) throw new Error('agenda item refused');
    const made = m.addCommitment({
      agendaItemId: item.value,
      what: 'Lunch with the new CFO',
      ownerId,
      due: today,
      authorId: 'person-Bram',
      authorName: 'Bram',
    });
    if (!made.ok) throw new Error('commitment refused');
  });
  // Anna opens the board: her browser files the commitment's action in the plan.
  await anna.goto(`${haard.base}/meetings/${boardId}`);
  await expect(anna.getByTestId('meeting-board')).toBeVisible();
  await expect
    .poll(async () => Object.values((await readPlan(haard, planId)).actions).map((a) => a.what))
    .toContain('Lunch with the new CFO');

  await anna.goto(planUrl);
  await history(anna).getByLabel('Compare').selectOption('version');
  await chooseVersion(anna, 'From version', 'Before the meeting');
  const added = history(anna).locator('.hist-change', { hasText: 'Action added: Lunch with the new CFO' });
  await expect(added.locator('.hist-who')).toHaveText(
    'by Bram (committed in “RM meeting December”, filed in the plan by Anna)',
  );
  await history(anna).screenshot({ path: '/tmp/shots/history-commitment-en.png' });
  // After a reload, and in Dutch.
  await anna.reload();
  await anna.getByRole('combobox', { name: 'Language' }).selectOption('Nederlands');
  await history(anna).getByLabel('Vergelijk').selectOption('version');
  await chooseVersion(anna, 'Van versie', 'Before the meeting');
  await expect(
    history(anna).locator('.hist-change', { hasText: 'Lunch with the new CFO' }).locator('.hist-who'),
  ).toHaveText('door Bram (toegezegd in ‘RM meeting December’, in het plan gezet door Anna)');
  await history(anna).screenshot({ path: '/tmp/shots/history-commitment-nl.png' });
  await axeClean(anna);
});
