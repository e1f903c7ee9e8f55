/**
 * Account plans as people use them (issue 7): started from the A-relations warning or a relation's page,
 * written together live in separate browser contexts through the real relay, checked as you type.
 */
import type { Browser, Page } from '@playwright/test';
import { expect, test, type Haard } from './helpers/fixtures.ts';
import { openCuttable, openSynced } from './helpers/browser.ts';
import { seedDemo, seedWorkspace } from './helpers/seed.ts';

test.beforeEach(async ({ haard }) => {
  await seedWorkspace(haard, seedDemo);
});

const shot = async (page: Page, name: string) => {
  if (process.env.HAARD_SHOTS)
    await page.screenshot({ path: `${process.env.HAARD_SHOTS}/${name}.png`, fullPage: true });
};

/** Start a plan for Acme BV from the "A relations without a plan" list; returns the plan page's URL. */
async function startAcmePlan(page: Page): Promise<string> {
  await page.getByRole('link', { name: 'Account plans' }).click();
  await expect(page.getByRole('heading', { name: /A relations? (has|have) no account plan/ })).toBeVisible();
  await shot(page, 'plans-empty');
  // A double click, as people do: it must make one plan, not two.
  await page.getByRole('button', { name: 'Start a plan for Acme BV' }).dblclick();
  await expect(page.getByLabel('Plan title')).toHaveValue(/Acme BV/);
  return page.url();
}

const text = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });

async function openPlan(
  browser: Browser,
  haard: Haard,
  url: string,
  locale?: 'nl-NL' | 'en-GB',
): Promise<Page> {
  const page = await openSynced(browser, haard.inviteUrl, locale ? { locale } : {});
  await page.goto(url);
  await expect(page.locator('.cm-content').first()).toBeVisible();
  return page;
}

test('a plan starts from the A-relations warning, is listed with its completeness, and findings follow the typing', async ({
  browser,
  haard,
}) => {
  const anna = await openSynced(browser, haard.inviteUrl);
  const url = await startAcmePlan(anna);
  const findings = anna.getByTestId('findings');
  await expect(findings).toContainText('The plan has no goals yet');
  const completeness = anna.locator('.plan-score .completeness-value');
  const before = await completeness.textContent();

  await text(anna, 'Situation').click();
  await anna.keyboard.type('Acme is merging with a competitor in Q3.');
  await expect(findings).not.toContainText('The section “Situation” is still empty.');
  // Undo (the top bar acts on the open plan) takes the typing back as one step; Redo brings it back.
  await anna.getByRole('button', { name: 'Undo' }).click();
  await expect(text(anna, 'Situation')).not.toContainText('Acme is merging');
  await expect(findings).toContainText('The section “Situation” is still empty.');
  await anna.getByRole('button', { name: 'Redo' }).click();
  await expect(text(anna, 'Situation')).toContainText('Acme is merging with a competitor in Q3.');

  await anna.getByRole('button', { name: 'Add goal' }).click();
  await anna.getByLabel('Goal 1', { exact: true }).fill('Keep Acme after the merger');
  await expect(findings).toContainText('Goal “Keep Acme after the merger” is not measurable');
  await expect(completeness).not.toHaveText(before!);

  // Clicking a finding moves focus to its field.
  await findings.getByRole('button', { name: /Goal “Keep Acme after the merger” is not measurable/ }).click();
  await expect(anna.getByLabel('Metric of goal 1')).toBeFocused();

  // Keyboard-first action table: type, Enter adds the row.
  await anna.getByLabel('New action').fill('Invite the new CFO to lunch');
  await anna.getByLabel('New action').press('Enter');
  await expect(anna.getByLabel('What, action 1')).toHaveValue('Invite the new CFO to lunch');
  await anna.getByLabel('What, action 1').press('Enter');
  await expect(anna.getByLabel('What, action 2')).toBeFocused();
  await anna.keyboard.type('Quarterly account meeting');
  await shot(anna, 'plan-editor');

  // The list shows the plan with its completeness and open errors, from the workspace's index.
  await anna.getByRole('link', { name: 'All plans' }).click();
  const row = anna.getByTestId('plans').getByRole('row', { name: /Acme BV/ });
  await expect(row).toContainText('%');
  await expect(row).toContainText(/\d+ errors?/);
  await expect(anna.getByTestId('plans').getByRole('row', { name: /Acme/ })).toHaveCount(1);
  await shot(anna, 'plans-list');
  await expect(anna.getByRole('button', { name: 'Start a plan for Acme BV' })).toHaveCount(0);
  expect(url).toContain('/plans/');
});

