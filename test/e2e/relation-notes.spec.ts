/**
 * A relation's notes are a shared text (workspace schema 3): two people typing in the same notes in separate
 * browser contexts, through the real relay, both see each other's words arrive without losing their caret;
 * notes edited offline in one browser and online in the other keep both edits after reconnecting.
 */
import type { Browser, Page } from '@playwright/test';
import { expect, test, type Haard } from './helpers/fixtures.ts';
import { openCuttable, openSynced } from './helpers/browser.ts';
import { ok, readWorkspace, seedWorkspace } from './helpers/seed.ts';

let url: string;
let relationId: string;
test.beforeEach(async ({ haard }) => {
  relationId = await seedWorkspace(haard, (w) =>
    ok(w.addRelation({ name: 'Acme BV', notes: 'Directeur: Piet.' })),
  );
  url = `${haard.base}/relations/${relationId}`;
});

const notes = (page: Page, name = 'Notes') => page.getByRole('textbox', { name, exact: true });
/** The editor's text without the invisible joiners CodeMirror may render around a remote caret. */
const plain = async (page: Page, name = 'Notes') =>
  ((await notes(page, name).textContent()) ?? '').replace(/\u2060/g, '');

async function openRelation(
  browser: Browser,
  haard: Haard,
  locale: 'en-GB' | 'nl-NL' = 'en-GB',
): Promise<Page> {
  const page = await openSynced(browser, haard.inviteUrl, { locale });
  await page.goto(url);
  await expect(notes(page, locale === 'nl-NL' ? 'Notities' : 'Notes')).toBeVisible();
  return page;
}

test('two people type in the same notes at once: each sees the other’s words live and keeps their caret', async ({
  browser,
  haard,
}) => {
  const anna = await openRelation(browser, haard);
  const bram = await openRelation(browser, haard, 'nl-NL');
  await expect(notes(anna)).toHaveText('Directeur: Piet.');

  // Anna types at the end, Bram at the start, neither leaves the field.
  await notes(anna).click();
  await anna.keyboard.press('End');
  await notes(bram, 'Notities').click();
  await bram.keyboard.press('Home');
  await anna.keyboard.type(' Wil uitbreiden.', { delay: 15 });
  await bram.keyboard.type('Let op: ', { delay: 15 });
  for (const [page, name] of [
    [anna, 'Notes'],
    [bram, 'Notities'],
  ] as const) {
    await expect.poll(() => plain(page, name)).toBe('Let op: Directeur: Piet. Wil uitbreiden.');
  }
  await expect(notes(anna)).toBeFocused();
  await expect(notes(bram, 'Notities')).toBeFocused();
  // Each caret stayed where its owner was typing: one more word lands in the right place.
  await anna.keyboard.type(' Q3.');
  await bram.keyboard.type('NB ');
  await expect.poll(() => plain(anna)).toBe('Let op: NB Directeur: Piet. Wil uitbreiden. Q3.');
  // The colleague's caret shows in the notes, as in a plan text.
  await expect(anna.locator('.shared-text .cm-ySelectionCaret')).toHaveCount(1);
  await expect
    .poll(async () => (await readWorkspace(haard)).relations[relationId]!.notes)
    .toBe('Let op: NB Directeur: Piet. Wil uitbreiden. Q3.');
});

/** A cuttable browser (helpers/browser.ts) with the relation open. */
async function openCuttableRelation(browser: Browser, haard: Haard) {
  const cuttable = await openCuttable(browser, haard.inviteUrl);
  await cuttable.page.goto(url);
  await expect(notes(cuttable.page)).toHaveText('Directeur: Piet.');
  return cuttable;
}

test('notes edited offline in one browser and online in the other keep both edits after reconnecting', async ({
  browser,
  haard,
}) => {
  const cuttable = await openCuttableRelation(browser, haard);
  const anna = cuttable.page;
  const bram = await openRelation(browser, haard);

  await cuttable.cut();
  await expect(anna.getByRole('status').first()).toContainText(/Offline|Connecting/);
  await notes(anna).click();
  await anna.keyboard.press('End');
  await anna.keyboard.type(' Offline: fusie met Beta.');
  await notes(bram).click();
  await bram.keyboard.press('Home');
  await bram.keyboard.type('Online: ');
  await expect.poll(() => plain(bram)).toBe('Online: Directeur: Piet.');

  await cuttable.restore();
  const both = 'Online: Directeur: Piet. Offline: fusie met Beta.';
  for (const page of [anna, bram]) await expect.poll(() => plain(page), { timeout: 20_000 }).toBe(both);
  await expect.poll(async () => (await readWorkspace(haard)).relations[relationId]!.notes).toBe(both);
});
