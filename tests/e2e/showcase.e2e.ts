import { describe, expect, it } from 'vitest';
import { useWebApp } from './fixture';
import { allPanels, center, colorDistance, sampleColor, saveScreenshot, waitForBoard } from './browser';
import { sketchPng } from './images';
import { type RunningWebServer } from './web-server';

const fx = useWebApp();

interface ShotSpec {
  shotSize?: string;
  lensMm?: number;
  durationMs?: number;
  action?: string;
  dialogue?: string;
  image?: boolean;
}

const SCENES: { heading: string; shots: ShotSpec[] }[] = [
  {
    heading: 'EXT. LIGHTHOUSE CLIFF — DUSK',
    shots: [
      { shotSize: 'EWS', lensMm: 18, durationMs: 4000, action: 'Waves crash against the rocks below the lighthouse.' },
      { shotSize: 'WS', lensMm: 24, durationMs: 3000, action: 'Mara climbs the last of the cliff steps, lantern in hand.' },
      { shotSize: 'MS', lensMm: 35, durationMs: 2500, dialogue: "It's still burning. After all these years." },
      { shotSize: 'CU', lensMm: 85, durationMs: 1500, action: 'Her eyes catch the sweep of the beam.' },
      { shotSize: 'INSERT', lensMm: 100, durationMs: 1000, action: 'The brass key turns in the lock.' },
    ],
  },
  {
    heading: 'INT. LAMP ROOM — NIGHT',
    shots: [
      { shotSize: 'MWS', lensMm: 28, durationMs: 3500, action: 'The great lens turns slowly, throwing light across the walls.' },
      { shotSize: 'OTS', lensMm: 50, durationMs: 2000, dialogue: 'Who kept it lit?' },
      { shotSize: 'ECU', lensMm: 135, durationMs: 1200, action: 'A fingerprint in the soot on the glass.' },
      { durationMs: 2000, image: false },
    ],
  },
  {
    heading: 'EXT. HARBOUR — NIGHT',
    shots: [
      { shotSize: 'WS', lensMm: 21, durationMs: 5000, action: 'Fishing boats rock at their moorings; one light moves on the water.' },
      { shotSize: 'POV', durationMs: 2500, action: 'Through binoculars: a rowing boat, no one at the oars.' },
    ],
  },
];

/** Fills a project through the API with scenes, shots and storyboard sketches. */
async function seedShowcase(s: RunningWebServer): Promise<void> {
  await s.call('project.new', { title: 'The Lighthouse Keeper', aspectRatio: '2.39' });
  let n = 0;
  for (const spec of SCENES) {
    const scene = await s.call<{ id: string }>('scenes.create', { patch: { heading: spec.heading } });
    for (const shot of spec.shots) {
      const { image = true, ...patch } = shot;
      const panel = await s.call<{ id: string; shotNumber: string }>('panels.create', { sceneId: scene.id, patch });
      n++;
      if (image) {
        const wide = n % 4 !== 2; // most sketches at 2.39, some 16:9 to show the letterbox
        const png = await sketchPng(n, panel.shotNumber, wide ? 1200 : 960, wide ? 502 : 540);
        await s.call('panels.setImage', { panelId: panel.id, fileName: `${panel.shotNumber}.png`, uploadId: await s.upload('image', png) });
      }
    }
  }
}

