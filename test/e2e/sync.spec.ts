/**
 * Local-first sync as people use it: two separate browser contexts (no shared BroadcastChannel or
 * IndexedDB), the real relay over real sockets, real IndexedDB in real Chromium.
 */
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './helpers/fixtures.ts';
import * as Y from 'yjs';
import { serviceWorkerReady } from './helpers/haard.ts';
import { openPage } from './helpers/browser.ts';
import { rawPeerWrite } from './helpers/seed.ts';

// A server of its own for each test: the relay goes down and comes back (haard.kill/start).
test.use({ ownServer: true });

const open = (browser: Browser, url: string) => openPage(browser, url);

const relationNames = (page: Page) => page.getByTestId('relations').locator('.rel-name');
const syncStatus = (page: Page) => page.getByRole('status');

async function addRelation(page: Page, name: string) {
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Add relation' }).click();
}

test('two people in separate browsers see each other’s edits live, and each other’s presence', async ({
  browser,
  haard,
}) => {
  const anna = await open(browser, haard.inviteUrl);
  await expect(syncStatus(anna)).toContainText('Synced');
  await addRelation(anna, 'Acme BV');

  const bram = await open(browser, haard.inviteUrl);
  await expect(relationNames(bram)).toHaveText(['Acme BV']); // a late joiner gets the whole state
  await expect(anna.locator('.presence .avatar')).toHaveCount(2);

  await addRelation(bram, 'Bouwbedrijf De Vries');
  await expect(relationNames(anna)).toHaveText(['Acme BV', 'Bouwbedrijf De Vries']);

  // The invite is remembered: a reload opens the workspace from IndexedDB and the relay again.
  await anna.reload();
  await expect(relationNames(anna)).toHaveText(['Acme BV', 'Bouwbedrijf De Vries']);
});

test('edits made while the relay is down are kept, shown as pending, and merge when it returns', async ({
  browser,
  haard,
}) => {
  const anna = await open(browser, haard.inviteUrl);
  const bram = await open(browser, haard.inviteUrl);
  await expect(syncStatus(anna)).toContainText('Synced');
  await expect(syncStatus(bram)).toContainText('Synced');

  await serviceWorkerReady(anna);
  await serviceWorkerReady(bram);
  await haard.kill();
  await expect(syncStatus(anna)).toContainText('Offline');
  await addRelation(anna, 'Offline by Anna');
  await addRelation(bram, 'Offline by Bram');
  await expect(syncStatus(anna)).toContainText('1 change not yet sent');
  await expect(relationNames(bram)).toHaveText(['Offline by Bram']);

  await haard.start(); // same port, same data directory; the browsers reconnect by themselves
  await expect(relationNames(anna)).toHaveText(['Offline by Anna', 'Offline by Bram'], { timeout: 45_000 });
  await expect(relationNames(bram)).toHaveText(['Offline by Anna', 'Offline by Bram'], { timeout: 45_000 });
  await expect(syncStatus(anna)).toContainText('Synced');
});

test('an invite that no longer works says so plainly and stops retrying', async ({ browser, haard }) => {
  const expired = haard.token('editor', { expiresAt: new Date(Date.now() + 3000) });
  const exp = JSON.parse(Buffer.from(expired.split('.')[1]!, 'base64url').toString()).exp as number;
  // Not expired when opened (the browser accepts it), expired by the time it connects again.
  const page = await open(browser, `${haard.base}/#invite=${expired}`);
  await expect(syncStatus(page)).toContainText('Synced');
  await page.waitForTimeout(Math.max(0, exp * 1000 - Date.now()) + 1100);
  await page.reload();
  await expect(syncStatus(page)).toContainText('This invite no longer works');
  await page.waitForTimeout(3000);
  await expect(syncStatus(page)).toContainText('This invite no longer works');

  // A signature with one character changed — the first: the last one of an HMAC in base64url also carries two
  // padding bits that decoding drops, so changing it left the signature valid one time in four.
  const [version, payload, signature] = haard.token('editor').split('.') as [string, string, string];
  const forged = `${version}.${payload}.${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`;
  const other = await open(browser, `${haard.base}/#invite=${forged}`);
  await expect(syncStatus(other)).toContainText('This invite no longer works');

  const garbage = await open(browser, `${haard.base}/#invite=not-a-token`);
  await expect(garbage.getByRole('alert')).toContainText('This is not a Haard invite');
});

test('a viewer sees the workspace live but cannot edit it', async ({ browser, haard }) => {
  const editor = await open(browser, haard.inviteUrl);
  await addRelation(editor, 'Acme BV');
  const viewer = await open(browser, `${haard.base}/#invite=${haard.token('viewer')}`);
  await expect(relationNames(viewer)).toHaveText(['Acme BV']);
  await expect(viewer.getByText('Read-only')).toBeVisible();
  await expect(viewer.getByRole('button', { name: 'Add relation' })).toHaveCount(0);
  await addRelation(editor, 'Zeta NV');
  await expect(relationNames(viewer)).toHaveText(['Acme BV', 'Zeta NV']);
});

test('a record from a peer that does not fit the schema is reported and kept aside; the rest works', async ({
  browser,
  haard,
}) => {
  const page = await open(browser, haard.inviteUrl);
  await addRelation(page, 'Acme BV');
  // A peer (an older or buggy client) writes a relation with a negative revenue, bypassing validation.
  await rawPeerWrite(haard, (doc) => {
    const bad = new Y.Map<unknown>();
    doc.transact(() => {
      doc.getMap('relations').set('bad1', bad);
      for (const [k, v] of Object.entries({ id: 'bad1', name: 'Kapot BV', kind: 'client', revenue: -5 }))
        bad.set(k, v);
    });
  });
  const banner = page.getByRole('alert').filter({ hasText: 'Some data could not be read' });
  await expect(banner).toContainText('1 record(s) from another device');
  await banner.getByText('What is wrong').click();
  await expect(banner).toContainText('relations.bad1');
  await expect(relationNames(page)).toHaveText(['Acme BV']);
  await addRelation(page, 'Zeta NV'); // the workspace keeps working
  await expect(relationNames(page)).toHaveText(['Acme BV', 'Zeta NV']);
  // Nothing was deleted: the relay still holds the peer's record.
  const held = await rawPeerWrite(haard, (doc) => doc.getMap('relations').has('bad1'));
  expect(held).toBe(true);
});
