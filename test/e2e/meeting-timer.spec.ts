/**
 * A presentation that runs over its timebox says so in words — beside the timer, not by its colour alone — and
 * once, politely, to assistive tech (QA session 7: "1:58 / 1:00" was colour-only). Playwright's clock jumps the
 * facilitator's time past the timebox; the timer counts on the relay's clock from the board's start time.
 */
import { expect, test } from './helpers/fixtures.ts';
import { newBoard, person, seedTwoPlans } from './helpers/meeting.ts';

test('a presentation over its timebox says so in words, and once to assistive tech', async ({
  browser,
  haard,
}) => {
  await seedTwoPlans(haard);
  const anna = await person(browser, haard.inviteUrl);
  await anna.clock.install();
  await anna.reload();
  await expect(anna.getByRole('status').first()).toContainText('Synced');
  await newBoard(anna, ['Acme Bouwgroep 2026–2027']);
  const minutes = anna.getByLabel('Minutes for Acme Bouwgroep 2026–2027');
  await minutes.fill('1');
  await minutes.press('Tab');
  await anna.getByRole('button', { name: 'Start meeting' }).click();
  const timer = anna.getByRole('timer');
  await expect(timer).toContainText('/ 1:00');
  await expect(anna.getByTestId('timer-over')).toHaveCount(0);
  await expect(anna.getByTestId('timer-notice')).toHaveText('');

  await anna.clock.fastForward('01:30');
  await expect(anna.getByTestId('timer-over')).toHaveText(/· 0:\d\d over time/);
  await expect(timer).toHaveAttribute('data-over', 'true');
  const notice = anna.getByTestId('timer-notice');
  await expect(notice).toHaveText('Time is up for this presentation.');
  await expect(notice).toHaveAttribute('aria-live', 'polite');
  // Said once: the notice does not change while the timer goes on ticking.
  const changes = await notice.evaluate(
    (el) =>
      new Promise<number>((resolve) => {
        let n = 0;
        const seen = new MutationObserver(() => n++);
        seen.observe(el, { childList: true, characterData: true, subtree: true });
        setTimeout(() => resolve(n), 1500);
      }),
  );
  expect(changes).toBe(0);
});
