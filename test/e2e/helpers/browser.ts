/** Opening the app as a person would: a browser context of their own (own storage, own service worker). */
import { expect, type Browser, type Page } from '@playwright/test';

export interface OpenOptions {
  locale?: 'en-GB' | 'nl-NL';
  width?: number;
  acceptDownloads?: boolean;
}

export async function openPage(browser: Browser, url: string, opts: OpenOptions = {}): Promise<Page> {
  const context = await browser.newContext({
    locale: opts.locale ?? 'en-GB',
    viewport: { width: opts.width ?? 1280, height: 900 },
    acceptDownloads: opts.acceptDownloads ?? false,
  });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

/** Open, and wait until the workspace is synced with the relay. */
export async function openSynced(browser: Browser, url: string, opts: OpenOptions = {}): Promise<Page> {
  const page = await openPage(browser, url, opts);
  await expect(page.getByRole('status').first()).toContainText(
    opts.locale === 'nl-NL' ? 'Gesynchroniseerd' : 'Synced',
  );
  return page;
}
