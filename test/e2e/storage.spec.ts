/**
 * Every way opening a document can fail ends within seconds in a state the person understands, in their
 * language, and keeps what still works (issue 11 §4): local storage refused (an `indexedDB.open` that throws,
 * or that never answers), a corrupt local copy, storage that runs full mid-session, and the relay down at the
 * first start on a device. No uncaught error, and the invite never shows up in the console.
 */
import type { Browser, Page } from '@playwright/test';
import { expect, test, type Haard } from './helpers/fixtures.ts';
import * as Y from 'yjs';
import { serviceWorkerReady } from './helpers/haard.ts';

// A server of its own for each test: the relay goes down, and comes back at the first start on a device (haard.kill/start).
test.use({ ownServer: true });

/** A page that records uncaught errors and console lines, so a test can say none of them went wrong. */
async function watchedPage(
  browser: Browser,
  haard: Haard,
  opts: { locale?: string; init?: () => void } = {},
) {
  const context = await browser.newContext({ locale: opts.locale ?? 'en-GB' });
  if (opts.init) await context.addInitScript(opts.init);
  const page = await context.newPage();
  const errors: string[] = [];
  const console: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => console.push(message.text()));
  return { page, errors, console };
}

const status = (page: Page) => page.getByRole('status');
const names = (page: Page) => page.getByTestId('relations').locator('.rel-name');
async function addRelation(page: Page, name: string) {
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Add relation' }).click();
}
const signature = (haard: Haard) => haard.inviteUrl.split('#invite=')[1]!.split('.')[2]!;

function refuseOpen() {
  IDBFactory.prototype.open = function () {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  };
}
function neverOpen() {
  IDBFactory.prototype.open = function () {
    return {} as IDBOpenDBRequest; // a request that never answers
  };
}
/** While `__diskFull` is set, every write aborts its transaction with QuotaExceededError, as a full disk does. */
function diskFullSwitch() {
  const add = IDBObjectStore.prototype.add;
  IDBObjectStore.prototype.add = function (this: IDBObjectStore, ...args: [unknown, IDBValidKey?]) {
    const request = add.apply(this, args);
    if ((globalThis as { __diskFull?: boolean }).__diskFull) {
      const tx = this.transaction;
      const error = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      Object.defineProperty(tx, 'error', { get: () => error });
      tx.abort();
    }
    return request;
  };
}

test('local storage refused: a warning in the person’s language, online work syncs, closing with unsent changes asks first', async ({
  browser,
  haard,
}) => {
  const { page, errors, console } = await watchedPage(browser, haard, { locale: 'nl-NL', init: refuseOpen });
  await page.goto(haard.inviteUrl);
  await expect(page.getByRole('alert')).toContainText(
    'Deze browser laat Haard geen kopie op dit apparaat bewaren',
  );
  await expect(status(page)).toContainText('Gesynchroniseerd · niet bewaard op dit apparaat');
  await page.getByLabel('Naam', { exact: true }).fill('Zonder opslag BV');
  await page.getByRole('button', { name: 'Relatie toevoegen' }).click();

  // The change reached the relay: a colleague (with working storage) sees it.
  const other = await watchedPage(browser, haard);
  await other.page.goto(haard.inviteUrl);
  await expect(names(other.page)).toHaveText(['Zonder opslag BV']);

  // Relay gone: the edit lives only in this tab, and the page says so — and asks before closing.
  await haard.kill();
  await expect(status(page)).toContainText('alleen in dit tabblad');
  await page.getByLabel('Naam', { exact: true }).fill('Alleen in dit tabblad');
  await page.getByRole('button', { name: 'Relatie toevoegen' }).click();
  await expect(status(page)).toContainText('1 wijziging nog niet verstuurd');
  const asked = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.dismiss();

  expect(errors).toEqual([]);
  expect(console.join('\n')).not.toContain(signature(haard));
});

test('an indexedDB.open that never answers ends within seconds in the online-only state', async ({
  browser,
  haard,
}) => {
  const { page, errors } = await watchedPage(browser, haard, { init: neverOpen });
  await page.goto(haard.inviteUrl);
  await expect(page.getByRole('alert')).toContainText('does not let Haard keep a copy', { timeout: 10_000 });
  await expect(status(page)).toContainText('Synced · not kept on this device');
  await addRelation(page, 'Acme BV');
  await expect(names(page)).toHaveText(['Acme BV']);
  expect(errors).toEqual([]);
});

