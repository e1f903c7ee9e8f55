/**
 * Every Relations/Team screen, with realistic data, in both languages: no serious or critical axe
 * violations, no missing message (`⟦key⟧`), and a screenshot to look at (/tmp/shots).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test, type Haard } from './helpers/fixtures.ts';
import type { Criterion } from '../../core/model/index.ts';
import { cutOptions } from './helpers/browser.ts';
import { ok, seedWorkspace as withWorkspace } from './helpers/seed.ts';

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

async function seed(haard: Haard) {
  await withWorkspace(haard, (ws, data) => {
    ok(
      ws.addProfessional({
        id: 'p-anna',
        name: 'Anna de Wit',
        profile: 'relationshipManager',
        seniority: 'senior',
      }),
    );
    ok(ws.addProfessional({ id: 'p-bram', name: 'Bram Jansen', profile: 'specialist', seniority: 'junior' }));
    ok(
      ws.addProfessional({ id: 'p-carla', name: 'Carla Visser', profile: 'specialist', seniority: 'medior' }),
    );
    ok(
      ws.addProfessional({ id: 'p-dirk', name: 'Dirk Bos', profile: 'marketDeveloper', seniority: 'medior' }),
    );
    const criteria = Object.values(data().criteria as Record<string, Criterion>);
    const rows: [string, string, string, number | null, string | null, string[], number][] = [
      ['r-1', 'Acme Bouwgroep', 'Bouw', 1_250_000, 'p-anna', ['key account', 'zorg'], 4],
      ['r-2', 'Gemeente Zwolle', 'Overheid', 640_000, 'p-bram', ['overheid'], 4],
      ['r-3', 'Hogeschool Windesheim', 'Onderwijs', 410_000, 'p-anna', ['onderwijs'], 3],
      ['r-4', 'Café Noord', 'Horeca', 38_000, 'p-carla', [], 2],
      ['r-5', 'Isala Ziekenhuis', 'Zorg', 980_000, null, ['zorg'], 3],
      ['r-6', 'Bakkerij Zon', 'Food', 12_500, 'p-carla', [], 1],
      ['r-7', 'Delta Logistics', 'Logistiek', 220_000, 'p-dirk', ['groei'], 2],
      ['r-8', 'Van Dijk Advocaten', 'Juridisch', null, null, [], 0],
    ];
    rows.forEach(([id, name, sector, revenue, ownerId, tags, level], i) => {
      ok(
        ws.addRelation({
          id,
          name,
          sector,
          revenue,
          ownerId,
          tags,
          potential: revenue ? revenue * 1.5 : null,
        }),
      );
      if (level > 0)
        criteria.forEach((c, j) =>
          ok(ws.scoreRelation(id, c.id, Math.min(4, Math.max(1, level + ((i + j) % 2))) as 1 | 2 | 3 | 4)),
        );
      if (i < 6)
        ok(
          ws.addContactLogEntry({
            relationId: id,
            date: daysAgo([3, 45, 120, 200, 400, 10][i]!),
            type: 'visit',
          }),
        );
    });
    ok(ws.addRelation({ id: 'r-9', name: 'Nieuw Prospect BV', kind: 'prospect', sector: 'ICT' }));
    ok(ws.setOverride('r-4', { class: 'A', reason: 'Strategic partner for the hospitality network' }));
    ok(ws.answerSevenQuestion('r-1', 'knowBusiness', true));
    ok(ws.answerSevenQuestion('r-1', 'regularContact', true));
    ok(ws.answerSevenQuestion('r-1', 'forwardNews', false));
    const carla = ok(
      ws.addContact({
        id: 'c-1',
        relationId: 'r-1',
        name: 'Carla Mulder',
        title: 'CFO',
        dmuRole: 'decider',
        attitude: 'supporter',
        strength: 4,
        knownBy: ['p-anna'],
        email: 'c.mulder@acme.nl',
        personal: { birthday: '03-14', coffee: 'zwart' },
      }),
    );
    ok(
      ws.addContact({
        relationId: 'r-1',
        name: 'Erik Smit',
        title: 'Inkoper',
        dmuRole: 'buyer',
        attitude: 'neutral',
        strength: 2,
      }),
    );
    ok(
      ws.addContact({
        relationId: 'r-1',
        name: 'Fatima El Amrani',
        title: 'Projectleider',
        dmuRole: 'champion',
        strength: 3,
      }),
    );
    const entry = ok(
      ws.addContactLogEntry({
        relationId: 'r-1',
        date: daysAgo(1),
        type: 'meeting',
        professionalIds: ['p-anna'],
        contactIds: [carla],
        note: 'Jaarplan besproken; nieuwe vestiging in Deventer.',
      }),
    );
    ok(
      ws.addSignal(entry, {
        kind: 'buyingSignal',
        note: 'Advies nodig over huisvesting',
        followUp: { what: 'Voorstel sturen', ownerId: 'p-anna', due: daysAgo(-14) },
      }),
    );
    ok(ws.addSignal(entry, { kind: 'silentComplaint', note: 'Facturen te laat', handled: true }));
  });
}

async function checkScreen(page: Page, name: string, lang: 'en' | 'nl') {
  await page.waitForTimeout(300); // let the lazy screen settle
  await expect(page.locator('body')).not.toContainText('⟦');
  const axe = await new AxeBuilder({ page }).analyze();
  const bad = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await page.screenshot({ path: `/tmp/shots/${name}-${lang}.png`, fullPage: true });
}

test('relations, relation page and team: accessible, fully translated, in English and Dutch', async ({
  browser,
  haard,
}) => {
  test.setTimeout(120_000); // every screen, twice
  await seed(haard);
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1360, height: 900 } });
  const page = await context.newPage();
  await page.goto(haard.inviteUrl);
  await expect(page.getByRole('status').first()).toContainText('Synced');

  for (const lang of ['en', 'nl'] as const) {
    if (lang === 'nl') await page.getByLabel('Language').selectOption('nl');
    await page
      .getByRole('navigation')
      .getByRole('link', { name: lang === 'en' ? 'Relations' : 'Relaties' })
      .click();
    await expect(page.getByTestId('relations').locator('.rel-name')).toHaveCount(9);
    // At 1360 px nothing but a long name or many tags is cut ("…"); the names get the room that is left.
    const cutCells = await page
      .locator('.rel-table')
      .locator('thead th, td:not(.c-name):not(.c-tags)')
      .evaluateAll((tds) =>
        tds
          .filter((td) => td.scrollWidth > td.clientWidth)
          .map((td) => `${td.textContent} ${td.scrollWidth}/${td.clientWidth}`),
      );
    expect(cutCells).toEqual([]);
    const cutNames = await page
      .getByTestId('relations')
      .locator('.rel-name')
      .evaluateAll((as) => as.filter((a) => a.scrollWidth > a.clientWidth).map((a) => a.textContent));
    expect(cutNames).toEqual([]);
    await checkScreen(page, 'relations', lang);

    await page.getByRole('link', { name: 'Acme Bouwgroep' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Acme Bouwgroep');
    await page
      .getByRole('button', { name: lang === 'en' ? 'Add contact' : 'Contactpersoon toevoegen' })
      .click();
    await page
      .getByText(lang === 'en' ? 'Personal facts (optional)' : 'Persoonlijke gegevens (optioneel)')
      .last()
      .click();
    // Day 31, then February: the day is kept and the form says at once that the date does not exist.
    const contact = page.getByRole('form', { name: lang === 'en' ? 'New contact' : 'Nieuwe contactpersoon' });
    await contact.getByLabel(lang === 'en' ? 'Day' : 'Dag', { exact: true }).selectOption('31');
    await contact.getByLabel(lang === 'en' ? 'Month' : 'Maand', { exact: true }).selectOption('2');
    await expect(contact.getByLabel(lang === 'en' ? 'Day' : 'Dag', { exact: true })).toHaveValue('31');
    await expect(contact.getByRole('alert')).toHaveText(
      lang === 'en' ? '31 February does not exist' : '31 februari bestaat niet',
    );
    await contact.getByLabel(lang === 'en' ? 'Month' : 'Maand', { exact: true }).selectOption('3');
    await expect(contact.getByRole('alert')).toHaveCount(0);
    // The Dutch seven questions ask about the organisation and its market, not "business".
    if (lang === 'nl') await expect(page.getByText('Kennen we hun organisatie en hun markt?')).toBeVisible();
    await page
      .getByRole('button', { name: lang === 'en' ? 'Log a contact' : 'Contactmoment vastleggen' })
      .click();
    // The contact log's Type shows every type whole ("Telefoongesprek"), at 1366 px and narrower.
    const logForm = page.getByRole('form', {
      name: lang === 'en' ? 'Log a contact' : 'Contactmoment vastleggen',
    });
    for (const width of [1366, 1280, 1024]) {
      await page.setViewportSize({ width, height: 900 });
      expect(
        await cutOptions(logForm.getByLabel(lang === 'en' ? 'Type' : 'Soort', { exact: true })),
        `at ${width} px`,
      ).toEqual([]);
    }
    await logForm.getByLabel(lang === 'en' ? 'Type' : 'Soort', { exact: true }).selectOption('call');
    await page.setViewportSize({ width: 1366, height: 900 });
    await logForm.screenshot({ path: `/tmp/shots/contact-log-form-${lang}.png` });
    await page.setViewportSize({ width: 1360, height: 900 });
    await page.getByRole('button', { name: lang === 'en' ? 'Add a signal' : 'Signaal toevoegen' }).click();
    await checkScreen(page, 'relation', lang);

    await page.goto(`${haard.base}/relations/does-not-exist`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await checkScreen(page, 'relation-not-found', lang);

    await page.getByRole('navigation').getByRole('link', { name: 'Team' }).click();
    await expect(page.getByTestId('team')).toBeVisible();
    await checkScreen(page, 'team', lang);
  }
});