test('deleting a plan asks first, takes it out of everyone’s list, and it can be restored', async ({
  browser,
  haard,
}) => {
  const anna = await openSynced(browser, haard.inviteUrl);
  const url = await startAcmePlan(anna);
  const bram = await openSynced(browser, haard.inviteUrl);
  await bram.getByRole('link', { name: 'Account plans' }).click();
  const bramsRow = bram.getByTestId('plans').getByRole('row', { name: /Acme BV/ });
  await expect(bramsRow).toHaveCount(1);

  await anna.getByRole('button', { name: 'Delete plan' }).click();
  const ask = anna.getByRole('group', { name: 'Delete plan' });
  await expect(ask).toContainText('It leaves the plan list for everyone');
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(anna.getByTestId('plan-deleted')).toHaveCount(0);
  await anna.getByRole('button', { name: 'Delete plan' }).click();
  await anna
    .getByRole('group', { name: 'Delete plan' })
    .getByRole('button', { name: 'Delete', exact: true })
    .click();
  await expect(anna.getByTestId('plan-deleted')).toContainText('This plan was deleted on');

  // Gone from the colleague's list; Acme is an A relation without a plan again; "Deleted plans" shows it.
  await expect(bramsRow).toHaveCount(0);
  await expect(bram.getByRole('button', { name: 'Start a plan for Acme BV' })).toBeVisible();
  await bram.getByLabel('Deleted plans (1)').check();
  await expect(bramsRow).toHaveCount(1);
  // The relation's page does not pretend it never had a plan: the deleted one is there to open and restore.
  await bram.getByRole('navigation').getByRole('link', { name: 'Relations' }).click();
  await bram.getByRole('link', { name: 'Acme BV' }).click();
  const relationPlans = bram.locator('.rel-plans');
  await expect(relationPlans).toContainText('No account plan for this relation yet.');
  await expect(relationPlans).toContainText('Deleted (open it to restore):');
  await shot(bram, 'relation-deleted-plan');
  await relationPlans.getByRole('link', { name: /Acme BV/ }).click();
  await expect(bram.getByTestId('plan-deleted')).toContainText('This plan was deleted on');

  await anna.getByRole('button', { name: 'Restore plan' }).click();
  await expect(anna.getByTestId('plan-deleted')).toHaveCount(0);
  await expect(bram.getByTestId('plan-deleted')).toHaveCount(0); // Bram has the restored plan open
  await bram.getByRole('navigation').getByRole('link', { name: 'Account plans' }).click();
  await expect(bramsRow).toHaveCount(1);
  await expect(bram.getByRole('button', { name: 'Start a plan for Acme BV' })).toHaveCount(0);
  expect(url).toContain('/plans/');
});

