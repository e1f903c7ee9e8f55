/**
 * A new firm's first hour (issue 11 §6), in real Chromium against the real relay at 1366 px: the empty
 * workspace explains the method and where to start, the firm names its workspace and its language (which
 * an invited colleague then sees until choosing their own), the Workspaces menu behaves (Escape, click
 * outside, below the tabs, whole Dutch role names, copy), the criteria editor stays open while tabbing,
 * team fit gives no green check for nothing, relation texts reach a colleague as they are typed and
 * presence says who has the relation open, revenue is money, and the offline state fits on one row.
 */
import type { Browser, Page } from '@playwright/test';
import { expect, test, type Haard } from './helpers/fixtures.ts';
import { openPage } from './helpers/browser.ts';
import { addClients, ok, seedDemo, seedWorkspace } from './helpers/seed.ts';

// A server of its own for each test: the offline-at-1366-px test stops and restarts the relay (haard.stop/start).
test.use({ ownServer: true });

/** Open the invite in a browser of its own, synced, at 1366 px; then go to `path`. */
async function open(
  browser: Browser,
  haard: Haard,
  path = '/relations',
  locale: 'en-GB' | 'nl-NL' = 'en-GB',
): Promise<Page> {
  const page = await openPage(browser, haard.inviteUrl, { width: 1366, locale });
  await expect(page.locator('.sync')).toHaveAttribute('data-phase', 'synced');
  if (path !== '/relations') await page.goto(`${haard.base}${path}`);
  return page;
}
const nav = (page: Page, name: string | RegExp) =>
  page.getByRole('navigation').getByRole('link', { name }).click();
const fitsWidth = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

test('an empty workspace says what to do; the firm names it and its language, which a new colleague gets until choosing', async ({
  browser,
  haard,
}) => {
  const anna = await open(browser, haard);
  const empty = anna.getByTestId('empty-workspace');
  await expect(empty).toContainText('score relations on criteria you choose');
  await expect(empty.getByRole('link', { name: 'Import relations from your CRM (CSV)' })).toHaveAttribute(
    'href',
    '/data',
  );
  await expect(empty.getByRole('link', { name: 'Check the criteria' })).toHaveAttribute(
    'href',
    '/abc/criteria',
  );

  // The server called the first workspace "Haard": the firm is asked for its name and language.
  const first = anna.getByTestId('first-start');
  await expect(first).toContainText('This workspace is still called “Haard”');
  await first.getByLabel('Name of your firm').fill('Van Dijk Advies');
  // Not "Your name": that is the top bar's field, which tests and screen readers find by it.
  await first.getByLabel('What colleagues call you').fill('Anna de Vries');
  await first.getByLabel('The firm works in').selectOption('nl');
  await first.getByRole('button', { name: 'Save' }).click();
  await expect(anna.getByTestId('first-start')).toHaveCount(0);
  // Her own name too: the top bar holds it, and colleagues see it.
  await expect(anna.getByRole('textbox', { name: 'Je naam' })).toHaveValue('Anna de Vries');
  // Anna chose Dutch as the firm's language and has not picked a language of her own: Dutch for her too.
  await expect(anna.getByLabel('Naam van de werkruimte')).toHaveValue('Van Dijk Advies');
  // The header shows a firm's name whole at 1366 px ("Van Dijk & Bakker Advi…" was cut); a very long one
  // ends in "…" with the full name as its title.
  const wsName = anna.getByLabel('Naam van de werkruimte');
  const cut = () => wsName.evaluate((el) => el.scrollWidth > el.clientWidth);
  await wsName.fill('Van Dijk & Bakker Adviseurs');
  await wsName.press('Enter');
  await anna.getByRole('navigation').getByRole('link', { name: 'Relaties' }).focus();
  expect(await cut()).toBe(false);
  await wsName.fill('Van Dijk & Partners Advocaten en Belastingadviseurs');
  await wsName.press('Enter');
  await anna.getByRole('navigation').getByRole('link', { name: 'Relaties' }).focus();
  await expect(wsName).toHaveAttribute('title', 'Van Dijk & Partners Advocaten en Belastingadviseurs');
  expect(await cut()).toBe(true);
  expect(await wsName.evaluate((el) => getComputedStyle(el).textOverflow)).toBe('ellipsis');
  await wsName.fill('Van Dijk Advies');
  await wsName.press('Enter');

  // A colleague with an English browser opens the invite: Dutch, the firm's language …
  const bram = await openPage(browser, haard.inviteUrl, { width: 1366, locale: 'en-GB' });
  await expect(bram.getByRole('navigation').getByRole('link', { name: 'Relaties' })).toBeVisible();
  await expect(bram.locator('html')).toHaveAttribute('lang', 'nl');
  // … until he picks English himself, which then stays his choice after a reload.
  await bram.getByLabel('Taal').selectOption('en');
  await expect(bram.getByRole('navigation').getByRole('link', { name: 'Relations' })).toBeVisible();
  await bram.reload();
  await expect(bram.getByRole('navigation').getByRole('link', { name: 'Relations' })).toBeVisible();
});

