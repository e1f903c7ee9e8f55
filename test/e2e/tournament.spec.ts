/**
 * The XXL tournament (issue 8, DOMAIN.md §8) as people use it: made from the list, filled with entries (one
 * linked to a prospect), GO / NO GO decided by mouse and keyboard, round dates that draw core/'s warning,
 * the nurture pool — live between colleagues in separate browser contexts through the real relay, and
 * read-only for a viewer.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './helpers/fixtures.ts';
import { openPage, openSynced } from './helpers/browser.ts';
import { ok, seedDemo, seedTournament, seedWorkspace } from './helpers/seed.ts';

test.beforeEach(async ({ haard }) => {
  await seedWorkspace(haard, seedDemo);
});

const shot = async (page: Page, name: string) => {
  if (process.env.HAARD_SHOTS)
    await page.screenshot({ path: `${process.env.HAARD_SHOTS}/${name}.png`, fullPage: true });
};

const round = (page: Page, index: number) => page.getByTestId(`round-${index}`);
const entryIn = (page: Page, index: number, name: string) =>
  round(page, index).locator('.xxl-entry', { hasText: name });

test('a tournament is made, filled and decided; a colleague sees every change live; warnings and the nurture pool follow', async ({
  browser,
  haard,
}) => {
  const anna = await openSynced(browser, haard.inviteUrl);
  await anna.getByRole('link', { name: 'XXL tournament' }).click();
  await expect(anna.getByRole('heading', { name: 'XXL tournaments' })).toBeVisible();
  await anna.getByRole('button', { name: 'New tournament' }).click();
  await anna.getByLabel('Name', { exact: true }).fill('XXL 2026');
  await anna.getByRole('button', { name: 'Create tournament' }).click();
  await expect(anna.getByLabel('Tournament name')).toHaveValue('XXL 2026');
  await expect(anna).toHaveURL(/\/tournament\/.+/);

  // A colleague opens the same board in a browser of their own.
  const bram = await openSynced(browser, haard.inviteUrl);
  await bram.goto(anna.url());
  await expect(bram.getByLabel('Tournament name')).toHaveValue('XXL 2026');
  await expect(bram.locator('.xxl-header .presence .avatar')).toHaveCount(2);

  // Entries: one linked to the prospect (its name taken from the relation), three typed, Enter each time.
  const form = anna.getByTestId('add-entry');
  await form.getByLabel('Linked relation').selectOption({ label: 'Kroon Makelaars' });
  await form.getByRole('button', { name: 'Add entry' }).click();
  const name = form.getByLabel('Name of the entry');
  await expect(name).toBeFocused();
  for (const entry of ['Noordzee Havens', 'Oranje Retail', 'Polder Bouw']) {
    await name.fill(entry);
    await name.press('Enter');
  }
  await expect(round(bram, 0).locator('.xxl-entry')).toHaveCount(4);
  await expect(entryIn(bram, 0, 'Kroon Makelaars').getByRole('link')).toHaveAttribute(
    'href',
    /\/relations\//,
  );
  await expect(round(anna, 0)).toContainText('4 of 64');

  // GO by mouse, NO GO by keyboard.
  await anna
    .getByRole('button', { name: 'GO for Kroon Makelaars in Round 1: Addresses analysed', exact: true })
    .click();
  await anna
    .getByRole('button', { name: 'NO GO for Oranje Retail in Round 1: Addresses analysed', exact: true })
    .focus();
  await anna.keyboard.press('Enter');
  await expect(entryIn(bram, 1, 'Kroon Makelaars')).toBeVisible();
  await expect(
    bram.getByRole('button', { name: 'GO for Kroon Makelaars in Round 1: Addresses analysed', exact: true }),
  ).toHaveAttribute('aria-pressed', 'true');
  const pool = bram.getByTestId('nurture-pool');
  await expect(pool).toContainText('Oranje Retail');
  await expect(pool).toContainText('NO GO in Round 1: Addresses analysed');
  await expect(entryIn(bram, 1, 'Oranje Retail')).toHaveCount(0);

  // The colleague decides too; the first sees it.
  await bram
    .getByRole('button', { name: 'GO for Noordzee Havens in Round 1: Addresses analysed', exact: true })
    .click();
  await expect(entryIn(anna, 1, 'Noordzee Havens')).toBeVisible();
  // Pressing a pressed decision withdraws it.
  await bram
    .getByRole('button', { name: 'GO for Noordzee Havens in Round 1: Addresses analysed', exact: true })
    .click();
  await expect(entryIn(anna, 1, 'Noordzee Havens')).toHaveCount(0);

  // Round dates three weeks apart: core/'s round-length warning, in both contexts.
  await anna.getByLabel('Start of Round 1: Addresses analysed').fill('2026-01-05');
  await anna.getByLabel('Start of Round 1: Addresses analysed').press('Enter');
  await anna.getByLabel('End of Round 1: Addresses analysed').fill('2026-01-26');
  await anna.getByLabel('End of Round 1: Addresses analysed').press('Enter');
  const warning = 'Round 1: Addresses analysed runs 21 days (3 weeks); a round should take 6–10 weeks.';
  await expect(anna.getByTestId('tournament-findings')).toContainText(warning);
  await expect(bram.getByTestId('tournament-findings')).toContainText(warning);
  await expect(round(bram, 0).locator('.xxl-weeks')).toHaveAttribute('data-off', 'true');
  // Six weeks is within the rule: the warning goes away everywhere.
  await bram.getByLabel('End of Round 1: Addresses analysed').fill('2026-02-16');
  await bram.getByLabel('End of Round 1: Addresses analysed').press('Enter');
  await expect(anna.getByTestId('tournament-findings')).not.toContainText('runs 21 days');
  await expect(round(anna, 0).locator('.xxl-weeks')).toContainText('6 weeks');
  // An end before the start is refused in words about the round, the typing kept; Escape shows the stored end.
  const end = anna.getByLabel('End of Round 1: Addresses analysed');
  await end.fill('2025-12-01');
  await end.press('Enter');
  await expect(round(anna, 0).getByRole('alert').first()).toHaveText(
    'Round 1: the end date is before the start date.',
  );
  await expect(end).toHaveValue('2025-12-01');
  await end.press('Escape');
  await expect(end).toHaveValue('16/02/2026');
  await expect(round(bram, 0).locator('.xxl-weeks')).toContainText('6 weeks');

  // An entry added before its relation was chosen is linked afterwards, with a note; the colleague sees the link.
  const details = anna.getByTestId('entry-details');
  await details.getByLabel(/^Entry/).selectOption({ label: 'Noordzee Havens' });
  await details.getByLabel('Linked relation').selectOption({ label: 'Citadel Advocaten' });
  await expect(entryIn(bram, 0, 'Noordzee Havens').getByRole('link')).toHaveAttribute(
    'href',
    /\/relations\//,
  );
  await details.getByLabel('Note').fill('Met de CFO op de beurs gesproken');
  await details.getByLabel('Note').blur();
  await bram
    .getByTestId('entry-details')
    .getByLabel(/^Entry/)
    .selectOption({ label: 'Noordzee Havens' });
  await expect(bram.getByTestId('entry-details').getByLabel('Note')).toHaveValue(
    'Met de CFO op de beurs gesproken',
  );

  // An entry that entered by mistake is taken out again.
  await anna.getByRole('button', { name: 'Remove Polder Bouw' }).click();
  await expect(entryIn(bram, 0, 'Polder Bouw')).toHaveCount(0);

  // The list shows it from the workspace's index, without opening it.
  await anna.getByRole('link', { name: 'All tournaments' }).click();
  const card = anna.getByTestId('tournaments').getByRole('listitem').filter({ hasText: 'XXL 2026' });
  await expect(card).toContainText('Entries: 3');
  await expect(card).toContainText('Round 1: Addresses analysed');
});

test('the bracket walks to a winner; a viewer sees it live but cannot change it', async ({
  browser,
  haard,
}) => {
  const names = ['Atlas', 'Boreas', 'Castor', 'Draco'];
  const id = await seedTournament(haard, { title: 'XXL 2025', year: 2025 }, (t) => {
    const ids = names.map((n) => ok(t.addEntry({ name: n })));
    ok(t.setRoundDates(0, '2025-01-06', '2025-02-24'));
    ok(t.decide(0, ids[0]!, 'go'));
    ok(t.decide(0, ids[1]!, 'go'));
    ok(t.decide(0, ids[2]!, 'noGo'));
  });
  const url = `${haard.base}/tournament/${id}`;
  const anna = await openSynced(browser, haard.inviteUrl);
  await anna.goto(url);
  const vera = await openSynced(browser, `${haard.base}/#invite=${haard.token('viewer')}`);
  await vera.goto(url);
  await expect(vera.getByLabel('Tournament name')).toHaveValue('XXL 2025');
  await expect(vera.getByText('You can look, not change')).toBeVisible();

  // Nothing to change for the viewer: no decisions to press, no form, no remove; dates and name read-only.
  await expect(vera.getByRole('button', { name: /^(NO )?GO for/ })).toHaveCount(0);
  await expect(vera.getByRole('button', { name: /^Remove/ })).toHaveCount(0);
  await expect(vera.getByTestId('add-entry')).toHaveCount(0);
  await expect(vera.getByLabel('Tournament name')).toHaveAttribute('readonly', '');
  await expect(vera.getByLabel('Start of Round 1: Addresses analysed')).toHaveAttribute('readonly', '');
  await expect(entryIn(vera, 0, 'Castor').locator('.xxl-verdict')).toHaveText('NO GO');

  // Anna takes Atlas all the way; the viewer follows every round and sees the winner.
  for (let r = 1; r <= 5; r++) {
    await anna
      .getByTestId(`round-${r}`)
      .getByRole('button', { name: new RegExp(`^GO for Atlas in Round ${r + 1}:`) })
      .click();
    if (r < 5) await expect(entryIn(vera, r + 1, 'Atlas')).toBeVisible();
  }
  await expect(vera.locator('.xxl-champion')).toContainText('Atlas');
  await expect(vera.locator('.xxl-champion')).toHaveAttribute('data-won', 'true');
  await expect(vera.getByTestId('nurture-pool')).toContainText('Castor');
  // Wrong number advanced: a fully decided round that sends on fewer than the next round's places.
  await expect(vera.getByTestId('tournament-findings')).toContainText(
    'Round 4: Ideas tested gives GO to 1; the next round has 4 places.',
  );
  await expect(vera.getByTestId('round-3')).toHaveAttribute('data-warned', 'true');
});

test('the whole bracket fits on a 1280 and a 1920 screen in both languages, axe-clean', async ({
  browser,
  haard,
}) => {
  const kroon = await seedWorkspace(haard, (_w, data) =>
    Object.values(data().relations).find((r) => r.name === 'Kroon Makelaars')!,
  );
  const id = await seedTournament(haard, { title: 'XXL 2026', year: 2026 }, (t) => {
    const names = ['Noordzee Havens', 'Oranje Retail', 'Polder Bouw', 'Veluwe Vastgoed', 'Waddengroep'];
    const ids = [
      ok(t.addEntry({ name: kroon.name, relationId: kroon.id })),
      ...names.map((name) => ok(t.addEntry({ name }))),
    ];
    ok(t.setRoundDates(0, '2026-01-05', '2026-02-16'));
    ok(t.setRoundDates(1, '2026-02-23', '2026-03-16'));
    ok(t.decide(0, ids[0]!, 'go'));
    ok(t.decide(0, ids[1]!, 'go'));
    ok(t.decide(0, ids[2]!, 'noGo'));
    ok(t.decide(1, ids[0]!, 'go'));
  });
  for (const locale of ['en-GB', 'nl-NL'] as const) {
    for (const width of [1280, 1920]) {
      const page = await openPage(browser, haard.inviteUrl, { locale, width });
      await expect(page.locator('.sync[data-phase="synced"]')).toBeVisible();
      await page.goto(`${haard.base}/tournament/${id}`);
      const bracket = page.getByTestId('bracket');
      await expect(bracket.locator('.xxl-entry')).toHaveCount(9);
      const overflow = await bracket.evaluate(
        (el) => el.parentElement!.scrollWidth - el.parentElement!.clientWidth,
      );
      expect(overflow, `sideways scroll at ${width} in ${locale}`).toBeLessThanOrEqual(0);
      await expect(page.locator('body')).not.toContainText('⟦');
      // The last round before the final sends one on: singular; a round without dates says so.
      const nl = locale === 'nl-NL';
      await expect(round(page, 5).locator('.xxl-advance')).toHaveText(nl ? '→ 1 gaat door' : '→ 1 goes on');
      await expect(round(page, 0).locator('.xxl-advance')).toHaveText(nl ? '→ 32 gaan door' : '→ 32 go on');
      await expect(round(page, 2).locator('.xxl-weeks')).toHaveText(nl ? 'Nog geen datums' : 'No dates yet');
      const axe = await new AxeBuilder({ page }).analyze();
      expect(
        axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
      ).toEqual([]);
      await shot(page, `tournament-${locale}-${width}`);
      await page.context().close();
    }
  }
});
