import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Timeline } from '../../shared/domain/animatic';
import { saveScreenshot, until } from './browser';
import { seedBoard, waitReady } from './canvas-helpers';
import { useWebApp } from './fixture';
import { toneWav } from '../unit/animatic-helpers';

const fx = useWebApp();

const playhead = async (page: Page) => Number(await page.getByTestId('timeline-playhead').getAttribute('data-frame'));
const speed = async (page: Page) => Number(await page.getByTestId('timeline-play').getAttribute('data-speed'));

/** Samples the playhead for a while (the UI moves on animation frames). */
async function sample(page: Page, ms: number): Promise<number[]> {
  const frames: number[] = [];
  const end = Date.now() + ms;
  while (Date.now() < end) {
    frames.push(await playhead(page));
    await new Promise((r) => setTimeout(r, 20));
  }
  return frames;
}

describe('the timeline transport', () => {
  it('J/K/L shuttle, frame steps, scrubbing the ruler and an In–Out loop', { timeout: 180_000 }, async () => {
    // Four panels of 2 s at 24 fps: 192 frames.
    const [ids] = await seedBoard(fx.server, [{ heading: 'EXT. PIER - DAWN', panels: 4 }]);
    await fx.server.call('panels.update', { ids, patch: { durationMs: 2000 } });
    const app = await fx.open();
    const { page } = app;
    await waitReady(page);
    await until(() => page.getByTestId('timeline-clip').count(), (n) => n === 4, 'four clips');
    await page.mouse.click(5, 5);

    // L plays forward; L again doubles the speed; K stops.
    await page.keyboard.press('l');
    await until(() => speed(page), (s) => s === 1, 'L plays at 1x');
    await page.keyboard.press('l');
    expect(await speed(page)).toBe(2);
    await expect(page.locator('.tl-speed').textContent()).resolves.toBe('2×');
    const fast = await sample(page, 400);
    expect(fast.at(-1)!).toBeGreaterThan(fast[0]);
    await page.keyboard.press('k');
    await until(() => speed(page), (s) => s === 0, 'K stops');
    const stopped = await playhead(page);
    await page.waitForTimeout(200);
    expect(await playhead(page)).toBe(stopped);

    // J plays backwards.
    await page.keyboard.press('j');
    expect(await speed(page)).toBe(-1);
    const back = await sample(page, 400);
    expect(back.at(-1)!).toBeLessThan(back[0]);
    await page.keyboard.press('k');

    // Comma and period step one frame.
    const here = await until(() => playhead(page), () => true, 'playhead');
    await page.keyboard.press('.');
    expect(await playhead(page)).toBe(here + 1);
    await page.keyboard.press(',');
    await page.keyboard.press(',');
    expect(await playhead(page)).toBe(here - 1);

    // Scrubbing: pressing on the ruler and dragging moves the playhead to the frame under the pointer.
    const t = await fx.server.call<Timeline>('timeline.get', {});
    const ruler = (await page.getByTestId('timeline-ruler').boundingBox())!;
    const pxPerFrame = 48 / t.fps; // the default zoom: 48 px a second
    const y = ruler.y + ruler.height / 2;
    await page.mouse.move(ruler.x + 10 * pxPerFrame + 1, y);
    await page.mouse.down();
    expect(await playhead(page)).toBe(10);
    await page.mouse.move(ruler.x + 60 * pxPerFrame + 1, y, { steps: 5 });
    expect(await playhead(page)).toBe(60);
    await page.mouse.move(ruler.x + 100 * pxPerFrame + 1, y, { steps: 5 });
    await page.mouse.up();
    expect(await playhead(page)).toBe(100);

    // I at frame 100, O at frame 130: playing loops inside that range.
    await page.mouse.click(5, 5);
    await page.keyboard.press('i');
    for (let i = 0; i < 30; i++) await page.keyboard.press('.');
    expect(await playhead(page)).toBe(130);
    await page.keyboard.press('o');
    await page.keyboard.press('l');
    const looped = await sample(page, 3000); // 30 frames take 1.25 s: at least one wrap
    await page.keyboard.press('k');
    expect(Math.min(...looped)).toBeGreaterThanOrEqual(100);
    expect(Math.max(...looped)).toBeLessThanOrEqual(130);
    const wrapped = looped.some((f, i) => i > 0 && f < looped[i - 1]);
    expect(wrapped).toBe(true);
    await saveScreenshot(page, 'timeline-loop.png');
    expect(app.errors).toEqual([]);
  });

  it('mute and solo per lane, with waveforms drawn from the audio', { timeout: 180_000 }, async () => {
    const [ids] = await seedBoard(fx.server, [{ heading: 'INT. ENGINE ROOM - NIGHT', panels: 3 }]);
    await fx.server.call('panels.update', { ids, patch: { durationMs: 2000 } });
    await fx.server.call('audio.import', { fileName: 'score.wav', uploadId: await fx.server.upload('audio', toneWav(5000, 500, 3000)), kind: 'track', track: 'music', startMs: 0 });
    await fx.server.call('audio.import', { fileName: 'hiss.wav', uploadId: await fx.server.upload('audio', toneWav(4000, 0, 4000)), kind: 'track', track: 'effects', startMs: 1000 });
    const app = await fx.open();
    const { page } = app;
    await waitReady(page);
    const music = page.locator('[data-testid="timeline-audio-clip"][data-track="music"]');
    const effects = page.locator('[data-testid="timeline-audio-clip"][data-track="effects"]');
    await music.waitFor();

    // The waveform shows the tone where it is, silence where it is not.
    const inked = (loc: typeof music, from: number, to: number) =>
      loc.locator('canvas').evaluate((c: HTMLCanvasElement, [a, b]) => {
        const ctx = c.getContext('2d')!;
        const x0 = Math.floor(c.width * a);
        const d = ctx.getImageData(x0, 0, Math.max(1, Math.floor(c.width * b) - x0), c.height).data;
        let n = 0;
        for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
        return n / (d.length / 4);
      }, [from, to] as const);
    const tone = await until(() => inked(music, 0.2, 0.7), (v) => v > 0.2, 'the music waveform is drawn');
    // The first 500 ms of the file are silent: a hairline there, not the tone's full height.
    expect(await inked(music, 0, 0.08)).toBeLessThan(tone / 4);

    const audible = async () => {
      const t = await fx.server.call<Timeline>('timeline.get', {});
      return Object.fromEntries(t.audio.map((c) => [c.track, c.audible]));
    };
    // Mute music: the core's mix drops it, the lane greys it out; the button shows it.
    await page.getByTestId('timeline-mute-music').click();
    await until(audible, (a) => a.music === false && a.effects === true, 'music muted');
    await until(() => music.getAttribute('data-audible'), (v) => v === 'false', 'music clip shown silent');
    expect(await page.getByTestId('timeline-mute-music').getAttribute('aria-pressed')).toBe('true');
    // Unmute, then solo effects: only effects are heard.
    await page.getByTestId('timeline-mute-music').click();
    await until(audible, (a) => a.music === true, 'music unmuted');
    await page.getByTestId('timeline-solo-effects').click();
    await until(audible, (a) => a.music === false && a.effects === true, 'effects soloed');
    await until(() => music.getAttribute('data-audible'), (v) => v === 'false', 'music silent while effects are soloed');
    expect(await effects.getAttribute('data-audible')).toBe('true');
    // Solo is one undoable step.
    expect((await fx.server.call<{ undoLabel: string }>('history.state')).undoLabel).toMatch(/audio/i);
    await saveScreenshot(page, 'timeline-solo.png');
    expect(app.errors).toEqual([]);
  });
});
