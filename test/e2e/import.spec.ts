/**
 * The CSV import screen in real Chromium (issue 11 §1, §2, §3, §5): the file's own line numbers whatever
 * its line ends, what the import guessed shown and changeable with the preview read again at once, impossible
 * dates refused with their line, and a CRM contacts export imported as it is — mapped once, remembered,
 * and "no changes" the second time. Screenshots at 1366 px in both languages.
 */
import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { expect, test, type Haard } from './helpers/fixtures.ts';
import { openPage } from './helpers/browser.ts';
import { crmContactsCsv } from '../fixtures/csv/crm.ts';

const SHOTS = '/tmp/shots';
mkdirSync(SHOTS, { recursive: true });

async function open(browser: Browser, haard: Haard, locale: 'en-GB' | 'nl-NL' = 'en-GB'): Promise<Page> {
  const page = await openPage(browser, haard.inviteUrl, { locale, width: 1366 });
  await expect(page.getByRole('status').first()).toBeVisible();
  await page
    .getByRole('navigation')
    .getByRole('link', { name: /Import/ })
    .click();
  return page;
}

const panel = (page: Page) => page.getByTestId('csv-import');
const exportCount = (page: Page) => page.getByTestId('csv-export').locator('.io-actions .muted');

async function drop(page: Page, name: string, content: string | Buffer) {
  await page.getByTestId('csv-file').setInputFiles({
    name,
    mimeType: 'text/csv',
    buffer: Buffer.isBuffer(content) ? content : Buffer.from(content),
  });
  await expect(page.getByTestId('import-reading')).toBeVisible();
}