test('a deleted plan is read-only for everyone — fields, goals, actions, texts, KPIs — until it is restored', async ({
  browser,
  haard,
}) => {
  const anna = await openSynced(browser, haard.inviteUrl, { width: 1366 });
  const url = await startAcmePlan(anna);
  await anna.getByRole('button', { name: 'Add goal' }).click();
  await anna.locator('#sec-goals input').first().fill('Keep Acme');
  await anna.getByLabel('New action').fill('Invite the new CFO to lunch');
  await anna.getByLabel('New action').press('Enter');
  await text(anna, 'Situation').click();
  await anna.keyboard.type('Acme merges in Q3.');
  const bram = await openPlan(browser, haard, url, 'nl-NL');
  await expect(bram.getByRole('textbox', { name: 'Situatie', exact: true })).toContainText(
    'Acme merges in Q3.',
  );
  await bram.setViewportSize({ width: 1366, height: 900 });

  await anna.getByRole('button', { name: 'Delete plan' }).click();
  await anna
    .getByRole('group', { name: 'Delete plan' })
    .getByRole('button', { name: 'Delete', exact: true })
    .click();

  // Both — the one who deleted it and a colleague in another browser — see why, and nothing takes an edit.
  const checks: [Page, Record<string, string>][] = [
    [
      anna,
      {
        banner: 'nothing in it can be changed until it is restored',
        restore: 'Restore plan',
        situation: 'Situation',
        title: 'Plan title',
        owner: 'Owner',
        budget: 'Budget reserved for this plan',
        add: 'Add goal|Add action|Add a key point|Add KPI|Add benefit',
        what: 'What',
      },
    ],
    [
      bram,
      {
        banner: 'je kunt er niets in veranderen tot het is teruggezet',
        restore: 'Plan terugzetten',
        situation: 'Situatie',
        title: 'Titel van het plan',
        owner: 'Eigenaar',
        budget: 'Gereserveerd budget voor dit plan',
        add: 'Doel toevoegen|Actie toevoegen|Kernpunt toevoegen|Indicator toevoegen|Gunning toevoegen',
        what: 'Wat',
      },
    ],
  ];
  for (const [page, l] of checks) {
    await expect(page.getByTestId('plan-deleted')).toContainText(l.banner!);
    await expect(page.getByTestId('plan-deleted').getByRole('button', { name: l.restore })).toBeVisible();
    await expect(text(page, l.situation!)).toHaveAttribute('aria-readonly', 'true');
    await expect(text(page, l.situation!)).toHaveAttribute('contenteditable', 'false');
    await expect(page.getByLabel(l.title!)).not.toBeEditable();
    await expect(page.getByLabel(l.owner!, { exact: true }).first()).toBeDisabled();
    await expect(page.getByLabel(l.budget!)).not.toBeEditable();
    await expect(page.locator('#sec-goals input').first()).not.toBeEditable();
    await expect(page.locator('#sec-actions tbody input').first()).not.toBeEditable();
    await expect(page.getByRole('button', { name: new RegExp(`^(${l.add})$`) })).toHaveCount(0);
    await expect(page.locator('.new-action')).toHaveCount(0);
  }
  await bram.getByTestId('plan-deleted').screenshot({ path: '/tmp/shots/plan-deleted-banner-nl.png' });
  await anna.screenshot({ path: '/tmp/shots/plan-deleted-en.png' });
  await bram.screenshot({ path: '/tmp/shots/plan-deleted-nl.png' });
  // Typing into a text of the deleted plan changes nothing, here or for the colleague.
  await text(bram, 'Situatie').click();
  await bram.keyboard.type(' Toch nog iets.');
  // (Not toHaveText: a colleague's caret widget adds invisible word joiners to the text.)
  await expect(text(bram, 'Situatie')).not.toContainText('Toch');
  await expect(text(anna, 'Situation')).not.toContainText('Toch');

  // The colleague restores it: everyone can edit again.
  await bram.getByRole('button', { name: 'Plan terugzetten' }).click();
  for (const [page, l] of checks) {
    await expect(page.getByTestId('plan-deleted')).toHaveCount(0);
    await expect(text(page, l.situation!)).toHaveAttribute('aria-readonly', 'false');
    await expect(page.getByLabel(l.title!)).toBeEditable();
    await expect(page.locator('#sec-actions tbody input').first()).toBeEditable();
  }
  await text(anna, 'Situation').click();
  await anna.keyboard.press('End');
  await anna.keyboard.type(' Back again.');
  await expect(text(bram, 'Situatie')).toContainText('Acme merges in Q3. Back again.');
});

test('two colleagues type into the same section at the same moment; both texts survive and each sees the other’s caret', async ({
  browser,
  haard,
}) => {
  const anna = await openSynced(browser, haard.inviteUrl);
  const url = await startAcmePlan(anna);
  const bram = await openPlan(browser, haard, url);

  await text(anna, 'Strategy').click();
  await text(bram, 'Strategy').click();
  await Promise.all([
    anna.keyboard.type('Anna: cross-sell tax advice. '),
    bram.keyboard.type('Bram: join their panel. '),
  ]);
  for (const page of [anna, bram]) {
    await expect(text(page, 'Strategy')).toContainText('Anna: cross-sell tax advice.');
    await expect(text(page, 'Strategy')).toContainText('Bram: join their panel.');
  }
  // Each sees the other's caret in the text they share.
  await expect(anna.locator('#sec-strategy .cm-ySelectionCaret')).toHaveCount(1);
  await expect(bram.locator('#sec-strategy .cm-ySelectionCaret')).toHaveCount(1);
  // And the other's avatar on the table of contents.
  await expect(anna.locator('.plan-toc .toc-avatars')).toHaveCount(1);

  // A colleague who joins later sees the same text (remote carets render as zero-width word joiners).
  const plain = async (page: Page) =>
    ((await text(page, 'Strategy').textContent()) ?? '').replace(/\u2060/g, '');
  const carla = await openPlan(browser, haard, url);
  const expected = await plain(anna);
  expect(await plain(bram)).toBe(expected);
  await expect.poll(() => plain(carla)).toBe(expected);
});

