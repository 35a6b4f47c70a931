import { describe, expect, it } from 'vitest';
import { center, saveScreenshot, waitForBoard } from './browser';
import { waitReady } from './canvas-helpers';
import { useWebApp } from './fixture';
import { sketchPng } from './images';
import type { RunningWebServer } from './web-server';

const fx = useWebApp();

type Shot = [size: string | null, lens: number | null, ms: number, action: string, extra?: Record<string, unknown>];

const SCENES: { heading: string; synopsis: string; shots: Shot[] }[] = [
  {
    heading: 'EXT. LIGHTHOUSE CLIFF — DUSK',
    synopsis: 'Mara reaches the lighthouse as the lamp comes on.',
    shots: [
      ['EWS', 18, 4000, 'Waves crash against the rocks below the lighthouse.', { status: 'approved' }],
      ['WS', 24, 3000, 'Mara climbs the last of the cliff steps, lantern in hand.', { status: 'approved', notes: 'Crane up at the end.' }],
      ['MS', 35, 2500, '', { dialogue: "It's still burning. After all these years.", status: 'review' }],
      ['CU', 85, 1500, 'Her eyes catch the sweep of the beam.', { status: 'review' }],
      ['INSERT', 100, 1000, 'The brass key turns in the lock.'],
    ],
  },
  {
    heading: 'INT. LAMP ROOM — NIGHT',
    synopsis: 'Someone has been keeping the light.',
    shots: [
      ['MWS', 28, 3500, 'The great lens turns slowly, throwing light across the walls.', { status: 'approved' }],
      ['OTS', 50, 2000, '', { dialogue: 'Who kept it lit?', notes: 'Match eyeline with 1D.' }],
      ['ECU', 135, 1200, 'A fingerprint in the soot on the glass.'],
      [null, null, 2000, ''],
    ],
  },
  {
    heading: 'EXT. HARBOUR — NIGHT',
    synopsis: '',
    shots: [
      ['WS', 21, 5000, 'Fishing boats rock at their moorings; one light moves on the water.', { status: 'review' }],
      ['POV', null, 2500, 'Through binoculars: a rowing boat, no one at the oars.'],
    ],
  },
];

async function seed(s: RunningWebServer): Promise<string[]> {
  await s.call('project.new', { title: 'The Lighthouse Keeper', aspectRatio: '2.39' });
  const ids: string[] = [];
  let n = 0;
  for (const spec of SCENES) {
    const scene = await s.call<{ id: string }>('scenes.create', { patch: { heading: spec.heading, synopsis: spec.synopsis } });
    for (const [shotSize, lensMm, durationMs, action, extra] of spec.shots) {
      const panel = await s.call<{ id: string; shotNumber: string }>('panels.create', { sceneId: scene.id, patch: { shotSize, lensMm, durationMs, action, ...extra } });
      n++;
      if (shotSize) {
        const png = await sketchPng(n, panel.shotNumber, 1200, 502);
        await s.call('panels.setImage', { panelId: panel.id, fileName: `${panel.shotNumber}.png`, uploadId: await s.upload('image', png) });
      }
      ids.push(panel.id);
    }
  }
  return ids;
}

