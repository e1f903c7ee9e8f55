/**
 * The Relations screens as people use them, in real Chromium against the real relay: the table (add,
 * search, sort, filter, delete with undo), the relation page (fields, DMU contacts, contact log with
 * signals, seven questions), live collaboration in a second browser context, and the viewer role.
 */
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './helpers/fixtures.ts';
import { openSynced } from './helpers/browser.ts';
import { ok, seedPlan, seedWorkspace as withWorkspace } from './helpers/seed.ts';

const open = (browser: Browser, url: string) => openSynced(browser, url, { width: 1360 });

const names = (page: Page) => page.getByTestId('relations').locator('.rel-name');
const addForm = (page: Page) => page.getByRole('form', { name: 'New relation' });
const toolbar = (page: Page) => page.getByRole('search');

async function addRelation(page: Page, name: string, kind = 'Client') {
  await addForm(page).getByLabel('Name', { exact: true }).fill(name);
  await addForm(page).getByLabel('Kind').selectOption({ label: kind });
  await addForm(page).getByRole('button', { name: 'Add relation' }).click();
}

test('add relations, then search, filter, sort and delete with undo', async ({ browser, haard }) => {
  await withWorkspace(haard, (ws) => {
    ok(ws.addProfessional({ id: 'p-anna', name: 'Anna de Wit', profile: 'relationshipManager' }));
  });
  const page = await open(browser, haard.inviteUrl);
  await expect(page.getByRole('heading', { name: 'Relations' })).toBeVisible();

  await addRelation(page, 'Acme BV');
  await addRelation(page, 'Bakkerij Zon', 'Prospect');
  await addForm(page).getByLabel('Owner').selectOption({ label: 'Anna de Wit' });
  await addRelation(page, 'Café Noord');
  await expect(names(page)).toHaveText(['Acme BV', 'Bakkerij Zon', 'Café Noord']);
  await expect(page.getByTestId('relations-count')).toHaveText('3 relations');
  // The toast leads to the relation just added (in a long list its row can be out of view).
  await expect(page.locator('.toast')).toContainText('Café Noord added.');
  await page.locator('.toast').getByRole('link', { name: 'Open' }).click();
  await expect(page).toHaveURL(/\/relations\/[^/]+$/);
  await expect(page.getByLabel('Name', { exact: true }).first()).toHaveValue('Café Noord');
  await page.goBack();
  // An empty name is refused with a message, not silently.
  await addForm(page).getByRole('button', { name: 'Add relation' }).click();
  await expect(addForm(page).getByRole('alert')).toHaveText('Give the relation a name.');

  // Search ignores case and accents; the count says how many are shown.
  await toolbar(page).getByLabel('Search').fill('cafe');
  await expect(names(page)).toHaveText(['Café Noord']);
  await expect(page.getByTestId('relations-count')).toHaveText('1 of 3');
  await toolbar(page).getByLabel('Search').fill('');

  await toolbar(page).getByLabel('Kind').selectOption({ label: 'Prospect' });
  await expect(names(page)).toHaveText(['Bakkerij Zon']);
  await toolbar(page).getByLabel('Kind').selectOption({ label: 'All' });
  await toolbar(page).getByLabel('Owner').selectOption({ label: 'Anna de Wit' });
  await expect(names(page)).toHaveText(['Café Noord']);
  await toolbar(page).getByLabel('Owner').selectOption({ label: 'No owner' });
  await expect(names(page)).toHaveText(['Acme BV', 'Bakkerij Zon']);
  await page.getByRole('button', { name: 'Clear filters' }).first().click();
  await expect(names(page)).toHaveCount(3);

  // Sorting: a header button, announced with aria-sort.
  const nameHeader = page.getByRole('columnheader', { name: 'Name' });
  await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
  await nameHeader.getByRole('button').click();
  await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(names(page)).toHaveText(['Café Noord', 'Bakkerij Zon', 'Acme BV']);
  await page.getByRole('columnheader', { name: 'Kind' }).getByRole('button').click();
  await expect(names(page)).toHaveText(['Acme BV', 'Café Noord', 'Bakkerij Zon']);
  // The view is in the URL: a reload keeps it.
  await page.reload();
  await expect(names(page)).toHaveText(['Acme BV', 'Café Noord', 'Bakkerij Zon']);

  // Delete with undo from the toast …
  await page.getByRole('button', { name: 'Delete Acme BV' }).click();
  await expect(names(page)).toHaveText(['Café Noord', 'Bakkerij Zon']);
  await expect(page.locator('.toast')).toContainText('Deleted Acme BV');
  await page.locator('.toast').getByRole('button', { name: 'Undo' }).click();
  await expect(names(page)).toHaveText(['Acme BV', 'Café Noord', 'Bakkerij Zon']);
  // … and with the topbar's Undo.
  await page.getByRole('button', { name: 'Delete Café Noord' }).click();
  await expect(names(page)).toHaveText(['Acme BV', 'Bakkerij Zon']);
  await page.locator('.topbar').getByRole('button', { name: 'Undo' }).click();
  await expect(names(page)).toHaveText(['Acme BV', 'Café Noord', 'Bakkerij Zon']);

  // A relation that an account plan names is not deleted at once: a dialog names the plan and what goes.
  await withWorkspace(haard, (ws) => {
    ok(ws.addRelation({ id: 'r-delta', name: 'Hoogheemraadschap Rijnland' }));
    ok(ws.addContact({ relationId: 'r-delta', name: 'Eva Smit' }));
  });
  const planId = await seedPlan(haard, { relationIds: ['r-delta'], title: 'Delta 2026' });
  // Without tags there is no empty Tags column, and a long name shows whole (it was cut at 1366 px).
  await expect(page.getByRole('columnheader', { name: 'Tags' })).toHaveCount(0);
  const long = page.getByTestId('relations').getByRole('link', { name: 'Hoogheemraadschap Rijnland' });
  await expect(long).toHaveAttribute('title', 'Hoogheemraadschap Rijnland');
  expect(await long.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  await page.getByRole('button', { name: 'Delete Hoogheemraadschap Rijnland' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete Hoogheemraadschap Rijnland?' });
  await expect(dialog).toContainText('Hoogheemraadschap Rijnland is the relation of 1 account plan:');
  await expect(dialog.getByRole('listitem')).toHaveText(['Delta 2026']);
  await expect(dialog).toContainText('1 contact, no contact moments and its ABC scores');
  await expect(dialog.getByRole('button', { name: 'Keep it' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(names(page)).toContainText(['Hoogheemraadschap Rijnland']);
  await page.getByRole('button', { name: 'Delete Hoogheemraadschap Rijnland' }).click();
  await dialog.getByRole('button', { name: 'Delete anyway' }).click();
  await expect(page.locator('.toast')).toContainText('Deleted Hoogheemraadschap Rijnland');
  await expect(names(page)).toHaveText(['Acme BV', 'Café Noord', 'Bakkerij Zon']);
  // The plan stays and says its relation was deleted — in the list and in its header — never "?".
  await page.getByRole('link', { name: 'Account plans' }).click();
  const planRow = page.locator('tr', { hasText: 'Delta 2026' });
  await expect(planRow).toContainText('(deleted relation)');
  await page.goto(`${haard.base}/plans/${planId}`);
  await expect(page.locator('.plan-relations')).toHaveText('(deleted relation)');
  await expect(page.locator('.plan-relations a')).toHaveCount(0);
});

test('the relation page: edit fields, DMU contacts, a contact with a buying signal, seven questions — live for a colleague', async ({
  browser,
  haard,
}) => {
  await withWorkspace(haard, (ws) => {
    ok(ws.addProfessional({ id: 'p-anna', name: 'Anna de Wit', profile: 'relationshipManager' }));
    ok(ws.addProfessional({ id: 'p-bram', name: 'Bram Jansen', profile: 'specialist' }));
    ok(ws.addRelation({ id: 'r-acme', name: 'Acme BV' }));
  });
  const anna = await open(browser, haard.inviteUrl);
  const bram = await open(browser, `${haard.base}/relations/r-acme#invite=${haard.token('editor')}`);
  await anna.getByRole('link', { name: 'Acme BV' }).click();
  await expect(anna).toHaveURL(/\/relations\/r-acme$/);
  await expect(anna.getByRole('heading', { level: 1 })).toHaveText('Acme BV');

  // Fields save on change; a colleague sees the edit live.
  const details = anna.getByRole('region', { name: 'Details' });
  await details.getByLabel('Sector').fill('Construction');
  await details.getByLabel('Sector').press('Tab');
  await details.getByLabel('Owner (relationship manager)').selectOption({ label: 'Anna de Wit' });
  await details.getByLabel('Tags').fill('key account, zorg');
  await details.getByLabel('Tags').press('Tab');
  await details.getByRole('checkbox', { name: 'Bram Jansen' }).check();
  await expect(bram.getByRole('region', { name: 'Details' }).getByLabel('Sector')).toHaveValue(
    'Construction',
  );
  await expect(bram.getByRole('region', { name: 'Details' }).getByLabel('Tags')).toHaveValue(
    'key account, zorg',
  );
  // A value the model refuses shows the intent's reason next to the field and is not saved.
  await details.getByLabel(/^Revenue/).fill('-5');
  await details.getByLabel(/^Revenue/).press('Tab');
  await expect(details.getByText('must be at least 0')).toBeVisible();
  await details.getByLabel(/^Revenue/).fill('250000');
  await details.getByLabel(/^Revenue/).press('Tab');
  await expect(details.getByText('must be at least 0')).toHaveCount(0);

  // Contacts — the DMU — with a personal fact behind the optional disclosure.
  const contacts = anna.getByRole('region', { name: 'Contacts — the DMU' });
  await contacts.getByRole('button', { name: 'Add contact' }).click();
  const form = contacts.getByRole('form', { name: 'New contact' });
  await form.getByLabel('Contact name').fill('Carla Visser');
  await form.getByLabel('Job title').fill('CFO');
  await form.getByLabel('DMU role').selectOption({ label: 'Decider' });
  await form.getByLabel('Attitude to us').selectOption({ label: 'Supporter' });
  await form.getByRole('radio', { name: 'Relationship strength 4 of 5' }).check({ force: true });
  await form.getByRole('checkbox', { name: 'Anna de Wit' }).check();
  await form.getByText('Personal facts (optional)').click();
  await expect(form.getByText('This is personal data.')).toBeVisible();
  await form.getByLabel('Coffee').fill('black, no sugar');
  await form.getByRole('button', { name: 'Save contact' }).click();
  const card = contacts.getByTestId('contacts').locator('li').first();
  await expect(card).toContainText('Carla Visser');
  await expect(card).toContainText('Decider');
  await expect(card).toContainText('Relationship strength 4 of 5');
  await expect(card).toContainText('black, no sugar');

  await contacts.getByRole('button', { name: 'Add contact' }).click();
  const form2 = contacts.getByRole('form', { name: 'New contact' });
  await form2.getByLabel('Contact name').fill('Dirk Bos');
  await form2.getByLabel('DMU role').selectOption({ label: 'Gatekeeper' });
  await form2.getByRole('button', { name: 'Save contact' }).click();
  await expect(contacts.getByTestId('contacts').locator('.who')).toHaveText([/Carla Visser/, /Dirk Bos/]);
  await expect(bram.getByTestId('contacts')).toContainText('Carla Visser');

  // Clearing the personal facts of a contact is one click.
  await contacts.getByRole('button', { name: 'Edit Carla Visser' }).click();
  await contacts.getByRole('button', { name: 'Clear personal facts' }).click();
  await contacts.getByRole('button', { name: 'Save contact' }).click();
  await expect(card).not.toContainText('black, no sugar');

  // Log a contact moment with a buying signal and a follow-up.
  const log = anna.getByRole('region', { name: 'Contact log' });
  await log.getByRole('button', { name: 'Log a contact' }).click();
  const logForm = log.getByRole('form', { name: 'Log a contact' });
  // A date after today is kept as a planned contact: the form says so while the date is picked.
  const today = await logForm.getByLabel('Date').inputValue();
  await logForm.getByLabel('Date').fill('2099-06-01');
  await logForm.getByLabel('Date').press('Tab'); // a typed date is taken when the field is left
  await expect(logForm.getByTestId('log-planned-note')).toHaveText(
    'After today: saved as a planned contact. From 1 Jun 2099 it counts for the fire and its signals open.',
  );
  await logForm.getByLabel('Date').fill(today);
  await logForm.getByLabel('Date').press('Tab');
  await expect(logForm.getByTestId('log-planned-note')).toHaveCount(0);
  await logForm.getByLabel('Type').selectOption({ label: 'Visit' });
  await logForm.getByRole('group', { name: 'With' }).getByRole('checkbox', { name: 'Carla Visser' }).check();
  await logForm.getByLabel('What was discussed').fill('New office in Zwolle');
  await logForm.getByRole('button', { name: 'Add a signal' }).click();
  await logForm
    .getByRole('combobox', { name: 'Signal', exact: true })
    .selectOption({ label: 'Buying signal' });
  await logForm.getByLabel('Signal note').fill('Needs advice on the lease');
  await logForm.getByLabel('Plan a follow-up').check();
  await logForm.getByLabel('What', { exact: true }).fill('Send a proposal');
  await logForm.getByRole('button', { name: 'Save contact moment' }).click();
  const entry = log.getByTestId('contact-log').locator('li.log-entry').first();
  await expect(entry).toContainText('Visit');
  await expect(entry).toContainText('Anna de Wit ↔ Carla Visser');
  await expect(entry).toContainText('Buying signal');
  await expect(entry).toContainText('Send a proposal');
  await entry.getByRole('checkbox', { name: 'Handled' }).check();
  await expect(bram.getByTestId('contact-log')).toContainText('Buying signal');
  await expect(bram.getByTestId('contact-log').getByRole('checkbox', { name: 'Handled' })).toBeChecked();
  await expect(anna.getByTestId('last-contact')).toContainText('Today');

  // Seven questions, x/7.
  const seven = anna.getByRole('region', { name: 'Seven questions' });
  await seven
    .getByRole('group', { name: 'Do we know their business?' })
    .getByRole('button', { name: 'Yes' })
    .click();
  await seven
    .getByRole('group', { name: 'Do we help them succeed?' })
    .getByRole('button', { name: 'Yes' })
    .click();
  await seven
    .getByRole('group', { name: 'Do we forward news about their business?' })
    .getByRole('button', { name: 'No' })
    .click();
  await expect(seven.getByTestId('seven-score')).toHaveText('2/7');
  await expect(bram.getByTestId('seven-score')).toHaveText('2/7');

  // Back in the table, the row shows what was entered.
  await anna.getByRole('link', { name: 'All relations' }).click();
  const row = anna.getByTestId('relations').locator('tr', { hasText: 'Acme BV' });
  await expect(row).toContainText('Anna de Wit');
  await expect(row).toContainText('€250,000');
  await expect(row).toContainText('key account');
  await expect(anna.getByRole('columnheader', { name: 'Tags' })).toBeVisible();
  await expect(row).toContainText('Today');

  // Deleting from the relation page lands on the table with an undo.
  await anna.getByRole('link', { name: 'Acme BV' }).click();
  await anna.getByRole('button', { name: 'Delete relation' }).click();
  await expect(anna).toHaveURL(/\/relations$/);
  await expect(anna.locator('.toast')).toContainText('Deleted Acme BV');
  await expect(bram.getByRole('heading', { name: 'Relation not found' })).toBeVisible();
  await anna.locator('.toast').getByRole('button', { name: 'Undo' }).click();
  await expect(names(anna)).toHaveText(['Acme BV']);
  await expect(bram.getByRole('heading', { level: 1 })).toHaveText('Acme BV');
});

test('an unknown relation says so, with a way back', async ({ browser, haard }) => {
  const page = await open(browser, `${haard.base}/relations/nope#invite=${haard.token('editor')}`);
  await expect(page.getByRole('heading', { name: 'Relation not found' })).toBeVisible();
  await page.getByRole('link', { name: 'All relations' }).click();
  await expect(page).toHaveURL(/\/relations$/);
});

test('a viewer sees relations but no edit controls', async ({ browser, haard }) => {
  await withWorkspace(haard, (ws) => {
    ok(ws.addRelation({ id: 'r-acme', name: 'Acme BV' }));
    ok(ws.addContact({ relationId: 'r-acme', name: 'Carla Visser' }));
  });
  const viewer = await open(browser, `${haard.base}/#invite=${haard.token('viewer')}`);
  await expect(names(viewer)).toHaveText(['Acme BV']);
  await expect(viewer.getByRole('form', { name: 'New relation' })).toHaveCount(0);
  await expect(viewer.getByRole('button', { name: 'Delete Acme BV' })).toHaveCount(0);
  await viewer.getByRole('link', { name: 'Acme BV' }).click();
  await expect(viewer.getByRole('heading', { level: 1 })).toHaveText('Acme BV');
  await expect(viewer.getByRole('button', { name: 'Delete relation' })).toHaveCount(0);
  await expect(viewer.getByRole('button', { name: 'Add contact' })).toHaveCount(0);
  await expect(viewer.getByRole('button', { name: 'Edit Carla Visser' })).toHaveCount(0);
  await expect(viewer.getByRole('button', { name: 'Log a contact' })).toHaveCount(0);
  await expect(viewer.getByLabel('Sector')).not.toBeEditable();
  await expect(viewer.getByRole('button', { name: 'Yes' }).first()).toBeDisabled();
});
