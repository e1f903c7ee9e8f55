/**
 * The Team screen in real Chromium against the real relay: add and edit professionals, the team mix
 * beside the reference, each one's load of A/B/C relations and the team-fit findings — which follow a
 * colleague's edits live.
 */
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './helpers/fixtures.ts';
import { openSynced } from './helpers/browser.ts';
import { ok, seedWorkspace as withWorkspace } from './helpers/seed.ts';

const open = (browser: Browser, url: string) => openSynced(browser, url, { width: 1360 });

const teamNames = (page: Page) =>
  expect.poll(() =>
    page
      .getByTestId('team')
      .locator('.team-name')
      .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)),
  );

async function addProfessional(page: Page, name: string, profile: string, seniority: string) {
  const form = page.getByRole('form', { name: 'Add professional' });
  await form.getByLabel('Full name').fill(name);
  await form.getByLabel('E-mail').fill(`${name.split(' ')[0]!.toLowerCase()}@firm.nl`);
  await form.getByLabel('Commercial profile').selectOption({ label: profile });
  await form.getByLabel('Seniority').selectOption({ label: seniority });
  await form.getByRole('button', { name: 'Add professional' }).click();
}

test('add professionals, see the mix, their load and the team-fit findings, live', async ({
  browser,
  haard,
}) => {
  await withWorkspace(haard, (ws) => {
    for (const [id, name, cls] of [
      ['r-a1', 'Acme BV', 'A'],
      ['r-a2', 'Zeta NV', 'A'],
      ['r-b1', 'Bakkerij Zon', 'B'],
      ['r-c1', 'Café Noord', 'C'],
    ] as const) {
      ok(ws.addRelation({ id, name }));
      ok(ws.setOverride(id, { class: cls, reason: 'agreed in the partner meeting' }));
    }
  });
  const page = await open(browser, `${haard.base}/team#invite=${haard.token('editor')}`);
  await expect(page.getByRole('heading', { name: 'Team', level: 1 })).toBeVisible();
  await expect(page.getByText('No professionals yet.')).toBeVisible();

  await addProfessional(page, 'Anna de Wit', 'Relationship manager', 'Senior');
  await addProfessional(page, 'Bram Jansen', 'Specialist', 'Junior');
  await addProfessional(page, 'Carla Visser', 'Specialist', 'Medior');
  await teamNames(page).toEqual(['Anna de Wit', 'Bram Jansen', 'Carla Visser']);

  // A second "Bram Jansen" and an e-mail that is not one are refused, with the reason; nothing is saved.
  const form = page.getByRole('form', { name: 'Add professional' });
  await form.getByLabel('Full name').fill('bram  jansen');
  await form.getByRole('button', { name: 'Add professional' }).click();
  await expect(form.getByRole('alert')).toHaveText(
    'Not saved: Bram Jansen is already on the team; give each professional a name of their own (e.g. with an initial)',
  );
  await form.getByLabel('Full name').fill('Eva Smit');
  await form.getByLabel('E-mail').fill('niet-een-email');
  await form.getByRole('button', { name: 'Add professional' }).click();
  await expect(form.getByRole('alert')).toHaveText(
    'Not saved: “niet-een-email” is not an e-mail address (name@firm.nl)',
  );
  await expect(form.getByLabel('Full name')).toHaveValue('Eva Smit'); // kept, to correct
  await teamNames(page).toEqual(['Anna de Wit', 'Bram Jansen', 'Carla Visser']);
  // Edited in place: the field shows the stored address again and the row says why.
  await page.getByLabel('E-mail of Anna de Wit').fill('anna@');
  await page.getByLabel('E-mail of Anna de Wit').press('Enter');
  await expect(page.getByTestId('team').getByRole('alert')).toContainText('is not an e-mail address');
  await expect(page.getByLabel('E-mail of Anna de Wit')).toHaveValue('anna@firm.nl');

  // The mix beside the reference 30 / 60 / 10.
  await expect(page.getByTestId('mix-relationshipManager')).toHaveText('33% (1)');
  await expect(page.getByTestId('mix-specialist')).toHaveText('67% (2)');
  await expect(page.getByTestId('mix-developerOrInnovator')).toHaveText('0% (0)');

  // A and B relations without an owner.
  const fit = page.getByTestId('team-fit');
  await expect(fit.locator('li')).toHaveCount(3);
  await expect(fit).toContainText('Acme BV — class A — no owner');

  // A colleague assigns owners; the load and findings follow live.
  await withWorkspace(haard, (ws, data) => {
    const pros = Object.values(data().professionals as Record<string, { id: string; name: string }>);
    const id = (name: string) => pros.find((p) => p.name === name)!.id;
    ok(ws.updateRelation('r-a1', { ownerId: id('Anna de Wit') }));
    ok(ws.updateRelation('r-b1', { ownerId: id('Anna de Wit') }));
    ok(ws.updateRelation('r-a2', { ownerId: id('Bram Jansen') }));
    ok(ws.updateRelation('r-c1', { ownerId: id('Bram Jansen') }));
  });
  await expect(page.getByRole('img', { name: 'Anna de Wit owns 1 A, 1 B and 0 C relations' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Bram Jansen owns 1 A, 0 B and 1 C relations' })).toBeVisible();
  await expect(fit.locator('li')).toHaveCount(2);
  await expect(fit).toContainText('Zeta NV — class A — owned by Bram Jansen, a junior');
  await expect(fit).toContainText('owned by Bram Jansen (Specialist)');

  // Edit in place: Bram becomes a senior relationship manager; the warnings go.
  await page.getByLabel('Seniority of Bram Jansen').selectOption({ label: 'Senior' });
  await page.getByLabel('Commercial profile of Bram Jansen').selectOption({ label: 'Relationship manager' });
  await expect(page.getByText('Every A and B relation has a fitting owner.')).toBeVisible();
  await expect(page.getByTestId('mix-relationshipManager')).toHaveText('67% (2)');
  await page.getByLabel('Name of Carla Visser').fill('Carla Visser-Bos');
  await page.getByLabel('Name of Carla Visser').press('Enter');
  await expect(page.getByLabel('Name of Carla Visser-Bos')).toHaveValue('Carla Visser-Bos');

  // Remove with undo.
  await page.getByRole('button', { name: 'Remove Carla Visser-Bos' }).click();
  await expect(page.getByTestId('team').locator('.team-name')).toHaveCount(2);
  await page.locator('.toast').getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('team').locator('.team-name')).toHaveCount(3);

  // A second person sees the team as it is now.
  const other = await open(browser, `${haard.base}/team#invite=${haard.token('viewer')}`);
  await teamNames(other).toEqual(['Anna de Wit', 'Bram Jansen', 'Carla Visser-Bos']);
  await expect(other.getByRole('form', { name: 'Add professional' })).toHaveCount(0);
  await expect(other.getByRole('button', { name: 'Remove Anna de Wit' })).toHaveCount(0);
  await expect(other.getByLabel('Seniority of Anna de Wit')).toBeDisabled();
});