async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The page is no wider than the window: nothing scrolls sideways at 1366 px. */
async function fitsWidth(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

test('old-Mac line ends: the bad row is on line 3; leaving it out imports the other two', async ({
  browser,
  haard,
}) => {
  const page = await open(browser, haard);
  await drop(page, 'mac.csv', 'Bedrijf;Omzet\rA;1\rB;veel\rC;2\r');
  const issues = page.getByTestId('import-issues');
  await expect(issues.locator('li')).toHaveText([/^Line 3: Omzet ‘veel’ is not a number/]);
  await issues.getByRole('button', { name: 'Leave out line 3' }).click();
  await expect(page.getByTestId('import-summary')).toContainText('2 new and 0 updated relations');
  await panel(page).getByRole('button', { name: 'Import', exact: true }).click();
  await expect(exportCount(page)).toHaveText('2 relations, 0 contacts');
});

test('a semicolon file with commas in its headers: three columns; the guesses can be changed and the preview follows', async ({
  browser,
  haard,
}) => {
  const page = await open(browser, haard);
  await drop(
    page,
    'zonnebloem.csv',
    'Bedrijf;Omzet (EUR, excl. btw);Potentie (EUR, 3 jaar)\r\nZonnebloem Advies BV;12.500,50;30.000,00\r\n',
  );
  const reading = page.getByTestId('import-reading');
  await expect(reading.getByLabel('Columns separated by')).toHaveValue('auto');
  await expect(reading.getByLabel('Columns separated by').locator('option:checked')).toHaveText(
    'Guessed: semicolons',
  );
  await expect(reading.getByLabel('Numbers').locator('option:checked')).toHaveText(
    'Guessed: Dutch: 1.234,56',
  );
  const target = (header: string) => panel(page).getByLabel(`Haard field: ${header}`);
  await expect(target('Omzet (EUR, excl. btw)')).toHaveValue('relation.revenue');
  await expect(target('Potentie (EUR, 3 jaar)')).toHaveValue('relation.potential');
  const preview = page.getByTestId('import-preview');
  await expect(preview.locator('tbody tr')).toContainText(['12,500.5']);

  // Read it as commas instead: the columns and the preview change at once; back again.
  await reading.getByLabel('Columns separated by').selectOption('comma');
  await expect(page.getByTestId('column-mapping').locator('tbody tr')).toHaveCount(3);
  await expect(page.getByTestId('column-mapping').locator('tbody th').first()).toHaveText(
    'Bedrijf;Omzet (EUR',
  );
  await expect(page.getByTestId('import-issues')).toBeVisible();
  await reading.getByLabel('Columns separated by').selectOption('auto');
  await expect(page.getByTestId('import-issues')).toHaveCount(0);

  // Numbers read the English way: 12.500,50 is no number then.
  await reading.getByLabel('Numbers').selectOption('en');
  await expect(page.getByTestId('import-issues')).toContainText('‘12.500,50’ is not a number');
  await reading.getByLabel('Numbers').selectOption('auto');
  await expect(page.getByTestId('import-summary')).toContainText('1 new and 0 updated relations');
  await panel(page).getByRole('button', { name: 'Import', exact: true }).click();
  await expect(exportCount(page)).toHaveText('1 relation, 0 contacts');
});

test('the character set can be changed: a Windows-1252 file read as UTF-8 shows the damage, back again it is right', async ({
  browser,
  haard,
}) => {
  const page = await open(browser, haard);
  const bytes = Buffer.concat([
    Buffer.from('Bedrijf;Contactpersoon\nCaf'),
    Buffer.from([0xe9]),
    Buffer.from(' De Zwaan;Ren'),
    Buffer.from([0xe9]),
    Buffer.from('e\n'),
  ]);
  await drop(page, 'cafe.csv', bytes);
  const reading = page.getByTestId('import-reading');
  await expect(page.getByTestId('import-reading-notes')).toContainText('read as Windows-1252');
  await expect(page.getByTestId('import-preview')).toContainText('Café De Zwaan');
  await reading.getByLabel('Character set').selectOption('utf-8');
  await expect(page.getByTestId('import-preview')).toContainText('Caf\uFFFD De Zwaan');
  await reading.getByLabel('Character set').selectOption('windows-1252');
  await expect(page.getByTestId('import-preview')).toContainText('Renée');
});

test('impossible dates are refused with their line; an ambiguous date says how it was read', async ({
  browser,
  haard,
}) => {
  const page = await open(browser, haard);
  await drop(
    page,
    'dates.csv',
    'Bedrijf;Contactpersoon;Geboortedatum\nA;Ann;1991-02-31\nB;Bob;1985-15-03\nC;Cas;00-00\nD;Dirk;29-02\nE;Eva;05-03-1980\n',
  );
  await expect(page.getByTestId('import-issues').locator('li')).toHaveText([
    /^Line 2: Geboortedatum ‘1991-02-31’: 31 February does not exist/,
    /^Line 3: Geboortedatum ‘1985-15-03’: there is no month 15/,
    /^Line 4: Geboortedatum ‘00-00’: there is no month 0/,
  ]);
  // "29-02" can only be day-month: that decides the file's order.
  await expect(page.getByTestId('import-reading-notes')).toContainText(
    '29-02 on line 5 can only be read this way.',
  );
  await expect(page.getByTestId('date-example')).toHaveText('05-03-1980 (line 6) is read as 5 Mar 1980.');
  await page.getByTestId('import-reading').getByLabel('Dates').selectOption('mdy');
  await expect(page.getByTestId('date-example')).toHaveText('05-03-1980 (line 6) is read as 3 May 1980.');
  // Month-day, "29-02" has no month 29: the choice is checked like any other reading.
  await expect(page.getByTestId('import-issues')).toContainText(
    'Line 5: Geboortedatum ‘29-02’: there is no month 29',
  );
  await page.getByTestId('import-reading').getByLabel('Dates').selectOption('auto');
  await page.getByRole('button', { name: 'Leave out all rows with problems' }).click();
  await panel(page).getByRole('button', { name: 'Import', exact: true }).click();
  await expect(exportCount(page)).toHaveText('2 relations, 2 contacts');
});

test('a CRM contacts export imports as it is: mapped once, owners, birthdays, history; again: no changes', async ({
  browser,
  haard,
}) => {
  const page = await open(browser, haard);
  await drop(page, 'crm-contacts.csv', crmContactsCsv());
  const target = (header: string) => panel(page).getByLabel(`Haard field: ${header}`);
  await expect(target('Associated Company')).toHaveValue('relation.name');
  await expect(target('First Name')).toHaveValue('contact.name');
  await expect(target('Last Name')).toHaveValue('contact.name');
  await expect(page.getByTestId('combined')).toHaveText(
    'Contact: name is made of “First Name” + “Last Name”.',
  );
  await expect(target('Contact owner')).toHaveValue('contact.owner');
  await expect(target('Last Activity Date')).toHaveValue('log.lastActivity');
  await expect(target('Date of birth')).toHaveValue('contact.birthday');
  await expect(page.getByTestId('import-issues')).toHaveCount(0);

  // One question for the one stage nothing reads; owners are offered to be added to the team.
  const values = page.getByTestId('import-values');
  await expect(values).toContainText('Choose what 1 value means before importing.');
  await expect(values).toContainText('5 owners are not in the team yet');
  await expect(panel(page).getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
  expect(await seriousViolations(page)).toEqual([]);
  expect(await fitsWidth(page)).toBe(true);
  await page.screenshot({ path: `${SHOTS}/import-crm-en.png`, fullPage: true });
  await values.getByLabel('Lifecycle Stage: Evangelist').selectOption('tag');
  await expect(page.getByTestId('import-summary')).toHaveText(
    '60 new and 0 updated relations, 0 skipped, 0 unchanged; 129 new and 0 updated contacts. Also 129 contact moments that start a history, and 5 new professionals.',
  );
  await expect(page.getByTestId('import-preview').locator('tbody tr').first()).toContainText('Sanne Bakker');
  await panel(page).getByRole('button', { name: 'Import', exact: true }).click();
  await expect(exportCount(page)).toHaveText('60 relations, 129 contacts');

  // The team has the owners, and no relation is without one.
  await page.getByRole('navigation').getByRole('link', { name: 'Team' }).click();
  await expect
    .poll(() =>
      page
        .getByRole('main')
        .locator('input')
        .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)),
    )
    .toContain('Fatima El Amrani');

  // The same export again: everything remembered, nothing to choose, no changes.
  await page
    .getByRole('navigation')
    .getByRole('link', { name: /Import/ })
    .click();
  await drop(page, 'crm-contacts.csv', crmContactsCsv());
  await expect(page.getByTestId('import-values')).not.toContainText('Choose what');
  await expect(page.getByTestId('import-values').getByLabel('Lifecycle Stage: Evangelist')).toHaveValue(
    'tag',
  );
  await expect(page.getByTestId('nothing-new')).toBeVisible();
  await expect(page.getByTestId('duplicates')).toHaveCount(0);
  await expect(page.getByTestId('import-summary')).toContainText(
    '0 new and 0 updated relations, 0 skipped, 60 unchanged',
  );
});

