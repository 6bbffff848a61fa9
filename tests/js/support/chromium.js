// Headless Chromium (Debian's /usr/bin/chromium, or CHROMIUM) driven by playwright-core, with
// the flags that keep it off the network this machine does not have.
import { chromium } from 'playwright-core';

export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-extensions',
    ],
  });
}

/**
 * Opens `url` in a new tab of `browser` and waits until the body holds `expected` or the page
 * throws (at most `patience` ms), then returns the body's text and the page's errors (uncaught
 * errors and console errors).
 */
export async function runPage(browser, url, expected, patience = 10_000) {
  const tab = await browser.newPage();
  const errors = [];
  const failed = new Promise((resolve) => tab.on('pageerror', resolve));
  tab.on('pageerror', (e) => errors.push(e.message));
  tab.on('console', (m) => m.type() === 'error' && errors.push(m.location().url ? `${m.text()} (${m.location().url})` : m.text()));
  await tab.goto(url);
  const done = tab.waitForFunction((text) => document.body?.textContent.includes(text), expected, { timeout: patience });
  await Promise.race([done, failed]).catch(() => {});
  const text = (await tab.textContent('body')).trim();
  await tab.close();
  return { text, errors };
}
