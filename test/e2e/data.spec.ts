/**
 * Import & export in real Chromium against the real server: CSV import with the column-mapping step, bad
 * rows reported (nothing imported until fixed or left out), export → re-import into another workspace,
 * JSON backup and restore, accessibility and complete texts in both languages.
 */
import { readFileSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './helpers/fixtures.ts';
import { startHaard } from './helpers/haard.ts';
import { openPage } from './helpers/browser.ts';
import { ok, seedPlan, seedWorkspace } from './helpers/seed.ts';
import { SCHEMA_VERSION } from '../../core/model/common.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/csv');
const SHOTS = '/tmp/shots';
mkdirSync(SHOTS, { recursive: true });

async function open(browser: Browser, url: string, locale: 'en-GB' | 'nl-NL' = 'en-GB'): Promise<Page> {
  const page = await openPage(browser, url, { locale, acceptDownloads: true });
  await expect(page.getByRole('status').first()).toBeVisible();
  await page
    .getByRole('navigation')
    .getByRole('link', { name: /Import/ })
    .click();
  return page;
}

const importPanel = (page: Page) => page.getByTestId('csv-import');
const exportCount = (page: Page) => page.getByTestId('csv-export').locator('.io-actions .muted');

async function chooseCsv(page: Page, file: string) {
  await page.getByTestId('csv-file').setInputFiles(join(FIXTURES, file));
  await expect(page.getByTestId('column-mapping')).toBeVisible();
}

async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('imports the 20-row CSV through the column-mapping step, in one undoable step', async ({
  browser,
  haard,
}) => {
  const page = await open(browser, haard.inviteUrl);
  await expect(exportCount(page)).toHaveText('0 relations, 0 contacts');
  await chooseCsv(page, 'relations-20.csv');
  const panel = importPanel(page);
  await expect(panel).toContainText('relations-20.csv: 20 rows');
  const reading = page.getByTestId('import-reading');
  await expect(reading.getByLabel('Columns separated by').locator('option:checked')).toHaveText(
    'Guessed: semicolons',
  );
  await expect(reading.getByLabel('Character set').locator('option:checked')).toHaveText('Guessed: UTF-8');
  await expect(page.getByTestId('import-reading-notes')).toContainText('byte-order mark');

  // Suggestions from the Dutch headers; the user can change any of them.
  const target = (header: string) => panel.getByLabel(`Haard field: ${header}`);
  await expect(target('Bedrijf')).toHaveValue('relation.name');
  await expect(target('Omzet')).toHaveValue('relation.revenue');
  await expect(target('Contactpersoon')).toHaveValue('contact.name');
  await expect(target('Branche')).toHaveValue('relation.sector');
  await target('Tags').selectOption('ignore');
  await expect(page.getByTestId('import-preview').locator('.tag')).toHaveCount(0);
  await target('Tags').selectOption('relation.tags');
  await expect(reading.getByLabel('Numbers').locator('option:checked')).toHaveText(
    'Guessed: Dutch: 1.234,56',
  );

  const preview = page.getByTestId('import-preview');
  await expect(preview.locator('tbody tr').first()).toContainText('Bouwbedrijf De Vries B.V.');
  await expect(preview.locator('tbody tr').first()).toContainText('1,250,000');
  // Line 3 is De Vries again (its second contact): one relation, not a second new one.
  await expect(preview.locator('tbody tr').nth(1).locator('.io-action')).toHaveText(
    'Same relation as line 2',
  );
  await expect(page.getByTestId('import-summary')).toHaveText(
    '16 new and 0 updated relations, 0 skipped, 0 unchanged; 20 new and 0 updated contacts.',
  );
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/data-import-mapping-en.png`, fullPage: true });

  await panel.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(panel.getByRole('status')).toContainText('Imported: 16 relations and 20 contacts');
  await expect(exportCount(page)).toHaveText('16 relations, 20 contacts');

  // Undo reverts the whole import in one step.
  await panel.getByRole('button', { name: 'Undo this import' }).click();
  await expect(exportCount(page)).toHaveText('0 relations, 0 contacts');
  await expect(panel.getByRole('status')).toHaveText('The import was undone.');
});

test('bad rows are reported with their line numbers; nothing is imported until they are left out', async ({
  browser,
  haard,
}) => {
  const page = await open(browser, haard.inviteUrl);
  await chooseCsv(page, 'relations-errors.csv');
  const issues = page.getByTestId('import-issues');
  await expect(issues).toContainText('3 rows cannot be imported');
  await expect(issues.locator('li')).toHaveText([
    /^Line 6: the relation has no name/,
    /^Line 7: Revenue ‘abc’ is not a number/,
    /^Line 9: Revenue ‘-20,000’ is negative/,
  ]);
  // A kind nothing reads is one question, not a row error.
  await expect(page.getByTestId('import-values')).toContainText(
    'Choose what 1 value means before importing.',
  );
  const importButton = importPanel(page).getByRole('button', { name: 'Import', exact: true });
  await expect(importButton).toBeDisabled();
  await expect(importPanel(page)).toContainText('Import is not possible yet: some rows have problems');
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/data-import-errors-en.png`, fullPage: true });
  await expect(exportCount(page)).toHaveText('0 relations, 0 contacts');

  await issues.getByRole('button', { name: 'Leave out line 7' }).click();
  await expect(issues).toContainText('2 rows cannot be imported');
  await issues.getByRole('button', { name: 'Leave out all rows with problems' }).click();
  await expect(page.getByTestId('import-issues')).toHaveCount(0);
  await expect(importPanel(page)).toContainText('3 lines left out (6, 7, 9)');
  await expect(importButton).toBeDisabled();
  await page.getByTestId('import-values').getByLabel('Type: vendor-ish').selectOption('supplier');
  await importButton.click();
  await expect(importPanel(page).getByRole('status')).toContainText('Imported: 6 relations and 6 contacts');
});