test('“Later” hides the naming question on this device', async ({ browser, haard }) => {
  const page = await open(browser, haard);
  await page.getByTestId('first-start').getByRole('button', { name: 'Later' }).click();
  await expect(page.getByTestId('first-start')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('empty-workspace')).toBeVisible();
  await expect(page.getByTestId('first-start')).toHaveCount(0);
});

test('the Workspaces menu: below the tabs, whole Dutch role names, copy, closes on Escape and a click outside', async ({
  browser,
  haard,
}) => {
  const page = await open(browser, haard, '/relations', 'nl-NL');
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const menu = page.locator('details.ws-menu');
  const panel = page.locator('.ws-menu-panel');
  await page.getByText('Werkruimtes').click();
  await expect(panel).toBeVisible();
  const tabsBottom = await page.getByRole('navigation').evaluate((n) => n.getBoundingClientRect().bottom);
  const panelTop = await panel.evaluate((p) => p.getBoundingClientRect().top);
  expect(panelTop).toBeGreaterThanOrEqual(tabsBottom);

  const role = panel.getByLabel('Rol');
  await expect(role.locator('option:checked')).toHaveText('Mag bewerken');
  expect(await role.evaluate((s) => s.scrollWidth <= s.clientWidth)).toBe(true);
  await panel.getByRole('button', { name: 'Uitnodigingslink maken' }).click();
  const link = await panel.getByLabel('Stuur deze link (30 dagen geldig):').inputValue();
  await panel.getByRole('button', { name: 'Kopiëren' }).click();
  await expect(panel.getByRole('button', { name: 'Gekopieerd' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

  await page.keyboard.press('Escape');
  await expect(menu).not.toHaveAttribute('open', '');
  await expect(page.getByText('Werkruimtes')).toBeFocused();
  await page.getByText('Werkruimtes').click();
  await expect(panel).toBeVisible();
  await page.getByRole('heading', { name: 'Relaties' }).click();
  await expect(panel).toBeHidden();
});

test('criteria editor: the level descriptions stay open while tabbing through them', async ({
  browser,
  haard,
}) => {
  const page = await open(browser, haard, '/abc/criteria');
  const first = page.getByTestId('criterion').first();
  await first.locator('summary').click();
  const levels = first.locator('details.criterion-levels');
  await expect(levels).toHaveAttribute('open', '');
  await first.getByLabel('What this criterion measures').fill('Revenue over the last 12 months');
  await page.keyboard.press('Tab');
  await page.keyboard.type('< € 25k');
  await page.keyboard.press('Tab');
  await page.keyboard.type('€ 25k – 100k');
  await page.keyboard.press('Tab');
  await expect(levels).toHaveAttribute('open', '');
  await expect(first.getByPlaceholder(/./).nth(2)).toBeFocused();
  await expect(first.locator('summary')).toContainText('2 of 4');
});

test('team fit: no green check for an empty team; the same findings, linked, on the team and ABC screens', async ({
  browser,
  haard,
}) => {
  const page = await open(browser, haard, '/team');
  await expect(page.getByText('Team fit is checked once the team has professionals')).toBeVisible();
  await expect(page.getByText('✓')).toHaveCount(0);

  await seedWorkspace(haard, (w, data) => seedDemo(w, data));
  const onTeam = page.getByTestId('team-fit').locator('li');
  await expect(onTeam.first()).toContainText('Citadel Advocaten — class B — no owner');
  const texts = await onTeam.allTextContents();
  await nav(page, 'ABC');
  await page.getByRole('link', { name: 'Classes' }).click();
  const onAbc = page.getByTestId('teamfit-findings').locator('li');
  await expect.poll(() => onAbc.allTextContents()).toEqual(texts);
  await onAbc.first().getByRole('link', { name: 'Citadel Advocaten' }).click();
  await expect(page).toHaveURL(/\/relations\/.+/);
});

test('relation texts reach a colleague as they are typed; presence shows who has the relation open; revenue is money', async ({
  browser,
  haard,
}) => {
  const id = await seedWorkspace(haard, (w) => ok(w.addRelation({ name: 'Acme BV' })));
  const url = `/relations/${id}`;
  const anna = await open(browser, haard, url);
  const bram = await open(browser, haard, url, 'nl-NL');
  await expect(anna.getByTestId('here-too')).toBeVisible();
  await expect(bram.getByTestId('here-too')).toBeVisible();

  const notes = anna.getByLabel('Notes');
  await notes.click();
  await notes.pressSequentially('Merger with Beta in Q3', { delay: 20 });
  // No blur: Bram sees the text while Anna is still in the field.
  // The notes are a shared text (a live editor): Anna's caret shows in it as invisible joiners around a mark.
  await expect
    .poll(async () => ((await bram.getByLabel('Notities').textContent()) ?? '').replace(/\u2060/g, ''))
    .toBe('Merger with Beta in Q3');
  await expect(notes).toBeFocused();

  // Revenue in Bram's language and the workspace's currency.
  const revenue = bram.getByLabel(/^Omzet/);
  await revenue.fill('€ 1.250.000');
  await revenue.press('Tab');
  await expect(revenue).toHaveValue('1.250.000');
  await expect(anna.getByLabel(/^Revenue/)).toHaveValue('1,250,000');
  await expect(bram.locator('.money-sign').first()).toHaveText('€');
  // Cents read back as entered (",50", not ",5"), in the field and in the table (not rounded to € 1.250.001).
  await revenue.fill('1.250.000,50');
  await revenue.press('Tab');
  await expect(revenue).toHaveValue('1.250.000,50');
  await expect(anna.getByLabel(/^Revenue/)).toHaveValue('1,250,000.50');
  await bram.goto(`${haard.base}/relations`);
  await expect(bram.getByTestId('relations').getByRole('row').first()).toContainText('€ 1.250.000,50');
  // Anna still has it open: a dot beside its name in Bram's table.
  await expect(bram.getByRole('img', { name: /^Nu geopend door/ })).toBeVisible();
});

test('offline at 1366 px: the state fits on the top bar’s one row and nothing scrolls sideways', async ({
  browser,
  haard,
}) => {
  await seedWorkspace(haard, (w, data) => seedDemo(w, data));
  for (const locale of ['nl-NL', 'en-GB'] as const) {
    const page = await open(browser, haard, '/team', locale);
    await expect(page.getByTestId('team-fit')).toBeVisible();
    await haard.stop();
    await expect(page.locator('.sync')).toHaveAttribute('data-phase', 'offline');
    const [sync, right] = await Promise.all([
      page.locator('.sync').boundingBox(),
      page.locator('.topbar-right').boundingBox(),
    ]);
    // One row: the tools on the right sit beside the sync state, not under it.
    expect(right!.y).toBeLessThan(sync!.y + sync!.height);
    expect(await fitsWidth(page)).toBe(true);
    await page.screenshot({ path: `/tmp/shots/first-hour-offline-${locale}.png` });
    await haard.start();
    await expect(page.locator('.sync')).toHaveAttribute('data-phase', 'synced');
    await page.context().close();
  }
});

test('scoring: the active row stays in the window while walking down with the keyboard', async ({
  browser,
  haard,
}) => {
  await seedWorkspace(haard, (w, data) =>
    addClients(
      w,
      data,
      Array.from({ length: 40 }, (_, i) => ({ name: `Client ${String(i + 1).padStart(2, '0')}` })),
    ),
  );
  const page = await open(browser, haard, '/abc/scoring');
  await page.setViewportSize({ width: 1366, height: 700 });
  const grid = page.getByRole('grid');
  await grid.focus();
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('ArrowDown');
    const id = await grid.getAttribute('aria-activedescendant');
    await expect
      .poll(() =>
        page.evaluate((cellId) => {
          const r = document.getElementById(cellId!)?.getBoundingClientRect();
          return !!r && r.top >= 0 && r.bottom <= window.innerHeight;
        }, id),
      )
      .toBe(true);
  }
});
