/** Opening the app as a person would: a browser context of their own (own storage, own service worker). */
import { expect, type Browser, type Locator, type Page, type WebSocketRoute } from '@playwright/test';

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

/**
 * A browser whose connection to the relay can be cut and restored (the relay keeps running for others): its
 * sockets go through a route that forwards everything until `cut()`, then refuses until `restore()`. Opens
 * `inviteUrl` and waits until synced.
 */
export async function openCuttable(browser: Browser, inviteUrl: string) {
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
  let offline = false;
  const live = new Set<WebSocketRoute>();
  await context.routeWebSocket(/\/sync/, (ws) => {
    if (offline) return void ws.close({ code: 1012, reason: 'test: offline' });
    ws.connectToServer();
    live.add(ws);
    ws.onClose(() => live.delete(ws));
  });
  const page = await context.newPage();
  await page.goto(inviteUrl);
  await expect(page.getByRole('status').first()).toContainText('Synced');
  return {
    page,
    async cut() {
      offline = true;
      await Promise.all([...live].map((ws) => ws.close({ code: 1012, reason: 'test: offline' })));
    },
    async restore() {
      offline = false;
      await page.evaluate(() => window.dispatchEvent(new Event('online')));
    },
  };
}

/**
 * The options of `select` that would not read whole when chosen: its text (measured in the select's own font)
 * plus the room the drop-down arrow takes and a clear gap before it — 2.5em after the left padding, about
 * 20 px of arrow and 20 px of gap at 16 px — is wider than the select. A select sized to its longest option with
 * the browser's default padding leaves the last letter against the arrow ("Telefoongesprek|v"), which reads as
 * cut and is clipped where fonts are a little wider. Returns "text needed/has" for each such option.
 */
export const cutOptions = (select: Locator) =>
  select.evaluate((el: HTMLSelectElement) => {
    const style = getComputedStyle(el);
    const ctx = document.createElement('canvas').getContext('2d')!;
    ctx.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const em = parseFloat(style.fontSize);
    const has = el.getBoundingClientRect().width;
    const start = parseFloat(style.borderLeftWidth) + parseFloat(style.paddingLeft);
    return [...el.options]
      .map((o) => ({ text: o.text, needed: start + ctx.measureText(o.text).width + 2.5 * em }))
      .filter((o) => o.needed > has)
      .map((o) => `${o.text} ${Math.ceil(o.needed)}/${Math.floor(has)}`);
  });
