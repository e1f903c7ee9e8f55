/**
 * Every screen, in both languages: no missing message key (rendered as ⟦key⟧), no serious or critical
 * accessibility violation (axe), and a screenshot to look at (/tmp/shots/tour-*.png). And a viewer sees
 * every screen read-only.
 */
import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { closeContexts, startHaard, type Haard } from './helpers/haard.ts';
import { openPage } from './helpers/browser.ts';
import {
  addClients,
  ok,
  readWorkspace,
  seedDemo,
  seedMeeting,
  seedPlan,
  seedTournament,
  seedWorkspace,
} from './helpers/seed.ts';

const SHOTS = '/tmp/shots';
mkdirSync(SHOTS, { recursive: true });

const SCREENS = [
  '/relations',
  '/plans',
  '/fire',
  '/team',
  '/abc/criteria',
  '/abc/scoring',
  '/abc/classes',
  '/abc/settings',
  '/data',
  '/settings',
  '/tournament',
  '/meetings',
] as const;

let haard: Haard;
/** `/plans/<id>` of a plan with something in every section. */
let planPath = '';
/** `/tournament/<id>` of a tournament with entries in several rounds, the pool and a warning. */
let tournamentPath = '';
let meetingPath = '';
test.beforeAll(async () => {
  haard = await startHaard();
  await seedWorkspace(haard, (w, data) => seedDemo(w, data));
  await seedWorkspace(haard, (w, data) => addClients(w, data, [{ name: 'Zeta Zorg' }]));
  const ws = await readWorkspace(haard);
  const acme = Object.values(ws.relations).find((r) => r.name === 'Acme BV')!;
  const planId = await seedPlan(
    haard,
    { relationIds: [acme.id], title: 'Acme 2026', ownerId: acme.ownerId },
    (p) => {
      ok(p.setKeyPoints(['Keep Acme after the merger', 'Grow tax advice']));
      ok(p.setText('situation.text', 'Acme merges with Beta in Q3.'));
      const goal = ok(
        p.addGoal({
          title: 'Retain Acme',
          category: 'retention',
          metric: 'Contract',
          target: 'Renewed',
          deadline: '2027-03-31',
        }),
      );
      ok(
        p.addAction({
          what: 'Lunch with the new CFO',
          goalId: goal,
          ownerId: acme.ownerId,
          due: '2027-01-15',
          kpi: { name: 'Meeting held', target: '1' },
        }),
      );
      ok(p.addAction({ what: 'Quarterly account meeting' }));
      ok(p.addBenefit({ level: 'organisation', description: 'Longer payment terms' }));
    },
  );
  planPath = `/plans/${planId}`;
  const kroon = Object.values(ws.relations).find((r) => r.name === 'Kroon Makelaars')!;
  const tournamentId = await seedTournament(haard, { title: 'XXL 2026', year: 2026 }, (t) => {
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
  tournamentPath = `/tournament/${tournamentId}`;
  const meetingId = await seedMeeting(haard, { title: 'RM meeting March', date: '2026-03-09' }, (m) => {
    const item = ok(m.addAgendaItem({ planId, presenterId: acme.ownerId ?? 'nobody', timeboxMinutes: 15 }));
    ok(m.addSuccess({ text: 'Hanze Energie signed the framework contract' }));
    ok(m.addCard({ agendaItemId: item, authorId: 'someone', kind: 'question', text: 'Who else decides?' }));
  });
  meetingPath = `/meetings/${meetingId}`;
});
test.afterEach(async ({ browser }) => {
  await closeContexts(browser);
});
test.afterAll(async () => {
  await haard.dispose();
});

async function openAs(browser: Browser, url: string, locale: 'en-GB' | 'nl-NL'): Promise<Page> {
  const page = await openPage(browser, url, { locale });
  await expect(page.getByRole('status').first()).toBeVisible();
  return page;
}

async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * The sweep in two halves, each a test of its own: with two workers the halves run side by side, and the
 * suite does not end on one long test while the other worker waits. Together they visit every screen of
 * SCREENS, the plan, tournament and meeting pages and a relation page, as one test per language did before.
 */
const HALVES = [
  { name: 'the lists and the ABC screens', screens: () => SCREENS.slice(0, 8), relationPage: false },
  {
    name: 'data, settings, tournaments, meetings, and a plan, tournament, meeting and relation page',
    screens: () => [...SCREENS.slice(8), planPath, tournamentPath, meetingPath],
    relationPage: true,
  },
];

for (const locale of ['en-GB', 'nl-NL'] as const)
  for (const half of HALVES)
    test(`every screen renders completely and accessibly in ${locale}: ${half.name}`, async ({ browser }) => {
      test.setTimeout(120_000);
      const page = await openAs(browser, haard.inviteUrl, locale);
      await expect(page.locator('html')).toHaveAttribute('lang', locale.slice(0, 2));
      const someRelation = page.getByTestId('relations').getByRole('link').first();
      for (const path of half.screens()) {
        await page.goto(haard.base + path);
        await expect(page.locator('main.content')).not.toBeEmpty();
        // The screen itself, not the "Loading…" that stands in for it while the workspace loads.
        await expect(page.locator('main.content > .loading')).toHaveCount(0);
        if (path === tournamentPath) await expect(page.getByTestId('bracket')).toBeVisible();
        if (path === meetingPath) await expect(page.getByTestId('agenda')).toBeVisible();
        // Only the plan page loads parts of itself later (its text editors, the KPI chart): let those arrive.
        // Elsewhere the wait cost 0.5 s a screen for nothing (networkidle waits out 500 ms of quiet).
        if (path === planPath) await page.waitForLoadState('networkidle');
        await expect(page.locator('body')).not.toContainText('⟦');
        expect(await seriousViolations(page), `${path} in ${locale}`).toEqual([]);
        await page.screenshot({
          path: `${SHOTS}/tour${path.replaceAll('/', '-')}-${locale}.png`,
          fullPage: true,
        });
      }
      if (!half.relationPage) return;
      await page.goto(`${haard.base}/relations`);
      await someRelation.click();
      await expect(page).toHaveURL(/\/relations\/.+/);
      await expect(page.locator('body')).not.toContainText('⟦');
      expect(await seriousViolations(page), `relation page in ${locale}`).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/tour-relation-page-${locale}.png`, fullPage: true });
    });

test('a viewer invite shows every screen read-only', async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await openAs(browser, `${haard.base}/#invite=${haard.token('viewer')}`, 'en-GB');
  await expect(page.getByText('Read-only')).toBeVisible();
  await expect(page.getByLabel('Workspace name')).toHaveAttribute('readonly', '');
  for (const path of [...SCREENS, planPath, tournamentPath, meetingPath]) {
    await page.goto(haard.base + path);
    await expect(page.locator('main.content')).not.toBeEmpty();
    if (path === planPath) await expect(page.getByLabel('Plan title')).toHaveValue('Acme 2026');
    if (path === tournamentPath) await expect(page.getByLabel('Tournament name')).toHaveValue('XXL 2026');
    if (path === meetingPath) await expect(page.getByText('You are watching')).toBeVisible();
    // No enabled control that would change the workspace: every enabled button is navigation-only.
    const editing = page
      .locator('main.content')
      .getByRole('button', { name: /^(Add|Delete|Remove|Import|Save|Restore|Override|Clear|Move)/ });
    for (const button of await editing.all()) await expect(button).toBeDisabled();
    for (const field of await page.locator('main.content input:not([type=search]):not([type=file])').all()) {
      const editable = await field.evaluate(
        (el: HTMLInputElement) =>
          !el.matches(':disabled') &&
          !el.readOnly &&
          !el.closest('[data-filter]') &&
          el.type !== 'radio' &&
          el.type !== 'checkbox',
      );
      if (editable) {
        const label = await field.evaluate(
          (el: HTMLInputElement) => el.labels?.[0]?.textContent ?? el.name ?? el.id,
        );
        expect.soft(editable, `${path}: editable input “${label}” for a viewer`).toBe(false);
      }
    }
  }
});
