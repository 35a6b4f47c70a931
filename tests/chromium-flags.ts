/**
 * Command-line flags for the Debian Chromium that the E2E tests and the benchmarks drive.
 *
 * Headless Chromium is the whole browser without a window, and every new browser context opens a
 * window whose address-bar popup (a chrome:// WebUI app of some 400 modules) starts loading in its
 * own renderer at once. On this 2-core machine that took ~1.1 s of CPU while the page under test was
 * loading, slowing it by ~0.5 s; the app itself has no address bar (Electron) or runs in a browser
 * whose window is already open (web mode). These features are switched off so that what is measured
 * and tested is Boardwright, not the test browser's own start-up.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-features=PreloadTopChromeWebUI,WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup',
];

export const CHROMIUM_PATH = '/usr/bin/chromium';
