/**
 * Keep the fire burning (DOMAIN.md §6): the dashboard in real Chromium through the real relay. What needs
 * attention comes most important first; a contact logged in one browser warms the relation in the other.
 */
import { expect, test } from './helpers/fixtures.ts';
import { cutOptions, openSynced } from './helpers/browser.ts';
import { ok, readWorkspace, seedDemo, seedWorkspace } from './helpers/seed.ts';

test.beforeEach(async ({ haard }) => {
  await seedWorkspace(haard, seedDemo);
});

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

test('the dashboard orders what needs attention and a contact logged in one browser warms the relation in the other', async ({
  browser,
  haard,
}) => {
  const ws = await readWorkspace(haard);
  const id = (name: string) => Object.values(ws.relations).find((r) => r.name === name)!.id;
  await seedWorkspace(haard, (w) => {
    // Acme (A) last seen 100 days ago: out. Bouwbedrijf De Vries (A) 45 days ago: smouldering.
    // Delta Logistiek (B) 200 days ago: out, but after the A relations. Citadel (B) 10 days ago: burning.
    ok(w.addContactLogEntry({ relationId: id('Acme BV'), date: daysAgo(100), type: 'visit' }));
    ok(w.addContactLogEntry({ relationId: id('Bouwbedrijf De Vries'), date: daysAgo(45), type: 'call' }));
    ok(w.addContactLogEntry({ relationId: id('Delta Logistiek'), date: daysAgo(200), type: 'email' }));
    ok(w.addContactLogEntry({ relationId: id('Citadel Advocaten'), date: daysAgo(10), type: 'call' }));
    ok(
      w.addContactLogEntry({
        relationId: id('Citadel Advocaten'),
        date: daysAgo(3),
        type: 'meeting',
        signals: [
          {
            kind: 'silentComplaint',
            note: 'Invoices arrive late',
            followUp: { what: 'Call their CFO', ownerId: null, due: daysAgo(-7) },
          },
        ],
      }),
    );
    // A planned contact next month: it has not happened, so its signal is not open yet (QA item 9).
    ok(
      w.addContactLogEntry({
        relationId: id('Acme BV'),
        date: daysAgo(-30),
        type: 'visit',
        signals: [{ kind: 'buyingSignal', note: 'Quote for the scan' }],
      }),
    );
  });
  const anna = await openSynced(browser, haard.inviteUrl);
  await anna.getByRole('link', { name: 'Keep warm' }).click();
  const attention = anna.getByTestId('attention').locator(':scope > li');
  const readOrder = () =>
    attention.evaluateAll((items) => items.map((li) => li.getAttribute('data-relation')));
  // A before B; within A: out before smouldering; Gouda Kaas (A by override, never contacted) is out too
  // and never contacted counts as the most overdue. Polled: the dashboard renders once the workspace is read.
  await expect
    .poll(async () => (await readOrder()).slice(0, 3))
    .toEqual(['Gouda Kaas', 'Acme BV', 'Bouwbedrijf De Vries']);
  const order = await readOrder();
  expect(order.indexOf('Delta Logistiek')).toBeGreaterThan(2);
  expect(order).not.toContain('Citadel Advocaten');
  await expect(anna.getByTestId('open-signals')).toContainText('Invoices arrive late');
  await expect(anna.getByTestId('open-signals')).toContainText('Call their CFO');
  await expect(anna.getByTestId('open-signals')).not.toContainText('Quote for the scan');
  await expect(anna.getByTestId('below-minimum')).toContainText('Acme BV');
  // A card says who owns the relation, and "never" once: in its status, not again as the last contact.
  const gouda = anna.getByTestId('attention').locator('li[data-relation="Gouda Kaas"]');
  await expect(gouda.locator('.attention-status')).toHaveText('Never contacted');
  await expect(gouda.locator('.attention-meta')).toContainText('Owner: Carla Smit');
  await expect(gouda).not.toContainText('Last contact');
  await expect(
    anna.getByTestId('attention').locator('li[data-relation="Acme BV"] .attention-meta'),
  ).toContainText('Last contact: 100 days ago');
  // The page heading stands clear of its intro.
  const headingBottom = await anna
    .getByRole('heading', { name: 'Keep the fire burning' })
    .evaluate((h) => h.getBoundingClientRect().bottom);
  const introTop = await anna
    .locator('.fire-screen .section-intro')
    .evaluate((p) => p.getBoundingClientRect().top);
  expect(introTop - headingBottom).toBeGreaterThanOrEqual(4);
  // The minimum's heading counts what its rows count: the last 365 days, not the calendar year.
  await expect(
    anna.getByRole('heading', { name: 'A relations with fewer than 6 contact moments in the last year' }),
  ).toBeVisible();

  const bram = await openSynced(browser, haard.inviteUrl);
  await bram.getByRole('link', { name: 'Keep warm' }).click();
  await expect(bram.getByTestId('attention').locator('li[data-relation="Acme BV"]')).toBeVisible();

  await anna.getByRole('button', { name: 'Log a contact with Acme BV' }).click();
  const quick = anna.getByRole('form', { name: 'Log a contact with Acme BV' });
  // Every contact type reads whole in the quick log's Type (relations-screens checks Dutch and narrower widths).
  expect(await cutOptions(quick.getByLabel('Type', { exact: true }))).toEqual([]);
  // A date after today would be a planned contact, which warms nothing: refused with a reason.
  await quick.getByLabel('Date').fill(daysAgo(-3));
  await quick.getByRole('button', { name: 'Save contact moment' }).click();
  // Said in the form itself, not at the foot of the page.
  await expect(quick.getByRole('alert')).toContainText('pick a date up to today');
  await expect(anna.getByTestId('attention').locator('li[data-relation="Acme BV"]')).toHaveCount(1);
  await quick.getByLabel('Date').fill(daysAgo(0));
  await quick.getByRole('button', { name: 'Save contact moment' }).click();
  await expect(anna.getByTestId('attention').locator('li[data-relation="Acme BV"]')).toHaveCount(0);
  await expect(bram.getByTestId('attention').locator('li[data-relation="Acme BV"]')).toHaveCount(0);

  await bram.getByTestId('open-signals').getByRole('button', { name: 'Mark as handled' }).click();
  await expect(anna.getByTestId('open-signals')).toHaveCount(0);
});
