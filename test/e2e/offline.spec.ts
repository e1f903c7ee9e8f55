/**
 * Offline after the first visit: the service worker serves the app shell and every screen, IndexedDB the
 * data; an edit made with the server down is kept, and reaches a colleague when the server is back.
 */
import { join } from 'node:path';
import { expect, test } from './helpers/fixtures.ts';

// A server of its own for each test: the relay goes down and comes back (haard.kill/start).
test.use({ ownServer: true });

test('the app opens from the service worker with no server, keeps offline edits, and syncs them later', async ({
  browser,
  haard,
}) => {
  const context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(haard.inviteUrl);
  await expect(page.getByRole('status').first()).toContainText('Synced');
  // The service worker is installed (every file precached) and controls the page.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  await page
    .getByRole('navigation')
    .getByRole('link', { name: /Import/ })
    .click();
  await page
    .getByTestId('csv-file')
    .setInputFiles(join(import.meta.dirname, '../fixtures/csv/relations-20.csv'));
  await page.getByTestId('csv-import').getByRole('button', { name: 'Import', exact: true }).click();
  const count = page.getByTestId('csv-export').locator('.io-actions .muted');
  await expect(count).toHaveText('16 relations, 20 contacts');

  await haard.kill();
  await page.reload(); // no server: index.html, the scripts and this lazy screen come from the service worker
  await expect(count).toHaveText('16 relations, 20 contacts');
  await expect(page.getByRole('status').first()).toContainText('Offline');

  // Another screen that was never opened in this tab (its chunk is precached), and an offline edit.
  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  const cadenceA = page.getByLabel('A relations: every … days');
  await cadenceA.fill('21');
  await cadenceA.press('Enter');
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('A relations: every … days')).toHaveValue('21'); // kept in IndexedDB

  await haard.start();
  await expect(page.getByRole('status').first()).toContainText('Synced', { timeout: 45_000 });
  const other = await (await browser.newContext({ locale: 'en-GB' })).newPage();
  await other.goto(haard.inviteUrl);
  await other.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  await expect(other.getByLabel('A relations: every … days')).toHaveValue('21');
  await other
    .getByRole('navigation')
    .getByRole('link', { name: /Import/ })
    .click();
  await expect(other.getByTestId('csv-export').locator('.io-actions .muted')).toHaveText(
    '16 relations, 20 contacts',
  );
});
