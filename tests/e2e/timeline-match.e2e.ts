import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Timeline } from '../../shared/domain/animatic';
import { colorDistance, sampleColor, saveScreenshot } from './browser';
import { useWebApp } from './fixture';
import { flatPng, type Rgb } from '../unit/animatic-helpers';

const fx = useWebApp();

/** The colour at the centre of frame `f` of an MP4 (decoded by the system ffmpeg). */
function exportedColour(file: string, f: number): Rgb {
  const raw = execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-vf', `select=eq(n\\,${f}),scale=32:18,crop=4:4:14:7`, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-']);
  const sum = [0, 0, 0];
  for (let i = 0; i < raw.length; i += 3) for (let c = 0; c < 3; c++) sum[c] += raw[i + c];
  return sum.map((s) => Math.round(s / (raw.length / 3))) as Rgb;
}

/** Moves the playhead to frame f by clicking the ruler (2 px a frame at the default zoom and 24 fps). */
async function seekTo(page: Page, f: number): Promise<void> {
  const ruler = (await page.getByTestId('timeline-ruler').boundingBox())!;
  await page.mouse.click(ruler.x + f * 2 + 1, ruler.y + ruler.height / 2);
  const shown = Number(await page.getByTestId('timeline-playhead').getAttribute('data-frame'));
  expect(shown).toBe(f);
}

describe('the player and the export', () => {
  it('show the same picture at the same frame: cuts, a dissolve, a fade', { timeout: 240_000 }, async () => {
    const colours: Rgb[] = [[220, 40, 40], [40, 70, 220], [40, 180, 60]];
    await fx.server.call('project.new', { title: 'Match', aspectRatio: '16:9' });
    const scene = await fx.server.call<{ id: string }>('scenes.create', {});
    const ids: string[] = [];
    for (const rgb of colours) {
      const p = await fx.server.call<{ id: string }>('panels.create', { sceneId: scene.id, patch: { durationMs: 1000 } });
      await fx.server.call('panels.setImage', { panelId: p.id, fileName: 'flat.png', uploadId: await fx.server.upload('image', await flatPng(rgb, 320, 180)) });
      ids.push(p.id);
    }
    await fx.server.call('panels.setTransition', { ids: [ids[1]], transition: 'dissolve', durationMs: 500 });
    await fx.server.call('panels.setTransition', { ids: [ids[2]], transition: 'fade out', durationMs: 500 });
    const out = path.join(fx.server.projectsDir, 'match.mp4');
    await fx.server.call('export.mp4', { path: out, options: { height: 720, fps: 24 } });
    const t0 = Date.now();
    while (!fs.existsSync(out) && Date.now() - t0 < 120_000) await new Promise((r) => setTimeout(r, 200));
    const t = await fx.server.call<Timeline>('timeline.get', {});

    const app = await fx.open();
    const { page } = app;
    await page.getByTestId('timeline-clip').nth(2).waitFor();
    const player = (await page.getByTestId('timeline-player').boundingBox())!;
    const centre = { x: player.x + player.width / 2, y: player.y + player.height / 2 };
    // Frames: inside 1A, the dissolve's first, middle and last frames around the cut at 24, inside 1B,
    // the last frame before the cut to 1C, the fade to black, the very last frame.
    for (const f of [10, 17, 18, 23, 24, 29, 30, 47, 48, 62, 66, 71]) {
      await seekTo(page, f);
      await page.waitForTimeout(50);
      const shown = await sampleColor(page, centre, 6);
      const exported = exportedColour(out, f);
      expect(colorDistance(shown, exported), `frame ${f}: player ${shown}, export ${exported}`).toBeLessThan(14);
    }
    expect(t.segments[1]).toMatchObject({ inBefore: 6, inAfter: 6 });
    await page.getByRole('button', { name: 'Burn-ins' }).click();
    await seekTo(page, 21);
    await saveScreenshot(page, 'timeline-player-dissolve-burnins.png');
    expect(app.errors).toEqual([]);
  });
});
