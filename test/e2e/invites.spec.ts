/**
 * Revocable invites from the Workspaces menu: an editor sees the links made there, revokes one — the
 * colleague who joined with it is cut off at once and told so — or revokes every other link made before
 * now, keeping their own.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './helpers/fixtures.ts';
import { openPage } from './helpers/browser.ts';

// A server of its own for each test: its first workspace has no invite in its list yet (the fixture’s
// workspaces are made through POST /api/workspaces, which records the invite it returns).
test.use({ ownServer: true });

const open = (browser: Browser, url: string) => openPage(browser, url);
const syncStatus = (page: Page) => page.getByRole('status');
/** Every link this test made, to prove each new one differs from the last. */
const made: string[] = [];
test.beforeEach(() => void made.splice(0));

/** Makes an invite link from the Workspaces menu, for `forWhom` when given ("For whom (optional)"). */
async function makeInvite(page: Page, forWhom?: string): Promise<string> {
  await page.getByText('Workspaces').click();
  if (forWhom) await page.getByRole('textbox', { name: 'For whom (optional)' }).fill(forWhom);
  await page.getByRole('button', { name: 'Create invite link' }).click();
  // The field shows only the link just made (the previous one is cleared while the new one is made).
  const label = forWhom ? `Send this link to ${forWhom} (valid 30 days):` : 'Send this link (valid 30 days):';
  const link = await page.getByLabel(label).inputValue();
  made.push(link);
  expect(new Set(made).size, 'every invite link is new').toBe(made.length);
  await page.getByText('Workspaces').click(); // close the menu
  return link;
}

test('an editor revokes one invite link; the colleague who used it is cut off and told why', async ({
  browser,
  haard,
}) => {
  const anna = await open(browser, haard.inviteUrl);
  await expect(syncStatus(anna)).toContainText('Synced');
  const bramLink = await makeInvite(anna, 'Bram');
  const carlaLink = await makeInvite(anna, 'Carla');
  const bram = await open(browser, bramLink);
  const carla = await open(browser, carlaLink);
  await expect(syncStatus(bram)).toContainText('Synced');
  await expect(syncStatus(carla)).toContainText('Synced');

  await anna.getByText('Workspaces').click();
  const invites = anna.getByTestId('invite');
  await expect(invites).toHaveCount(2);
  const violations = (await new AxeBuilder({ page: anna }).include('.ws-menu-panel').analyze()).violations;
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  // The newest first: Carla's link, then Bram's, each named.
  await expect(invites.nth(0)).toContainText(/^Carla: Can edit, made /);
  await expect(invites.nth(1)).toContainText(/^Bram: Can edit, made /);
  await invites
    .nth(1)
    .getByRole('button', { name: /^Revoke the link “Bram: Can edit/ })
    .click();
  // How many sockets one browser holds is the sync layer's business: at least Bram's one.
  await expect(anna.getByText(/^Revoked\. \d+ open connections? (was|were) closed\.$/)).toBeVisible();
  await expect(invites.nth(1)).toContainText('revoked');

  await expect(syncStatus(bram)).toContainText('This invite no longer works');
  await expect(syncStatus(carla)).toContainText('Synced');
  await expect(syncStatus(anna)).toContainText('Synced');
  // Nothing Bram types could reach anyone now: his copy reads, and takes no edit — also after a reload.
  const name = bram.getByRole('textbox', { name: 'Workspace name' });
  await expect(name).not.toBeEditable();
  await bram.reload();
  await expect(syncStatus(bram)).toContainText('can be read, not changed');
  await expect(name).not.toBeEditable();
  await expect(anna.getByRole('textbox', { name: 'Workspace name' })).toBeEditable();
});

test('revoke all other links made before now: everyone else is cut off, the editor keeps working', async ({
  browser,
  haard,
}) => {
  const anna = await open(browser, haard.inviteUrl);
  await expect(syncStatus(anna)).toContainText('Synced');
  const bram = await open(browser, await makeInvite(anna));
  const outside = await open(browser, `${haard.base}/#invite=${haard.token('viewer')}`); // made by `haard token`
  await expect(syncStatus(bram)).toContainText('Synced');
  await expect(syncStatus(outside)).toContainText('Synced');
  await anna.waitForTimeout(1100); // invites carry their time in whole seconds

  await anna.getByText('Workspaces').click();
  await anna.getByRole('button', { name: 'Revoke all other links made before now' }).click();
  await expect(anna.getByText('Your own link keeps working.')).toBeVisible();
  await anna.getByRole('button', { name: 'Yes, revoke them' }).click();
  await expect(anna.getByText(/^Revoked\. \d+ open connections were closed\.$/)).toBeVisible();

  await expect(syncStatus(bram)).toContainText('This invite no longer works');
  await expect(syncStatus(outside)).toContainText('This invite no longer works');
  await expect(syncStatus(anna)).toContainText('Synced');
});