test('an export imports back into another workspace without loss; duplicates need a choice', async ({
  browser,
  haard,
}) => {
  const page = await open(browser, haard.inviteUrl);
  await chooseCsv(page, 'relations-20.csv');
  await importPanel(page).getByRole('button', { name: 'Import', exact: true }).click();
  await expect(exportCount(page)).toHaveText('16 relations, 20 contacts');

  const exportPanel = page.getByTestId('csv-export');
  await exportPanel.getByLabel('International (commas, 1234.56)').check();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    exportPanel.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^haard-relations-\d{4}-\d{2}-\d{2}\.csv$/);
  const exported = readFileSync((await download.path())!, 'utf8');
  expect(exported.split('\r\n')[0]).toBe(
    '\uFEFFRelation id,Relation,Kind,Sector,Revenue,Potential,Owner,Tags,Notes,Contact id,Contact,Title,E-mail,Phone,DMU role,Attitude,Strength',
  );

  // "Excel in Dutch" is Dutch throughout, also from an English screen: headers, words, decimal commas.
  await exportPanel.getByLabel('Excel in Dutch (semicolons, 1234,56)').check();
  const [dutch] = await Promise.all([
    page.waitForEvent('download'),
    exportPanel.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  const dutchText = readFileSync((await dutch.path())!, 'utf8');
  expect(dutchText.split('\r\n')[0]).toBe(
    '\uFEFFRelatie-id;Relatie;Soort;Sector;Omzet;Potentie;Eigenaar;Tags;Notities;Contact-id;Contactpersoon;Functie;E-mail;Telefoon;DMU-rol;Houding;Relatiesterkte',
  );
  expect(dutchText).toContain(';opdrachtgever;');

  // Importing the export again into the same workspace: nothing would change, and it says so.
  await page
    .getByTestId('csv-file')
    .setInputFiles({ name: 'again.csv', mimeType: 'text/csv', buffer: Buffer.from(exported) });
  await expect(page.getByTestId('nothing-new')).toBeVisible();
  await expect(page.getByTestId('duplicates')).toHaveCount(0);
  await expect(importPanel(page).getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
  await expect(page.getByTestId('import-summary')).toHaveText(
    '0 new and 0 updated relations, 0 skipped, 16 unchanged; 0 new and 0 updated contacts.',
  );
  // A changed copy: the one changed relation needs a choice; the rest is unchanged.
  const changed = exported
    .split('Bouwbedrijf De Vries B.V.,client,Bouw,1250000')
    .join('Bouwbedrijf De Vries B.V.,client,Bouw,1300000');
  expect(changed).not.toBe(exported);
  await importPanel(page).getByRole('button', { name: 'Choose another file' }).click();
  await page
    .getByTestId('csv-file')
    .setInputFiles({ name: 'changed.csv', mimeType: 'text/csv', buffer: Buffer.from(changed) });
  await expect(page.getByTestId('duplicates')).toContainText('1 relation in the file already exists');
  await page
    .getByTestId('duplicates')
    .getByLabel(/^Skip them/)
    .check();
  await expect(page.getByTestId('import-summary')).toHaveText(
    '0 new and 0 updated relations, 1 skipped, 15 unchanged; 0 new and 0 updated contacts.',
  );

  // Into another, empty workspace (another server): the same relations and contacts, ids included.
  const other = await startHaard();
  try {
    const page2 = await open(browser, other.inviteUrl);
    await page2
      .getByTestId('csv-file')
      .setInputFiles({ name: 'export.csv', mimeType: 'text/csv', buffer: Buffer.from(exported) });
    await expect(page2.getByTestId('import-summary')).toHaveText(
      '16 new and 0 updated relations, 0 skipped, 0 unchanged; 20 new and 0 updated contacts.',
    );
    await importPanel(page2).getByRole('button', { name: 'Import', exact: true }).click();
    await expect(exportCount(page2)).toHaveText('16 relations, 20 contacts');
    await page2.getByTestId('csv-export').getByLabel('International (commas, 1234.56)').check();
    const [again] = await Promise.all([
      page2.waitForEvent('download'),
      page2.getByTestId('csv-export').getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(readFileSync((await again.path())!, 'utf8')).toBe(exported);
  } finally {
    await other.dispose();
  }
});

test('backup and restore: the whole workspace with its plans, checked first, a summary of the changes, undoable', async ({
  browser,
  haard,
}) => {
  // A relation with an account plan (its own document) before the CSV import.
  await seedWorkspace(haard, (ws) => ok(ws.addRelation({ id: 'r-noord', name: 'Noordzee Energie B.V.' })));
  await seedPlan(haard, { relationIds: ['r-noord'], title: 'Noordzee Energie B.V. 2026' }, (plan) =>
    ok(plan.setText('situation.text', 'Windpark op zee, fase 2.')),
  );
  const page = await open(browser, haard.inviteUrl);
  await chooseCsv(page, 'relations-20.csv');
  await importPanel(page).getByRole('button', { name: 'Import', exact: true }).click();
  await expect(exportCount(page)).toHaveText('17 relations, 20 contacts');

  const backup = page.getByTestId('backup');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    backup.getByRole('button', { name: 'Download backup' }).click(),
  ]);
  const backupJson = readFileSync((await download.path())!, 'utf8');
  const parsed = JSON.parse(backupJson) as {
    format: string;
    version: number;
    workspace: { schemaVersion: number; id: string };
    documents: { plan: Record<string, { title: string; situation: { text: string } }> };
  };
  expect(parsed).toMatchObject({
    format: 'haard-backup',
    version: 2,
    workspace: { schemaVersion: SCHEMA_VERSION.workspace, id: haard.workspaceId },
  });
  expect(Object.values(parsed.documents.plan).map((p) => [p.title, p.situation.text])).toEqual([
    ['Noordzee Energie B.V. 2026', 'Windpark op zee, fase 2.'],
  ]);
  await expect(backup.getByTestId('backup-outcome')).toHaveText(
    'Downloaded: the workspace, 1 account plan, 0 meeting boards and 0 tournaments.',
  );

  // Change things after the backup: six more relations.
  await chooseCsv(page, 'relations-errors.csv');
  await page.getByRole('button', { name: 'Leave out all rows with problems' }).click();
  await page.getByTestId('import-values').getByLabel('Type: vendor-ish').selectOption('supplier');
  await importPanel(page).getByRole('button', { name: 'Import', exact: true }).click();
  await expect(exportCount(page)).toHaveText('23 relations, 26 contacts');

  // Not a backup at all (a CSV chosen by mistake): said in the user's words, not the browser's JSON error.
  await backup.getByTestId('backup-file').setInputFiles(join(FIXTURES, 'relations-20.csv'));
  await expect(backup.getByTestId('restore-problem')).toContainText(
    'This is not a Haard backup: the file is not JSON, or it is incomplete.',
  );
  // A corrupt backup and one from a newer version are refused, saying why; nothing changes.
  const corrupt = JSON.parse(backupJson) as {
    workspace: { relations: Record<string, Record<string, unknown>> };
  };
  const firstId = Object.keys(corrupt.workspace.relations)[0]!;
  corrupt.workspace.relations[firstId]!.revenue = 'veel';
  await backup.getByTestId('backup-file').setInputFiles({
    name: 'corrupt.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(corrupt)),
  });
  await expect(backup.getByTestId('restore-problem')).toContainText(
    'This backup cannot be restored. Nothing was changed. 1 problem in the backup:',
  );
  await expect(backup.getByTestId('restore-problem')).toContainText(
    `relations.${firstId}.revenue must be a number`,
  );
  const newer = JSON.parse(backupJson) as { workspace: { schemaVersion: number } };
  newer.workspace.schemaVersion = 7;
  await backup.getByTestId('backup-file').setInputFiles({
    name: 'newer.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(newer)),
  });
  await expect(backup.getByTestId('restore-problem')).toContainText(
    `made by a newer version of Haard (schema 7; this app knows ${SCHEMA_VERSION.workspace})`,
  );
  await expect(exportCount(page)).toHaveText('23 relations, 26 contacts');

  // The real backup: what it will do, then restore.
  await backup
    .getByTestId('backup-file')
    .setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(backupJson) });
  const summary = backup.getByTestId('restore-summary');
  await expect(summary).toContainText('Relations: 0 added, 0 changed, 6 removed');
  await expect(summary).toContainText('Contacts: 0 added, 0 changed, 6 removed');
  await expect(summary).toContainText(
    'Account plans: 0 new, 0 changed, 1 already equal, 0 taken off the list',
  );
  await expect(summary).not.toContainText('another workspace');
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/data-restore-en.png`, fullPage: true });
  await summary.getByRole('button', { name: 'Restore this backup' }).click();
  await expect(backup.getByTestId('restore-outcome')).toContainText('The backup was restored.');
  await expect(exportCount(page)).toHaveText('17 relations, 20 contacts');
  await backup.getByRole('button', { name: 'Undo the restore' }).click();
  await expect(exportCount(page)).toHaveText('23 relations, 26 contacts');

  // Into another, new workspace (another browser): allowed, with a clear note; the plan comes along.
  const other = await startHaard();
  try {
    const page2 = await open(browser, other.inviteUrl);
    // An older backup (version 1, the workspace alone) first: it says it holds no plans, and the plan's card
    // is left out rather than restored as a card that opens nothing.
    const { documents: _plans, ...v1 } = { ...parsed, version: 1 };
    await page2.getByTestId('backup-file').setInputFiles({
      name: 'old.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(v1)),
    });
    await expect(page2.getByTestId('restore-summary')).toContainText(
      'This is an older backup of the workspace alone: it holds no account plans',
    );
    await expect(page2.getByTestId('restore-left-out')).toHaveText(
      'Not restored, because the backup holds only their card and not the plan or board itself: ‘Noordzee Energie B.V. 2026’.',
    );
    await page2.getByRole('button', { name: 'Cancel' }).click();
    await page2
      .getByTestId('backup-file')
      .setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(backupJson) });
    await expect(page2.getByTestId('restore-summary')).toContainText(
      `This backup is of another workspace (${haard.workspaceId})`,
    );
    await expect(page2.getByTestId('restore-summary')).toContainText(
      'Relations: 17 added, 0 changed, 0 removed',
    );
    await expect(page2.getByTestId('restore-summary')).toContainText(
      'Account plans: 1 new, 0 changed, 0 already equal, 0 taken off the list',
    );
    await page2.getByRole('button', { name: 'Restore this backup' }).click();
    await expect(exportCount(page2)).toHaveText('17 relations, 20 contacts');
    // The same file again: nothing changes, and it says so.
    await page2
      .getByTestId('backup-file')
      .setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(backupJson) });
    await expect(page2.getByTestId('restore-summary')).toContainText(
      'Nothing: this workspace and its plans and meeting boards already equal the backup.',
    );
    await expect(page2.getByRole('button', { name: 'Restore this backup' })).toBeDisabled();
    // The restored plan opens with its text.
    await page2.getByRole('link', { name: 'Account plans' }).click();
    await page2.getByRole('link', { name: /Noordzee Energie B\.V\. 2026/ }).click();
    await expect(page2.getByRole('textbox', { name: 'Situation', exact: true })).toContainText(
      'Windpark op zee, fase 2.',
    );
  } finally {
    await other.dispose();
  }
});

test('the data screen in Dutch: complete texts, accessible, screenshots', async ({ browser, haard }) => {
  const page = await open(browser, haard.inviteUrl, 'nl-NL');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Importeren & exporteren');
  await page.screenshot({ path: `${SHOTS}/data-empty-nl.png`, fullPage: true });
  // A CSV chosen as backup: refused in Dutch, not with the browser's English JSON error.
  await page.getByTestId('backup-file').setInputFiles(join(FIXTURES, 'relations-20.csv'));
  await expect(page.getByTestId('restore-problem')).toHaveText(
    'Deze back-up kan niet worden teruggezet. Er is niets veranderd. Dit is geen back-up van Haard: het bestand is geen JSON, of het is niet compleet. Kies het .json-bestand dat ‘Back-up downloaden’ maakte.',
  );
  await chooseCsv(page, 'relations-errors.csv');
  await expect(page.getByTestId('import-issues')).toContainText('Regel 7: Revenue ‘abc’ is geen getal');
  await expect(page.locator('body')).not.toContainText('⟦');
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/data-import-errors-nl.png`, fullPage: true });
  await page.getByRole('button', { name: 'Kies een ander bestand' }).click();
  await page.getByTestId('csv-file').setInputFiles(join(FIXTURES, 'relations-20.csv'));
  await expect(page.getByTestId('import-summary')).toContainText('16 nieuwe');
  await expect(page.locator('body')).not.toContainText('⟦');
  await page.screenshot({ path: `${SHOTS}/data-import-mapping-nl.png`, fullPage: true });

  const en = await open(browser, haard.inviteUrl, 'en-GB');
  await expect(en.locator('body')).not.toContainText('⟦');
  expect(await seriousViolations(en)).toEqual([]);
  await en.screenshot({ path: `${SHOTS}/data-empty-en.png`, fullPage: true });
});