describe('the storyboard canvas, as a filmmaker sees it', () => {
  it('saves screenshots of the board, a multi-selection in the inspector and the panel editor; zooms and resizes cards', async () => {
    const ids = await seed(fx.server);
    const app = await fx.open();
    const { page } = app;
    let snap = await waitReady(page);
    const click = async (id: string, modifier?: 'Shift' | 'Control') => {
      const p = center(snap.cards[id]);
      if (modifier) await page.keyboard.down(modifier);
      await page.mouse.click(p.x, p.y);
      if (modifier) await page.keyboard.up(modifier);
    };

    // Keyboard navigation scrolls the selection into view (the timeline sits under the canvas).
    await click(ids[0]);
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
    snap = await waitForBoard(page, (s) => s.selectedPanelId === ids[6] && s.visibleIds.includes(ids[6]));
    await page.getByTestId('inspector-image').waitFor();
    await page.waitForFunction(() => [...document.images].every((i) => i.complete));
    await saveScreenshot(page, 'canvas-board.png');

    await page.keyboard.press('Control+Home');
    snap = await waitForBoard(page, (s) => s.selectedPanelId === ids[0] && s.scrollY === 0);
    await click(ids[1]);
    await click(ids[3], 'Shift');
    await click(ids[0], 'Control');
    snap = await waitForBoard(page, (s) => s.selectedPanelIds.length === 4);
    await page.waitForFunction(() => [...document.images].every((i) => i.complete));
    await saveScreenshot(page, 'canvas-inspector-multi.png');

    // Mid-drag: the stacked cards under the pointer and the insertion bar.
    const from = center(snap.cards[ids[3]]);
    const to = snap.cards[ids[4]];
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x + 4, to.y + to.height / 2, { steps: 10 });
    await saveScreenshot(page, 'canvas-drag.png');
    await page.keyboard.press('Escape'); // cancels the drag: nothing moves
    await page.mouse.up();
    snap = await waitForBoard(page, () => true);
    expect(snap.board.scenes.map((s) => s.panels.length)).toEqual([5, 4, 2]);

    // Right-click menu of a card.
    await page.mouse.click(center(snap.cards[ids[4]]).x, center(snap.cards[ids[4]]).y, { button: 'right' });
    await page.getByTestId('context-menu').waitFor();
    await saveScreenshot(page, 'canvas-context-menu.png');
    await page.keyboard.press('Escape');
    await page.getByTestId('context-menu').waitFor({ state: 'detached' });

    // Ctrl+wheel zooms around the pointer; the card-size slider makes cards smaller (more per row).
    const v = snap.viewport!;
    await page.mouse.move(v.x + 200, v.y + 200);
    await page.keyboard.down('Control');
    for (let i = 0; i < 4; i++) await page.mouse.wheel(0, 120);
    await page.keyboard.up('Control');
    snap = await waitForBoard(page, (s) => s.camera.scale < 0.6);
    expect(await page.getByTestId('zoom-level').textContent()).toBe(`${Math.round(snap.camera.scale * 100)}%`);
    await saveScreenshot(page, 'canvas-zoomed-out.png');
    await page.getByTestId('zoom-level').click();
    snap = await waitForBoard(page, (s) => s.camera.scale === 1);
    const wide = snap.cards[ids[0]].width;
    await page.getByTestId('card-size').fill('0.7');
    snap = await waitForBoard(page, (s) => s.cards[ids[0]].width < wide * 0.85);
    expect(snap.cards[ids[4]].y).toBe(snap.cards[ids[0]].y); // five cards now fit in one row
    await saveScreenshot(page, 'canvas-small-cards.png');
    await page.getByTestId('card-size').fill('1');
    snap = await waitForBoard(page, (s) => s.cards[ids[0]].width === wide);

    // The panel editor with a sketch on the panel.
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
    await waitForBoard(page, (s) => s.selectedPanelId === ids[6]);
    await page.keyboard.press('Enter');
    snap = await waitForBoard(page, (s) => !!s.editor?.loaded && !!s.editor.frame);
    const f = snap.editor!.frame!;
    const line = async (pts: [number, number][]) => {
      await page.mouse.move(f.x + f.width * pts[0][0], f.y + f.height * pts[0][1]);
      await page.mouse.down();
      for (const [x, y] of pts.slice(1)) await page.mouse.move(f.x + f.width * x, f.y + f.height * y, { steps: 8 });
      await page.mouse.up();
    };
    await page.getByRole('radio', { name: 'Ink #ffffff' }).click();
    await line([[0.56, 0.2], [0.62, 0.35], [0.7, 0.42], [0.82, 0.44]]);
    await page.getByRole('radio', { name: 'Ink #c8372d' }).click();
    await line([[0.3, 0.75], [0.45, 0.7], [0.6, 0.72]]);
    await waitForBoard(page, (s) => s.editor?.strokes === 2 && s.editor.pending === 0);
    await saveScreenshot(page, 'canvas-editor.png');
    expect(app.errors).toEqual([]);
  });
});
