/**
 * Presentation mode (ruitmodel, seed 004) through `haard serve` in real Chromium: keys walk every step and
 * the URL follows; Escape leaves; each step is accessible and fully translated in both languages, with
 * projector-size screenshots in /tmp/shots.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test, type Haard } from './helpers/fixtures.ts';
import { openSynced } from './helpers/browser.ts';
import { DEMO, seedDemoPlan } from './helpers/demoPlan.ts';

const STEPS = ['opening', 'situation', 'goals', 'strategy', 'timeline', 'summary', 'closing'];

const stepUrl = (id: string, step: string) => new RegExp(`/plans/${id}/present/${step}$`);

async function openPresentation(page: Page, haard: Haard, id: string, step = 'opening') {
  await page.goto(`${haard.base}/plans/${id}/present/${step}`);
  await expect(page.getByTestId('presentation')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

test('arrow keys and PageDown walk all steps, the URL and the step indicator follow; Escape leaves', async ({
  browser,
  haard,
}) => {
  const id = await seedDemoPlan(haard);
  const page = await openSynced(browser, haard.inviteUrl);
  // Started from the plan page's Present button.
  await page.goto(`${haard.base}/plans/${id}`);
  await page.getByRole('link', { name: 'Present', exact: true }).click();
  await expect(page).toHaveURL(stepUrl(id, 'opening'));
  await expect(page.getByTestId('present-keypoints').getByRole('listitem')).toHaveText(DEMO.keyPoints);

  const current = page
    .getByRole('navigation', { name: 'Steps of the presentation' })
    .locator('[aria-current="step"]');
  for (let i = 1; i < STEPS.length; i++) {
    await page.keyboard.press(i % 2 ? 'ArrowRight' : 'PageDown');
    await expect(page).toHaveURL(stepUrl(id, STEPS[i]!));
    await expect(page.getByTestId('present-count')).toContainText(`Step ${i + 1} of 7`);
    await expect(current).toHaveCount(1);
    // The ruitmodel's part: "Plan · n of 4" on the plan's four steps (it stayed at 1 while stepping once).
    if (i >= 1 && i <= 4) await expect(page.locator('.slide-kicker')).toHaveText(`Plan · ${i} of 4`);
  }
  await expect(current).toHaveText('Closing');
  await expect(page.getByTestId('present-question')).toHaveText('Who has a question?');
  await expect(page.getByTestId('present-closing')).toHaveText(DEMO.closing);

  // Past the last step nothing moves; back with ArrowLeft and PageUp, Home to the start.
  await page.keyboard.press('PageDown');
  await expect(page).toHaveURL(stepUrl(id, 'closing'));
  await page.keyboard.press('ArrowLeft');
  await expect(page).toHaveURL(stepUrl(id, 'summary'));
  await page.keyboard.press('PageUp');
  await expect(page).toHaveURL(stepUrl(id, 'timeline'));
  await expect(page.locator('.slide-kicker')).toHaveText('Plan · 4 of 4');
  await expect(page.getByTestId('timeline-item').filter({ hasText: 'Overdue' })).toHaveCount(1);
  await expect(page.getByTestId('timeline-today')).toBeVisible();
  await page.keyboard.press('Home');
  await expect(page).toHaveURL(stepUrl(id, 'opening'));

  // A step link (what the meeting board will send) opens that step directly; an unknown step opens the start.
  await page.goto(`${haard.base}/plans/${id}/present/goals`);
  await expect(page.getByTestId('present-goals').getByRole('listitem')).toHaveCount(DEMO.goals.length);
  await page.goto(`${haard.base}/plans/${id}/present/nonsense`);
  await expect(page).toHaveURL(stepUrl(id, 'opening'));

  // Full screen from the button; the first Escape only leaves full screen, the second leaves the presentation.
  const full = page.getByRole('button', { name: 'Full screen' });
  await full.click();
  await expect(page.getByRole('button', { name: 'Leave full screen' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  expect(await page.evaluate(() => document.fullscreenElement?.getAttribute('data-testid'))).toBe(
    'presentation',
  );
  await page.keyboard.press('Escape');
  await expect(full).toHaveAttribute('aria-pressed', 'false');
  await expect(page).toHaveURL(stepUrl(id, 'opening'));
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(new RegExp(`/plans/${id}$`));
  await expect(page.getByTestId('presentation')).toHaveCount(0);
  await expect(page.getByLabel('Plan title')).toHaveValue('Acme Bouwgroep 2026–2027');
});

test('presence: the presenter’s step is visible to a colleague in the same plan', async ({
  browser,
  haard,
}) => {
  const id = await seedDemoPlan(haard);
  const presenter = await openSynced(browser, haard.inviteUrl);
  await openPresentation(presenter, haard, id, 'strategy');
  const colleague = await openSynced(browser, haard.inviteUrl);
  await openPresentation(colleague, haard, id, 'goals');
  // Both are in the plan's awareness: two avatars on each screen.
  await expect(presenter.getByTestId('presentation').locator('.presence .avatar')).toHaveCount(2);
  await expect(colleague.getByTestId('presentation').locator('.presence .avatar')).toHaveCount(2);
});

for (const lang of ['en', 'nl'] as const) {
  test(`every step in ${lang}: accessible, no missing text, readable at projector sizes`, async ({
    browser,
    haard,
  }) => {
    const id = await seedDemoPlan(haard);
    const page = await openSynced(browser, haard.inviteUrl);
    if (lang === 'nl') await page.getByLabel('Language').selectOption('nl');
    for (const size of [
      { width: 1280, height: 720 },
      { width: 1920, height: 1080 },
    ]) {
      await page.setViewportSize(size);
      await openPresentation(page, haard, id);
      for (const step of STEPS) {
        await page.goto(`${haard.base}/plans/${id}/present/${step}`);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await page.waitForTimeout(150); // let the fit settle
        await expect(page.locator('body')).not.toContainText('⟦');
        if (size.width === 1280) {
          const axe = await new AxeBuilder({ page }).analyze();
          const bad = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
          expect(
            bad.map((v) => `${step} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
          ).toEqual([]);
        }
        await page.screenshot({ path: `/tmp/shots/present-${step}-${size.width}-${lang}.png` });
      }
    }
    if (lang === 'nl') {
      await expect(page.getByTestId('present-question')).toHaveText('Wie heeft iets te vragen?');
    }
  });
}
