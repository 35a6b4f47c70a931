/** Page-side measurements of the canvas benchmark: readiness, requestAnimationFrame deltas, heap. */
import { spawn, type ChildProcess } from 'node:child_process';
import type { Page } from 'playwright-core';

declare global {
  interface Window {
    __bwFrames?: { deltas: number[]; stop: boolean };
  }
}

export interface WebMode {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `node dist/web/boardwright-web.cjs FILE` and reads the URL from its first stdout line. */
export function startWebMode(entry: string, file: string, home: string): Promise<WebMode> {
  const child = spawn(process.execPath, [entry, file], { env: { ...process.env, BOARDWRIGHT_HOME: home }, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`web mode printed no URL in 30 s: ${err}`)), 30_000);
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const line = out.split('\n')[0];
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(line);
      if (out.includes('\n') && m) {
        clearTimeout(timer);
        resolve({
          url: m[1],
          child,
          stop: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`web mode exited with ${code}: ${err}`)));
  });
}

/** Polls the page's cheap readiness getter until the board reports itself interactive; returns readyAt (ms since navigation). */
export async function waitInteractive(page: Page, timeoutMs = 60_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const at = await page.evaluate(() => window.__boardwrightReadyAt ?? null);
    if (at !== null) return at;
    if (Date.now() > deadline) throw new Error('the board never became interactive');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Starts recording requestAnimationFrame deltas in the page. */
export function startFrames(page: Page): Promise<void> {
  return page.evaluate(() => {
    const rec = { deltas: [] as number[], stop: false };
    window.__bwFrames = rec;
    let last = -1;
    const tick = (t: number) => {
      if (last >= 0) rec.deltas.push(t - last);
      last = t;
      if (!rec.stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

/** Stops recording and returns the frame deltas (ms). */
export function stopFrames(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const rec = window.__bwFrames!;
    rec.stop = true;
    return rec.deltas;
  });
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const median = (xs: number[]) => percentile(xs, 50);
export const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
