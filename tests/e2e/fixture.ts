import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openApp, type AppPage } from './browser';
import { startWebServer, type RunningWebServer } from './web-server';

export interface WebAppFixture {
  readonly browser: Browser;
  /** A fresh web-mode server (own BOARDWRIGHT_HOME) for each test. */
  readonly server: RunningWebServer;
  /** Opens the app in a new browser context; closed after the test. */
  open(viewport?: Parameters<typeof openApp>[2], deviceScaleFactor?: number): Promise<AppPage>;
}

/** One browser per file, one web-mode server per test, every opened page closed after its test. */
export function useWebApp(): WebAppFixture {
  let browser: Browser;
  let server: RunningWebServer;
  const opened: AppPage[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    server = await startWebServer();
  });
  afterEach(async () => {
    for (const app of opened.splice(0)) await app.context.close();
    await server?.stop();
  });
  return {
    get browser() {
      return browser;
    },
    get server() {
      return server;
    },
    async open(viewport, deviceScaleFactor) {
      const app = await openApp(browser, server.url, viewport, deviceScaleFactor);
      opened.push(app);
      return app;
    },
  };
}