test('one edits offline while the other edits online; after reconnecting both see both, in the texts and the action table', async ({
  browser,
  haard,
}) => {
  const cuttable = await openCuttable(browser, haard.inviteUrl);
  const anna = cuttable.page;
  const url = await startAcmePlan(anna);
  await anna.getByLabel('New action').fill('Shared first action');
  await anna.getByLabel('New action').press('Enter');
  const bram = await openPlan(browser, haard, url);
  await expect(bram.getByLabel('What, action 1')).toHaveValue('Shared first action');

  // Anna loses the network (the relay is fine: Bram stays online).
  await cuttable.cut();
  await expect(anna.getByRole('status').first()).toContainText(/Offline|Connecting/);

  await text(anna, 'Developments').click();
  await anna.keyboard.type('Offline: new regulation in 2027.');
  await anna.getByLabel('New action').fill('Offline action');
  await anna.getByLabel('New action').press('Enter');
  await anna.getByLabel('What, action 1').fill('Shared first action, edited offline');

  await text(bram, 'Summary').click();
  await bram.keyboard.type('Online: we keep Acme.');
  await bram.getByLabel('New action').fill('Online action');
  await bram.getByLabel('New action').press('Enter');
  await bram.getByLabel('Cost, action 1').fill('1500');
  await bram.getByLabel('Cost, action 1').press('Tab');

  await cuttable.restore();
  for (const page of [anna, bram]) {
    await expect(text(page, 'Developments')).toContainText('Offline: new regulation in 2027.');
    await expect(text(page, 'Summary')).toContainText('Online: we keep Acme.');
    const whats = page.getByTestId('actions').locator('input.what');
    await expect(whats).toHaveCount(3);
    await expect(page.getByLabel('What, action 1')).toHaveValue('Shared first action, edited offline');
    await expect(page.getByLabel('Cost, action 1')).toHaveValue(/1[,.]?500/);
    const values = await whats.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(values).toEqual(expect.arrayContaining(['Offline action', 'Online action']));
  }
});

test('a viewer sees a plan live but cannot change it', async ({ browser, haard }) => {
  const anna = await openSynced(browser, haard.inviteUrl);
  const url = await startAcmePlan(anna);
  const viewerUrl = `${haard.base}/#invite=${haard.token('viewer')}`;
  const vera = await openSynced(browser, viewerUrl);
  await vera.goto(url);
  await expect(text(vera, 'Situation')).toHaveAttribute('contenteditable', 'false');
  await expect(vera.getByRole('button', { name: 'Add goal' })).toHaveCount(0);
  await expect(vera.getByLabel('New action')).toHaveCount(0);
  await expect(vera.getByLabel('Plan title')).toHaveAttribute('readonly', '');

  await text(anna, 'Situation').click();
  await anna.keyboard.type('Seen by the viewer.');
  await expect(text(vera, 'Situation')).toContainText('Seen by the viewer.');
});

test('two colleagues in one short field: each sees who else is in it, and neither one’s typing is garbled', async ({
  browser,
  haard,
}) => {
  const anna = await openSynced(browser, haard.inviteUrl);
  await anna.getByRole('textbox', { name: 'Your name' }).fill('Anna');
  const url = await startAcmePlan(anna);
  await anna.getByRole('button', { name: 'Add goal' }).click();
  const bram = await openPlan(browser, haard, url);
  await bram.getByRole('textbox', { name: 'Your name' }).fill('Bram');
  const metric = (page: Page) => page.getByLabel('Metric of goal 1');

  // The field a colleague is in carries their name (and their colour, with a tag).
  await metric(anna).click();
  await expect(metric(bram)).toHaveAccessibleDescription('Anna is in this field');
  await expect(bram.locator('[data-peer-tag="Anna"]')).toHaveCount(1);
  await metric(bram).click();
  await expect(metric(anna)).toHaveAccessibleDescription('Bram is in this field');

  // Both type at once (the QA pass saw "ReFlasttireesntgetrhk tsec oCrFO"): each keeps their own text.
  const texts = ['Relatiesterkte CFO', 'CFO strength score'];
  await Promise.all([
    metric(anna).pressSequentially(texts[0]!, { delay: 40 }),
    metric(bram).pressSequentially(texts[1]!, { delay: 40 }),
  ]);
  await expect(metric(anna)).toHaveValue(texts[0]!);
  await expect(metric(bram)).toHaveValue(texts[1]!);

  // Leaving the field, both see the same one readable value: one of the two, whole (last writer wins).
  await metric(anna).press('Tab');
  await metric(bram).press('Tab');
  await expect
    .poll(async () => (await metric(anna).inputValue()) === (await metric(bram).inputValue()))
    .toBe(true);
  expect(texts).toContain(await metric(anna).inputValue());
  // Left, the field no longer says anyone is in it.
  await expect(metric(anna)).not.toHaveAttribute('data-peer');
});

