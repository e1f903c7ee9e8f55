/**
 * A firm's first hour with Haard, end to end as people do it: real Chromium, the real server started as
 * `npm start` starts it, two separate browser contexts (no shared BroadcastChannel or IndexedDB).
 */
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './helpers/fixtures.ts';
import { serviceWorkerReady } from './helpers/haard.ts';
import { openSynced } from './helpers/browser.ts';

// A server of its own for each test: the relay goes down and comes back (haard.kill/start).
test.use({ ownServer: true });

const CSV = join(import.meta.dirname, '../fixtures/csv/relations-20.csv');

const open = (browser: Browser, url: string) => openSynced(browser, url);

const nav = (page: Page, name: RegExp | string) =>
  page.getByRole('navigation').getByRole('link', { name }).click();
const summary = (page: Page) => page.getByTestId('abc-summary');

test('a new user creates a workspace, defines criteria, imports 20 CSV rows, scores by keyboard and sees classes; a colleague joins by invite and follows live', async ({
  browser,
  haard,
}) => {
  test.setTimeout(180_000);
  const anna = await open(browser, haard.inviteUrl);

  // Create a workspace of our own from the Workspaces menu.
  await anna.getByText('Workspaces').click();
  await anna.getByRole('textbox', { name: 'Name of the new workspace' }).fill('Kantoor Utrecht');
  await anna.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(anna.getByLabel('Workspace name')).toHaveValue('Kantoor Utrecht');
  await expect(anna.getByRole('status').first()).toContainText('Synced');

  // Criteria: the starter set plus one of our own.
  await nav(anna, 'ABC');
  await anna.getByRole('link', { name: 'Criteria' }).click();
  await anna.locator('.criterion-add').getByLabel('Name').fill('Vertrouwen');
  await anna.locator('.criterion-add').getByLabel('Category').selectOption({ label: 'Relational' });
  await anna.locator('.criterion-add').getByLabel('Weight').fill('2');
  await anna.getByRole('button', { name: 'Add criterion' }).click();
  await expect(anna.getByTestId('criterion')).toHaveCount(5);

  // Import the CRM export: 20 rows → 16 relations with 20 contacts.
  await nav(anna, /Import/);
  await anna.getByTestId('csv-file').setInputFiles(CSV);
  await expect(anna.getByTestId('column-mapping')).toBeVisible();
  await expect(anna.getByTestId('import-summary')).toContainText('16 new and 0 updated relations');
  await anna.getByTestId('csv-import').getByRole('button', { name: 'Import', exact: true }).click();
  await expect(anna.getByTestId('csv-import').getByRole('status')).toContainText('Imported: 16 relations');

  // Score the 10 clients (the classified kind) × 5 criteria by keyboard only: two top relations (all 4),
  // six in the middle, two at the bottom (all 1). With N = 10: round(2) A and round(2) C.
  await nav(anna, 'ABC');
  await anna.getByRole('link', { name: 'Scoring' }).click();
  await anna.getByLabel('Find a relation').focus();
  for (let i = 0; i < 3; i++) await anna.keyboard.press('Tab');
  await expect(anna.getByRole('grid')).toBeFocused();
  const rows = ['44444', '44444', ...Array(3).fill('33333'), ...Array(3).fill('22222'), '11111', '11111'];
  await anna.keyboard.type(rows.join(''));
  await expect(summary(anna)).toHaveText('2 A · 6 B · 2 C');

  // Invite a colleague; Bram opens the link in his own browser and sees the same.
  await anna.getByText('Workspaces').click();
  await anna.getByRole('button', { name: 'Create invite link' }).click();
  const link = await anna.getByLabel('Send this link (valid 30 days):').inputValue();
  expect(link).toContain('#invite=');
  await anna.keyboard.press('Escape');
  const bram = await open(browser, link);
  await expect(bram.getByLabel('Workspace name')).toHaveValue('Kantoor Utrecht');
  await nav(bram, 'ABC');
  await bram.getByRole('link', { name: 'Scoring' }).click();
  await expect(summary(bram)).toHaveText('2 A · 6 B · 2 C');

  // Edits after he joined reach him live: Anna clears a score and re-scores it.
  await anna.getByRole('grid').focus();
  await anna.keyboard.press('Control+Home');
  await anna.keyboard.press('Backspace');
  await expect(summary(bram)).toContainText('1 incomplete');
  await anna.keyboard.press('4');
  await expect(summary(bram)).toHaveText('2 A · 6 B · 2 C');
  await nav(bram, 'Relations');
  await expect(bram.getByTestId('relations').getByText('Gemeente Amersfoort')).toBeVisible();
});

test('with the relay down, one user edits, reloads (service worker + IndexedDB) and edits more, the other edits too; when it returns both see everything', async ({
  browser,
  haard,
}) => {
  test.setTimeout(120_000);
  const anna = await open(browser, haard.inviteUrl);
  const bram = await open(browser, haard.inviteUrl);
  // Let the service worker take control so a reload works offline.
  await serviceWorkerReady(anna);
  await serviceWorkerReady(bram);
  const names = (page: Page) => page.getByTestId('relations').locator('.rel-name');
  const add = async (page: Page, name: string) => {
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByRole('button', { name: 'Add relation' }).click();
    await expect(names(page).filter({ hasText: name })).toHaveCount(1);
  };

  await haard.kill();
  await expect(anna.getByRole('status').first()).toContainText('Offline');
  await add(anna, 'Anna offline 1');
  await anna.reload();
  await expect(names(anna).filter({ hasText: 'Anna offline 1' })).toHaveCount(1);
  await add(anna, 'Anna offline 2');
  await add(bram, 'Bram offline');

  await haard.start();
  for (const page of [anna, bram]) {
    await expect(page.getByRole('status').first()).toContainText('Synced', { timeout: 45_000 });
    for (const name of ['Anna offline 1', 'Anna offline 2', 'Bram offline']) {
      await expect(names(page).filter({ hasText: name })).toHaveCount(1, { timeout: 45_000 });
    }
  }
});