test('the import screen in Dutch at 1366 px: complete texts, accessible, no sideways scroll', async ({
  browser,
  haard,
}) => {
  const page = await open(browser, haard, 'nl-NL');
  await drop(page, 'crm-contacts.csv', crmContactsCsv());
  const values = page.getByTestId('import-values');
  await expect(values).toContainText('Kies vóór het importeren wat 1 waarde betekent.');
  await expect(page.getByTestId('combined')).toHaveText(
    'Contactpersoon: naam wordt samengesteld uit ‘First Name’ + ‘Last Name’.',
  );
  await expect(page.getByRole('columnheader', { name: 'Kolom in het bestand' })).toBeVisible();
  await expect(page.getByTestId('import-reading').getByLabel('Datums').locator('option:checked')).toHaveText(
    'Herkend: dag-maand-jaar (14-04-1974)',
  );
  await expect(page.locator('body')).not.toContainText('⟦');
  expect(await seriousViolations(page)).toEqual([]);
  expect(await fitsWidth(page)).toBe(true);
  await page.screenshot({ path: `${SHOTS}/import-crm-nl.png`, fullPage: true });

  await page.getByRole('button', { name: 'Kies een ander bestand' }).click();
  await drop(page, 'datums.csv', 'Bedrijf;Contactpersoon;Geboortedatum\nA;Ann;1991-02-31\n');
  await expect(page.getByTestId('import-issues').locator('li')).toHaveText([
    /^Regel 2: Geboortedatum ‘1991-02-31’: 31 februari bestaat niet/,
  ]);
  await page.screenshot({ path: `${SHOTS}/import-dates-nl.png`, fullPage: true });
});