test('a corrupt local copy is left untouched; the workspace opens through the relay and says so', async ({
  browser,
  haard,
}) => {
  const { page, errors } = await watchedPage(browser, haard);
  await page.goto(haard.inviteUrl);
  await expect(status(page)).toContainText('Synced');
  await addRelation(page, 'Acme BV');
  const room = `${haard.workspaceId}/workspace/main`;
  // The copy is in y-indexeddb's layout: database = room, `updates` rows are Yjs updates.
  const rows = await rowsOf(page, room);
  const copy = new Y.Doc();
  for (const row of rows) Y.applyUpdate(copy, new Uint8Array(row));
  expect(JSON.stringify(copy.getMap('relations').toJSON())).toContain('Acme BV');

  // Damage it: a row that is no Yjs update.
  await page.evaluate(
    (name) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => {
          const tx = open.result.transaction(['updates'], 'readwrite');
          tx.objectStore('updates').add(new Uint8Array([255, 255, 255, 255, 1, 2, 3]));
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
    room,
  );
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('could not be read. It was left as it was');
  await expect(names(page)).toHaveText(['Acme BV']); // from the relay
  const after = await rowsOf(page, room);
  expect(after.length).toBe(rows.length + 1); // nothing written to, or removed from, the damaged copy
  expect(errors).toEqual([]);
});

test('storage full mid-session: nothing typed is lost — kept in memory, written once there is space', async ({
  browser,
  haard,
}) => {
  const { page, errors } = await watchedPage(browser, haard, { init: diskFullSwitch });
  await page.goto(haard.inviteUrl);
  await expect(status(page)).toContainText('Synced');
  await serviceWorkerReady(page);
  await haard.kill(); // offline too: the only copy of what is typed next is this tab's memory
  await page.evaluate(() => ((globalThis as { __diskFull?: boolean }).__diskFull = true));
  await addRelation(page, 'Typed on a full disk');
  await expect(page.getByRole('alert')).toContainText('out of storage space');
  await expect(status(page)).toContainText('1 change not yet sent');

  await page.evaluate(() => ((globalThis as { __diskFull?: boolean }).__diskFull = false));
  await expect(page.getByRole('alert')).toHaveCount(0, { timeout: 15_000 }); // written on the next attempt
  await page.reload(); // still offline: what shows now comes from this device
  await expect(names(page)).toHaveText(['Typed on a full disk']);
  expect(errors).toEqual([]);
});

test('relay down at the first start on a device: says the workspace is not here yet, opens when it is back', async ({
  browser,
  haard,
}) => {
  const { page, errors, console } = await watchedPage(browser, haard);
  await page.goto(haard.inviteUrl);
  await expect(status(page)).toContainText('Synced');
  await addRelation(page, 'Acme BV');
  await serviceWorkerReady(page);
  // A first start: no local copy of anything, and no relay.
  await page.evaluate(async () => {
    for (const db of await indexedDB.databases()) if (db.name) indexedDB.deleteDatabase(db.name);
  });
  await haard.kill();
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('not on this device yet', { timeout: 10_000 });
  await expect(status(page)).toContainText('Offline');
  await expect(page.getByText('Opening the local copy…')).toHaveCount(0);

  await haard.start();
  await expect(names(page)).toHaveText(['Acme BV'], { timeout: 45_000 });
  await expect(status(page)).toContainText('Synced');
  expect(errors).toEqual([]);
  expect(console.join('\n')).not.toContain(signature(haard));
});

/** Every row of a y-indexeddb-layout database, as plain arrays. */
const rowsOf = (page: Page, room: string) =>
  page.evaluate(
    (name) =>
      new Promise<number[][]>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => {
          const request = open.result.transaction(['updates'], 'readonly').objectStore('updates').getAll();
          request.onsuccess = () => {
            open.result.close();
            resolve((request.result as Uint8Array[]).map((row) => Array.from(row)));
          };
          request.onerror = () => reject(request.error);
        };
        open.onerror = () => reject(open.error);
      }),
    room,
  );
