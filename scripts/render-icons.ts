/**
 * Renders client/public/haard.svg to the PNG app icons the web app manifest lists (192 and 512 px), with
 * Playwright's Chromium. Run once after changing the SVG, and commit the PNGs:
 *   node_modules/.bin/tsx scripts/render-icons.ts
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';

const PUBLIC = join(import.meta.dirname, '../client/public');
const svg = readFileSync(join(PUBLIC, 'haard.svg'), 'utf8');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
try {
  for (const size of [192, 512]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(
      `<!doctype html><html><body style="margin:0;background:transparent">` +
        `<div style="width:${size}px;height:${size}px">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</div>` +
        `</body></html>`,
    );
    const file = join(PUBLIC, `icon-${size}.png`);
    await page.screenshot({
      path: file,
      omitBackground: true,
      clip: { x: 0, y: 0, width: size, height: size },
    });
    console.log(`wrote ${file}`);
    await page.close();
  }
} finally {
  await browser.close();
}
