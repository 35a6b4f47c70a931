import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import sharp from 'sharp';
import type { Board } from '../../shared/domain/board';
import type { BoardSnapshot } from '../../renderer/src/board/test-hook';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium-flags';
import { ROOT } from './web-server';

export const SCREENSHOT_DIR = path.join(ROOT, 'artifacts', 'screenshots');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export interface AppPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors and console errors seen so far. */
  errors: string[];
}

/** A fresh browser context on the app, 1440×900 CSS pixels (at `deviceScaleFactor` device pixels each). */
export async function openApp(browser: Browser, url: string, viewport = { width: 1440, height: 900 }, deviceScaleFactor = 1): Promise<AppPage> {
  const context = await browser.newContext({ viewport, deviceScaleFactor });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  await page.goto(url);
  return { context, page, errors };
}

export async function snapshot(page: Page): Promise<BoardSnapshot> {
  const snap = await page.evaluate(() => window.__boardwrightBoard ?? null);
  if (!snap) throw new Error('window.__boardwrightBoard is not available');
  return snap;
}

/**
 * Polls the board snapshot until `predicate` holds (a board is open), then returns it. Polled from
 * Node: the app's CSP (no 'unsafe-eval') rightly refuses page.waitForFunction with a string.
 */
export async function waitForBoard(page: Page, predicate: (s: BoardSnapshot & { board: Board }) => boolean, timeout = 15_000): Promise<BoardSnapshot & { board: Board }> {
  const deadline = Date.now() + timeout;
  let last: BoardSnapshot | null = null;
  for (;;) {
    last = await page.evaluate(() => window.__boardwrightBoard ?? null);
    if (last?.board && predicate(last as BoardSnapshot & { board: Board })) return last as BoardSnapshot & { board: Board };
    if (Date.now() > deadline) {
      throw new Error(`board never satisfied ${predicate.toString()}; last snapshot: ${JSON.stringify(last)?.slice(0, 1500)}`);
    }
    await new Promise((r) => setTimeout(r, 40));
  }
}

export function allPanels(snap: BoardSnapshot) {
  return snap.board?.scenes.flatMap((s) => s.panels) ?? [];
}

export function center(rect: { x: number; y: number; width: number; height: number }): { x: number; y: number } {
  return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
}

/** Average colour of a small square of the rendered page around a point. */
export async function sampleColor(page: Page, at: { x: number; y: number }, size = 8): Promise<[number, number, number]> {
  const clip = { x: Math.round(at.x - size / 2), y: Math.round(at.y - size / 2), width: size, height: size };
  const png = await page.screenshot({ clip });
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const sum = [0, 0, 0];
  for (let i = 0; i < data.length; i += info.channels) for (let c = 0; c < 3; c++) sum[c] += data[i + c];
  const n = data.length / info.channels;
  return [Math.round(sum[0] / n), Math.round(sum[1] / n), Math.round(sum[2] / n)];
}

export function colorDistance(a: readonly number[], b: readonly number[]): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

export async function saveScreenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, name);
  await page.screenshot({ path: file });
  return file;
}

/** Polls `read` until `ok` holds (the UI updates on animation frames and API round trips); fails naming `what` and the last value. */
export async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string, timeout = 15_000, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`${what}: last value ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