describe('the board with real content', () => {
  it('draws every thumbnail, letterboxed, and selects with a click (screenshot)', async () => {
    await seedShowcase(fx.server);
    const app = await fx.open();
    const { page } = app;
    const withImages = SCENES.flatMap((s) => s.shots).filter((s) => s.image !== false).length;
    let snap = await waitForBoard(page, (s) => Object.values(s.thumbnails).filter((t) => t === 'loaded').length === withImages);
    const panels = allPanels(snap);
    expect(panels).toHaveLength(11);
    expect(panels.map((p) => p.shotNumber)).toEqual(['1A', '1B', '1C', '1D', '1E', '2A', '2B', '2C', '2D', '3A', '3B']);

    // Every loaded thumbnail sits inside its frame; 16:9 sketches are pillarboxed in the 2.39 frame.
    for (const p of panels.filter((p) => p.imageSha256)) {
      const frame = snap.frames[p.id];
      const img = snap.images[p.id];
      expect(img.x).toBeGreaterThanOrEqual(frame.x - 0.5);
      expect(img.x + img.width).toBeLessThanOrEqual(frame.x + frame.width + 0.5);
      expect(img.height).toBeCloseTo(frame.height, 0);
    }
    const boxed = panels[1];
    expect(snap.images[boxed.id].width).toBeLessThan(snap.frames[boxed.id].width - 20);
    const bar = { x: snap.frames[boxed.id].x + 4, y: center(snap.frames[boxed.id]).y };
    expect(colorDistance(await sampleColor(page, bar, 4), [0x0b, 0x0c, 0x0e])).toBeLessThan(10);

    const target = panels[6];
    // The canvas may be shorter than the board (the timeline sits under it): wheel the card into view first.
    const v = snap.viewport!;
    await page.mouse.move(v.x + v.width / 2, v.y + v.height / 2);
    while (snap.cards[target.id].y + snap.cards[target.id].height > v.y + v.height) {
      await page.mouse.wheel(0, 120);
      const before = snap.scrollY;
      snap = await waitForBoard(page, (s) => s.scrollY !== before);
    }
    await page.mouse.click(center(snap.cards[target.id]).x, center(snap.cards[target.id]).y);
    snap = await waitForBoard(page, (s) => s.selectedPanelId === target.id);
    await page.getByTestId('inspector-image').waitFor();
    await page.waitForFunction(() => [...document.images].every((i) => i.complete));
    await saveScreenshot(page, 'board-with-images.png');
    expect(app.errors).toEqual([]);
  });

  it('letterboxes a landscape picture in a vertical (9:16) frame', async () => {
    await fx.server.call('project.new', { title: 'Vertical Teaser', aspectRatio: '9:16' });
    const scene = await fx.server.call<{ id: string }>('scenes.create', { patch: { heading: 'EXT. ROOFTOP — NIGHT' } });
    for (let i = 0; i < 3; i++) {
      const panel = await fx.server.call<{ id: string; shotNumber: string }>('panels.create', { sceneId: scene.id, patch: { shotSize: i ? 'MCU' : 'WS', action: 'Neon signs flicker over the wet roof.' } });
      const png = i === 1 ? await sketchPng(i + 2, panel.shotNumber, 960, 540) : await sketchPng(i + 2, panel.shotNumber, 540, 960);
      await fx.server.call('panels.setImage', { panelId: panel.id, fileName: 'sketch.png', uploadId: await fx.server.upload('image', png) });
    }
    const app = await fx.open();
    const { page } = app;
    const snap = await waitForBoard(page, (s) => Object.values(s.thumbnails).filter((t) => t === 'loaded').length === 3);
    const panels = allPanels(snap);
    const frame = snap.frames[panels[1].id];
    expect(frame.height / frame.width).toBeCloseTo(16 / 9, 1);
    const img = snap.images[panels[1].id];
    expect(img.width).toBeCloseTo(frame.width, 0);
    expect(img.height).toBeLessThan(frame.height / 2);
    const bar = { x: center(frame).x, y: frame.y + 6 };
    expect(colorDistance(await sampleColor(page, bar, 4), [0x0b, 0x0c, 0x0e])).toBeLessThan(10);
    await saveScreenshot(page, 'board-vertical.png');
    expect(app.errors).toEqual([]);
  });

  it('scrolls a long board with the wheel and still hits the right card', async () => {
    await fx.server.call('project.new', { title: 'Long Board' });
    for (let s = 0; s < 6; s++) {
      const scene = await fx.server.call<{ id: string }>('scenes.create', { patch: { heading: `SCENE ${s + 1}` } });
      for (let p = 0; p < 12; p++) await fx.server.call('panels.create', { sceneId: scene.id });
    }
    const app = await fx.open({ width: 1280, height: 720 });
    const { page } = app;
    let snap = await waitForBoard(page, (s) => Object.keys(s.cards).length === 72);
    const viewport = snap.viewport!;
    const last = allPanels(snap).at(-1)!;
    expect(snap.cards[last.id].y).toBeGreaterThan(viewport.y + viewport.height);

    await page.mouse.move(viewport.x + viewport.width / 2, viewport.y + viewport.height / 2);
    for (let i = 0; i < 40; i++) await page.mouse.wheel(0, 400);
    snap = await waitForBoard(page, (s) => s.scrollY > 0 && s.cards[last.id].y + s.cards[last.id].height <= s.viewport!.y + s.viewport!.height);
    const card = center(snap.cards[last.id]);
    await page.mouse.click(card.x, card.y);
    snap = await waitForBoard(page, (s) => s.selectedPanelId === last.id);
    expect(await page.getByTestId('inspector-shot').textContent()).toBe(last.shotNumber);

    // N adds after the selected (last) panel and keeps the new card in view.
    await page.keyboard.press('n');
    snap = await waitForBoard(page, (s) => Object.keys(s.cards).length === 73 && s.selectedPanelId !== last.id);
    const added = snap.cards[snap.selectedPanelId!];
    expect(added.y + added.height).toBeLessThanOrEqual(viewport.y + viewport.height);
    await saveScreenshot(page, 'board-scrolled.png');
    expect(app.errors).toEqual([]);
  });
});
