/** Workspace settings in real Chromium: saved on change, errors at the field, live for colleagues, roles. */
import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './helpers/fixtures.ts';
import { openPage } from './helpers/browser.ts';

const SHOTS = '/tmp/shots';
mkdirSync(SHOTS, { recursive: true });

async function openSettings(
  browser: Browser,
  url: string,
  locale: 'en-GB' | 'nl-NL' = 'en-GB',
): Promise<Page> {
  const page = await openPage(browser, url, { locale });
  await expect(page.getByRole('status').first()).toBeVisible();
  await page
    .getByRole('navigation')
    .getByRole('link', { name: locale.startsWith('nl') ? 'Instellingen' : 'Settings' })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  return page;
}

async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function enter(page: Page, label: string | RegExp, value: string) {
  const input = page.getByLabel(label, { exact: typeof label === 'string' });
  await input.fill(value);
  await input.press('Enter');
  await input.blur();
  return input;
}

test('settings are validated at the field, saved on change, and seen live by a colleague', async ({
  browser,
  haard,
}) => {
  const anna = await openSettings(browser, haard.inviteUrl);
  const bram = await openSettings(browser, haard.inviteUrl);

  // Contact frequency: a bad value stays in the field with the reason beside it; nothing is saved.
  const a = await enter(anna, 'A relations: every … days', '0');
  await expect(a).toHaveAttribute('aria-invalid', 'true');
  await expect(anna.getByText('Enter a whole number of days, 1 or more.')).toBeVisible();
  await enter(anna, 'A relations: every … days', 'twee');
  await expect(anna.getByText('Enter a whole number of days, 1 or more.')).toBeVisible();
  await expect(bram.getByLabel('A relations: every … days')).toHaveValue('30');
  await enter(anna, 'A relations: every … days', '45');
  await expect(a).not.toHaveAttribute('aria-invalid', 'true');
  await expect(bram.getByLabel('A relations: every … days')).toHaveValue('45');
  await enter(anna, 'Contact moments per year, at least, for A relations', '-1');
  await expect(anna.getByText('Enter a whole number, 0 or more.')).toBeVisible();
  await enter(anna, 'Contact moments per year, at least, for A relations', '8');
  await expect(bram.getByLabel('Contact moments per year, at least, for A relations')).toHaveValue('8');

  // Currency: an ISO code; lower case is accepted and stored upper case.
  await enter(anna, 'Currency', 'euro');
  await expect(anna.getByText('Use a three-letter ISO currency code, e.g. EUR.')).toBeVisible();
  await enter(anna, 'Currency', 'usd');
  await expect(anna.getByLabel('Currency')).toHaveValue('USD');
  await expect(bram.getByLabel('Currency')).toHaveValue('USD');

  // Acquisition cost: money, read in the user's number format; empty means "not set".
  await enter(anna, 'Acquisition cost of a new client', 'veel');
  await expect(anna.getByText('Enter an amount of 0 or more')).toBeVisible();
  await enter(anna, 'Acquisition cost of a new client', '25,000');
  await expect(anna.getByLabel('Acquisition cost of a new client')).toHaveValue('25,000');
  await expect(bram.getByLabel('Acquisition cost of a new client')).toHaveValue('25,000');

  // Default language and name (once named, the workspace's language is what colleagues see first).
  await anna.getByLabel('Default language').selectOption('en');
  await expect(bram.getByLabel('Default language')).toHaveValue('en');
  await enter(anna, 'Name', '   ');
  await expect(anna.getByText('The workspace needs a name.')).toBeVisible();
  await enter(anna, 'Name', 'Van Dijk Advies');
  await expect(bram.locator('#ws-name')).toHaveValue('Van Dijk Advies');

  // Access: the workspace id and this browser's role; the classification settings are linked.
  await expect(anna.getByTestId('workspace-id')).toHaveText(haard.workspaceId);
  await expect(anna.getByTestId('role')).toHaveText('Editor — can change everything');
  await expect(anna.getByRole('link', { name: 'Go to the classification settings' })).toHaveAttribute(
    'href',
    '/abc/settings',
  );
  await expect(anna.locator('body')).not.toContainText('⟦');
  expect(await seriousViolations(anna)).toEqual([]);
  await anna.screenshot({ path: `${SHOTS}/settings-en.png`, fullPage: true });
});

test('a viewer sees the settings and its role, and cannot change them', async ({ browser, haard }) => {
  const viewer = await openSettings(browser, `${haard.base}/#invite=${haard.token('viewer')}`);
  await expect(viewer.getByTestId('role')).toHaveText('Viewer — can read, not change');
  await expect(viewer.getByText('You have a viewer invite')).toBeVisible();
  await expect(viewer.getByLabel('A relations: every … days')).toHaveAttribute('readonly', '');
  await expect(viewer.getByLabel('Default language')).toBeDisabled();
});

test('settings in Dutch: complete texts, accessible, errors in Dutch', async ({ browser, haard }) => {
  const page = await openSettings(browser, haard.inviteUrl, 'nl-NL');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Instellingen');
  await enter(page, 'Acquisitiekosten van een nieuwe klant', '25.000');
  await expect(page.getByLabel('Acquisitiekosten van een nieuwe klant')).toHaveValue('25.000');
  await enter(page, 'A-relaties: elke … dagen', '0');
  await expect(page.getByText('Vul een geheel aantal dagen in, 1 of meer.')).toBeVisible();
  await expect(page.locator('body')).not.toContainText('⟦');
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/settings-nl.png`, fullPage: true });
});
