/**
 * The ABC screens in both languages: every tab renders without missing texts (⟦key⟧), passes axe
 * (no serious or critical violations), and is photographed to /tmp/shots/ for a visual review.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser } from '@playwright/test';
import { expect, test } from './helpers/fixtures.ts';
import { openPage } from './helpers/browser.ts';
import { seedDemo, seedWorkspace } from './helpers/seed.ts';

const open = (browser: Browser, url: string, lang: 'en' | 'nl') =>
  openPage(browser, url, { locale: lang === 'nl' ? 'nl-NL' : 'en-GB' });

const TABS = ['criteria', 'scoring', 'classes', 'settings'] as const;

for (const lang of ['en', 'nl'] as const) {
  test(`every ABC tab in ${lang}: no missing texts, no serious axe violations, screenshots`, async ({
    browser,
    haard,
  }) => {
    await seedWorkspace(haard, seedDemo);
    const page = await open(browser, `${haard.base}/abc/criteria#invite=${haard.token('editor')}`, lang);
    for (const tab of TABS) {
      await page.locator('.abc-tabs').getByRole('link').nth(TABS.indexOf(tab)).click();
      await page.waitForURL(`**/abc/${tab}`);
      await expect(page.locator('.abc')).toBeVisible();
      if (tab === 'scoring') {
        await page.getByTestId('score-grid').focus();
        // Criterion names in the grid's head are whole (they wrap), not cut to "Strategische w…".
        const cut = await page
          .locator('.crit-name')
          .evaluateAll((els) =>
            els
              .filter((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)
              .map((el) => el.textContent),
          );
        expect(cut).toEqual([]);
      }
      await expect(page.locator('body')).not.toContainText('⟦');
      const axe = await new AxeBuilder({ page }).include('.abc').analyze();
      const bad = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      await page.screenshot({ path: `/tmp/shots/abc-${tab}-${lang}.png`, fullPage: true });
    }
  });
}
