/**
 * Part 2 of bench/generation.bench.ts: frame times of the board in headless Chromium (web mode)
 * while generation jobs run in the core. Not a bench itself.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { Project } from '../../electron/core/project';
import { createScene } from '../../electron/core/commands/scene-commands';
import { addImagePanels } from '../../electron/core/commands/image-commands';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../tests/chromium-flags';

const ROOT = path.resolve(__dirname, '..', '..');

interface Options {
  jobs: number;
  variationsPerJob: number;
  panels: number;
  log(line: string): void;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] : NaN;
};
const round = (n: number) => Math.round(n * 10) / 10;

async function makeProject(file: string, panels: number): Promise<void> {
  const project = Project.create(file, { title: 'Frame bench', aspectRatio: '2.39' });
  const perScene = 20;
  for (let s = 0; s * perScene < panels; s++) {
    const scene = createScene(project, { patch: { heading: `INT. ROOM ${s + 1} - NIGHT` } });
    const files = [];
    for (let i = 0; i < Math.min(perScene, panels - s * perScene); i++) {
      const hue = (s * perScene + i) * 37;
      const bytes = await sharp({ create: { width: 480, height: 200, channels: 3, background: { r: hue % 255, g: (hue * 3) % 255, b: (hue * 7) % 255 } } }).png().toBuffer();
      files.push({ bytes, name: `p${i}.png` });
    }
    await addImagePanels(project, { sceneId: scene.id, files });
  }
  project.close();
}

async function startServer(file: string, home: string): Promise<{ origin: string; token: string; stop(): void }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/web/boardwright-web.cjs'), file], {
    cwd: ROOT,
    env: { ...process.env, BOARDWRIGHT_HOME: home },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      if (out.includes('\n')) resolve(out.split('\n')[0]);
    });
    child.once('exit', (code) => reject(new Error(`web server exited with ${code}`)));
  });
  const m = /^Boardwright web: (http:\/\/127\.0\.0\.1:\d+)\/\?token=(\S+)$/.exec(line.trim());
  if (!m) throw new Error(`unexpected web server line: ${line}`);
  return { origin: m[1], token: m[2], stop: () => child.kill('SIGTERM') };
}

export async function measureBoardWhileGenerating(opts: Options) {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'bw-bench-frames-'));
  const file = path.join(home, 'frames.boardwright');
  await makeProject(file, opts.panels);
  const server = await startServer(file, home);
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const res = await fetch(`${server.origin}/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Boardwright-Token': server.token }, body: JSON.stringify(input) });
    const body = (await res.json()) as { ok: boolean; value: T; error?: { message: string } };
    if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
    return body.value;
  };
  // Loaded at run time, not bundled: playwright-core is a dev dependency with optional parts.
  const { chromium } = createRequire(path.join(ROOT, 'package.json'))('playwright-core') as typeof import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 })).newPage();
    await page.goto(`${server.origin}/?token=${server.token}`);
    await page.getByTestId('board-view').waitFor();
    for (let i = 0; i < 100; i++) {
      if (await page.evaluate(() => Object.keys(window.__boardwrightBoard?.cards ?? {}).length > 0)) break;
      await page.waitForTimeout(50);
    }
    const cards = await page.evaluate(() => window.__boardwrightBoard!.cards);
    const first = Object.values(cards)[0];
    await page.mouse.click(first.x + first.width / 2, first.y + first.height / 2);
    if (process.env.BENCH_TAB !== 'shot') {
      await page.getByTestId('side-tab-generate').click();
      await page.getByTestId('gen-generate').waitFor();
    }

    const viewport = (await page.evaluate(() => window.__boardwrightBoard!.viewport))!;
    const cx = viewport.x + viewport.width / 2;
    const cy = viewport.y + viewport.height / 2;
    await page.mouse.move(cx, cy);
    // Main-thread time of the page (Chrome's TaskDuration), a figure that load on other cores disturbs less than frame times.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const taskSeconds = async () => ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0);
    const scrollFor = async (until: () => Promise<boolean>) => {
      await page.evaluate(() => {
        const w = window as unknown as { __frames: number[]; __stop: boolean };
        w.__frames = [];
        w.__stop = false;
        const tick = (t: number) => {
          w.__frames.push(t);
          if (!w.__stop) requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
      let dir = 1;
      for (let n = 0; !(await until()); n++) {
        await page.mouse.wheel(0, 120 * dir);
        if (n % 25 === 24) dir = -dir;
        await page.waitForTimeout(16);
      }
      const frames = await page.evaluate(() => {
        const w = window as unknown as { __frames: number[]; __stop: boolean };
        w.__stop = true;
        return w.__frames;
      });
      return frames.slice(1).map((t, i) => t - frames[i]).slice(2);
    };

    const idleUntil = Date.now() + 3000;
    let t0 = await taskSeconds();
    let w0 = Date.now();
    const idle = await scrollFor(async () => Date.now() > idleUntil);
    const idleBusyPct = (100 * (await taskSeconds() - t0) * 1000) / (Date.now() - w0);

    const board = await call<{ scenes: { panels: { id: string }[] }[] }>('board.get', {});
    const targets = board.scenes.flatMap((s) => s.panels).slice(0, opts.jobs);
    const started = Date.now();
    const jobIds: string[] = [];
    for (const p of targets) {
      const composed = await call<{ text: string }>('generation.composePrompt', { panelId: p.id });
      jobIds.push((await call<{ id: string }>('generation.start', { panelId: p.id, providerId: 'builtin', prompt: composed.text, count: opts.variationsPerJob })).id);
    }
    let jobsMs = 0;
    t0 = await taskSeconds();
    w0 = Date.now();
    const busy = await scrollFor(async () => {
      const jobs = await call<{ id: string; status: string }[]>('generation.jobs', {});
      const done = jobs.filter((j) => jobIds.includes(j.id) && j.status !== 'queued' && j.status !== 'running');
      if (done.length < jobIds.length) return false;
      jobsMs = Date.now() - started;
      const failed = jobs.filter((j) => jobIds.includes(j.id) && j.status !== 'succeeded');
      if (failed.length) throw new Error(`${failed.length} jobs did not succeed: ${JSON.stringify(failed).slice(0, 400)}`);
      return true;
    });
    const jobsBusyPct = (100 * (await taskSeconds() - t0) * 1000) / (Date.now() - w0);
    const variations = (await Promise.all(targets.map((p) => call<unknown[]>('variations.list', { panelId: p.id })))).reduce((n, l) => n + l.length, 0);
    opts.log(`  ${jobIds.length} jobs, ${variations} variations stored in ${jobsMs} ms`);
    return {
      idleP95Ms: round(pct(idle, 95)),
      idleFrames: idle.length,
      busyP95Ms: round(pct(busy, 95)),
      busyMaxMs: round(Math.max(...busy)),
      busyFrames: busy.length,
      variations,
      jobsMs,
      /** Share of wall time the page's main thread was busy, scrolling alone and scrolling while the jobs ran. */
      mainThreadBusyPctIdle: Math.round(idleBusyPct),
      mainThreadBusyPctDuringJobs: Math.round(jobsBusyPct),
    };
  } finally {
    await browser.close();
    server.stop();
    fs.rmSync(home, { recursive: true, force: true });
  }
}
