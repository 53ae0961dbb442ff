import type { BrowserContextOptions } from 'playwright-core';

/** The two screens the explorer is judged on: a laptop and a phone. */
export const DESKTOP: BrowserContextOptions = {
  viewport: { width: 1440, height: 900 },
  locale: 'sv-SE',
  timezoneId: 'Europe/Stockholm',
  acceptDownloads: true,
};
export const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'sv-SE',
  timezoneId: 'Europe/Stockholm',
  acceptDownloads: true,
};