/**
 * Anna (offline) and Bram (online) set action 1's cost at the same time — 1,500 and 2,000 — and Anna
 * reconnects: one of the two values is kept everywhere.
 */
async function clashOverCost(browser: Browser, haard: Haard) {
  const cuttable = await openCuttable(browser, haard.inviteUrl);
  const anna = cuttable.page;
  await anna.getByRole('textbox', { name: 'Your name' }).fill('Anna');
  const url = await startAcmePlan(anna);
  await anna.getByLabel('New action').fill('Lunch with the CFO');
  await anna.getByLabel('New action').press('Enter');
  const bram = await openPlan(browser, haard, url);
  await bram.getByRole('textbox', { name: 'Your name' }).fill('Bram');
  await expect(bram.getByLabel('What, action 1')).toHaveValue('Lunch with the CFO');

  await cuttable.cut();
  await expect(anna.getByRole('status').first()).toContainText(/Offline|Connecting/);
  await anna.getByLabel('Cost, action 1').fill('1500');
  await anna.getByLabel('Cost, action 1').press('Tab');
  await bram.getByLabel('Cost, action 1').fill('2000');
  await bram.getByLabel('Cost, action 1').press('Tab');
  await cuttable.restore();
  return { anna, bram };
}

test('a value changed offline and online at the same time: whoever’s value lost is told, and can put it back', async ({
  browser,
  haard,
}) => {
  const { anna, bram } = await clashOverCost(browser, haard);

  // One value is kept everywhere (Yjs decides); the one whose value lost is told, the other is not.
  const cost = (page: Page) => page.getByLabel('Cost, action 1').inputValue();
  await expect
    .poll(async () => (await cost(anna)) === (await cost(bram)) && (await cost(anna)))
    .toMatch(/\d/);
  const annaLost = /2[,.]?000/.test(await cost(anna));
  const [loser, winner] = annaLost ? [anna, bram] : [bram, anna];
  const notice = loser.getByTestId('overwrite');
  await expect(notice).toContainText(
    annaLost
      ? 'Bram changed ‘Cost’ of ‘Lunch with the CFO’ while you did. Kept: 2,000. Yours was: 1,500.'
      : 'Anna changed ‘Cost’ of ‘Lunch with the CFO’ while you did. Kept: 1,500. Yours was: 2,000.',
  );
  await expect(winner.getByTestId('overwrite')).toHaveCount(0);

  // "Put mine back": a new edit everyone gets, and nobody is told about it as a clash.
  await notice.getByRole('button', { name: 'Put mine back' }).click();
  await expect(notice).toHaveCount(0);
  for (const page of [anna, bram])
    await expect(page.getByLabel('Cost, action 1')).toHaveValue(annaLost ? /1[,.]?500/ : /2[,.]?000/);
  await expect(winner.getByTestId('overwrite')).toHaveCount(0);
});

test('a value that cannot be put back (its action was removed since) says so instead of doing nothing', async ({
  browser,
  haard,
}) => {
  const { anna, bram } = await clashOverCost(browser, haard);
  await expect
    .poll(
      async () =>
        (await anna.getByTestId('overwrite').count()) + (await bram.getByTestId('overwrite').count()),
    )
    .toBe(1);
  const annaLost = (await anna.getByTestId('overwrite').count()) === 1;
  const [loser, winner] = annaLost ? [anna, bram] : [bram, anna];
  await winner.getByRole('button', { name: 'Remove action 1' }).click();
  await expect(loser.getByLabel('What, action 1')).toHaveCount(0);
  const notice = loser.getByTestId('overwrite');
  await notice.getByRole('button', { name: 'Put mine back' }).click();
  await expect(notice).toContainText('It cannot be put back: what it belonged to was removed since.');
  await expect(notice.getByRole('button', { name: 'Put mine back' })).toHaveCount(0);
  await notice.getByRole('button', { name: 'Keep theirs' }).click();
  await expect(notice).toHaveCount(0);
});
